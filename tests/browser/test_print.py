"""Printed, a page is its content and where it came from: no menus, switcher or skip link."""

import pytest

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser

HIDDEN_IN_PRINT = [".skip-link", ".language-switcher", ".primary-nav", ".breadcrumbs"]


def test_printed_news_page_shows_the_article_without_navigation(
    live_server, translated_site, browser_page
):
    tab = browser_page
    news = translated_site.pages["news"]["fi"]
    open_page(tab, live_server.url + news.get_url())
    for selector in HIDDEN_IN_PRINT:
        assert tab.locator(selector).count(), f"{selector} is missing from the page"
    assert tab.locator(".primary-nav").is_visible()

    tab.emulate_media(media="print")

    for selector in HIDDEN_IN_PRINT:
        assert not tab.locator(selector).first.is_visible(), f"{selector} is printed"
    assert tab.locator("main h1").inner_text() == news.title
    assert tab.locator(".site-header .site-name").is_visible()  # where it came from
