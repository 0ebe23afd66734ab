"""Public query parameters are bounded: a clear message or a 400 instead of a 500, and a feed
cache entry only for filter values that name something."""

import pytest
from django.core.cache import cache

from tests.directory.factories import DirectoryPageFactory, PlaceFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import TopicFactory


@pytest.fixture
def calendars(region):
    cache.clear()
    region.event_index = EventIndexPageFactory(parent=region.home)
    region.village_calendar = EventIndexPageFactory(parent=region.villages[0])
    region.event = EventPageFactory(parent=region.village_calendar, title="Kyläkokous")
    return region


@pytest.mark.parametrize("archive", [False, True])
@pytest.mark.parametrize("query", ["start=0001-01-01", "end=9999-12-31", "start=3000-01-01"])
def test_calendar_dates_outside_any_calendar_are_explained_and_other_filters_kept(
    client, calendars, archive, query
):
    url = calendars.event_index.url + ("archive/" if archive else "")
    response = client.get(f"{url}?{query}&village=lankipohja")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error"' in html and ("1900-01-01" in html or "2999-12-31" in html)
    assert "<h1>Tapahtumat" in html and "– Länkipohja</h1>" in html  # the village still applies
    if not archive:
        assert "Kyläkokous" in html


def test_feed_with_too_many_values_is_a_400_that_says_why(client, calendars):
    feed = calendars.event_index.url + "feed.ics"
    many = "&".join(f"place=paikka-{number}" for number in range(450))
    response = client.get(f"{feed}?{many}")
    assert response.status_code == 400
    assert "enintään 20" in response.content.decode()  # in the address's language, Finnish
    english = client.get(f"/en/calendar/{calendars.event_index.translation_key}.ics?{many}")
    assert english.status_code == 400 and "at most 20" in english.content.decode()
    twenty = "&".join(f"place=paikka-{number}" for number in range(20))
    assert client.get(f"{feed}?{twenty}").status_code == 200
    # 1000 copies of one value are one value.
    assert client.get(f"{feed}?{'&'.join(['place=Kylätalo'] * 1000)}").status_code == 200


def cached_feeds():
    """How many feeds the test settings' local-memory cache holds."""
    return len({key.rsplit(":", 1)[0] for key in cache._cache if ":events:ics:" in key})


def test_unknown_feed_filter_values_make_no_cache_entries(client, calendars):
    feed = calendars.event_index.url + "feed.ics"
    empty = client.get(f"{feed}?place=ei-ole-0")
    assert empty.status_code == 200 and b"BEGIN:VEVENT" not in empty.content
    assert cached_feeds() == 1
    for number in range(1, 30):
        again = client.get(f"{feed}?place=ei-ole-{number}&topic=ei-ole&organiser=x{number}")
        assert again.content.count(b"BEGIN:VEVENT") == 0
    assert client.get(f"{feed}?place=ei-ole-1&place=ei-ole-2").content == empty.content
    assert cached_feeds() == 2  # one more: with place, topic and organiser given


def test_feed_filters_match_names_and_slugs_and_ignore_a_village_on_a_village_calendar(
    client, calendars
):
    topic = TopicFactory(name="Liikunta", slug="liikunta")
    place = PlaceFactory(name="Seurantalo", slug="seurantalo", villages=[calendars.villages[0]])
    DirectoryPageFactory(parent=calendars.villages[0])
    hall = EventPageFactory(
        parent=calendars.village_calendar, title="Tanssit", place=place, place_name=""
    )
    hall.topics.add(topic)
    from tests.factories import publish

    publish(hall)
    feed = calendars.event_index.url + "feed.ics"

    def titles(query, url=feed):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200
        return sorted(
            line.split(":", 1)[1]
            for line in response.content.decode().splitlines()
            if line.startswith("SUMMARY:")
        )

    assert titles("place=kylätalo") == ["Kyläkokous"]  # one-off name, any case
    assert titles("place=Kylätalo&place=ei-ole") == ["Kyläkokous"]
    assert titles("place=seurantalo") == ["Tanssit"]  # the directory place's slug
    assert titles("topic=liikunta&topic=ei-ole") == ["Tanssit"]
    assert titles("village=lankipohja") == ["Kyläkokous", "Tanssit"]
    assert titles("village=kuorevesi") == []
    village_feed = calendars.village_calendar.url + "feed.ics"
    assert titles("village=kuorevesi", village_feed) == ["Kyläkokous", "Tanssit"]


def test_cached_filtered_feed_costs_a_few_queries(client, calendars, django_assert_max_num_queries):
    feed = f"/fi/calendar/{calendars.event_index.translation_key}.ics?place=Kylätalo&topic=x"
    etag = client.get(feed)["ETag"]
    # The generation, the calendar (its page, view restrictions), one query per filter given.
    with django_assert_max_num_queries(5):
        assert client.get(feed, HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.parametrize(
    "address",
    [
        "/fi/haku/?q=kokous&village=ei-ole&kind=ei-ole",
        "/fi/uutiset/?village=ei-ole",
        "/fi/uutiset/?village=a%00b",
        "/fi/lankipohja/hakemisto/?topic=ei-ole&type=ei-ole&kind=%00",
        "/fi/palvelut/?village=ei-ole",
    ],
)
def test_unknown_filter_values_are_explained_on_the_page(client, calendars, address):
    DirectoryPageFactory(parent=calendars.villages[0])
    DirectoryPageFactory(parent=calendars.home, title="Palvelut", slug="palvelut")
    response = client.get(address)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Osaa osoitteesta ei voitu käyttää" in html
    assert "Tätä valintaa ei ole" in html
    notice = html.split('role="alert"', 1)[1].split("</div>", 1)[0]
    assert "ei-ole" not in notice  # the unknown value is not echoed
