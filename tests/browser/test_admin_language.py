"""A Finnish admin that is Finnish and a Swedish one that is Swedish: a village editor whose
admin language is fi, then sv, walks the screens editors use, and every visible text and every
aria-label, title, placeholder and alt is read for English words (tests/english.py). One walk per
language: the screens share their set-up, and each walk is a few seconds of browser time."""

import re

import pytest
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_factories import DocumentFactory, ImageFactory
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from directory.models import Service
from home.translation import translate_page
from tests.browser.conftest import account, answer_wagtails_update_check, sign_in
from tests.browser.test_admin import screen
from tests.directory.factories import PlaceFactory
from tests.english import READ_SCREEN, english_words
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.browser

# English no catalogue can reach, by screen (none left: the translation editor's heading and
# menu label, written in its bundle without gettext, are replaced by admin-localize-editor.js).
UNTRANSLATABLE = {}


def untranslatable(screen_name, text):
    return any(pattern.fullmatch(text) for pattern in UNTRANSLATABLE.get(screen_name, []))


@pytest.fixture
def village_editor(
    _locale_sync_ignores_raw_saves, transactional_db, django_db_serialized_rollback, region
):
    village = region.villages[0]
    editor = account("toimittaja", "toimi@example.fi", village)
    news_index = region.village_news_indexes[0]
    news = news_index.get_children().get().specific
    ImageFactory(title="Kylätalon kuva")
    DocumentFactory(title="Kokouksen pöytäkirja")
    for name in ("Kyläkauppa", "Kirjasto"):
        shop = Service.objects.create(name=name, slug=name.lower(), kind=Service.Kind.SHOP)
        shop.villages.set([village])
    PlaceFactory(name="Kylätalo", villages=[village])
    # A weekly event: its editor shows the rule's dates, each with cancel and move.
    calendar = EventIndexPageFactory(parent=village)
    event = EventPageFactory(parent=calendar, title="Kuoroharjoitukset")
    event.frequency, event.repeat_count = "WEEKLY", 5
    event.save_revision(user=editor).publish()
    # A Swedish translation to open in wagtail-localize's editor, under the Swedish tree.
    for page in (region.home, village, news_index):
        translate_page(page, "sv", title=page.title)
    sv = Locale.objects.get(language_code="sv")
    TranslationCreator(editor, [sv]).create_translations(news)
    # Its title translated by hand: the editor dates it under the string ("… 3.12.2026").
    source = TranslationSource.objects.get_for_instance(news)
    title = source.stringsegment_set.select_related("string").get(context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=sv,
        context=title.context,
        data=news.title,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        last_translated_by=editor,
    )
    # The page waits for approval in the village's workflow: the moderation screens have a row.
    news.save_revision(user=editor)
    news.get_workflow().start(news, editor)
    return editor, news, news.get_translation(sv), event


def region_home(page):
    return page.get_ancestors().get(depth=2).title


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_editors_admin_has_no_english(live_server, village_editor, browser_page, language):
    editor, news, news_sv, event = village_editor
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    tab = browser_page
    answer_wagtails_update_check(tab.context)
    sign_in(live_server, tab, editor.username)
    found = {}

    def read(name):
        tab.wait_for_load_state("networkidle")
        texts = tab.evaluate(READ_SCREEN).splitlines()
        # Each English text once, whole, so the report shows where its words came from.
        english = {
            text.strip()
            for text in texts
            if english_words(text, language) and not untranslatable(name, text.strip())
        }
        if english:
            found[name] = sorted(english)

    screen(tab, live_server, "/admin/")
    read("dashboard")
    # The sidebar's search (a React component with its own JavaScript catalogue).
    tab.locator("#menu-search-q").fill("kylä")
    read("dashboard, sidebar search typed in")
    screen(tab, live_server, f"/admin/pages/{news.get_parent().pk}/")
    read("page explorer")
    screen(tab, live_server, f"/admin/pages/{news.pk}/edit/")
    read("page editor")
    # The status side panel (its screen-reader labels; not the checks or preview panels, whose
    # preview frame the site's frame-ancestors refuses: see the report of issue 11 item 2).
    tab.locator("[data-side-panel-toggle='status']").first.click()
    read("page editor, status side panel")
    # A save that fails validation: the error banner and the paused autosave.
    tab.locator("#id_title").fill("")
    tab.locator("button[name=action-submit], button.action-save").first.click()
    tab.wait_for_load_state("load")
    read("page editor, validation errors")
    # The page chooser, from a text block's link (Draftail's link button, on a selection).
    screen(tab, live_server, f"/admin/pages/{news.pk}/edit/")
    tab.locator("[data-streamfield-stream-container] button.c-sf-add-button").first.click()
    tab.get_by_role("option", name=re.compile("^(Teksti|Text)$")).click()
    text = tab.locator("[data-streamfield-stream-container] [contenteditable=true]").last
    text.fill("Kylätalo")
    text.press("ControlOrMeta+a")
    tab.locator("button[name=LINK]").click()
    modal = tab.locator(".modal-dialog")
    modal.get_by_text(region_home(news)).first.wait_for()
    read("page chooser")
    modal.locator("input[name=q]").fill("uutinen")
    modal.get_by_text(news.title).first.wait_for()
    read("page chooser, search")
    screen(tab, live_server, f"/admin/pages/{event.pk}/edit/")
    read("event editor, recurrence")
    # A date's cancel and move, opened.
    tab.locator("[data-event-dates-list] li summary").first.click()
    read("event editor, a date opened")
    # The snippet chooser of the event's place.
    tab.locator("#id_place-chooser [data-chooser-action-choose]").click()
    tab.locator(".modal-dialog").get_by_text("Kylätalo").first.wait_for()
    read("snippet chooser")
    screen(tab, live_server, "/admin/reports/site-history/")
    read("site history")
    screen(tab, live_server, "/admin/pages/search/?q=kyl%C3%A4")
    read("page search")
    screen(tab, live_server, f"/admin/pages/{news.pk}/workflow_history/")
    read("workflow history")
    screen(tab, live_server, "/admin/snippets/directory/service/")
    read("directory listing")
    screen(tab, live_server, "/admin/images/multiple/add/")
    read("image upload")
    screen(tab, live_server, "/admin/documents/")
    read("documents")
    screen(tab, live_server, f"/admin/pages/{news_sv.pk}/edit/")
    tab.get_by_text(news.title).first.wait_for()
    # The manually translated title's comment, with its date (in the editor's language).
    tab.get_by_text(re.compile("Käännetty manuaalisesti|Manuellt översatt")).first.wait_for()
    read("translation editor")

    report = "\n".join(f"{name}: {' | '.join(texts)}" for name, texts in found.items())
    assert found == {}, f"English in the {language} admin:\n{report}"
