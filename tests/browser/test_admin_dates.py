"""An editor types a date and a time the Finnish way into the admin's event form (issue 11).

The admin's date and time pickers used to rewrite the field when it lost focus: "8.12.2026"
became today's date and "klo 18.30" the current time, so the event was saved on the wrong day
without a word. The typed text now stays as typed, and the server reads it."""

import datetime
import re

import pytest
from django.utils import timezone

from events.models import EventPage
from tests.browser.conftest import account, sign_in
from tests.events.factories import EventIndexPageFactory

pytestmark = pytest.mark.browser

YEAR = timezone.localdate().year + 1


@pytest.fixture
def finnish_editor_site(
    _locale_sync_ignores_raw_saves, transactional_db, django_db_serialized_rollback, region
):
    account("paakayttaja", "admin@example.fi")
    return EventIndexPageFactory(parent=region.villages[0])


def type_into(tab, name, text):
    field = tab.locator(f'input[name="{name}"]')
    field.click()
    field.press_sequentially(text)
    field.press("Tab")  # leaves the field, as an editor does: the picker used to rewrite it here


def test_typed_finnish_date_and_time_are_saved_as_typed(
    live_server, finnish_editor_site, browser_page
):
    tab = browser_page
    # Twice in six runs on a two-core machine shared by four test runs (load average 8), some
    # step of this walk took longer than the default 15 seconds; it passes in 12 s unloaded.
    tab.set_default_timeout(45_000)
    sign_in(live_server, tab, "paakayttaja")
    tab.goto(f"{live_server.url}/admin/pages/add/events/eventpage/{finnish_editor_site.pk}/")
    tab.locator('input[name="title"]').fill("Joulumyyjäiset")
    tab.locator('textarea[name="summary"]').fill("Myyjäiset kylätalolla.")
    type_into(tab, "start_date", f"8.12.{YEAR}")
    type_into(tab, "start_time", "klo 18.30")
    type_into(tab, "end_date", f"8.12.{YEAR % 100}")
    type_into(tab, "end_time", "20")
    # Saved from the keyboard: Tab took the focus on to the next date field (the repeat section
    # is open), whose picker may cover the save button, and opens late on a loaded machine.
    tab.get_by_role("button", name="Tallenna luonnos").press("Enter")
    tab.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))

    event = EventPage.objects.get(title="Joulumyyjäiset", locale__language_code="fi")
    day = datetime.date(YEAR, 12, 8)
    assert (event.start_date, event.start_time) == (day, datetime.time(18, 30))
    assert (event.end_date, event.end_time) == (day, datetime.time(20))
    # The saved form shows them in the form the pickers write.
    assert tab.locator('input[name="start_date"]').input_value() == f"08.12.{YEAR}"
    assert tab.locator('input[name="start_time"]').input_value() == "18.30"
