"""Faster opening hours (issue 11, item 5) in the browser: a village editor fills a service's
week from a template, and copies one day's hours to the other weekdays with one click (by
keyboard), then saves; the stored rows are what the buttons showed."""

import datetime

import pytest

from directory.models import Service
from tests.browser.conftest import account, answer_wagtails_update_check, sign_in
from tests.directory.factories import ServiceFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def shop(_locale_sync_ignores_raw_saves, transactional_db, django_db_serialized_rollback, region):
    village = region.villages[0]
    account("toimittaja", "toimi@example.fi", village)
    return ServiceFactory(name="Kyläkauppa", slug="kylakauppa", villages=[village])


def stored_week(shop):
    return sorted(
        (row.weekday, row.opens, row.closes)
        for row in Service.objects.get(pk=shop.pk).weekly_hours.all()
    )


def hours(day, opens, closes):
    return (day, datetime.time(opens), datetime.time(closes))


def open_editor(live_server, tab, shop):
    tab.set_default_timeout(45_000)  # a loaded two-core machine; passes in seconds unloaded
    answer_wagtails_update_check(tab.context)
    sign_in(live_server, tab, "toimittaja")
    tab.goto(f"{live_server.url}/admin/snippets/directory/service/edit/{shop.pk}/")


def publish(tab):
    publish = tab.locator('button[name="action-publish"]')
    if not publish.is_visible():  # under the save button's menu
        tab.locator("footer [data-w-dropdown-target='toggle']").first.click()
    publish.click()
    tab.wait_for_url("**/admin/snippets/directory/service/")


def test_one_click_copies_a_days_hours_to_the_other_weekdays(live_server, shop, browser_page):
    tab = browser_page
    open_editor(live_server, tab, shop)
    tab.locator("#id_weekly_hours-ADD").click()
    tab.locator('select[name="weekly_hours-0-weekday"]').select_option("0")
    tab.locator('input[name="weekly_hours-0-opens"]').fill("9.00")
    tab.locator('input[name="weekly_hours-0-closes"]').fill("16.30")
    copy = tab.get_by_role("button", name="Kopioi muille arkipäiville (ma–pe)")
    assert copy.count() == 1
    copy.focus()
    tab.keyboard.press("Enter")  # keyboard-usable: a real button
    tab.get_by_role("status").filter(has_text="Kopioitu.").wait_for()
    assert (
        tab.locator('[data-inline-panel-child]:not(.deleted) select[name$="-weekday"]').count() == 5
    )
    publish(tab)
    closes = datetime.time(16, 30)
    assert stored_week(shop) == [(day, datetime.time(9), closes) for day in range(5)]


def test_a_week_template_fills_the_rows_and_replaces_the_old_ones(live_server, shop, browser_page):
    shop.weekly_hours.create(weekday=6, opens=datetime.time(12), closes=datetime.time(13))
    shop.save_revision().publish()
    tab = browser_page
    open_editor(live_server, tab, shop)
    tab.get_by_label("Aloita viikkopohjasta").select_option(label="ma–pe 8–16, la 10–14")
    tab.get_by_role("button", name="Täytä", exact=True).click()
    publish(tab)
    assert stored_week(shop) == [hours(day, 8, 16) for day in range(5)] + [hours(5, 10, 14)]
