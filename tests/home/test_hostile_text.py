"""Hostile text in every text field of every page type and snippet: every public surface still
answers 200 and parses (home.text).

The tree is built once per test; each hostile string then goes into every field an editor types
freely (found from _meta, so a new field or model is covered), every block type of every
StreamField (found from the stream's definition; a block type `block_value` does not know fails),
the inline rows of snippets (opening hours exceptions) and the image's title and description;
the pages and snippets are published, in fi, sv and en, and the pages, RSS feeds, calendars (at
the page and at the stable /<lang>/calendar/<key>.ics addresses), JSON-LD, the Linked Events
JSON and the sitemap are read and parsed. One test
goes the editor's way (text cleaned on input); the other skips the input cleaning, as text
stored before it or written by code that skips full_clean would, to prove each output cleans for
itself. Lone surrogates and NUL cannot be stored at all (neither SQLite nor PostgreSQL takes
surrogates, PostgreSQL no NUL), so that test leaves them out; the first proves they never reach
the database.
"""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import icalendar
import pytest
import vobject
from django import forms
from django.apps import apps
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail_factories import ImageFactory

from events.views import stable_calendar_path, stable_event_path
from home import text
from tests.conftest import translate_tree
from tests.directory.factories import (
    AssociationFactory,
    DirectoryPageFactory,
    PlaceFactory,
    ServiceFactory,
    add_exception,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import StandardPageFactory, TopicFactory

OUR_APPS = ("home", "events", "directory")
# What no database stores: lone surrogates (not encodable) and NUL (PostgreSQL refuses it).
UNSTORABLE_RE = re.compile("[\x00\ud800-\udfff]")
HAZARDS = [
    *map(chr, range(0x20)),
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\u2029",
    "\r\n",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\ufffe",
    "\U0010ffff",
    "\ud800",
    "\udfff",
    "</script>",
    "<!--",
    "]]>",
    "&amp;",
    '"',
    ";",
    ",",
    "\\",
    "END:VCALENDAR",
]
CORPUS = [
    "Kyläjuhla\r\nBEGIN:VEVENT\rUID:x\nEND:VEVENT</script><script>alert(1)</script>]]>"
    + "".join(HAZARDS),
    # 100 kB, multibyte, with an override in every line.
    ("Kylätalon talkoot 🎉 <b>&amp;</b> \u202egnikoot\u202c\r\n" * 3000)[:100_000],
]


def free_text_fields(model):
    """The fields an editor types freely: a plain text input or textarea, any length."""
    fields = []
    for field in model._meta.concrete_fields:
        if not field.editable or field.name in ("slug", "path", "url_path", "draft_title"):
            continue
        formfield = field.formfield()
        if type(formfield) is forms.CharField:
            fields.append(field)
    return fields


def block_value(block, value, image):
    """The stored (JSON) value of `block` with `value` in every text it holds. A block type this
    does not know fails: a new one is filled here before it is published untested."""
    if isinstance(block, ImageBlock):
        return {"image": image.pk, "alt_text": value[:250], "decorative": False}
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_value(child, value, image) for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        return f"<p>{value}</p>"  # 100 kB once per stream is enough; every pass costs time
    if isinstance(block, blocks.ChoiceBlock):
        return block.field.choices[-1][0]
    if isinstance(block, ImageChooserBlock):
        return image.pk
    if isinstance(block, blocks.TextBlock):
        return value[:1000]
    if isinstance(block, blocks.CharBlock):
        return value[: block.field.max_length or 250]
    pytest.fail(f"fill {type(block).__name__} blocks with hostile text")


def fill(instance, value, image):
    # Required fields stay filled after cleaning: a visible word first.
    value = "Kylä " + value
    for field in free_text_fields(type(instance)):
        setattr(instance, field.attname, value[: field.max_length] if field.max_length else value)
    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField):
            stream = [
                {"type": name, "value": block_value(block, value, image)}
                for name, block in field.stream_block.child_blocks.items()
            ]
            setattr(instance, field.attname, field.to_python(json.dumps(stream)))
        elif field.is_relation and field.related_model is get_image_model():
            setattr(instance, field.attname, image.pk)


class Tree:
    def __init__(self, region):
        self.region = region
        home, village = region.home, region.villages[0]
        self.topic = TopicFactory()
        self.calendars = [EventIndexPageFactory(parent=home), EventIndexPageFactory(parent=village)]
        self.directory = DirectoryPageFactory(parent=village)
        self.place = PlaceFactory(villages=[village], topics=[self.topic])
        self.association = AssociationFactory(villages=[village], topics=[self.topic])
        self.service = ServiceFactory(villages=[village], topics=[self.topic])
        for entry in (self.service, self.place):
            add_exception(entry, datetime.date.today(), note="Kesätauko")
        self.image = ImageFactory(title="Kylätalo")
        self.event = EventPageFactory(
            parent=self.calendars[1], frequency="WEEKLY", repeat_count=5, place=self.place,
            organiser=self.association, topics=[self.topic],
        )  # fmt: skip
        self.other_event = EventPageFactory(parent=self.calendars[1], place=None)
        self.standard = StandardPageFactory(parent=village, title="Historia", slug="historia")
        for news in region.village_news_indexes[0].get_children().specific():
            news.topics.set([self.topic])
        # The Swedish and English feeds and calendars are made from the translations.
        translate_tree(home)

    def pages(self, translations=True):
        pages = Page.objects.exclude(depth=1).order_by("path").specific()
        if not translations:
            pages = pages.filter(locale_id=self.region.home.locale_id)
        return list(pages)

    def snippets(self):
        return [self.topic, self.place, self.association, self.service]

    def fill_and_publish(self, value, translations=False):
        """Fill and publish everything with `value`; the translations only when `translations`
        (their output is made by the same code: once per test is enough)."""
        self.image.title = self.image.description = value[:255]
        self.image.save()
        for page in self.pages(translations):
            fill(page, value, self.image)
            page.save_revision().publish()
        for snippet in self.snippets():
            snippet.refresh_from_db()
            fill(snippet, value, self.image)
            for relation in get_all_child_relations(type(snippet)):  # inline rows
                name = relation.get_accessor_name()
                rows = list(getattr(snippet, name).all())
                if free_text_fields(relation.related_model):
                    assert rows, f"{type(snippet).__name__}.{name}: add a row to fill"
                for row in rows:
                    fill(row, value, self.image)
                setattr(snippet, name, rows)
            if hasattr(snippet, "save_revision"):
                snippet.save_revision().publish()
            else:
                snippet.full_clean(exclude=["slug", "translation_key", "locale"])
                snippet.save()
        # Directory entries changed: the events that use them are rewritten (events.signals).
        cache.clear()

    def urls(self, translations=True):
        pages = self.pages(translations)
        urls = {page.url for page in pages}
        for page in pages:
            name = type(page).__name__
            if name == "NewsIndexPage":
                urls.add(page.url + "feed/")
            elif name == "EventIndexPage":
                urls |= {page.url + "feed.ics", page.url + "archive/", stable_calendar_path(page)}
            elif name == "EventPage":
                urls |= {page.url + "ical/", stable_event_path(page)}
        for entry in (self.place, self.association, self.service):
            urls.add(
                self.directory.url + self.directory.reverse_subpage(
                    "entry", args=(entry.type_slug, entry.slug)
                )
            )  # fmt: skip
        api = [
            f"/linkedevents/v1/{kind}/" for kind in ("event", "place", "keyword", "organization")
        ]
        return sorted(urls) + ["/sitemap.xml", "/fi/haku/?q=kyl%C3%A4"] + api


def strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from strings(item)


def assert_surfaces_parse(client, tree, html_cleaned=True, translations=False):
    """Every surface answers 200 and parses; none but HTML (Django escapes it, and only the
    input cleaning removes what it cannot see) has a control or invisible character."""
    feeds = calendars = jsonld_blocks = api = 0
    for url in tree.urls(translations):
        response = client.get(url)
        assert response.status_code == 200, url
        content_type = response["Content-Type"]
        body = response.content.decode("utf-8")
        if html_cleaned or "html" not in content_type:
            assert not text.INVISIBLE_RE.search(body), url
        if "rss" in content_type:
            feed = feedparser.parse(response.content)
            assert not feed.bozo, (url, feed.bozo_exception)
            assert feed.entries, url
            feeds += 1
        elif "calendar" in content_type:
            calendar = icalendar.Calendar.from_ical(response.content)
            vobject.readOne(body)
            assert calendar.walk("VEVENT"), url
            calendars += 1
        elif url == "/sitemap.xml":
            ET.fromstring(response.content)  # noqa: S314 (our own output)
        elif "json" in content_type:
            data = json.loads(body)
            assert not any(text.INVISIBLE_RE.search(value) for value in strings(data)), url
            api += 1
        else:
            for block in re.findall(
                r'<script type="application/ld\+json">(.*?)</script>', body, re.S
            ):
                data = json.loads(block)
                assert not any(text.INVISIBLE_RE.search(value) for value in strings(data)), url
                jsonld_blocks += 1
    # Every language's three news feeds, two calendars at two addresses and two events at two;
    # JSON-LD of every language's events and the three directory entries.
    languages = 3 if translations else 1
    assert feeds >= 3 * languages and calendars >= 8 * languages and api == 4
    assert jsonld_blocks >= 3 + 2 * languages, (
        feeds, calendars, jsonld_blocks, api
    )  # fmt: skip


@pytest.fixture
def tree(region, client):
    cache.clear()
    tree = Tree(region)
    ours = {m for m in apps.get_models() if m._meta.app_label in OUR_APPS}
    page_models = {m for m in ours if issubclass(m, Page)}
    assert {type(page) for page in tree.pages()} == page_models, "a page type is not covered"
    snippet_models = {m for m in get_snippet_models() if m._meta.app_label in OUR_APPS}
    assert {type(s) for s in tree.snippets()} == snippet_models, "a snippet type is not covered"
    yield tree
    cache.clear()


# Runs of hazards and arbitrary code points (surrogates included).
hostile_text = st.lists(
    st.one_of(st.sampled_from(HAZARDS), st.characters(exclude_categories=())),
    min_size=1,
    max_size=30,
).map("".join)
example_settings = settings(
    max_examples=2,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


def test_hostile_text_is_cleaned_on_input_and_every_surface_parses(client, tree):
    for value in CORPUS:
        first = value is CORPUS[0]
        tree.fill_and_publish(value, translations=first)
        assert_surfaces_parse(client, tree, translations=first)
        # Nothing a reader cannot see reached the database; a title is one line.
        event = type(tree.event).objects.get(pk=tree.event.pk)
        assert not text.LINE_BREAK_RE.search(event.title)
        assert not text.INVISIBLE_RE.search(event.title + event.summary + event.accessibility)
        image = type(tree.image).objects.get(pk=tree.image.pk)
        assert not text.INVISIBLE_RE.search(image.title + image.description)

    @example_settings
    @given(value=hostile_text)
    def examples(value):
        tree.fill_and_publish(value)
        assert_surfaces_parse(client, tree)

    examples()


def test_every_output_cleans_text_stored_without_input_cleaning(client, tree, monkeypatch):
    monkeypatch.setattr(text, "clean_model_text", lambda instance: None)
    for value in CORPUS:
        first = value is CORPUS[0]
        tree.fill_and_publish(UNSTORABLE_RE.sub("", value), translations=first)
        assert_surfaces_parse(client, tree, html_cleaned=False, translations=first)
