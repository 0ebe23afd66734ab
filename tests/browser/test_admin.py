"""The Wagtail admin under the site's Content-Security-Policy (the browser_page fixture fails on
any violation): signing in, and adding a block to a news page's StreamField."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from home.models import NewsPage

pytestmark = pytest.mark.browser

PASSWORD = "selain-salasana-123"


@pytest.fixture
def admin_site(
    _locale_sync_ignores_raw_saves, transactional_db, django_db_serialized_rollback, region
):
    user = get_user_model().objects.create_superuser("paakayttaja", "admin@example.fi", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # stable labels to click by
    profile.save()
    return region


def sign_in(live_server, tab):
    tab.goto(live_server.url + "/admin/login/")
    tab.get_by_label("Username").fill("paakayttaja")
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(live_server.url + "/admin/")


def test_editor_adds_a_block_to_a_news_page_under_the_csp(live_server, admin_site, browser_page):
    tab = browser_page
    news = NewsPage.objects.filter(locale__language_code="fi").first()
    sign_in(live_server, tab)

    response = tab.goto(f"{live_server.url}/admin/pages/{news.pk}/edit/", wait_until="load")
    assert response.status == 200 and "content-security-policy" in response.headers
    tab.locator("[data-streamfield-stream-container] button[title='Insert a block']").first.click()
    tab.get_by_role("option", name="Quote").click()
    tab.get_by_label("Quote", exact=False).last.fill("Kylä on yhteinen.")
    # The editor's scripts ran: the new block is in the form, with the text typed into it.
    # (Not saved here: a write from the live server's thread can meet "database table is locked"
    # on the shared in-memory SQLite database of a long browser session.)
    quote = tab.locator("[data-streamfield-stream-container] textarea").last
    assert quote.input_value() == "Kylä on yhteinen."
    assert tab.locator("[data-streamfield-stream-container] [data-contentpath]").count() >= 1
