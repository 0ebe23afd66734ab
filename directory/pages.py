"""DirectoryPage: the associations, services and places of a village, or of a whole region."""

from django import forms
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale, Page

from home import params
from home.models import HomePage, Topic, VillagePage
from home.pagination import paginate
from home.text import CleanTextMixin
from home.visibility import AliasSourceRestrictionsMixin, public
from kylatori.csp import allow_sources

from .map import TILE_SERVER
from .map import tile_map as map_of

# Seconds a shared cache may keep a page that shows a live opening-hours status.
STATUS_MAX_AGE = 300


def week_rows(hours, now):
    """The coming seven days for the hours table, formatted in the active language."""
    from .hours import format_ranges, weekday_name

    return [
        {
            "name": weekday_name(day.date.weekday()),
            "date": day.date,
            "closed": day.is_closed,
            "hours": format_ranges(day.ranges),
            "reason": day.reason,
        }
        for day in hours.week(timezone.localdate(now))
    ]


def hours_context(hours, now):
    """What an entry's page shows of its hours: status, the coming week, the exceptions of the
    next EXCEPTION_DAYS days (the week table shows only seven)."""
    if hours is None or hours.is_empty:
        return {"hours": hours, "status": None, "week_rows": None, "exceptions": None}
    from .hours import EXCEPTION_DAYS, format_ranges

    exceptions = [
        {"start": e.start, "end": e.end, "closed": e.closed, "hours": format_ranges(e.ranges),
         "note": e.note}
        for e in hours.exceptions_ahead(timezone.localdate(now))
    ]  # fmt: skip
    return {
        "hours": hours,
        "status": hours.status(now),
        "week_rows": week_rows(hours, now),
        "exceptions": exceptions,
        "exception_days": EXCEPTION_DAYS,
    }


def map_query(values, page_number, show_map):
    """The listing's query with the map shown (or hidden), keeping its filters and page: the
    valid values only, so that an address's junk is not copied into the page's links."""
    query = {name: "on" if value is True else value for name, value in values.items() if value}
    if page_number > 1:
        query["page"] = page_number
    if not show_map:
        query["map"] = "1"
    return urlencode(query)


def status_cache_control(response):
    """ "Open, closes 16.00" goes stale without any publish to purge a CDN: cache briefly."""
    patch_cache_control(response, s_maxage=STATUS_MAX_AGE, max_age=STATUS_MAX_AGE)
    return response


class DirectoryFilterForm(forms.Form):
    type = params.ChoiceField(label=_("Type"), required=False)
    kind = params.ChoiceField(label=_("Kind of service"), required=False)
    topic = params.ChoiceField(label=_("Topic"), required=False)
    village = params.ChoiceField(label=_("Village"), required=False)
    open = forms.BooleanField(label=_("Open now"), required=False)
    map = params.ChoiceField(label=_("Map"), required=False, choices=[("", ""), ("1", "1")])


class DirectoryPage(AliasSourceRestrictionsMixin, CleanTextMixin, RoutablePageMixin, Page):
    """Lists what belongs to the villages below this page's parent; one address per entry."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage", "home.VillagePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("directory page")

    @cached_property
    def scope(self):
        return self.get_parent().specific

    @property
    def is_region_directory(self):
        return isinstance(self.scope, HomePage)

    @cached_property
    def scope_villages(self):
        """The villages this page lists, in the page's language, by translation key."""
        if self.is_region_directory:
            villages = public(VillagePage.objects.child_of(self.scope)).order_by("title")
            return {village.translation_key: village for village in villages}
        return {self.scope.translation_key: self.scope}

    def get_sitemap_urls(self, request=None):
        """The page and, on a village's directory, the entries translated into its language.

        A region's directory shows the same entries at other addresses, and an untranslated
        entry shows the Finnish text: neither is listed, so that search engines see each text
        once.
        """
        from home.roles import entries_of_villages

        from .models import ENTRY_MODELS

        urls = super().get_sitemap_urls(request)
        if self.is_region_directory:
            return urls
        base = self.get_full_url(request)
        for type_slug, model in ENTRY_MODELS.items():
            entries = entries_of_villages(
                model.objects.filter(live=True, locale_id=self.locale_id),
                [self.scope.translation_key],
            ).order_by("slug")
            for slug, lastmod in entries.values_list("slug", "last_published_at"):
                urls.append(
                    {
                        "location": base + self.reverse_subpage("entry", args=(type_slug, slug)),
                        "lastmod": lastmod,
                    }
                )
        return urls

    def filter_form(self, request, topics):
        """The directory's filters read through a form (home.params): an unknown type, kind,
        topic or village is left out, and the page says so."""
        from .models import ENTRY_MODELS, Service

        form = DirectoryFilterForm(request.GET or None)
        form.fields["type"].choices = [("", "")] + [(slug, slug) for slug in ENTRY_MODELS]
        form.fields["kind"].choices = [("", "")] + Service.Kind.choices
        form.fields["topic"].choices = [("", "")] + [(t.slug, t.name) for t in topics]
        if self.is_region_directory:
            form.fields["village"].choices = [("", "")] + [
                (village.slug, village.title) for village in self.scope_villages.values()
            ]
        else:
            del form.fields["village"]
        data = params.valid_data(form)
        values = {name: data.get(name, "") for name in ("type", "kind", "topic", "village")}
        values["open"] = data.get("open", False)
        if values["kind"] and values["type"] not in ("", Service.type_slug):
            values["kind"] = ""
        return values, form, data.get("map") == "1"

    def topic_choices(self):
        from .listing import collation_key, entry_locales

        active, default = entry_locales()
        topics = {t.translation_key: t for t in Topic.objects.filter(locale=default)}
        if active != default:
            topics.update({t.translation_key: t for t in Topic.objects.filter(locale=active)})
        return sorted(topics.values(), key=lambda topic: collation_key(topic.name))

    @path("")
    def index_view(self, request):
        from .listing import load_rows, localize_related, select_rows
        from .models import ENTRY_MODELS, Service

        topics = self.topic_choices()
        values, form, show_map = self.filter_form(request, topics)
        villages = self.scope_villages
        keys = list(villages)
        if values["village"]:
            keys = [k for k, v in villages.items() if v.slug == values["village"]]
        now = timezone.now()
        rows = select_rows(
            keys,
            types=[values["type"]] if values["type"] else None,
            kind=values["kind"] or None,
            topic=values["topic"] or None,
            open_at=now if values["open"] else None,
        )
        page_obj = paginate(request, rows)
        entries = load_rows(page_obj.object_list)
        localize_related(entries, villages if self.is_region_directory else None)
        for entry in entries:
            entry.status = (
                entry.get_opening_hours().status(now)
                if hasattr(entry, "get_opening_hours")
                else None
            )
        tile_map = map_of(entries) if show_map else None
        response = self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "entries": entries,
                "filters": values,
                "type_choices": [
                    (slug, m._meta.verbose_name_plural) for slug, m in ENTRY_MODELS.items()
                ],
                "kind_choices": Service.Kind.choices,
                "topic_choices": topics,
                "filter_form": form,
                "village_choices": list(villages.values()) if self.is_region_directory else None,
                "is_filtered": any(values.values()),
                "show_map": show_map,
                "tile_map": tile_map,
                "map_query": map_query(values, page_obj.number, show_map),
            },
        )
        if tile_map is not None:
            allow_sources(response, {"img-src": [TILE_SERVER]})
        return status_cache_control(response)

    @path("<str:type_slug>/<slug:slug>/", name="entry")
    def entry_view(self, request, type_slug, slug):
        from .jsonld import entry_jsonld
        from .listing import find_entry, localize_related
        from .models import ENTRY_MODELS

        model = ENTRY_MODELS.get(type_slug)
        if model is None:
            raise Http404
        entry = find_entry(model, slug, list(self.scope_villages))
        if entry is None:
            raise Http404
        localize_related([entry], self.scope_villages)
        now = timezone.now()
        meeting_place = getattr(entry, "meeting_place", None)
        if meeting_place is not None and meeting_place.live:
            # The place in the visitor's language if translated (its slug is the same in all),
            # with its live status: when the club's hall is open today. It is linked when it has
            # a page under this directory (a place of this directory's villages).
            place = meeting_place.get_translation_or_none(Locale.get_active())
            if place is None or not place.live:
                place = meeting_place
            place.status = place.get_opening_hours().status(now)
            place.in_scope = any(
                village.translation_key in self.scope_villages for village in place.villages.all()
            )
            entry.meeting_place_localized = place
        hours = entry.get_opening_hours() if hasattr(entry, "get_opening_hours") else None
        response = self.render(
            request,
            template="directory/entry_detail.html",
            context_overrides={
                "entry": entry,
                **hours_context(hours, now),
                "jsonld": entry_jsonld(entry, request, self, hours),
            },
        )
        return status_cache_control(response)
