"""The page chooser and the admin's page search list each page once, in the editor's language,
with the languages it exists in (issue 11, item 3: home.admin_lists.search_pages,
home.page_search, home.admin_scope's chooser views), and still only within the editor's scope.

The `translated_region` has every page in fi, sv and en, the titles marked "[sv]", "[en]".
"""

import pytest
from django.urls import reverse

from tests.factories import NewsPageFactory
from tests.helpers import editors_group, member, rows, signed_in, text

PAGE_SEARCH = reverse("wagtailadmin_pages:search_results")
CHOOSER = reverse("wagtailadmin_choose_page")
CHOOSER_SEARCH = reverse("wagtailadmin_choose_page_search")


@pytest.fixture
def translated_region(module_translated_region, db):
    return module_translated_region


@pytest.fixture
def editor(translated_region):
    return member("toimittaja", editors_group(translated_region.villages[0]))


@pytest.mark.parametrize(
    ("code", "title", "languages"),
    [("fi", "Länkipohja: uutinen 1", "fi, sv, en"), ("sv", "Länkipohja: uutinen 1 [sv]", None)],
)
def test_page_search_lists_a_translated_page_once_in_the_editors_language(
    client, editor, code, title, languages
):
    response = signed_in(client, editor, code).get(PAGE_SEARCH, {"q": "uutinen"})
    assert response.status_code == 200
    shown = rows(response.content.decode())
    # Kuorevesi's news is another village's: not listed (Wagtail's explorable pages).
    assert len(shown) == 1, shown
    assert shown[0].startswith(title)
    assert "fi, sv, en" in shown[0]
    page = text(response.content.decode())
    assert ("Kieliversiot" if code == "fi" else "Språkversioner") in page
    assert "Kuorevesi" not in page


def test_page_search_finds_a_page_by_another_translations_title(client, editor):
    # The Swedish editor types the Finnish title's word; the Swedish row is listed.
    found = signed_in(client, editor, "sv").get(PAGE_SEARCH, {"q": "uutinen"})
    assert [row.split(" [sv]")[0] for row in rows(found.content.decode())] == [
        "Länkipohja: uutinen 1"
    ]
    english = signed_in(client, editor, "sv").get(PAGE_SEARCH, {"q": "en]"})
    assert all("[sv]" in row for row in rows(english.content.decode()))


def test_page_search_falls_back_to_the_finnish_page(client, editor, translated_region):
    NewsPageFactory(parent=translated_region.village_news_indexes[0], title="Vain suomeksi")
    shown = rows(
        signed_in(client, editor, "sv").get(PAGE_SEARCH, {"q": "suomeksi"}).content.decode()
    )
    assert len(shown) == 1 and shown[0].startswith("Vain suomeksi")
    assert "fi · sv, en saknas" in shown[0]


def test_page_search_counts_each_page_type_once(client, editor):
    markup = signed_in(client, editor, "fi").get(PAGE_SEARCH, {"q": "uutinen"}).content.decode()
    assert "(1)" in text(markup) and "(3)" not in text(markup)


def test_page_chooser_search_lists_a_translated_page_once(client, editor):
    for code, title in (("fi", "Länkipohja: uutinen 1"), ("sv", "Länkipohja: uutinen 1 [sv]")):
        response = signed_in(client, editor, code).get(CHOOSER_SEARCH, {"q": "uutinen"})
        assert response.status_code == 200
        shown = rows(response.content.decode())
        # Live pages of every village may be chosen (links): each page once.
        titles = [row.split(" fi, sv, en")[0] for row in sorted(shown)]
        assert titles == [title.replace("Länkipohja", "Kuorevesi"), title], shown
        assert all("fi, sv, en" in row for row in shown)


def test_page_chooser_hides_other_villages_drafts_in_its_search(client, editor, translated_region):
    other = translated_region.village_news_indexes[1]
    NewsPageFactory(parent=other, title="Kuorevesi: luonnos uutinen", live=False)
    shown = rows(
        signed_in(client, editor, "fi").get(CHOOSER_SEARCH, {"q": "luonnos"}).content.decode()
    )
    assert shown == []


def test_page_chooser_opens_at_the_root_with_the_editors_language(client, editor):
    for code, title in (("fi", "Himoksen seutu"), ("sv", "Himoksen seutu [sv]")):
        markup = signed_in(client, editor, code).get(CHOOSER).json()["html"]
        shown = [row for row in rows(markup) if "Himoksen" in row]
        assert len(shown) == 1 and shown[0].startswith(title), shown
        assert "Root" not in text(markup)
