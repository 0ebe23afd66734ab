"""A keyboard user can skip the header, reach every header link in order and change language."""

import pytest

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser

# Numbers every visible focusable element in document order (data-walk) and describes it.
NUMBER_FOCUSABLES = """() => {
    const selector = [
        "a[href]", "area[href]", "button:not([disabled])", "select:not([disabled])",
        "textarea:not([disabled])", "input:not([disabled]):not([type=hidden])", "summary",
        "iframe", "[tabindex]:not([tabindex='-1'])", "[contenteditable='true']",
    ].join(",");
    const visible = (el) => el.getClientRects().length > 0
        && getComputedStyle(el).visibility !== "hidden";
    return [...document.querySelectorAll(selector)].filter(visible).map((el, index) => {
        el.dataset.walk = index;
        return {
            index,
            text: el.textContent.trim().replace(/\\s+/g, " ").slice(0, 60),
            href: el.getAttribute("href"),
            region: el.closest(".language-switcher") ? "language"
                : el.closest(".primary-nav") ? "primary"
                : el.closest("main") ? "main" : "other",
        };
    });
}"""

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
        walk: el.dataset.walk === undefined ? null : Number(el.dataset.walk),
        tag: el.tagName.toLowerCase(),
        id: el.id,
        href: el.getAttribute("href"),
        hreflang: el.getAttribute("hreflang"),
        text: el.textContent.trim().replace(/\\s+/g, " ").slice(0, 60),
        focusVisible: el.matches(":focus-visible"),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
    };
}"""


def press_tab(tab):
    tab.keyboard.press("Tab")
    return tab.evaluate(FOCUSED)


def assert_focus_is_visible(focused):
    assert focused["focusVisible"], f"{focused} does not match :focus-visible"
    assert focused["outlineStyle"] != "none" and focused["outlineWidth"] > 0, (
        f"keyboard focus on {focused['text']!r} ({focused['href']}) has no visible outline: "
        f"outline-style {focused['outlineStyle']}, width {focused['outlineWidth']}px"
    )


def test_skip_link_comes_first_and_moves_focus_to_main(live_server, translated_site, browser_page):
    tab = browser_page
    open_page(tab, translated_site.url(live_server, "village", "fi"))
    focusables = tab.evaluate(NUMBER_FOCUSABLES)

    focused = press_tab(tab)
    assert focused is not None and focused["href"] == "#main", (
        f"the first Tab should reach the skip link, not {focused}"
    )
    assert focused["text"] == "Siirry sisältöön"
    assert_focus_is_visible(focused)
    assert tab.locator("a.skip-link").is_visible(), "the skip link must show when focused"

    tab.keyboard.press("Enter")
    tab.wait_for_function("() => document.activeElement && document.activeElement.id === 'main'")
    assert tab.url.endswith("#main")
    assert tab.evaluate("() => document.activeElement.tagName") == "MAIN"

    # The next Tab continues inside the content: the header was skipped.
    first_in_main = next(item for item in focusables if item["region"] == "main")
    focused = press_tab(tab)
    assert focused["walk"] == first_in_main["index"], (
        f"after the skip link, Tab should reach {first_in_main}, not {focused}"
    )
    assert_focus_is_visible(focused)


def test_tab_order_follows_the_document_through_the_header(
    live_server, translated_site, browser_page
):
    tab = browser_page
    open_page(tab, translated_site.url(live_server, "village", "fi"))
    focusables = tab.evaluate(NUMBER_FOCUSABLES)
    header = [item for item in focusables if item["region"] in {"language", "primary"}]
    languages = [item["index"] for item in focusables if item["region"] == "language"]
    primary = [item["index"] for item in focusables if item["region"] == "primary"]
    assert len(languages) == 3, focusables  # Suomi, Svenska, English
    assert len(primary) >= 2, focusables  # region news, villages
    assert max(languages) < min(primary), "the language switcher precedes the main menu"

    visited = []
    last = max(item["index"] for item in header)
    for _ in range(last + 1):
        focused = press_tab(tab)
        assert focused is not None, f"focus left the page after {visited}"
        assert_focus_is_visible(focused)
        visited.append(focused["walk"])
    expected = list(range(last + 1))
    assert visited == expected, (
        "Tab order differs from document order:\n"
        + "\n".join(f"  {focusables[i]}" for i in expected)
        + f"\nvisited: {visited}"
    )


def test_language_switcher_works_from_the_keyboard(live_server, translated_site, browser_page):
    tab = browser_page
    village = translated_site.pages["village"]
    open_page(tab, translated_site.url(live_server, "village", "fi"))
    tab.evaluate(NUMBER_FOCUSABLES)

    for _ in range(20):
        focused = press_tab(tab)
        if focused and focused["hreflang"] == "sv":
            break
    else:
        pytest.fail("Tab never reached the Svenska link of the language switcher")
    assert focused["text"].startswith("Svenska")
    assert_focus_is_visible(focused)

    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    path = tab.url.removeprefix(live_server.url)
    assert path.startswith("/sv/")
    assert path == village["sv"].get_url()
    assert tab.locator("html").get_attribute("lang") == "sv"
    assert tab.locator("h1").inner_text() == village["sv"].title
    current = tab.locator(".language-switcher a[aria-current]")
    assert current.get_attribute("hreflang") == "sv"
