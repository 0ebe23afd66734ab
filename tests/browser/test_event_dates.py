"""Recurrence you can see (issue 11, item 4) in the browser: the event editor's "next dates"
panel follows the rule as it is ticked, and one date is cancelled from it with a reason."""

import datetime
import re

import pytest
from django.utils import timezone

from events.models import EventPage
from tests.browser.conftest import account, answer_wagtails_update_check, sign_in
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.browser


def fi(day):
    return f"{day.day}.{day.month}.{day.year}"


@pytest.fixture
def weekly_event(
    _locale_sync_ignores_raw_saves, transactional_db, django_db_serialized_rollback, region
):
    village = region.villages[0]
    account("toimittaja", "toimi@example.fi", village)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    tuesday = tomorrow + datetime.timedelta(days=(1 - tomorrow.weekday()) % 7)
    return EventPageFactory(
        parent=EventIndexPageFactory(parent=village),
        title="Kuoro",
        start_date=tuesday,
        frequency="WEEKLY",
        weekdays="TU",
        repeat_count=4,
    )


def dates_shown(tab):
    return tab.locator("[data-event-dates-list] .event-dates-admin__when").all_inner_texts()


def test_preview_follows_the_ticked_weekdays(live_server, weekly_event, browser_page):
    tab = browser_page
    tab.set_default_timeout(45_000)  # a loaded two-core machine; passes in seconds unloaded
    answer_wagtails_update_check(tab.context)
    sign_in(live_server, tab, "toimittaja")
    tab.goto(f"{live_server.url}/admin/pages/{weekly_event.pk}/edit/")
    tuesday = weekly_event.start_date
    week = datetime.timedelta(days=7)
    assert dates_shown(tab) == [f"tiistai {fi(tuesday + n * week)} klo 18" for n in range(4)]
    tab.get_by_label("Torstai").check()
    thursday = tuesday + datetime.timedelta(days=2)
    expected = [
        f"tiistai {fi(tuesday)} klo 18",
        f"torstai {fi(thursday)} klo 18",
        f"tiistai {fi(tuesday + week)} klo 18",
        f"torstai {fi(thursday + week)} klo 18",
    ]
    tab.wait_for_function(
        """(first) => [...document.querySelectorAll(
            "[data-event-dates-list] .event-dates-admin__when")].map((e) => e.innerText)[1]
            === first""",
        arg=expected[1],
    )
    assert dates_shown(tab) == expected
    assert tab.locator("[data-event-dates-note]").is_visible()
    live = tab.locator("[data-event-dates-list]")
    assert live.get_attribute("aria-live") == "polite"


def test_a_date_is_cancelled_from_the_edit_view_with_a_reason(
    live_server, weekly_event, browser_page
):
    tab = browser_page
    tab.set_default_timeout(45_000)
    answer_wagtails_update_check(tab.context)
    sign_in(live_server, tab, "toimittaja")
    tab.goto(f"{live_server.url}/admin/pages/{weekly_event.pk}/edit/")
    second = weekly_event.start_date + datetime.timedelta(days=7)
    row = tab.locator("[data-event-dates-list] li").nth(1)
    row.locator("summary").click()  # "Peru tai siirrä"
    row.get_by_label("Syy (näkyy kävijöille)").fill("Kylätalo on remontissa.")
    row.get_by_role("button", name=re.compile("^Peru ")).click()
    tab.wait_for_load_state("load")
    assert f"Päivä {fi(second)} on peruttu. Muutos on julkaistu." in tab.content()
    event = EventPage.objects.get(pk=weekly_event.pk)
    assert [(c.original_date, c.action, c.reason) for c in event.date_changes.all()] == [
        (second, "cancelled", "Kylätalo on remontissa.")
    ]
    assert "Kylätalo on remontissa." in tab.locator("[data-event-dates-list]").inner_text()
