"""The search page of a region, in the visitor's language: /<lang>/haku/?q=...&village=&kind=."""

from dataclasses import dataclass

from django import forms
from django.db.models import Min
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from home import params
from home.models import VillagePage
from home.pagination import paginate
from home.visibility import public

from .models import SearchDocument
from .query import EXCERPT_WORDS, MAX_QUERY_CHARACTERS, Scope, highlight, match, parse

Kind = SearchDocument.Kind


@dataclass
class Result:
    """One result as the page shows it."""

    document: SearchDocument
    url: str
    title: str  # HTML, matched words in <mark>
    excerpt: str  # HTML, matched words in <mark>
    villages: list
    date: object = None  # a news item's date, or an event's next (or last) date
    upcoming: bool = False

    @property
    def kind_label(self):
        return self.document.get_kind_display()


class SearchFilterForm(forms.Form):
    """The narrowing choices of a search (home.params): an unknown one is reported and left out."""

    village = params.ChoiceField(label=_("Village"), required=False)
    kind = params.ChoiceField(label=_("Type"), required=False, choices=[("", "")] + Kind.choices)

    def __init__(self, *args, villages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].choices = [("", "")] + [(v.slug, v.title) for v in villages]


def search_view(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site answers at this address.")
    language = translation.get_language()
    region = site.root_page.localized
    villages = list(public(VillagePage.objects.child_of(region)).order_by("title"))
    form = SearchFilterForm(request.GET or None, villages=villages)
    data = params.valid_data(form)
    village = next((v for v in villages if v.slug == data.get("village")), None)
    kind = data.get("kind", "")
    query = parse(request.GET.get("q", ""), language)
    context = {
        "query_text": request.GET.get("q", "")[:MAX_QUERY_CHARACTERS],
        "query": query,
        "villages": villages,
        "selected_village": village,
        "kinds": Kind.choices,
        "selected_kind": kind,
        "filtered": bool(village or kind),
        "filter_form": form,
        "region": region,
    }
    if query:
        village_key = village.translation_key if village else None
        scope = Scope(language, site.root_page.translation_key, village_key, kind)
        matches = match(query, scope)
        page_obj = paginate(request, matches)
        context.update(
            page_obj=page_obj,
            all_words=matches.all_words,
            results=results(request, page_obj.object_list, query, language, region.locale_id),
        )
    response = TemplateResponse(request, "search/search_page.html", context)
    # Results follow every publish; a shared cache must not keep them.
    response["Cache-Control"] = "private, max-age=0"
    return response


def results(request, rows, query, language, locale_id):
    """The page's results with their addresses, villages and dates, in a fixed few queries."""
    from events.models import EventOccurrence

    ids = [row["document"] for row in rows]
    documents = SearchDocument.objects.select_related("page", "page__locale").in_bulk(ids)
    documents = [documents[pk] for pk in ids if pk in documents]
    village_keys = {key for document in documents for key in document.village_keys.split()}
    village_names = {
        str(key): title
        for key, title in VillagePage.objects.filter(
            translation_key__in=village_keys, locale_id=locale_id
        ).values_list("translation_key", "title")
    }
    event_ids = [d.object_id for d in documents if d.kind == Kind.EVENT]
    next_dates = dict(
        EventOccurrence.objects.filter(event_id__in=event_ids, start__gte=timezone.now())
        .values("event_id")
        .annotate(next=Min("start"))
        .values_list("event_id", "next")
    )
    terms = query.terms
    shown = []
    for document in documents:
        next_start = next_dates.get(document.object_id) if document.kind == Kind.EVENT else None
        shown.append(
            Result(
                document=document,
                url=document.page.get_url(request) + document.url_suffix,
                title=highlight(document.title, terms, language),
                excerpt=highlight(document.text, terms, language, limit=EXCERPT_WORDS),
                villages=[
                    village_names[key]
                    for key in document.village_keys.split()
                    if key in village_names
                ],
                date=timezone.localtime(next_start).date() if next_start else document.date,
                upcoming=next_start is not None,
            )
        )
    return shown
