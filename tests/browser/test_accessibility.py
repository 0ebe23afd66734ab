"""axe-core finds no serious or critical accessibility problem on any page type, in any language.

The pages are rendered by the live server with the real stylesheet, so axe also checks colour
contrast, the language of parts (lang on aliases and fallbacks), landmarks and link names.
"""

import pytest

from tests.browser.axe import blocking_violations, fail_on
from tests.browser.conftest import LANGUAGES, open_page

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "home",
    "village",
    "news_index_region",
    "news_index_village",
    "news",
    "standard",
]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_type_has_no_serious_accessibility_violations(
    live_server, translated_site, browser_page, code
):
    """One walk through the page types per language: the site is built once for them all, and
    every page's violations are reported together."""
    found = []
    for page_type in PAGE_TYPES:
        url = translated_site.url(live_server, page_type, code)
        assert f"/{code}/" in url
        open_page(browser_page, url)
        assert browser_page.locator("html").get_attribute("lang") == code, url
        found.append(blocking_violations(browser_page, url))
    fail_on(found)
