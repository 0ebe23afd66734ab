"""The calendar, its month view and an event page in fi/sv/en: axe-core finds no serious or
critical problem, and the month view works from the keyboard and names its days for a screen
reader."""

import datetime

import pytest
from django.utils import timezone

from tests.browser.axe import blocking_violations, fail_on
from tests.browser.conftest import LANGUAGES, open_page
from tests.browser.test_keyboard import NUMBER_FOCUSABLES, assert_focus_is_visible, press_tab

pytestmark = pytest.mark.browser

TITLES = {
    "calendar": {"fi": "Tapahtumat", "sv": "Evenemang", "en": "Events"},
    "event": {"fi": "Kyläkokous", "sv": "Bymöte", "en": "Village meeting"},
}


@pytest.fixture
def event_site(translated_site, region):
    """Calendars of the region and the first village, and a weekly event at a directory place,
    organised by a directory association, each translated into Swedish and English."""
    from wagtail.models import Locale

    from home.translation import translate_page
    from tests.directory.factories import AssociationFactory, PlaceFactory
    from tests.events.factories import EventIndexPageFactory, EventPageFactory

    village = region.villages[0]
    place = PlaceFactory(name="Kylätalo", street_address="Seuratie 2", villages=[village])
    association = AssociationFactory(name="Kyläyhdistys", villages=[village])
    start = timezone.localdate() + datetime.timedelta(days=1)
    fi_pages = {
        "region_calendar": EventIndexPageFactory(parent=region.home),
        "calendar": EventIndexPageFactory(parent=village),
    }
    fi_pages["event"] = EventPageFactory(
        parent=fi_pages["calendar"],
        title=TITLES["event"]["fi"],
        place=place,
        place_name="",
        organiser=association,
        start_date=start,
        frequency="WEEKLY",
        repeat_count=6,
        is_free=True,
    )
    pages = {name: {"fi": page} for name, page in fi_pages.items()}
    for name, source in fi_pages.items():
        for code in ("sv", "en"):
            title = TITLES["event" if name == "event" else "calendar"][code]
            translate_page(source, code, title=title, slug=title.lower().replace(" ", "-"))
            translation = source.get_translation(Locale.objects.get(language_code=code))
            pages[name][code] = translation.specific
    translated_site.pages.update(pages)
    return translated_site


def month_url(live_server, site, code):
    first = site.pages["event"]["fi"].start_date
    return f"{site.url(live_server, 'calendar', code)}month/{first.year}/{first.month}/"


@pytest.mark.parametrize("code", LANGUAGES)
def test_event_pages_have_no_serious_accessibility_violations(
    live_server, event_site, browser_page, code
):
    """One walk through the calendars' views per language: the site is built once for them
    all, and every view's violations are reported together."""
    found = []
    for view in ["region_calendar", "calendar", "month", "event"]:
        if view == "month":
            url = month_url(live_server, event_site, code)
        else:
            url = event_site.url(live_server, view, code)
        assert f"/{code}/" in url
        open_page(browser_page, url)
        assert browser_page.locator("html").get_attribute("lang") == code, url
        event_title = TITLES["event"][code]
        if view != "month":
            assert browser_page.get_by_text(event_title).first.is_visible(), url
        calendar_links = browser_page.locator('link[rel="alternate"][type="text/calendar"]')
        assert calendar_links.count() == 1, url
        found.append(blocking_violations(browser_page, url))
    fail_on(found)


@pytest.mark.parametrize("code", LANGUAGES)
def test_month_view_days_are_reachable_by_keyboard_and_named_for_screen_readers(
    live_server, event_site, browser_page, code
):
    tab = browser_page
    open_page(tab, month_url(live_server, event_site, code))
    table = tab.get_by_role("table")
    assert table.locator("caption").inner_text().strip()
    assert table.get_by_role("columnheader").count() == 7
    day_links = table.get_by_role("link")
    assert day_links.count() >= 1
    first_link = day_links.first
    first_href = first_link.get_attribute("href")
    # The accessible name says the weekday, the date and how many events, not just "12".
    name = first_link.get_attribute("aria-label")
    assert ": 1 " in name and len(name) > 10, name

    focusables = tab.evaluate(NUMBER_FOCUSABLES)
    target = next(item["index"] for item in focusables if item["href"] == first_href)
    for _ in range(target + 1):
        focused = press_tab(tab)
        assert focused is not None
        if focused["href"] == first_href:
            break
    else:
        pytest.fail(f"Tab never reached the day link {first_href}")
    assert_focus_is_visible(focused)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.removeprefix(live_server.url) == first_href
    assert tab.get_by_role("heading", level=3).first.inner_text() == TITLES["event"][code]


WEEK_LINKS = {"fi": "Tällä viikolla", "sv": "Den här veckan", "en": "This week"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_on_a_phone_one_tap_from_the_village_page_shows_this_weeks_events(
    live_server, event_site, browser_page, code
):
    """Issue 12's "done": a Länkipohja resident with a 390 px phone taps "this week" once."""
    from home.translation import translate_page
    from tests.events.factories import EventPageFactory

    today = timezone.localdate()
    titles = {"fi": "Kuoroharjoitus", "sv": "Körövning", "en": "Choir practice"}
    choir = EventPageFactory(
        parent=event_site.pages["calendar"]["fi"], title=titles["fi"], start_date=today,
        all_day=True, start_time=None, end_time=None,
    )  # fmt: skip
    if code != "fi":
        translate_page(choir, code, title=titles[code])
    tab = browser_page
    tab.set_viewport_size({"width": 390, "height": 844})
    open_page(tab, event_site.url(live_server, "village", code))
    tab.get_by_role("link", name=WEEK_LINKS[code], exact=True).first.click()
    tab.wait_for_load_state("load")
    assert tab.url.endswith("?when=week")
    assert tab.get_by_role("heading", name=titles[code]).first.is_visible()
    # The week's list fits the phone: nothing to scroll sideways.
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
