"""Calendar feeds that calendar apps accept, keep in step and can cache."""

import datetime

import icalendar
import pytest
import recurring_ical_events
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventDateChange
from home.translation import translate_page
from tests.conftest import translate_tree
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.events.helpers import add_events_cheaply, feed_url, get_feed, vevents
from tests.factories import TopicFactory, VillagePageFactory, publish


def soon(days=3):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_region_feed_has_calendar_properties_and_every_villages_events(client, calendars):
    EventPageFactory(parent=calendars.village_calendars[0], title="Kyläkokous")
    EventPageFactory(parent=calendars.village_calendars[1], title="Lentopallo")
    response = client.get(feed_url(calendars.event_index))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    for line in [
        "NAME:Tapahtumat – Himoksen seutu",
        "X-WR-CALNAME:Tapahtumat – Himoksen seutu",
        "X-WR-TIMEZONE:Europe/Helsinki",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    ]:
        assert line + "\r\n" in text
    calendar = get_feed(client, feed_url(calendars.event_index))
    assert sorted(str(e["SUMMARY"]) for e in vevents(calendar)) == ["Kyläkokous", "Lentopallo"]
    village = get_feed(client, feed_url(calendars.village_calendars[0]))
    assert [str(e["SUMMARY"]) for e in vevents(village)] == ["Kyläkokous"]
    event = vevents(village)[0]
    assert event["URL"] == "http://localhost/fi/lankipohja/tapahtumat/kylakokous/"
    assert event["LOCATION"] == "Kylätalo, Kylätie 1, 35400 Länkipohja"
    assert event["DTSTAMP"].dt.tzinfo is not None
    assert event["LAST-MODIFIED"].dt <= timezone.now()


def test_feed_is_narrowed_by_village_topic_organiser_and_place(client, calendars):
    topic = TopicFactory(name="Urheilu", slug="urheilu")
    sport = EventPageFactory(
        parent=calendars.village_calendars[1], title="Lentopallo", organiser_name="Urheiluseura"
    )
    sport.topics.add(topic)
    publish(sport)
    EventPageFactory(parent=calendars.village_calendars[0], title="Kyläkokous", place_name="Koulu")
    url = feed_url(calendars.event_index)

    def titles(query):
        return sorted(str(e["SUMMARY"]) for e in vevents(get_feed(client, url + query)))

    assert titles("") == ["Kyläkokous", "Lentopallo"]
    assert titles("?topic=urheilu") == ["Lentopallo"]
    assert titles("?village=lankipohja") == ["Kyläkokous"]
    assert titles("?village=lankipohja&village=kuorevesi") == ["Kyläkokous", "Lentopallo"]
    assert titles("?organiser=urheiluseura") == ["Lentopallo"]
    assert titles("?place=Koulu") == ["Kyläkokous"]
    # Directory entries by their slug (the same in every language).
    from tests.directory.factories import AssociationFactory, PlaceFactory

    hall = PlaceFactory(slug="seurantalo", villages=[calendars.villages[0]])
    club = AssociationFactory(slug="nuorisoseura", villages=[calendars.villages[0]])
    EventPageFactory(parent=calendars.village_calendars[0], title="Tanssit", place=hall)
    EventPageFactory(parent=calendars.village_calendars[0], title="Kerho", organiser=club)
    assert titles("?place=seurantalo") == ["Tanssit"]
    assert titles("?organiser=nuorisoseura") == ["Kerho"]
    assert titles("?organiser=nuorisoseura&organiser=urheiluseura") == ["Kerho", "Lentopallo"]


def test_feed_expands_to_the_occurrences_the_calendar_page_lists(client, calendars, settings):
    settings.KYLATORI_PAGE_SIZE = 500
    index = calendars.village_calendars[0]
    choir = EventPageFactory(
        parent=index, title="Kuoro", start_date=soon(1), frequency="WEEKLY", publish=False
    )
    choir.date_changes = [
        EventDateChange(original_date=soon(8), action="excluded"),
        EventDateChange(original_date=soon(15), action="cancelled"),
        EventDateChange(
            original_date=soon(22), action="moved", new_start_date=soon(23),
            new_start_time=datetime.time(17),
        ),
    ]  # fmt: skip
    publish(choir)
    EventPageFactory(
        parent=index,
        title="Kirpputori",
        start_date=soon(2),
        all_day=True,
        start_time=None,
        end_time=None,
        frequency="MONTHLY",
        repeat_count=3,
    )
    EventPageFactory(parent=index, title="Juhlat", start_date=soon(10), end_date=soon(12))
    EventPageFactory(
        parent=index, title="Peruttu", start_date=soon(5), status="cancelled", frequency="DAILY",
        repeat_count=3,
    )  # fmt: skip
    first, last = soon(1), soon(70)
    expanded = recurring_ical_events.of(get_feed(client, feed_url(index))).between(
        first, last + datetime.timedelta(days=1)
    )

    def start(value):
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value).replace(tzinfo=None)
        return datetime.datetime.combine(value, datetime.time())

    from_feed = sorted((str(e["SUMMARY"]), start(e["DTSTART"].dt)) for e in expanded)
    response = client.get(index.url, {"start": first.isoformat(), "end": last.isoformat()})
    listed = sorted(
        (occ.event.title, timezone.localtime(occ.start).replace(tzinfo=None))
        for occ in response.context["page_obj"].object_list
    )
    assert len(listed) > 12
    assert from_feed == listed


def test_user_text_round_trips_and_adds_no_property(client, calendars):
    nasty = "Rivi 1\r\nRivi 2\rRivi 3\nEND:VEVENT\nBEGIN:VALARM; a, b \\ c 🎉 ; DTSTART:1999"
    long = "ä🎉;,\\" * 2000  # about 10 kB (20 000 characters, many multibyte)
    index = calendars.village_calendars[0]
    EventPageFactory(
        parent=index,
        title=nasty,
        summary=long,
        place_name="Talo; katu, 1 \\ 🎉\nEND:VCALENDAR",
        organiser_name="Seura; ry, \\\r\nORGANIZER:x",
    )
    calendar = get_feed(client, feed_url(index))
    (event,) = vevents(calendar)
    # A title, a place and a name are one line (home.text): line breaks typed there are spaces.
    assert (
        str(event["SUMMARY"])
        == "Rivi 1 Rivi 2 Rivi 3 END:VEVENT BEGIN:VALARM; a, b \\ c 🎉 ; DTSTART:1999"
    )
    assert str(event["DESCRIPTION"]) == long
    assert str(event["LOCATION"]).startswith("Talo; katu, 1 \\ 🎉 END:VCALENDAR")
    assert event["ORGANIZER"].params["CN"] == "Seura; ry, \\ ORGANIZER:x"
    assert set(event.keys()) == {
        "UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "SUMMARY", "STATUS", "URL", "LOCATION",
        "ORGANIZER", "DESCRIPTION", "DTSTART", "DTEND",
    }  # fmt: skip
    assert len(calendar.walk("VEVENT")) == 1 and not calendar.walk("VALARM")
    assert len(calendar.walk("VCALENDAR")) == 1


def test_uid_is_the_same_in_every_language_and_after_edits(client, calendars):
    translate_tree(calendars.home)
    index = calendars.village_calendars[0]
    event = EventPageFactory(parent=index, title="Kyläkokous")
    (fi,) = vevents(get_feed(client, feed_url(index)))
    sv_event = translate_page(event, "sv", title="Bymöte", summary="Välkommen")
    sv_index = sv_event.get_parent().specific
    (sv,) = vevents(get_feed(client, feed_url(sv_index)))
    assert str(sv["SUMMARY"]) == "Bymöte"
    assert sv["URL"].startswith("http://localhost/sv/")
    event.title, event.slug = "Kyläkokous ja kahvit", "kylakokous-ja-kahvit"
    publish(event)
    (renamed,) = vevents(get_feed(client, feed_url(index)))
    assert str(renamed["SUMMARY"]) == "Kyläkokous ja kahvit"
    assert fi["UID"] == sv["UID"] == renamed["UID"] == f"{event.translation_key}@kylatori"


def test_sequence_grows_when_time_place_or_status_changes_only(client, calendars):
    index = calendars.village_calendars[0]
    event = EventPageFactory(parent=index)

    def sequence():
        (vevent,) = vevents(get_feed(client, feed_url(index)))
        return vevent["SEQUENCE"]

    assert sequence() == 0
    event.summary = "Uusi kuvaus"
    event = publish(event)
    assert sequence() == 0
    event.start_time = datetime.time(17)
    event = publish(event)
    assert sequence() == 1
    event.place_name = "Koulu"
    event = publish(event)
    assert sequence() == 2
    event.status = "cancelled"
    event = publish(event)
    assert sequence() == 3
    (vevent,) = vevents(get_feed(client, feed_url(index)))
    assert vevent["STATUS"] == "CANCELLED"


def test_cancelled_event_stays_in_feed_30_days_and_past_event_90_days(client, calendars):
    index = calendars.village_calendars[0]
    EventPageFactory(parent=index, title="Peruttu", status="cancelled")  # in 3 days
    EventPageFactory(
        parent=index, title="Mennyt", start_date=timezone.localdate() - datetime.timedelta(50)
    )
    EventPageFactory(
        parent=index, title="Kauan sitten", start_date=timezone.localdate() - datetime.timedelta(95)
    )

    def shown():
        calendar = get_feed(client, feed_url(index))
        return sorted((str(e["SUMMARY"]), str(e["STATUS"])) for e in vevents(calendar))

    assert shown() == [("Mennyt", "CONFIRMED"), ("Peruttu", "CANCELLED")]
    now = timezone.now()
    with time_machine.travel(now + datetime.timedelta(days=29)):  # the cached feed expires
        assert shown() == [("Mennyt", "CONFIRMED"), ("Peruttu", "CANCELLED")]
    # 30 days after the cancellation it is gone, though a past event would stay 90 days.
    with time_machine.travel(now + datetime.timedelta(days=30, minutes=1)):
        assert shown() == [("Mennyt", "CONFIRMED")]


def test_repeated_request_with_etag_gets_304_and_head_works(client, calendars):
    index = calendars.village_calendars[0]
    EventPageFactory(parent=index)
    first = client.get(feed_url(index))
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(feed_url(index), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get(feed_url(index), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    head = client.head(feed_url(index))
    assert head.status_code == 200 and head.content == b""
    assert head["Content-Length"] == str(len(first.content))
    assert client.post(feed_url(index)).status_code == 405
    # Publishing invalidates the cached feed.
    new = EventPageFactory(parent=index, title="Uusi")
    changed = client.get(feed_url(index), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and b"SUMMARY:Uusi" in changed.content
    # Unpublishing changes no remaining event, but the feed is still newer than before.
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=2)):  # HTTP dates
        new.unpublish()  # have whole seconds
        removed = client.get(feed_url(index), HTTP_IF_MODIFIED_SINCE=changed["Last-Modified"])
    assert removed.status_code == 200 and b"SUMMARY:Uusi" not in removed.content


def test_stable_feed_address_survives_renaming_and_moving(client, calendars):
    index = calendars.village_calendars[0]
    EventPageFactory(parent=index, title="Kyläkokous")
    stable = f"/fi/calendar/{index.translation_key}.ics"
    html = client.get(index.url, HTTP_HOST="localhost").content.decode()
    assert f'href="http://localhost{stable}"' in html
    assert f'href="webcal://localhost{stable}"' in html
    assert '<link rel="alternate" type="text/calendar"' in html
    before = get_feed(client, stable)
    village = calendars.villages[0]
    village.title, village.slug = "Länkipohjan kylä", "lankipohjan-kyla"
    publish(village)
    index.refresh_from_db()
    index.title, index.slug = "Kalenteri", "kalenteri"
    publish(index)
    after = get_feed(client, stable)
    assert vevents(after)[0]["UID"] == vevents(before)[0]["UID"]
    assert vevents(after)[0]["URL"] == "http://localhost/fi/lankipohjan-kyla/kalenteri/kylakokous/"
    # Moved to another village: same address, same UID, the events' new addresses.
    halli = VillagePageFactory(parent=calendars.home, title="Halli", slug="halli")
    index.refresh_from_db()
    index.move(halli, pos="last-child")
    moved = get_feed(client, stable)
    assert vevents(moved)[0]["UID"] == vevents(before)[0]["UID"]
    assert vevents(moved)[0]["URL"] == "http://localhost/fi/halli/kalenteri/kylakokous/"
    assert client.get("/fi/halli/kalenteri/kylakokous/").status_code == 200
    assert client.get(f"/fi/calendar/{calendars.home.translation_key}.ics").status_code == 404


def test_single_event_ics(client, calendars):
    event = EventPageFactory(parent=calendars.village_calendars[0], title="Kyläkokous")
    html = client.get(event.url, HTTP_HOST="localhost").content.decode()
    url = f"/fi/calendar/event/{event.translation_key}.ics"
    assert f'href="http://localhost{url}"' in html
    (vevent,) = vevents(get_feed(client, url))
    assert str(vevent["SUMMARY"]) == "Kyläkokous"
    assert icalendar.Calendar.from_ical(client.get(event.url + "ical/").content)


@pytest.mark.parametrize("address", ["page", "stable"])
def test_feed_query_count_does_not_grow_with_events(client, calendars, address, settings):
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**backend, "AUTO_UPDATE": False}}
    index = calendars.event_index
    url = feed_url(index) if address == "page" else f"/fi/calendar/{index.translation_key}.ics"

    def cold_queries():
        from events.services import bump_generation

        bump_generation()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response.content.count(b"BEGIN:VEVENT")

    client.get(url)
    add_events_cheaply(calendars.village_calendars[0], 100)
    at_100, events_100 = cold_queries()
    add_events_cheaply(calendars.village_calendars[1], 900, start=100)
    at_1000, events_1000 = cold_queries()
    assert (events_100, events_1000) == (100, 1000)
    assert at_100 == at_1000
    etag = client.get(url)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # Both addresses answer a repeated request from the cache and one query by primary key, the
    # calendar generation, which lives in the database so that every process agrees on it (the
    # page route's calendar is cached too).
    assert [q["sql"].split(" FROM ")[1].split()[0] for q in queries] == [
        '"events_calendargeneration"'
    ]


def test_events_below_a_private_page_stay_out_of_feeds_and_listings(client, calendars):
    from wagtail.models import PageViewRestriction

    private = EventPageFactory(parent=calendars.village_calendars[1], title="Hallituksen kokous")
    EventPageFactory(parent=calendars.village_calendars[0], title="Avoin kokous")
    PageViewRestriction.objects.create(
        page=calendars.village_calendars[1], restriction_type="password", password="x"
    )
    titles = [str(e["SUMMARY"]) for e in vevents(get_feed(client, feed_url(calendars.event_index)))]
    assert titles == ["Avoin kokous"]
    assert "Hallituksen kokous" not in client.get(calendars.event_index.url).content.decode()
    stable = f"/fi/calendar/event/{private.translation_key}.ics"
    assert client.get(stable).status_code == 404


def test_feed_ics_next_to_the_calendar_page_address(client, calendars):
    index = calendars.village_calendars[0]
    EventPageFactory(parent=index, title="Kyläkokous")
    (event,) = vevents(get_feed(client, index.url + "feed.ics"))
    assert str(event["SUMMARY"]) == "Kyläkokous"
    region = get_feed(client, calendars.event_index.url + "feed.ics?village=lankipohja")
    assert [str(e["SUMMARY"]) for e in vevents(region)] == ["Kyläkokous"]
    assert client.get("/fi/lankipohja/feed.ics").status_code == 404  # a village, not a calendar
    assert client.get("/fi/ei-ole/feed.ics").status_code == 404
    # The remembered calendar of an address follows a rename (and a new calendar appears).
    old_address = index.url + "feed.ics"
    index.slug = "kalenteri"
    publish(index)
    assert client.get(old_address).status_code == 404
    assert vevents(get_feed(client, "/fi/lankipohja/kalenteri/feed.ics"))
    assert client.get("/fi/lankipohja/ei-ole/feed.ics").status_code == 404
    publish(EventIndexPageFactory(parent=calendars.villages[0], slug="ei-ole"))  # as editors do
    assert client.get("/fi/lankipohja/ei-ole/feed.ics").status_code == 200


def test_unpublished_or_deleted_calendar_has_no_feed(client, calendars):
    index = calendars.village_calendars[0]
    EventPageFactory(parent=index, title="Kyläkokous")
    stable = f"/fi/calendar/{index.translation_key}.ics"
    assert get_feed(client, stable)
    index.unpublish()
    assert client.get(stable).status_code == 404
    region = calendars.event_index
    region_stable = f"/fi/calendar/{region.translation_key}.ics"
    assert get_feed(client, region_stable)
    region.delete()
    assert client.get(region_stable).status_code == 404
