"""RSS 2.0 feed of a news index: the same items the index lists, with absolute URLs."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from . import text
from .models import attach_topics, news_queryset
from .site_urls import absolute_url


def _xml(value):
    if isinstance(value, str):
        return text.xml_text(value)
    if isinstance(value, list | tuple):
        return [_xml(item) for item in value]
    return value


class CleanRss201rev2Feed(Rss201rev2Feed):
    """RSS whose every text, from whichever method of the Feed, is cleaned for XML (home.text):
    one control character in one title would otherwise make the whole feed answer 500."""

    def __init__(self, *args, **kwargs):
        super().__init__(*map(_xml, args), **{key: _xml(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(_xml, args), **{key: _xml(value) for key, value in kwargs.items()})


class NewsFeed(Feed):
    feed_type = CleanRss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index_page.title} – {self.index_page.scope.title}"

    def link(self):
        return self.index_page.get_full_url(self.request)

    def feed_url(self):
        return absolute_url(self.request)

    def description(self):
        return self.index_page.intro or self.index_page.title

    def items(self):
        items = list(news_queryset(self.index_page.scope)[: settings.KYLATORI_FEED_ITEMS])
        attach_topics(items)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        # Stable across renames and moves (the URL is not).
        return f"urn:uuid:{item.translation_key}:{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        # The editor's date at noon local time, unless the page was first published that day.
        published = item.first_published_at
        if published and timezone.localdate(published) == item.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topic_list]
