"""Events up front: the coming week on the home and village pages, one-tap shortcuts in the
calendar, the active view marked, longer pages, and clear words for empty or reversed ranges."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.events.factories import EventPageFactory
from tests.events.helpers import add_events_cheaply, html_of, soon


def coming(html):
    section = re.search(r'<section class="coming-events".*?</section>', html, re.S).group(0)
    days = re.findall(r'<h3 class="coming-events__day">(.*?)</h3>', section, re.S)
    titles = re.findall(r'class="coming-event__title" href="[^"]+">([^<]+)</a>', section)
    metas = re.findall(r'<span class="coming-event__meta">(.*?)</span>\s*</li>', section, re.S)
    return section, days, titles, metas


def card_titles(html):
    return re.findall(r'class="event-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_home_and_village_pages_show_the_next_seven_days_by_day(client, calendars):
    EventPageFactory(parent=calendars.village_calendars[0], title="Kuoro", start_date=soon(1))
    EventPageFactory(parent=calendars.village_calendars[1], title="Tanssit", start_date=soon(6))
    EventPageFactory(
        parent=calendars.village_calendars[0], title="Liian kaukana", start_date=soon(7)
    )
    EventPageFactory(parent=calendars.village_calendars[0], title="Mennyt", start_date=soon(-1))
    private = EventPageFactory(parent=calendars.village_calendars[0], title="Luonnos")
    private.unpublish()

    section, days, titles, metas = coming(html_of(client, calendars.home.url))
    assert titles == ["Kuoro", "Tanssit"]
    assert days[0].startswith("Huomenna, ") and len(days) == 2
    # The region's front page names each event's village.
    assert metas[0].rstrip().endswith("· Länkipohja") and metas[1].rstrip().endswith("· Kuorevesi")
    assert f'href="{calendars.event_index.url}?when=week">Tällä viikolla</a>' in section

    section, days, titles, metas = coming(html_of(client, calendars.villages[0].url))
    assert titles == ["Kuoro"]
    assert "Länkipohja" not in metas[0]
    village_calendar = calendars.village_calendars[0].url
    for when, label in [
        ("today", "Tänään"),
        ("weekend", "Viikonloppuna"),
        ("next-week", "Ensi viikolla"),
    ]:
        assert f'href="{village_calendar}?when={when}">{label}</a>' in section


def test_front_page_without_coming_events_says_so_in_swedish(client, calendars):
    from tests.conftest import translate_tree

    translate_tree(calendars.home, ["sv"])
    html = html_of(client, "/sv/")
    assert "Evenemang de närmaste dagarna" in html
    assert "Inga evenemang under de närmaste 7 dagarna." in html


@pytest.mark.parametrize(
    ("when", "label"),
    [("today", "Tänään"), ("week", "Tällä viikolla"), ("weekend", "Viikonloppuna"),
     ("next-week", "Ensi viikolla")],
)  # fmt: skip
def test_shortcuts_narrow_the_calendar_in_one_tap_and_mark_themselves(
    client, calendars, when, label
):
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    week_end = datetime.timedelta(days=6)
    index = calendars.village_calendars[0]
    for offset in range(0, 15):
        day = today + datetime.timedelta(days=offset)
        # All day, so today's event is still coming whatever the hour the test runs at.
        EventPageFactory(
            parent=index,
            title=f"Päivä {day.isoformat()}",
            start_date=day,
            all_day=True,
            start_time=None,
            end_time=None,
        )
    html = html_of(client, index.url, when=when)
    shown = {datetime.date.fromisoformat(title.split()[-1]) for title in card_titles(html)}
    expected_range = {
        "today": (today, today),
        "week": (today, monday + datetime.timedelta(days=6)),
        "weekend": (max(today, monday + datetime.timedelta(days=5)), monday + week_end),
        "next-week": (monday + datetime.timedelta(days=7), monday + datetime.timedelta(days=13)),
    }[when]  # fmt: skip
    first, last = expected_range
    assert shown == {first + datetime.timedelta(days=n) for n in range((last - first).days + 1)}
    shortcuts = re.search(r'<nav class="calendar-shortcuts".*?</nav>', html, re.S).group(0)
    current = re.findall(r'<a href="[^"]+" aria-current="true">([^<]+)</a>', shortcuts)
    assert current == [label] or (when != "today" and first == last == today)
    # The date fields show the range the shortcut stands for.
    assert f'name="start" value="{first.isoformat()}"' in html


def test_a_shortcut_keeps_the_other_filters(client, calendars):
    html = html_of(client, calendars.event_index.url, village="kuorevesi", free="on")
    assert 'href="/fi/tapahtumat/?village=kuorevesi&amp;free=on&amp;when=week"' in html


def test_the_active_view_is_marked(client, calendars):
    index = calendars.village_calendars[0]
    today = timezone.localdate()

    def current(url):
        nav = re.search(r'<nav class="calendar-views".*?</nav>', html_of(client, url), re.S)
        return re.findall(r'aria-current="page">([^<]+)</a>', nav.group(0))

    assert current(index.url) == ["Tulevat"]
    assert current(f"{index.url}month/{today.year}/{today.month}/") == ["Kuukausinäkymä"]
    assert current(index.url + "archive/") == ["Menneet tapahtumat"]


def test_a_reversed_range_says_so_and_offers_the_swapped_range(client, calendars):
    index = calendars.village_calendars[0]
    EventPageFactory(parent=index, title="Keskellä", start_date=datetime.date(2027, 5, 5))
    html = html_of(client, index.url, start="2027-05-10", end="2027-05-01")
    assert "0 tapahtumaa" not in html
    assert (
        "Päivämäärät ovat väärin päin: alkupäivä 10.5.2027 on loppupäivän 1.5.2027 jälkeen." in html
    )
    link = re.search(r'<a href="([^"]+)">Näytä sen sijaan aikaväli 1.5.2027–10.5.2027</a>', html)
    swapped = link.group(1).replace("&amp;", "&")
    assert swapped == "?start=2027-05-01&end=2027-05-10"
    assert card_titles(html_of(client, index.url + swapped)) == ["Keskellä"]
    html = html_of(client, index.url, start="2027-05-10", end="2027-05-01", **{"lang": "x"})
    assert "Keskellä" not in card_titles(html)


@pytest.mark.parametrize(
    ("code", "start", "end", "message"),
    [
        ("fi", "2027-05-10", "2027-05-10", "Päivälle 10.5.2027 ei ole tapahtumia."),
        ("fi", "2027-05-10", "2027-05-12", "Ei tapahtumia aikavälillä 10.5.2027–12.5.2027."),
        ("sv", "2027-05-10", "2027-05-12", "Inga evenemang mellan 10.5.2027 och 12.5.2027."),
        ("en", "2027-05-10", "2027-05-12", "No events between 10 May 2027 and 12 May 2027."),
    ],
)
def test_an_empty_range_names_the_dates_and_leads_back(
    client, calendars, code, start, end, message
):
    from wagtail.models import Locale

    from tests.conftest import translate_tree

    if code != "fi":
        translate_tree(calendars.home, [code])
    index = calendars.village_calendars[0].get_translation(Locale.objects.get(language_code=code))
    html = html_of(client, index.url, start=start, end=end)
    assert message in html
    assert re.search(rf'<a href="{re.escape(index.url)}">[^<]+</a>', html)


def test_a_calendar_page_holds_25_events_grouped_by_day(client, calendars):
    index = calendars.village_calendars[0]
    add_events_cheaply(index, 30)  # three weekly ones among them: 57 dates
    html = html_of(client, index.url)
    assert len(card_titles(html)) == 25
    # Grouped by day: the weekly event's dates share days with others.
    assert 1 < html.count('<section class="event-day"') < 25
    assert 'href="?page=3"' in html and 'href="?page=4"' not in html


@pytest.mark.parametrize("which", ["home", "village"])
def test_front_page_query_count_does_not_grow_with_events(client, calendars, which, settings):
    from tests.directory.factories import PlaceFactory

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**backend, "AUTO_UPDATE": False}}
    url = calendars.home.url if which == "home" else calendars.villages[0].url

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for number in range(3):
        EventPageFactory(
            parent=calendars.village_calendars[number % 2], place=PlaceFactory(), place_name="",
            start_date=soon(1), start_time=datetime.time(9),
        )  # fmt: skip
    at_few = count()
    add_events_cheaply(calendars.village_calendars[0], 100)
    add_events_cheaply(calendars.village_calendars[1], 100, start=100)
    assert count() == at_few
    assert at_few <= 36


@pytest.mark.parametrize(
    ("code", "label"), [("fi", "Tällä viikolla"), ("sv", "Den här veckan"), ("en", "This week")]
)
def test_a_lankipohja_resident_reaches_this_weeks_events_in_one_tap_in_each_language(
    client, calendars, code, label
):
    """Issue 12's "done": from the village's front page, one link is the week's events."""
    from wagtail.models import Locale

    from home.translation import translate_page
    from tests.conftest import translate_tree

    if code != "fi":
        translate_tree(calendars.home, [code])
    today = timezone.localdate()
    event = EventPageFactory(
        parent=calendars.village_calendars[0], title="Kuoro", start_date=today, all_day=True,
        start_time=None, end_time=None,
    )  # fmt: skip
    if code != "fi":
        event = translate_page(event, code, title=f"Kuoro [{code}]")
    village = calendars.villages[0].get_translation(Locale.objects.get(language_code=code))
    section, *_ = coming(html_of(client, village.url))
    links = re.findall(rf'<a href="([^"]+)">{label}</a>', section)
    assert len(links) == 1
    assert links[0].startswith(f"/{code}/") and links[0].endswith("?when=week")
    assert card_titles(html_of(client, links[0])) == [event.title]
