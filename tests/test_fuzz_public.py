"""Hostile query strings on every public address: a page, a message or a 400, never a 5xx.

A fixed corpus (huge and negative integers, dates outside every calendar, 1000 repeated values,
hundreds of distinct values, control characters, NUL, SQL, unicode, very long strings, PHP-style
arrays, unknown names) goes to every route with every parameter name any public view reads;
hypothesis then tries a limited number of random combinations on top.
"""

import datetime
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.directory.factories import AssociationFactory, DirectoryPageFactory, PlaceFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import TopicFactory

# Every parameter a public view reads, and a few it does not.
NAMES = [
    "page", "start", "end", "village", "topic", "free", "place", "organiser", "q", "kind",
    "type", "p", "next", "year", "month", "format", "unknown",
    # The Linked Events API's
    "page_size", "days", "keyword", "location", "publisher", "text", "include", "sort",
    "super_event", "super_event_type", "recurring", "last_modified_since",
]  # fmt: skip

HOSTILE = [
    "9" * 5000,  # beyond int()'s 4300 digits
    "-1",
    "1e308",
    "0001-01-01",
    "9999-12-31",
    "3000-01-01",
    "\x00",
    "\x01\x08\x1b[31m\r\n\t",
    "\u202e\u200b\ufeff\ud800",  # bidi override, invisible, a lone surrogate
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    "x" * 100_000,
    "lankipohja",  # a real slug, in the wrong place for most names
    "",
]
# Pages that read no parameter get the few values that could break any page.
SHORT = ["9" * 5000, "\x00", "\ud800", "x" * 100_000]


def query_string(pairs):
    return urlencode(
        [(name, value.encode("utf-8", "surrogatepass")) for name, value in pairs], doseq=False
    )


@pytest.fixture
def site_routes(client, region):
    """The address of every kind of public page, in every language where that differs."""
    home, village = region.home, region.villages[0]
    topic = TopicFactory(name="Liikunta", slug="liikunta")
    region_calendar = EventIndexPageFactory(parent=home)
    calendar = EventIndexPageFactory(parent=village)
    event = EventPageFactory(parent=calendar, title="Kyläkokous")
    event.topics.add(topic)
    directory = DirectoryPageFactory(parent=village)
    region_directory = DirectoryPageFactory(parent=home, title="Palvelut", slug="palvelut")
    place = PlaceFactory(villages=[village], topics=[topic])
    AssociationFactory(villages=[village])
    today = datetime.date.today()
    reading = [  # addresses whose views read query parameters
        region.news_index.url,
        region.village_news_indexes[0].url,
        region.news_index.url + "feed/",
        region_calendar.url,
        region_calendar.url + "archive/",
        region_calendar.url + f"month/{today.year}/{today.month}/",
        region_calendar.url + "feed.ics",
        calendar.url,
        calendar.url + "feed.ics",
        f"/fi/calendar/{region_calendar.translation_key}.ics",
        directory.url,
        region_directory.url,
        "/fi/haku/",
        "/sv/haku/",
        "/en/haku/",
        "/sitemap.xml",
        "/linkedevents/v1/event/",
        f"/linkedevents/v1/event/kylatori:{event.pk}/",
        "/linkedevents/v1/place/",
        "/linkedevents/v1/keyword/",
        "/linkedevents/v1/organization/",
        "/linkedevents/v1/language/",
    ]
    others = [
        home.url,
        village.url,
        region.village_news_indexes[0].url + "feed/",
        region.village_news_indexes[0].get_children().first().url,
        calendar.url + "archive/",
        f"/fi/calendar/{calendar.translation_key}.ics",
        event.url,
        event.url + "ical/",
        f"/fi/calendar/event/{event.translation_key}.ics",
        directory.url + f"{place.type_slug}/{place.slug}/",
        "/robots.txt",
        "/admin/login/",
    ]
    routes = {"reading": reading, "others": others, "all": reading + others}
    for url in routes["all"]:
        assert client.get(url).status_code == 200, url  # the routes are real
    return routes


def assert_no_server_error(client, url):
    response = client.get(url)
    assert response.status_code < 500, (url[:300], response.status_code)
    return response


def test_hostile_values_of_every_parameter_on_every_route(client, site_routes):
    for route in site_routes["all"]:
        corpus = HOSTILE if route in site_routes["reading"] else SHORT
        for value in corpus:
            assert_no_server_error(client, f"{route}?{query_string((n, value) for n in NAMES)}")
        repeated = query_string((name, "lankipohja") for name in NAMES for _ in range(1000))
        assert_no_server_error(client, f"{route}?{repeated}")
        distinct = query_string((name, f"arvo-{i}") for name in NAMES for i in range(500))
        assert_no_server_error(client, f"{route}?{distinct}")
        arrays = query_string((f"{name}[]", "1") for name in NAMES)
        assert_no_server_error(client, f"{route}?{arrays}&page[x]=1&=&&==")


def test_hostile_path_numbers_of_the_month_view(client, site_routes):
    calendar = site_routes["reading"][3]
    for year, month in [("0", "0"), ("1899", "12"), ("3000", "1"), ("2026", "13"),
                        ("9" * 5000, "1"), ("2026", "9" * 30), ("-1", "1")]:  # fmt: skip
        response = assert_no_server_error(client, f"{calendar}month/{year}/{month}/")
        assert response.status_code == 404


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_parameters_on_every_route(client, site_routes, data):
    cache.clear()
    route = data.draw(st.sampled_from(site_routes["reading"]))
    values = st.one_of(
        st.text(max_size=40),
        st.integers().map(str),
        st.dates().map(str),
        st.sampled_from(HOSTILE[:-3]),
    )
    pairs = data.draw(
        st.lists(st.tuples(st.sampled_from(NAMES) | st.text(max_size=8), values), max_size=30)
    )
    assert_no_server_error(client, f"{route}?{query_string(pairs)}")
