"""The directory in the browser: axe-core on its list and detail pages in fi, sv and en, and the
resident's walk from a village to the sports club's hall with the keyboard alone."""

import pytest

from tests.browser.axe import blocking_violations, fail_on
from tests.browser.conftest import LANGUAGES, open_page
from tests.browser.test_keyboard import assert_focus_is_visible, press_tab

pytestmark = pytest.mark.browser

DIRECTORY_TITLES = {"fi": "Hakemisto", "sv": "Katalog", "en": "Directory"}
# Finnish name, then Swedish and English; the place has no English translation (a fallback).
ENTRIES = {
    "place": ("Länkipohjan koulu", "Länkipohja skola", None),
    "association": (
        "Länkipohjan Urheilijat",
        "Länkipohja idrottsförening",
        "Länkipohja Sports Club",
    ),
    "service": ("Länkipohjan kyläkauppa", "Byabutiken i Länkipohja", "Länkipohja village shop"),
}
SPORTS = {"fi": "Liikunta", "sv": "Motion", "en": "Sports"}


def name_in(entry, code):
    """The entry's name a visitor of `code` sees: its translation, or else the Finnish name."""
    names = ENTRIES[entry]
    return names[LANGUAGES.index(code)] or names[0]


def listed_name(entry, code):
    """The name on the entry's card: a Finnish name in another language says so."""
    if ENTRIES[entry][LANGUAGES.index(code)] is None:
        return f"{name_in(entry, code)} {'(på finska)' if code == 'sv' else '(in Finnish)'}"
    return name_in(entry, code)


@pytest.fixture
def directory_site(translated_site):
    """Directory pages of the village and of the region, in three languages, with an
    association, a service with hours and an exception, and a place, all in the sports topic
    but the shop."""
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import Locale

    from home.translation import translate_page
    from tests.directory.factories import (
        AssociationFactory,
        DirectoryPageFactory,
        PlaceFactory,
        ServiceFactory,
        add_exception,
        add_hours,
        translate_entry,
    )
    from tests.factories import TopicFactory

    village, home = translated_site.pages["village"]["fi"], translated_site.pages["home"]["fi"]
    pages = {
        "list_village": DirectoryPageFactory(parent=village),
        "list_region": DirectoryPageFactory(parent=home, title="Palveluhakemisto", slug="palvelut"),
    }
    sports = TopicFactory(name=SPORTS["fi"], slug="liikunta")
    hall = PlaceFactory(name=ENTRIES["place"][0], slug="koulu", villages=[village], topics=[sports])
    entries = {
        "place": hall,
        "association": AssociationFactory(
            name=ENTRIES["association"][0],
            slug="urheilijat",
            villages=[village],
            topics=[sports],
            meeting_place=hall,
        ),
        "service": ServiceFactory(name=ENTRIES["service"][0], slug="kauppa", villages=[village]),
    }
    for weekday in range(7):
        add_hours(entries["service"], weekday, "9:00", "18:00")
        add_hours(hall, weekday, "17:00", "21:00")
    add_exception(entries["service"], timezone.localdate() + timedelta(days=2), note="Inventaario")
    urls = {name: {"fi": page.url} for name, page in pages.items()}
    for code in ("sv", "en"):
        locale = Locale.objects.get(language_code=code)
        translated = sports.copy_for_translation(locale)
        translated.name = SPORTS[code]
        translated.save()
        for name, page in pages.items():
            title = DIRECTORY_TITLES[code] + (" (region)" if name == "list_region" else "")
            urls[name][code] = translate_page(page, code, title=title).url
    for name, entry in entries.items():
        for code, translated_name in zip(("sv", "en"), ENTRIES[name][1:], strict=True):
            if translated_name:
                translate_entry(entry, code, name=translated_name)
        urls[name] = {
            code: f"{urls['list_village'][code]}{entry.type_slug}/{entry.slug}/"
            for code in LANGUAGES
        }
    return urls


DIRECTORY_PAGES = ["list_village", "list_region", "association", "service", "place"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_directory_pages_have_no_serious_accessibility_violations(
    live_server, directory_site, browser_page, code
):
    """One walk through the directory's pages per language: the site is built once for them
    all, and every page's violations are reported together."""
    found = []
    for page_type in DIRECTORY_PAGES:
        url = live_server.url + directory_site[page_type][code]
        open_page(browser_page, url)
        assert browser_page.locator("html").get_attribute("lang") == code, url
        if page_type in ("service", "place"):
            assert browser_page.locator(".hours-status").first.is_visible(), url
            # The week (the exceptions of the next 60 days, holidays among them, are a table too).
            weekly = browser_page.locator("table.hours-table:not(.hours-exceptions) tbody tr")
            assert weekly.count() == 7, url
        found.append(blocking_violations(browser_page, url))
    fail_on(found)


def tab_to(tab, predicate, what, limit=60):
    for _ in range(limit):
        focused = press_tab(tab)
        if focused and predicate(focused):
            assert_focus_is_visible(focused)
            return focused
    pytest.fail(f"Tab never reached {what}")


@pytest.mark.parametrize("code", LANGUAGES)
def test_keyboard_user_filters_to_sports_and_opens_the_club(
    live_server, directory_site, browser_page, code
):
    tab = browser_page
    open_page(tab, live_server.url + directory_site["list_village"][code])

    tab_to(tab, lambda f: f["id"] == "directory-topic", "the topic filter")
    tab.keyboard.type(SPORTS[code][:3])  # a closed <select> picks the option typed
    assert tab.locator("#directory-topic").input_value() == "liikunta"
    tab_to(tab, lambda f: f["tag"] == "button", "the Show button")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert "topic=liikunta" in tab.url
    listed = tab.locator(".directory-card__title a").all_inner_texts()
    assert sorted(listed) == sorted([listed_name("association", code), listed_name("place", code)])

    club_name = name_in("association", code)
    tab_to(tab, lambda f: f["text"] == club_name, f"the link to {club_name}")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.locator("h1").inner_text() == club_name
    meeting_place = tab.locator("section[aria-labelledby=meeting-place-heading]")
    assert meeting_place.locator(".hours-status").is_visible()


# A 1 × 1 grey PNG served for every tile: the test never reaches tile.openstreetmap.org.
GREY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55"
    "0000000a49444154789c63b8070000c100c02e0f6e6d0000000049454e44ae426082"
)


def test_map_on_a_phone_loads_tiles_only_when_asked_and_fits(
    live_server, directory_site, browser_page
):
    from tests.browser.test_target_size import (
        CONTROLS,
        HORIZONTAL_OVERFLOW,
        MEASURE_TARGETS,
        MINIMUM,
        PHONE,
    )

    tab = browser_page
    tab.set_viewport_size(PHONE)
    elsewhere = []
    tab.on(
        "request",
        lambda request: request.url.startswith(live_server.url) or elsewhere.append(request.url),
    )
    tab.route(
        "https://tile.openstreetmap.org/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=GREY_PNG),
    )
    open_page(tab, live_server.url + directory_site["list_village"]["fi"])
    assert elsewhere == [] and tab.locator(".directory-map__tiles").count() == 0

    tab_to(tab, lambda f: f["text"] == "Näytä kartalla", "the map link")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    tab.wait_for_load_state("load")
    assert len(elsewhere) == 4 and all(
        u.startswith("https://tile.openstreetmap.org/") for u in elsewhere
    )
    frame = tab.locator(".directory-map__frame").bounding_box()
    assert 300 <= frame["width"] <= PHONE["width"] and frame["height"] == frame["width"]
    for circle in tab.locator(".directory-map__markers circle").all():
        box = circle.bounding_box()
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
        assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"]
    assert tab.locator(".directory-map__list li").count() == 2  # the shop and the school
    assert tab.evaluate(HORIZONTAL_OVERFLOW) <= 0
    assert tab.evaluate(MEASURE_TARGETS, [MINIMUM, CONTROLS]) == []
    tab.locator(".directory-map").screenshot(path="/tmp/directory-map-390.png")
