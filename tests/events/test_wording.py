"""Plain wording on event pages: the schedule of a repeating event in one phrase, a moved date
as "moved from … to …", and a Google Calendar link that adds the whole series."""

import datetime
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventDateChange
from home.translation import translate_page
from tests.conftest import translate_tree
from tests.events.factories import EventPageFactory
from tests.factories import publish

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
WEEKDAYS = {
    "fi": ["maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"],
    "sv": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


def written(day, code):
    if code == "en":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{day.day}.{day.month}.{day.year}"


def next_tuesday(after_days=14):
    day = timezone.localdate() + datetime.timedelta(days=after_days)
    return day + datetime.timedelta(days=(1 - day.weekday()) % 7)


def html_of(client, url):
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def choir(calendars):
    """Every Tuesday 18–19 for ten weeks, the second date moved to Wednesday, in fi/sv/en."""
    translate_tree(calendars.home)
    first = next_tuesday()
    event = EventPageFactory(
        parent=calendars.village_calendars[0], title="Kuoro", start_date=first,
        start_time=datetime.time(18), end_time=datetime.time(19), frequency="WEEKLY",
        weekdays="TU", repeat_until=first + datetime.timedelta(weeks=10), publish=False,
    )  # fmt: skip
    event.date_changes = [
        EventDateChange(
            original_date=first + datetime.timedelta(weeks=1), action="moved",
            new_start_date=first + datetime.timedelta(weeks=1, days=1),
        )
    ]  # fmt: skip
    publish(event)
    event.pages = {"fi": event}
    for code in ("sv", "en"):
        event.pages[code] = translate_page(event, code, title=f"Kuoro [{code}]")
    return event


@pytest.mark.parametrize(
    ("code", "template"),
    [
        ("fi", "Toistuu: joka tiistai klo 18–19, {until} asti"),
        ("sv", "Upprepas: varje tisdag kl. 18–19 till och med {until}"),
        ("en", "Repeats: every Tuesday 18:00–19:00 until {until}"),
    ],
)
def test_the_schedule_of_a_repeating_event_is_one_plain_phrase(client, choir, code, template):
    html = html_of(client, choir.pages[code].url)
    assert template.format(until=written(choir.repeat_until, code)) in html


@pytest.mark.parametrize(
    ("code", "template"),
    [
        ("fi", "Siirretty ajasta {old} klo 18 aikaan {new} klo 18."),
        ("sv", "Flyttat från {old} kl. 18 till {new} kl. 18."),
        ("en", "Moved from {old}, 18:00 to {new}, 18:00."),
    ],
)
def test_a_moved_date_says_from_when_to_when(client, choir, calendars, code, template):
    original = choir.start_date + datetime.timedelta(weeks=1)
    new = original + datetime.timedelta(days=1)
    names = WEEKDAYS[code]
    expected = template.format(
        old=f"{names[original.weekday()]} {written(original, code)}",
        new=f"{names[new.weekday()]} {written(new, code)}",
    )
    assert expected in html_of(client, choir.pages[code].url)  # its next dates
    calendar = calendars.village_calendars[0].get_translation(
        Locale.objects.get(language_code=code)
    )
    assert expected in html_of(client, calendar.url)  # its card in the calendar


def test_other_rules_read_plainly_in_finnish(calendars):
    from events.wording import recurrence_text

    first = next_tuesday()
    cases = [
        (dict(frequency="WEEKLY", weekdays="TU,TH", repeat_count=6),
         "joka tiistai ja torstai klo 18–20, yhteensä 6 kertaa"),
        (dict(frequency="WEEKLY", interval=2), "joka toinen tiistai klo 18–20"),
        (dict(frequency="DAILY", end_time=None), "joka päivä klo 18"),
        (dict(frequency="MONTHLY", start_time=datetime.time(18, 30), end_time=None),
         f"joka kuun {first.day}. päivä klo 18.30"),
    ]  # fmt: skip
    from django.utils import translation

    for fields, expected in cases:
        event = EventPageFactory.build(start_date=first, **fields)
        with translation.override("fi"):
            assert recurrence_text(event) == expected


def google_query(html):
    link = re.search(r'href="(https://calendar.google.com/calendar/render\?[^"]+)"', html)
    return parse_qs(urlparse(link.group(1).replace("&amp;", "&")).query)


def test_google_calendar_link_of_a_repeating_event_carries_its_rule(client, choir):
    query = google_query(html_of(client, choir.url))
    first = choir.start_date
    assert query["dates"] == [f"{first:%Y%m%d}T180000/{first:%Y%m%d}T190000"]
    (recur,) = query["recur"]
    assert recur.startswith("RRULE:FREQ=WEEKLY;") and "BYDAY=TU" in recur
    # The last day's end (23:59:59 in Helsinki) in UTC: the same date.
    assert f"UNTIL={choir.repeat_until:%Y%m%d}T" in recur


def test_a_counted_series_added_midway_counts_only_the_dates_left(client, calendars):
    start = timezone.localdate() - datetime.timedelta(days=14)
    event = EventPageFactory(
        parent=calendars.village_calendars[0], start_date=start, frequency="WEEKLY",
        repeat_count=5,
    )  # fmt: skip
    query = google_query(html_of(client, event.url))
    next_date = start + datetime.timedelta(weeks=2)
    if timezone.localtime().time() >= datetime.time(20):
        next_date += datetime.timedelta(weeks=1)
    assert query["dates"][0].startswith(f"{next_date:%Y%m%d}T180000")
    left = 5 - (next_date - start).days // 7
    assert query["recur"] == [f"RRULE:FREQ=WEEKLY;COUNT={left}"]


def test_a_one_off_event_has_no_rule_in_its_google_link(client, calendars):
    event = EventPageFactory(parent=calendars.village_calendars[0])
    assert "recur" not in google_query(html_of(client, event.url))
