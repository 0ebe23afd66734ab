"""One row per entry in the admin's lists, in the editor's language (issue 11, item 3).

A translatable snippet (a directory entry) has a row per language, and Wagtail lists every row:
each entry three times under a "Locale" column. Our listings and choosers show each entry once,
the translation in the editor's admin language when there is one, else the Finnish source (else
whichever translation exists), with a column that says which languages exist and which are
missing; Wagtail's status column says live, draft, live + draft or scheduled.

`one_per_entry` narrows a queryset that is already scoped (home.roles.narrow_entries): it only
leaves rows out, so scope and filters apply as before. A search matches the entry, not the row
shown (`search_entries`): a Swedish editor finds Bybutiken by its Finnish name Kyläkauppa, in the
listing and in the chooser alike. `describe_translations` fills in what the columns show for one
page of rows, in two queries whatever the page size. `OnePerEntryIndexMixin` and
`OnePerEntryChooserMixin` put these together for a snippet's listing and its chooser (the
directory's entries, topics).

Pages have a row per language too, and Wagtail's page search and the page chooser's search list
each page three times. `search_pages` finds pages by any translation's title, one row each, and
`PageTranslationStatusColumn` says which languages a page exists in (home.admin_scope's chooser
views, home.page_search).
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
from wagtail.admin.ui.tables import Column, LocaleColumn
from wagtail.models import DraftStateMixin, Page, Revision


def one_per_entry(queryset, language_code=None):
    """The rows of `queryset` that stand for their entry: the translation in `language_code`
    (the active language) if there is one, else the Finnish source, else the oldest row.

    Written as `pk IN (…)`, the one kind of filter Wagtail's search backend accepts besides its
    filter fields (the chooser searches through it).
    """
    language_code = language_code or get_language() or settings.LANGUAGE_CODE
    rows = queryset.model._default_manager.all()
    rank = Case(
        When(locale__language_code=language_code, then=Value(0)),
        When(locale__language_code=settings.LANGUAGE_CODE, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    best = (
        rows.filter(translation_key=OuterRef("translation_key"))
        .annotate(_rank=rank)
        .order_by("_rank", "pk")
        .values("pk")[:1]
    )
    return queryset.filter(pk__in=rows.filter(pk=Subquery(best)).values("pk"))


SEARCH_WORDS = 10


def search_entries(queryset, query, fields):
    """The rows of `queryset` whose entry has a translation, any translation, with every word
    of `query` in one of its `fields` (a part of a word will do: "kauppa" finds Kyläkauppa).

    Only translation keys come from the search over every row; the rows returned are those of
    `queryset`, so its scope and its one row per entry stay as they were. The first
    `SEARCH_WORDS` words count (each adds a condition to one SQL query).
    """
    if not fields:
        return queryset.none()
    rows = queryset.model._default_manager.all()
    for word in query.split()[:SEARCH_WORDS]:
        matches = Q()
        for field in fields:
            matches |= Q(**{f"{field}__icontains": word})
        rows = rows.filter(matches)
    return queryset.filter(translation_key__in=rows.values("translation_key"))


def villages_by_key(keys):
    """{translation key: every row of the village} for the villages of `keys` (one query)."""
    from .models import VillagePage

    rows = defaultdict(list)
    for village in VillagePage.objects.filter(translation_key__in=keys).select_related("locale"):
        rows[village.translation_key].append(village)
    return rows


def shown_row(rows, language_code):
    """Of a page's or entry's rows (already fetched), the one `one_per_entry` would show."""
    by_language = {row.locale.language_code: row for row in rows}
    return (
        by_language.get(language_code)
        or by_language.get(settings.LANGUAGE_CODE)
        or min(rows, key=lambda row: row.pk)
    )


def source_row(rows):
    return shown_row(rows, settings.LANGUAGE_CODE)


def describe_translations(objects):
    """`objects` (one page of a listing) as a list, each entry told the languages it exists in
    and its scheduled revision (`with_scheduled_revisions`)."""
    return with_languages(with_scheduled_revisions(objects))


def with_languages(objects):
    """`objects` (entries of one model, or pages) as a list, each told the languages it exists
    in (`translation_languages`), in one query."""
    objects = list(objects)
    if not objects:
        return objects
    # A listing of pages mixes page types; their translations are of the same type.
    model = Page if isinstance(objects[0], Page) else type(objects[0])
    languages = defaultdict(set)
    keys = {entry.translation_key for entry in objects}
    for key, code in model._default_manager.filter(translation_key__in=keys).values_list(
        "translation_key", "locale__language_code"
    ):
        languages[key].add(code)
    for entry in objects:
        entry.translation_languages = languages[entry.translation_key]
    return objects


def with_scheduled_revisions(objects):
    """`objects` (snippets of one model) as a list, each told its scheduled revision in one
    query: Wagtail's status ("scheduled", "live + scheduled") asks for it row by row."""
    objects = list(objects)
    if not objects or not isinstance(objects[0], DraftStateMixin):
        return objects
    model = type(objects[0])
    scheduled = {}
    revisions = Revision.objects.filter(
        base_content_type=model.get_base_content_type(),
        object_id__in=[str(obj.pk) for obj in objects],
        approved_go_live_at__isnull=False,
    ).order_by("-created_at", "-id")
    for revision in revisions:
        scheduled.setdefault(revision.object_id, revision)
    for obj in objects:
        obj.__dict__["scheduled_revision"] = scheduled.get(str(obj.pk))
    return objects


def translation_status(languages):
    """'fi, sv · en puuttuu': the content languages the entry exists in, then those missing."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    present = ", ".join(code for code in codes if code in languages)
    missing = [code for code in codes if code not in languages]
    if not missing:
        return present
    return ngettext(
        "%(present)s · %(missing)s is missing",
        "%(present)s · %(missing)s are missing",
        len(missing),
    ) % {"present": present, "missing": ", ".join(missing)}


class TranslationStatusColumn(Column):
    """Which languages an entry exists in (rows passed through `describe_translations`)."""

    def __init__(self, name="translation_status", **kwargs):
        kwargs.setdefault("label", _("Language versions"))
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        return translation_status(getattr(instance, "translation_languages", ()))


class PageTranslationStatusColumn(TranslationStatusColumn):
    """The languages of each page of a page table, asked for once for the table's rows (the
    page chooser builds its table inside its view, with no step for `describe_translations`)."""

    def get_cell_context_data(self, instance, parent_context):
        table = parent_context["table"]
        if not getattr(table, "translations_described", False):
            with_languages(row for row in table.data if isinstance(row, Page))
            table.translations_described = True
        return super().get_cell_context_data(instance, parent_context)


def search_pages(pages, query, search=None):
    """The pages of `pages` that have a translation in `pages` found by `query`, one row each
    (`one_per_entry`), as a queryset: a Swedish editor finds Bybutiken by its Finnish title.

    `search` (a queryset -> search results) is the search to run, `autocomplete` unless given.
    The database search backend's results are a queryset: only their translation keys are
    used, in a subquery, so no list of matches is built in Python.
    """
    found = search(pages) if search else pages.autocomplete(query, order_by_relevance=False)
    keys = found.get_queryset().values("translation_key")
    return one_per_entry(pages).filter(translation_key__in=keys)


class OnePerEntryFilterSet(WagtailFilterSet):
    """A listing's filters without Wagtail's locale filter, which would pick rows by language
    when every entry is shown once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("locale", None)


class OnePerEntryIndexMixin:
    """A snippet listing (IndexView) with a row per entry in the admin language, searched over
    every translation, with the entries' languages (TranslationStatusColumn in list_display)."""

    def scoped(self, queryset):
        """The rows the user may see (every row, unless a subclass narrows them)."""
        return queryset

    def get_base_queryset(self):
        return one_per_entry(self.scoped(super().get_base_queryset()))

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_entries(queryset, self.search_query, self.search_fields or ())

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = describe_translations(page.object_list)
        return paginator, page, page.object_list, is_paginated


class EntrySearchForm(SearchFilterMixin, BaseFilterForm):
    """A chooser's search (Wagtail's field) that finds entries by any translation's text, and
    no language filter; `search_fields` are those of the model's snippet listing."""

    search_fields = ()

    def filter(self, objects):
        query = self.cleaned_data.get("q")
        if query:
            objects = search_entries(objects, query, self.search_fields)
            self.is_searching = True
            self.search_query = query
        return objects


class OnePerEntryChooserMixin:
    """A snippet chooser (its choose and results views) that lists what the listing lists."""

    def scoped(self, queryset):
        return queryset

    def get_object_list(self):
        return one_per_entry(self.scoped(super().get_object_list()))

    def get_filter_form(self):
        form = EntrySearchForm(self.request.GET)
        form.search_fields = self.model_class.snippet_viewset.search_fields or ()
        return form

    def get_results_page(self, request):
        page = super().get_results_page(request)
        page.object_list = describe_translations(page.object_list)
        return page

    @property
    def columns(self):
        columns = [column for column in super().columns if not isinstance(column, LocaleColumn)]
        columns.insert(1, TranslationStatusColumn(sort_key=None))
        return columns
