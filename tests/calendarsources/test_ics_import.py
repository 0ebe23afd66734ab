"""Calendars exported by real calendar programs, served over HTTP and synced into our events:
the dates we list are the ones recurring-ical-events expands from the same file."""

import datetime

import icalendar
import pytest
import recurring_ical_events

from calendarsources.models import CalendarSource, ImportedEvent
from calendarsources.sync import sync_source
from events.models import EventOccurrence, EventPage
from events.schedule import TZ
from tests.calendarsources.conftest import FILES
from tests.factories import TopicFactory

PROGRAMS = ["google.ics", "outlook.ics", "icloud.ics", "nextcloud.ics", "thunderbird.ics"]
WINDOW = (datetime.datetime(2027, 1, 1, tzinfo=TZ), datetime.datetime(2028, 1, 1, tzinfo=TZ))
# The files' events are in 2027, and the importer keeps dated occurrences from 90 days before
# today: the clock is set to before the window, so the comparison holds whenever the tests run.
TODAY = datetime.datetime(2026, 12, 1, 12, tzinfo=TZ)


@pytest.fixture(autouse=True)
def frozen_clock():
    import time_machine

    with time_machine.travel(TODAY):  # ticking: the local HTTP server's timeouts still run
        yield


def add_source(calendar, url, **options):
    return CalendarSource.objects.create(name="Lähde", calendar=calendar, url=url, **options)


def synced(calendars, server, name, **options):
    source = add_source(calendars.village_calendars[0], server.file(f"/{name}", name), **options)
    counts = sync_source(source)
    source.refresh_from_db()
    assert counts is not None, source.last_error
    return source


def page_of(source, uid):
    return ImportedEvent.objects.get(source=source, uid=uid).page


def naive(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(TZ).replace(tzinfo=None)
    return datetime.datetime.combine(value, datetime.time())


def expected_occurrences(name):
    calendar = icalendar.Calendar.from_ical((FILES / name).read_bytes())
    import x_wr_timezone

    calendar = x_wr_timezone.to_standard(calendar)
    found = set()
    for event in recurring_ical_events.of(calendar).between(*WINDOW):
        start = naive(event.decoded("DTSTART"))
        end = naive(event.decoded("DTEND")) if event.get("DTEND") else start
        cancelled = str(event.get("STATUS", "")).upper() == "CANCELLED"
        found.add((str(event["UID"]), start, end, cancelled))
    return found


def listed_occurrences(source):
    uids = dict(ImportedEvent.objects.filter(source=source).values_list("page_id", "uid"))
    rows = EventOccurrence.objects.filter(
        event_id__in=uids, start__gte=WINDOW[0], start__lt=WINDOW[1]
    )
    return {
        (uids[row.event_id], naive(row.start), naive(row.end), row.status == "cancelled")
        for row in rows
    }


@pytest.mark.parametrize("name", PROGRAMS)
def test_listed_dates_equal_what_recurring_ical_events_expands(calendars, server, name):
    source = synced(calendars, server, name)
    assert source.last_error == ""
    assert source.count_skipped == 0, source.skipped_details
    expected = expected_occurrences(name)
    assert expected  # the file has events in the window
    assert listed_occurrences(source) == expected


def test_google_calendar_times_text_and_place(calendars, server):
    source = synced(calendars, server, "google.ics")
    choir = page_of(source, "3k2j4h5g6f7d8s9a0@google.com")
    # 16:00 UTC in January is 18:00 in Helsinki, and the weekly rule keeps 18:00 in March.
    assert (choir.start_date, choir.start_time) == (datetime.date(2027, 1, 12), datetime.time(18))
    assert (choir.frequency, choir.weekdays) == ("WEEKLY", "TU")
    assert choir.repeat_until == datetime.date(2027, 3, 30)
    changes = {c.original_date: c for c in choir.date_changes.all()}
    assert changes[datetime.date(2027, 2, 16)].action == "excluded"
    assert changes[datetime.date(2027, 3, 2)].action == "moved"
    assert changes[datetime.date(2027, 3, 2)].new_start_time == datetime.time(19)
    assert changes[datetime.date(2027, 3, 9)].action == "cancelled"
    assert choir.place_name == "Kylätalo, Kylätie 1, 35400 Länkipohja"
    text = str(choir.description)
    assert "<b>" not in text and "Tervetuloa kuorolaulun iltaan!" in text
    assert "https://kyla.example/kuoro" in text
    assert choir.summary.startswith("Tervetuloa kuorolaulun iltaan!")
    midsummer = page_of(source, "juhannus2027@google.com")
    assert midsummer.all_day
    assert (midsummer.start_date, midsummer.end_date) == (
        datetime.date(2027, 6, 19),
        datetime.date(2027, 6, 20),
    )
    games = page_of(source, "floating-google@google.com")
    assert games.status == EventPage.Status.CANCELLED
    assert games.start_time == datetime.time(17)  # floating, read as Helsinki time
    assert choir.live and choir.get_parent().pk == calendars.village_calendars[0].pk


def test_outlook_windows_zone_names(calendars, server):
    source = synced(calendars, server, "outlook.ics")
    uid = (
        "040000008200E00074C5B7101A82E00800000000D0B3C1A1E5F4DA01000000000000000010000000"
        "F1B0A0C9E6D1B84E9C3C6A7F2B1D0E11"
    )
    board = page_of(source, uid)
    assert (board.start_time, board.end_time) == (datetime.time(18), datetime.time(19, 30))
    assert (board.frequency, board.repeat_until) == ("MONTHLY", datetime.date(2027, 6, 1))
    meeting = page_of(source, "040000008200E00074C5B7101A82E0080000000033333333")
    # W. Europe Standard Time is an hour behind Helsinki.
    assert meeting.start_time == datetime.time(18)


def test_a_resync_updates_instead_of_duplicating(calendars, server):
    source = synced(calendars, server, "thunderbird.ics")
    pages = set(ImportedEvent.objects.filter(source=source).values_list("page_id", flat=True))
    body = (
        (FILES / "thunderbird.ics").read_text().replace("SUMMARY:Lukupiiri", "SUMMARY:Kirjapiiri")
    )
    server.ics("/thunderbird.ics", body)
    counts = sync_source(source)
    assert (counts.new, counts.updated) == (0, 1)
    assert (
        set(ImportedEvent.objects.filter(source=source).values_list("page_id", flat=True)) == pages
    )
    finnish = EventPage.objects.get(title="Kirjapiiri", locale__language_code="fi")
    # Its Swedish and English stand-ins (aliases) follow it, and nothing is left of the old name.
    aliases = EventPage.objects.filter(title="Kirjapiiri").exclude(pk=finnish.pk)
    assert {a.alias_of_id for a in aliases} == {finnish.pk}
    assert {a.locale.language_code for a in aliases} == {"sv", "en"}
    assert not EventPage.objects.filter(title="Lukupiiri").exists()
    # Nothing changed: no write at all.
    assert sync_source(source).updated == 0
    # A topic given to the source reaches its events at the next sync.
    topic = TopicFactory()
    source.topics.add(topic)
    assert sync_source(source).updated == 2
    assert list(finnish.topics.all()) == [topic]


def test_the_calendar_feed_and_page_show_the_imported_events(calendars, server, client):
    from tests.events.helpers import feed_url, get_feed, vevents

    source = synced(calendars, server, "thunderbird.ics")
    calendar = calendars.village_calendars[0]
    feed = get_feed(client, feed_url(calendar), HTTP_HOST="localhost")
    titles = {str(event["SUMMARY"]) for event in vevents(feed)}
    assert {"Lukupiiri", "Kesäteatteri"} <= titles
    assert source.count_new == 2


def test_imported_events_are_in_the_swedish_and_english_calendars_as_aliases(
    calendars, server, client
):
    from django.utils import translation
    from wagtail.models import Locale

    from tests.events.helpers import get_feed, vevents

    source = synced(calendars, server, "thunderbird.ics")
    reading = page_of(source, "4f1e2d3c-5b6a-4789-9abc-def012345678")
    calendar = calendars.village_calendars[0]
    for code in ("sv", "en"):
        locale = Locale.objects.get(language_code=code)
        alias = reading.get_translation(locale)
        # wagtail-localize's stand-in, as for an event an editor made: the Finnish text.
        assert alias.alias_of_id == reading.pk and alias.live and alias.title == "Lukupiiri"
        assert alias.get_parent().pk == calendar.get_translation(locale).pk
        assert EventOccurrence.objects.filter(event=alias).count() == reading.occurrences.count()
        feed = get_feed(client, f"/{code}/calendar/event/{alias.translation_key}.ics")
        assert {str(e["SUMMARY"]) for e in vevents(feed)} == {"Lukupiiri"}
        # Each language's own address (written for the sync's pages at once), and it answers.
        with translation.override(code):
            address = alias.get_full_url()
        assert address.startswith(f"http://localhost/{code}/")
        assert {str(e["URL"]) for e in vevents(feed)} == {address}
        assert client.get(address.removeprefix("http://localhost")).status_code == 200
        month = client.get(calendar.get_translation(locale).url + "month/2027/01/")
        assert "Lukupiiri" in month.content.decode()
