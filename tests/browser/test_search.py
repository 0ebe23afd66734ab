"""The search page in fi/sv/en: reached from the header by keyboard, its results and its empty
state have no serious or critical axe-core problem, and its results are reachable by keyboard."""

import pytest

from home.translated_addresses import search_addresses
from tests.browser.axe import assert_no_blocking_violations
from tests.browser.conftest import LANGUAGES, open_page
from tests.browser.test_keyboard import assert_focus_is_visible, press_tab

pytestmark = pytest.mark.browser

# An inflected word for "news" in each language, and the news titles it must find there
# (tests/browser/conftest.py translates "Länkipohja: uutinen 1").
QUERIES = {
    "fi": ("uutisia", "Länkipohja: uutinen 1"),
    "sv": ("nyheterna", "Länkipohja: nyhet 1"),
    "en": ("news", "Länkipohja: news item 1"),
}


@pytest.fixture
def searchable_site(translated_site):
    # The factories save pages without publishing them through a revision, so the index was not
    # told about the Finnish ones: index everything, as `manage.py update_index` does.
    from search import indexing

    indexing.rebuild()
    return translated_site


def search_from_header(tab, query):
    """Tab from the top of the page to the header's search box, type `query`, press Enter."""
    for _ in range(10):
        focused = press_tab(tab)
        if focused and focused["id"] == "site-search-q":
            break
    else:
        pytest.fail("the header's search box was not reached with Tab")
    assert_focus_is_visible(focused)
    tab.keyboard.type(query)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")


@pytest.mark.parametrize("code", LANGUAGES)
def test_search_from_the_header_finds_news_and_is_accessible(
    live_server, searchable_site, browser_page, code
):
    query, expected_title = QUERIES[code]
    open_page(browser_page, searchable_site.url(live_server, "village", code))
    search_from_header(browser_page, query)
    assert search_addresses()[code] in browser_page.url
    assert browser_page.locator("html").get_attribute("lang") == code
    result = browser_page.locator(".search-result__title a").first
    assert result.inner_text() == expected_title
    assert_no_blocking_violations(browser_page, browser_page.url)

    # The first result is reached from the search button by Tab, visibly focused.
    browser_page.locator(".search-form button").focus()
    for _ in range(5):
        focused = press_tab(browser_page)
        if focused and focused["text"] == expected_title:
            break
    else:
        pytest.fail("the first result was not reached with Tab after the search button")
    assert_focus_is_visible(focused)


@pytest.mark.parametrize("code", LANGUAGES)
def test_empty_search_result_is_accessible(live_server, searchable_site, browser_page, code):
    url = f"{live_server.url}{search_addresses()[code]}?q=purjelentokone&kind=news"
    open_page(browser_page, url)
    assert browser_page.locator(".search-result").count() == 0
    assert browser_page.locator('[role="status"]').inner_text().startswith("0 ")
    assert_no_blocking_violations(browser_page, url)
