"""The region a request is for, and what of it the public may see (home.visibility).

A region is the Wagtail Site of the request's host: its root page and that page's translations
(wagtail-localize keeps each language's tree beside the Finnish one). Nothing outside those trees
is ever listed or looked up: another region's events, places and villages are not found on this
host, even by id.
"""

from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, Site

from directory.models import DirectoryPage, Place
from events.models import EventPage
from home.models import HomePage, VillagePage
from home.visibility import hidden_prefixes, live_hidden_q, public


class Region:
    def __init__(self, request):
        site = Site.find_for_request(request)
        if site is None:
            raise Http404
        self.request = request
        self.site = site
        self.homes = list(
            Page.objects.filter(translation_key=site.root_page.translation_key).only(
                "pk", "path", "translation_key", "locale_id"
            )
        )

    def within(self, field="path"):
        """The condition "in this region's trees" on a page path (or `field`, e.g. page__path)."""
        condition = Q(pk__in=[])
        for home in self.homes:
            condition |= Q(**{f"{field}__startswith": home.path})
        return condition

    @cached_property
    def hidden_prefixes(self):
        """home.visibility.hidden_prefixes(), read once for the request."""
        return hidden_prefixes()

    def public(self, queryset, via=""):
        """home.visibility.public(queryset, via) with the request's hidden prefixes."""
        return public(queryset, via, prefixes=self.hidden_prefixes)

    def pages(self, model):
        """Public pages of `model` in the region (every language)."""
        return self.public(model.objects.filter(self.within()))

    @cached_property
    def unlisted_events(self):
        """The translation keys of the events with a live page in the region that the public may
        not see (a list; an empty one for most requests): their stored list rows, made from every
        live page, do not say what the public sees (linkedevents.events)."""
        pages = EventPage.objects.filter(self.within(), live_hidden_q(self.hidden_prefixes))
        return list(pages.order_by().values_list("translation_key", flat=True).distinct())

    @cached_property
    def events(self):
        return self.pages(EventPage)

    @cached_property
    def organization_pages(self):
        """Public villages and the region's home pages, every language, with their locale."""
        # Only what an organization, a publisher and an address are made of: not the pages' body.
        fields = ["path", "depth", "translation_key", "locale", "title", "alias_of_id", "live",
                  "first_published_at", "last_published_at", "url_path"]  # fmt: skip
        # By content type too: its index finds the few villages among thousands of events (the
        # path condition alone reads every page).
        villages = self.pages(VillagePage).filter(content_type=self.content_type(VillagePage))
        homes = self.pages(HomePage).filter(content_type=self.content_type(HomePage), depth=2)
        villages = villages.select_related("locale").only(*fields)
        homes = homes.select_related("locale").only(*fields)
        return list(villages) + list(homes)

    @staticmethod
    def content_type(model):
        return ContentType.objects.get_for_model(model)  # cached by Django

    def village_keys(self):
        return {page.translation_key for page in self.organization_pages if page.depth > 2}

    def places(self):
        """Live place rows (any language) of the region's public villages."""
        through = Place.villages.through
        in_region = through.objects.filter(
            villagepage__translation_key__in=self.village_keys()
        ).values("place_id")
        return Place.objects.filter(pk__in=in_region, live=True)

    def directory_pages(self):
        return list(self.pages(DirectoryPage).select_related("locale").only(
            "pk", "path", "depth", "url_path", "locale", "translation_key"
        ))  # fmt: skip
