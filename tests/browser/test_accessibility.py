"""axe-core finds no serious or critical accessibility problem on any page type, in any language.

The pages are rendered by the live server with the real stylesheet, so axe also checks colour
contrast, the language of parts (lang on aliases and fallbacks), landmarks and link names.
"""

import pytest

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
BLOCKING_IMPACTS = {"serious", "critical"}


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_type_has_no_serious_accessibility_violations(
    live_server, translated_site, browser_page, code
):
    """One walk through the page types per language: the site is built once for them all, and
    every page's violations are reported together."""
    from axe_playwright_python.sync_playwright import Axe

    found = []
    for page_type in PAGE_TYPES:
        url = translated_site.url(live_server, page_type, code)
        assert f"/{code}/" in url
        open_page(browser_page, url)
        assert browser_page.locator("html").get_attribute("lang") == code, url

        results = Axe().run(browser_page)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            found.append(f"axe-core on {url}:\n{describe(blocking)}")
    if found:
        pytest.fail("\n".join(found), pytrace=False)
