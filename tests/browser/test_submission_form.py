"""The public event submission form on a phone: walked and filled by keyboard alone, its error
summary takes the focus and leads to the field, and axe-core finds nothing serious."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tests.browser.axe import assert_no_blocking_violations
from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# The fields in the order Tab reaches them, after the form's first field.
ORDER = [
    "id_title", "id_description", "id_start_date", "id_all_day", "id_start_time", "id_end_time",
    "id_repeats_weekly", "id_repeat_until", "id_place", "id_place_name", "id_street_address",
    "id_postal_code", "id_address_locality", "id_organiser", "id_organiser_name", "id_is_free",
    "id_price", "id_registration_url", "id_image", "id_image_alt", "id_topics_0", "id_name",
    "id_email", "id_phone",
]  # fmt: skip


@pytest.fixture
def submission_calendar(
    _locale_sync_ignores_raw_saves,
    transactional_db,
    django_db_serialized_rollback,
    region,
    settings,
):
    # Committed for the live server, and put back as the migrations left it afterwards (see
    # translated_site in conftest.py): the later live-server tests need the locales and groups.
    from tests.directory.factories import PlaceFactory
    from tests.events.factories import EventIndexPageFactory
    from tests.factories import TopicFactory

    settings.KYLATORI_SUBMISSION_MIN_SECONDS = 0  # a test types faster than a person
    TopicFactory(name="Kulttuuri", slug="kulttuuri")
    PlaceFactory(name="Seurantalo", slug="seurantalo", villages=[region.villages[0]])
    return EventIndexPageFactory(parent=region.villages[0])


def focused_id(tab):
    return tab.evaluate("() => document.activeElement && document.activeElement.id")


def fits_the_phone(tab):
    return tab.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_submission_form_by_keyboard_on_a_phone(live_server, browser_page, submission_calendar):
    tab = browser_page
    tab.set_viewport_size(PHONE)
    url = live_server.url + submission_calendar.url + "submit/"
    open_page(tab, url)
    assert fits_the_phone(tab)
    assert_no_blocking_violations(tab, url)

    # From the top of the page, Tab reaches the form's first field, then every field in order.
    for _press in range(60):
        tab.keyboard.press("Tab")
        if focused_id(tab) == "id_title":
            break
    assert focused_id(tab) == "id_title"
    walked = ["id_title"]
    for _field in ORDER[1:]:
        tab.keyboard.press("Tab")
        walked.append(focused_id(tab))
    assert walked == ORDER

    day = timezone.localdate() + datetime.timedelta(days=14)
    values = {
        "id_title": "Joulumyyjäiset",
        "id_description": "Leivonnaisia ja käsitöitä.",
        "id_start_date": f"{day.day}.{day.month}.{day.year}",
        "id_start_time": "klo 18",
        "id_name": "Maija Meikäläinen",
        "id_phone": "040 123 4567",
    }
    for field, value in values.items():
        tab.focus(f"#{field}")
        tab.keyboard.type(value)
    tab.focus("#id_place")
    tab.keyboard.press("ArrowDown")  # the first place of the village's directory
    tab.focus("#id_consent")
    tab.keyboard.press("Space")
    # The e-mail address is forgotten: send, and the error summary takes the focus.
    tab.focus("button[type=submit] >> nth=-1")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    summary = tab.locator(".error-summary")
    assert summary.is_visible()
    assert tab.evaluate("() => document.activeElement.classList.contains('error-summary')")
    assert fits_the_phone(tab)
    assert_no_blocking_violations(tab, url + " with errors")
    assert tab.locator("#id_title").input_value() == "Joulumyyjäiset"  # kept

    # Its link leads to the field, whose error is read with it.
    tab.keyboard.press("Tab")
    assert tab.evaluate("() => document.activeElement.getAttribute('href')") == "#id_email"
    tab.keyboard.press("Enter")
    assert focused_id(tab) == "id_email"
    described = tab.locator("#id_email").get_attribute("aria-describedby")
    assert "id_email_error" in described.split()
    tab.keyboard.type("maija@example.fi")
    tab.focus("button[type=submit] >> nth=-1")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.split("#")[0].endswith("/submit/sent/")
    assert "Tarkista sähköpostisi" in tab.locator("h1").inner_text()
    assert_no_blocking_violations(tab, tab.url)
    assert [message.to for message in mail.outbox] == [["maija@example.fi"]]
