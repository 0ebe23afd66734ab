"""The Wagtail admin under the site's Content-Security-Policy: one walk through the screens
editors use, which fails on any CSP violation (the browser_page fixture) and on any error in the
console or uncaught in a script. Each screen also shows that its scripts ran (a block added, a
modal opened, a row added), so a screen whose script was blocked silently fails too."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail_factories import DocumentFactory, ImageFactory
from wagtail_localize.operations import TranslationCreator

from directory.models import Service
from home.models import NewsPage
from tests.browser.conftest import account, answer_wagtails_update_check, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def admin_site(
    _locale_sync_ignores_raw_saves, transactional_db, django_db_serialized_rollback, region
):
    account("paakayttaja", "admin@example.fi", language="en")  # stable labels to click by
    return region


def screen(tab, live_server, path):
    response = tab.goto(live_server.url + path, wait_until="load")
    assert response.status == 200, f"{path} answered {response.status}"
    assert "content-security-policy" in response.headers, path
    return response


def collect_console_errors(tab):
    errors = []
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    return errors


def test_editor_screens_work_under_the_csp(live_server, admin_site, browser_page):
    region = admin_site
    news = NewsPage.objects.filter(locale__language_code="fi").first()
    ImageFactory(title="Kylätalon kuva")
    DocumentFactory(title="Kokouksen pöytäkirja")
    shop = Service.objects.create(name="Kyläkauppa", slug="kylakauppa", kind=Service.Kind.SHOP)
    shop.villages.set([region.villages[0]])
    # A Swedish translation in wagtail-localize's editor, and a page waiting for approval.
    sv = Locale.objects.get(language_code="sv")
    TranslationCreator(get_user_model().objects.get(), [sv]).create_translations(news)
    news_sv = news.get_translation(sv)
    other = NewsPage.objects.filter(locale__language_code="fi").exclude(pk=news.pk).first()
    other.save_revision()
    other.get_workflow().start(other, get_user_model().objects.get())

    tab = browser_page
    errors = collect_console_errors(tab)
    answer_wagtails_update_check(tab.context)
    sign_in(live_server, tab, "paakayttaja")

    # Dashboard, with the page awaiting review.
    screen(tab, live_server, "/admin/")
    assert tab.get_by_text(other.title).first.is_visible()

    # Page explorer: the village's news.
    screen(tab, live_server, f"/admin/pages/{news.get_parent().pk}/")
    assert tab.get_by_role("link", name=news.title).first.is_visible()

    # Page editor: a block added to the StreamField, the image chooser opened.
    screen(tab, live_server, f"/admin/pages/{news.pk}/edit/")
    tab.locator("[data-streamfield-stream-container] button[title='Insert a block']").first.click()
    tab.get_by_role("option", name="Quote").click()
    tab.get_by_label("Quote", exact=False).last.fill("Kylä on yhteinen.")
    quote = tab.locator("[data-streamfield-stream-container] textarea").last
    assert quote.input_value() == "Kylä on yhteinen."
    tab.get_by_role("button", name="Choose an image").first.click()
    modal = tab.locator(".modal-dialog")
    modal.get_by_text("Kylätalon kuva").first.wait_for()
    modal.get_by_role("button", name="Close").first.click()
    # The preview panel shows the page in a frame (the public page's policy must let the admin
    # frame it).
    tab.locator("[data-side-panel-toggle='preview']").click()
    preview = tab.frame_locator("#w-preview-iframe")
    preview.get_by_role("heading", name=news.title).wait_for()
    # (Not saved: a write from the live server's thread can meet "database table is locked" on
    # the shared in-memory SQLite database of a long browser session.)

    # Directory entry: its inline opening hours take a new row.
    screen(tab, live_server, f"/admin/snippets/directory/service/edit/{shop.pk}/")
    tab.get_by_role("button", name=re.compile("Add weekly hours", re.IGNORECASE)).click()
    tab.locator("#id_weekly_hours-0-opens").wait_for()

    # Media: the image upload form and the document list.
    screen(tab, live_server, "/admin/images/multiple/add/")
    assert tab.locator("input[type=file]").count() >= 1
    screen(tab, live_server, "/admin/documents/")
    assert tab.get_by_text("Kokouksen pöytäkirja").first.is_visible()

    # wagtail-localize's translation editor (a React application) shows the Finnish text.
    screen(tab, live_server, f"/admin/pages/{news_sv.pk}/edit/")
    tab.get_by_text(news.title).first.wait_for()

    # Moderation: workflows, tasks and the page's workflow history.
    screen(tab, live_server, "/admin/workflows/list/")
    screen(tab, live_server, "/admin/workflows/tasks/index/")
    screen(tab, live_server, f"/admin/pages/{other.pk}/workflow_history/")
    assert tab.get_by_text("In progress").first.is_visible()

    assert errors == [], "\n".join(errors)


def test_on_a_phone_the_add_button_is_named_and_the_form_comes_before_the_side_panel(
    live_server, admin_site, browser_page
):
    tab = browser_page
    village = admin_site.villages[0]
    news = NewsPage.objects.filter(locale__language_code="fi").first()
    sign_in(live_server, tab, "paakayttaja")

    def side_panel_after_load(width):
        tab.set_viewport_size({"width": width, "height": 844})
        # As if the status panel had been left open on an earlier visit.
        tab.evaluate("localStorage.setItem('wagtail:side-panel-open', 'status')")
        screen(tab, live_server, f"/admin/pages/{news.pk}/edit/")
        # Wagtail restores the remembered panel, then drops the form-side--initial class.
        tab.wait_for_function("!document.querySelector('.form-side--initial')")
        return tab.locator(".form-side--open").count()

    assert side_panel_after_load(390) == 0
    assert side_panel_after_load(1280) == 1  # a wide screen still reopens it, as Wagtail does

    tab.set_viewport_size({"width": 390, "height": 844})
    screen(tab, live_server, f"/admin/pages/{village.pk}/")
    add = tab.locator('#w-slim-header-buttons a[href$="/add_subpage/"]')
    shown = add.evaluate("element => getComputedStyle(element, '::after').content")
    assert shown == '"Add child page"'
    assert add.get_attribute("aria-label") == "Add child page"
    assert add.bounding_box()["width"] > 100  # the words, not a bare +
