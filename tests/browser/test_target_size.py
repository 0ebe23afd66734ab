"""Tap targets on a phone (390 px) and on a desktop (1280 px): every link, button, field, summary
and checkbox label a resident can use is at least 24 × 24 px or has the spacing exception
(WCAG 2.2, 2.5.8); form controls and menu links are 24 × 24 px themselves; and the month view's
days are at least 44 × 44 px on the phone."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import open_page
from tests.browser.test_events import event_site, month_url  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MINIMUM = 24  # CSS px, WCAG 2.2 success criterion 2.5.8 (AA)
DAY_MINIMUM = 44  # the month view's days, for a thumb

# Form controls and the links of menus and the footer are not words in a sentence: they must be
# at least MINIMUM × MINIMUM themselves, without the spacing allowance running text may use.
CONTROLS = "input, select, textarea, button, summary, label[for], nav a, footer a"

# The visible targets that fail: under MINIMUM × MINIMUM and either a control (CONTROLS) or not
# spaced (WCAG's spacing exception: a circle of MINIMUM px diameter centred on the bounding box
# intersects no other target and no other undersized target's circle).
MEASURE_TARGETS = """([minimum, controls]) => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, "
        + "label[for]";
    const isTarget = (el) => {
        if (el.tagName !== "LABEL") return true;
        const control = document.getElementById(el.htmlFor);
        return control !== null && (control.type === "checkbox" || control.type === "radio");
    };
    const visible = (el) => {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return el.getClientRects().length > 0 && style.visibility !== "hidden"
            && box.width > 1 && box.height > 1 && box.bottom + window.scrollY > 0;
    };
    const targets = [...document.querySelectorAll(selector)].filter(isTarget).filter(visible)
        .map((el) => {
            const box = el.getBoundingClientRect();
            return {
                el,
                left: box.left + window.scrollX, top: box.top + window.scrollY,
                right: box.right + window.scrollX, bottom: box.bottom + window.scrollY,
                width: box.width, height: box.height,
            };
        });
    const radius = minimum / 2;
    const centre = (t) => [(t.left + t.right) / 2, (t.top + t.bottom) / 2];
    const distanceToBox = ([x, y], t) => Math.hypot(
        Math.max(t.left - x, 0, x - t.right), Math.max(t.top - y, 0, y - t.bottom)
    );
    const small = (t) => t.width < minimum - 0.5 || t.height < minimum - 0.5;
    const nested = (a, b) => a.el.contains(b.el) || b.el.contains(a.el);
    const crowded = (t) => targets.some((other) => {
        if (other === t || nested(t, other)) return false;
        const [x, y] = centre(t), [ox, oy] = centre(other);
        return distanceToBox([x, y], other) < radius
            || (small(other) && Math.hypot(x - ox, y - oy) < minimum);
    });
    return targets.filter(small).filter((t) => t.el.matches(controls) || crowded(t)).map((t) => ({
        tag: t.el.tagName.toLowerCase(),
        text: (t.el.textContent || t.el.name || t.el.id).trim().replace(/\\s+/g, " ").slice(0, 50),
        href: t.el.getAttribute("href") || t.el.id,
        size: `${Math.round(t.width)} × ${Math.round(t.height)}`,
        why: t.el.matches(controls) ? "a control or menu link" : "too close to another target",
    }));
}"""

DAY_SIZES = """() => [...document.querySelectorAll("table.month-table td")].map((cell) => {
    const day = cell.querySelector("a, span");
    const box = day.getBoundingClientRect();
    return {day: day.textContent.trim(), link: day.tagName === "A",
            width: box.width, height: box.height};
})"""

HORIZONTAL_OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def resident_pages(live_server, event_site, region):  # noqa: F811 (the imported fixture)
    """Addresses of the pages a resident uses: home, village, calendars, month view, event,
    directory list and entry, and a search with results; in Finnish, plus a Swedish month view
    of the region and an English event page."""
    from search import indexing
    from tests.directory.factories import DirectoryPageFactory

    village = event_site.pages["village"]["fi"]
    event = event_site.pages["event"]["fi"]
    directory = DirectoryPageFactory(parent=village)
    association = event.organiser
    association.telephone, association.url = "040 123 4567", "https://example.org/"
    association.save()
    indexing.rebuild()
    first = event.start_date
    month = f"month/{first.year}/{first.month}/"
    with translation.override("fi"):
        search = reverse("search")
    base = live_server.url
    return [
        base + event_site.pages["home"]["fi"].url,
        base + village.url,
        event_site.url(live_server, "calendar", "fi"),
        event_site.url(live_server, "region_calendar", "fi") + "?free=on",
        month_url(live_server, event_site, "fi"),
        event_site.url(live_server, "region_calendar", "fi") + month,
        event_site.url(live_server, "event", "fi"),
        base + directory.url,
        f"{base}{directory.url}{association.type_slug}/{association.slug}/",
        f"{base}{search}?q=uutisia",
        event_site.url(live_server, "region_calendar", "sv") + month,
        event_site.url(live_server, "event", "en"),
    ]


def test_every_target_is_large_enough_or_spaced_on_a_phone_and_a_desktop(
    live_server,
    resident_pages,
    event_site,  # noqa: F811 (the imported fixture)
    browser_page,
):
    tab = browser_page
    failures = []
    for viewport in (PHONE, DESKTOP):
        tab.set_viewport_size(viewport)
        for url in resident_pages:
            open_page(tab, url)
            where = f"{viewport['width']} px {url.removeprefix(live_server.url)}"
            for target in tab.evaluate(MEASURE_TARGETS, [MINIMUM, CONTROLS]):
                failures.append(f"{where}: {target}")
            overflow = tab.evaluate(HORIZONTAL_OVERFLOW)
            if overflow > 0:
                failures.append(f"{where}: the page scrolls sideways by {overflow} px")
    assert not failures, "Targets under 24 × 24 px without spacing:\n" + "\n".join(failures)


def test_month_view_days_are_thumb_sized_on_a_phone(
    live_server,
    event_site,  # noqa: F811 (the imported fixture)
    browser_page,
):
    tab = browser_page
    tab.set_viewport_size(PHONE)
    open_page(tab, month_url(live_server, event_site, "fi"))
    days = tab.evaluate(DAY_SIZES)
    assert len(days) >= 28 and any(day["link"] for day in days)
    small = [d for d in days if d["link"] and min(d["width"], d["height"]) < DAY_MINIMUM - 0.5]
    assert not small, f"days under {DAY_MINIMUM} × {DAY_MINIMUM} px at 390 px: {small}"
    # The phone reads the events as an agenda below the days; a wide screen in the table.
    title = event_site.pages["event"]["fi"].title
    agenda, table = tab.locator(".month-agenda"), tab.locator(".month-table__events")
    in_agenda, in_table = agenda.get_by_text(title).first, table.get_by_text(title).first
    assert in_agenda.is_visible() and in_table.count() and not in_table.is_visible()
    tab.set_viewport_size({"width": 1280, "height": 900})
    assert not in_agenda.is_visible() and in_table.is_visible()
