"""Measure it (issue 11, item 8): a village editor of Länkipohja does the issue's five everyday
tasks in the Finnish admin, and the clicks and typed fields of each are counted and printed
(`pytest -s` shows the table).

How it counts: opening the task's screen is one click (a menu item or a bookmark); every button,
link, checkbox and select is one click (a select chosen by keyboard is one too); every field
filled is one typed field, and moving between fields (Tab) is not counted. The editor is not a
superuser, and every task must end without an error on the screen.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale
from wagtail_factories import ImageFactory

from directory.models import Service
from events.models import EventPage
from home.models import NewsPage, VillageEditors
from home.translation import translate_page
from tests.browser.conftest import account, answer_wagtails_update_check, sign_in
from tests.english import READ_SCREEN, english_words
from tests.events.factories import EventIndexPageFactory

pytestmark = pytest.mark.browser


class Editor:
    """The browser, with a count of what the editor did."""

    def __init__(self, tab, live_server):
        self.tab, self.base = tab, live_server.url
        self.clicks = self.typed = 0
        self.english = {}  # screen address: the English texts on it

    def open(self, path):
        self.clicks += 1
        self.tab.goto(self.base + path)
        self.read()

    def read(self):
        """Note any English on the screen (the walk's check, tests/english.py)."""
        self.tab.wait_for_load_state("load")
        texts = {text.strip() for text in self.tab.evaluate(READ_SCREEN).splitlines()}
        english = sorted(text for text in texts if english_words(text, "fi"))
        if english:
            self.english.setdefault(self.tab.url.removeprefix(self.base), []).extend(english)

    def click(self, locator):
        self.clicks += 1
        locator.click()

    def choose(self, locator, **option):
        self.clicks += 1
        locator.select_option(**option)

    def type(self, locator, text):
        self.typed += 1
        locator.fill(text)

    def press(self, locator):
        """A button pressed from the keyboard, counted as a click: a date field's picker, open
        while its field has the focus (and late to open on a loaded machine), may cover the
        footer's buttons, which a mouse click would then hit."""
        self.clicks += 1
        locator.press("Enter")

    def publish(self):
        publish = self.tab.locator('footer button[name="action-publish"]')
        if not publish.is_visible():  # under the save button's menu
            self.press(self.tab.locator("footer [data-w-dropdown-target='toggle']").first)
        self.press(publish)
        self.tab.wait_for_load_state("load")
        self.no_error()

    def no_error(self):
        errors = self.tab.locator(".error-message, .help-critical, .messages .error")
        visible = [text for text in errors.all_inner_texts() if text.strip()]
        assert visible == [], visible
        self.read()

    def result(self):
        counts = (self.clicks, self.typed)
        self.clicks = self.typed = 0
        return counts


def fi(day):
    return f"{day.day}.{day.month}.{day.year}"


@pytest.fixture
def lankipohja(
    _locale_sync_ignores_raw_saves, transactional_db, django_db_serialized_rollback, region
):
    village = region.villages[0]
    editors = VillageEditors.objects.get(village_key=village.translation_key)
    account("toimittaja", "toimi@example.fi", village)
    ImageFactory(title="Kylätalon kuva", collection=editors.collection)
    calendar = EventIndexPageFactory(parent=village)
    # The Swedish side of the village, so that its calendar can hold a translated event.
    for page in (region.home, village, calendar):
        translate_page(page, "sv", title=page.title)
    return village, region.village_news_indexes[0], calendar


def test_five_editor_tasks_clicks_and_typed_fields(live_server, lankipohja, browser_page):
    village, news_index, calendar = lankipohja
    tab = browser_page
    tab.set_default_timeout(45_000)  # a loaded two-core machine; each step takes a second
    answer_wagtails_update_check(tab.context)
    sign_in(live_server, tab, "toimittaja")
    editor = Editor(tab, live_server)
    figures = {}

    # 1. A news item with an image.
    editor.open(f"/admin/pages/add/home/newspage/{news_index.pk}/")
    editor.type(tab.locator("#id_title"), "Kylätalon remontti alkaa")
    editor.type(tab.locator("#id_lead"), "Kylätalon remontti alkaa maanantaina.")
    editor.click(tab.get_by_role("button", name="Valitse kuva"))
    editor.click(tab.locator(".modal").get_by_text("Kylätalon kuva").first)
    tab.locator(".modal").wait_for(state="hidden")
    editor.type(tab.locator("#id_image_alt"), "Kylätalo talvella.")
    editor.publish()
    news = NewsPage.objects.get(title="Kylätalon remontti alkaa", locale__language_code="fi")
    assert news.live and news.image is not None
    figures["news item with an image"] = editor.result()

    # 2. A weekly event with one excluded date.
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    tuesday = tomorrow + datetime.timedelta(days=(1 - tomorrow.weekday()) % 7)
    excluded = tuesday + datetime.timedelta(days=14)
    editor.open(f"/admin/pages/add/events/eventpage/{calendar.pk}/")
    editor.type(tab.locator("#id_title"), "Kuoroharjoitukset")
    editor.type(tab.locator("#id_summary"), "Kyläkuoro harjoittelee kylätalolla.")
    editor.type(tab.locator("#id_start_date"), fi(tuesday))
    editor.type(tab.locator("#id_start_time"), "18")
    editor.type(tab.locator("#id_end_time"), "20")
    editor.type(tab.locator("#id_place_name"), "Kylätalo")
    editor.choose(tab.locator("#id_frequency"), value="WEEKLY")
    editor.type(tab.locator("#id_repeat_count"), "10")
    editor.click(tab.get_by_role("button", name="Lisää muutettava päivä"))
    editor.type(tab.locator("#id_date_changes-0-original_date"), fi(excluded))
    editor.choose(tab.locator("#id_date_changes-0-action"), value="excluded")
    editor.publish()
    event = EventPage.objects.get(title="Kuoroharjoitukset", locale__language_code="fi")
    starts = [timezone.localdate(o.start) for o in event.occurrences.all()]
    assert event.live and len(starts) == 9 and excluded not in starts
    figures["weekly event with one excluded date"] = editor.result()

    # 3. Cancel one date of it, with a reason.
    cancelled = tuesday + datetime.timedelta(days=7)
    editor.open(f"/admin/pages/{event.pk}/edit/")
    row = tab.locator("[data-event-dates-list] li").nth(1)
    editor.click(row.locator("summary"))
    editor.type(row.get_by_label("Syy (näkyy kävijöille)"), "Kylätalolla on vaalit.")
    editor.click(row.get_by_role("button", name="Peru", exact=False).first)
    tab.wait_for_load_state("load")
    editor.no_error()
    assert event.occurrences.filter(status="cancelled").count() == 1
    assert timezone.localdate(event.occurrences.get(status="cancelled").start) == cancelled
    figures["cancel one date of it"] = editor.result()

    # 4. A service with opening hours and a holiday exception.
    today = timezone.localdate()
    christmas_eve = datetime.date(today.year + (today > datetime.date(today.year, 12, 24)), 12, 24)
    editor.open("/admin/snippets/directory/service/add/")
    editor.type(tab.locator("#id_name"), "Länkipohjan kyläkauppa")
    editor.choose(tab.locator("#id_kind"), value="shop")
    villages = tab.get_by_label(village.title, exact=True)
    if not villages.is_checked():
        editor.click(villages)
    editor.choose(tab.get_by_label("Aloita viikkopohjasta"), label="ma–pe 8–16, la 10–14")
    editor.click(tab.get_by_role("button", name="Täytä", exact=True))
    editor.click(tab.locator("#id_hours_exceptions-ADD"))
    editor.type(tab.locator("#id_hours_exceptions-0-start_date"), fi(christmas_eve))
    editor.publish()
    shop = Service.objects.get(name="Länkipohjan kyläkauppa")
    assert shop.live and shop.weekly_hours.count() == 6 and shop.hours_exceptions.count() == 1
    figures["service with opening hours and a holiday exception"] = editor.result()

    # 5. The event's Swedish translation (wagtail-localize's editor).
    editor.open(f"/admin/localize/submit/page/{event.pk}/")
    swedish = tab.get_by_label("Svenska")
    if not swedish.is_checked():
        editor.click(swedish)
    editor.click(tab.get_by_role("button", name="Lähetä"))
    tab.wait_for_load_state("load")
    editor.no_error()
    for finnish, swedish in (
        ("Kuoroharjoitukset", "Körövningar"),
        ("Kyläkuoro harjoittelee kylätalolla.", "Bykören övar i bygdegården."),
    ):
        segment = tab.locator("li", has=tab.get_by_text(finnish, exact=True)).last
        editor.click(segment.get_by_role("button", name="Käännä"))
        editor.type(segment.locator("textarea"), swedish)
        editor.click(segment.get_by_role("button", name="Tallenna"))
        segment.get_by_role("button", name="Muokkaa").wait_for()
    editor.click(tab.get_by_role("button", name="Julkaise kieliversio: Svenska"))
    tab.wait_for_load_state("load")
    editor.no_error()
    sv = Locale.objects.get(language_code="sv")
    swedish_event = EventPage.objects.get(translation_key=event.translation_key, locale=sv)
    assert swedish_event.live and swedish_event.alias_of_id is None
    assert swedish_event.title == "Körövningar"
    figures["Swedish translation of the event"] = editor.result()

    print("\ntask | clicks | fields typed")
    for task, (clicks, typed) in figures.items():
        print(f"{task} | {clicks} | {typed}")
    assert figures["weekly event with one excluded date"][0] <= 20
    # What the editor met on every screen, opened or saved, was Finnish.
    assert editor.english == {}
