"""Volunteer editors work in Finnish: the admin speaks it by default."""

import re

import pytest
from django.contrib.auth.models import User
from django.utils.text import slugify

from directory.models import Service
from tests import helpers


def test_admin_login_page_is_in_finnish(client, db):
    html = client.get("/admin/login/").content.decode()
    assert 'lang="fi"' in html
    assert "Kirjaudu sisään" in html


def test_admin_dashboard_is_in_finnish_for_a_new_user(client, region):
    user = User.objects.create_superuser("paakayttaja", password="x")
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert 'lang="fi"' in html
    assert "Sivut" in html


@pytest.fixture
def signed_in(client, region):
    user = User.objects.create_superuser("paakayttaja", password="x")

    def as_language(code):
        return helpers.signed_in(client, user, code)

    return as_language


def text_of(response):
    assert response.status_code == 200
    return helpers.text(response.content.decode())


def test_a_finnish_listing_counts_without_a_plural_after_the_number(signed_in):
    # Wagtail writes "2 palvelut"; Finnish counts with the partitive singular, which no model
    # name gives, so the label names the items and then the count.
    for name in ("Kyläkauppa", "Kirjasto"):
        Service.objects.create(name=name, slug=slugify(name), kind=Service.Kind.SHOP)
    client = signed_in("fi")
    listing = text_of(client.get("/admin/snippets/directory/service/"))
    assert "Palvelut: 2" in listing
    assert "2 palvelut" not in listing.lower()
    assert "2 services" in text_of(signed_in("en").get("/admin/snippets/directory/service/"))
    assert "2 tjänster" in text_of(signed_in("sv").get("/admin/snippets/directory/service/"))
    # One entry: the singular name, in every language.
    Service.objects.get(name="Kirjasto").delete()
    assert "1 palvelu" in text_of(signed_in("fi").get("/admin/snippets/directory/service/"))
    assert "1 tjänst" in text_of(signed_in("sv").get("/admin/snippets/directory/service/"))
    assert "1 service" in text_of(signed_in("en").get("/admin/snippets/directory/service/"))


def test_finnish_and_swedish_admin_words_follow_the_glossary(signed_in, region):
    # "maa-asetusto" (Wagtail's Finnish for locale) is "kieliversio"; an upload is "lataa", not
    # "lähetä" (send); Wagtail's Swedish called a locale "Plats" (place).
    village = region.villages[0]
    finnish = text_of(signed_in("fi").get(f"/admin/pages/{village.pk}/edit/"))
    assert "Kieliversio" in finnish
    assert "maa-asetu" not in finnish.lower()
    chooser = signed_in("fi").get("/admin/images/chooser/").json()["html"]
    assert "Lataa" in chooser
    assert "Lähetä" not in chooser
    swedish = text_of(signed_in("sv").get(f"/admin/pages/{village.pk}/edit/"))
    assert "Språkversion" in swedish


def test_the_root_of_the_tree_and_of_the_collections_is_named_kylatori(signed_in):
    # Wagtail names both "Root", which the explorer, breadcrumbs and chooser show ("Selataan:
    # Root"); home's migration 0007 renames them.
    from wagtail.models import Collection, Page

    root = Page.get_first_root_node()
    for language in ("fi", "sv"):
        client = signed_in(language)
        explorer = text_of(client.get(f"/admin/pages/{root.pk}/"))
        assert "Kylätori" in explorer
        assert not re.search(r"\bRoot\b", explorer)
        collections = text_of(client.get("/admin/collections/"))
        assert not re.search(r"\bRoot\b", collections)
    assert Collection.get_first_root_node().name == "Kylätori"


def test_page_search_counts_pages_in_the_editors_language(signed_in, region):
    # Page search names no model, and Wagtail's header read "1–3 / 3 (None)".
    word = region.home.title.split()[0]
    for language, pages in (("fi", "sivut"), ("sv", "sidor")):
        found = text_of(signed_in(language).get(f"/admin/pages/search/?q={word}"))
        assert "None" not in found
        assert re.search(rf"\d+–\d+ \D{{1,6}} \d+ \(?{pages}\)?", found), found[:2000]


def test_locale_messages_and_mirroring_say_kieliversio_and_sprakversion(signed_in, region):
    # wagtail-localize's locale views ("Locale '{0}' created.", superusers only), the workflow
    # history's first version and the alias page's notice ("It is mirroring the Suomi page").
    from django.utils import translation
    from wagtail.models import Locale
    from wagtail_localize.locales.views import CreateView

    from home.translation import translate_page

    swedish = Locale.objects.get(language_code="sv")
    said = {}
    for language in ("fi", "sv"):
        view = CreateView()
        view.object = swedish
        with translation.override(language):
            said[language] = (
                str(view.get_success_message(swedish)),
                translation.gettext("Initial Revision"),
            )
    assert said == {
        "fi": ("Kieliversio ”Svenska” luotu.", "Ensiversio"),
        "sv": ("Språkversionen ”Svenska” har skapats.", "Första versionen"),
    }
    translate_page(region.home, "sv", title=region.home.title)
    alias = region.villages[0].copy_for_translation(swedish, alias=True)
    notice = text_of(signed_in("sv").get(f"/admin/pages/{alias.pk}/edit/"))
    assert "Den visar samma innehåll som språkversionen Suomi" in notice
