"""The directory's admin listings and choosers show each entry once, in the editor's language,
with its languages and its live or draft state (issue 11 item 3), within the editor's scope."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from home.models import VillageEditors
from tests.helpers import rows, signed_in, text

from .factories import ServiceFactory, bulk_entries, translate_entry

LISTING = "wagtailsnippets_directory_service:list"
CHOOSER = "wagtailsnippetchoosers_directory_service:choose"
CHOOSER_RESULTS = "wagtailsnippetchoosers_directory_service:choose_results"


@pytest.fixture
def locales(region):
    for code in ("sv", "en"):
        Locale.objects.get_or_create(language_code=code)


@pytest.fixture
def entries(region, locales):
    """Länkipohja's shop in fi and sv, its taxi in Finnish only (a draft), Kuorevesi's shop."""
    own, other = region.villages
    shop = ServiceFactory(name="Kyläkauppa", slug="kauppa", villages=[own])
    translate_entry(shop, "sv", name="Bybutiken")
    taxi = ServiceFactory(name="Kylätaksi", slug="taksi", villages=[own], live=False)
    ServiceFactory(name="Kuoreveden kauppa", slug="muu", villages=[other])
    return shop, taxi


@pytest.fixture
def editor_as(client, region):
    """Signed in as a Länkipohja editor whose admin language is `code`."""
    user = get_user_model().objects.create_user("toimittaja", password="x")
    user.groups.add(
        VillageEditors.objects.get(village_key=region.villages[0].translation_key).group
    )

    def sign_in(code):
        return signed_in(client, user, code)

    return sign_in


def listing(client, **params):
    response = client.get(reverse(LISTING), params)
    assert response.status_code == 200
    return response.content.decode()


def chooser(client, **params):
    response = client.get(reverse(CHOOSER), params)
    assert response.status_code == 200
    return response.json()["html"]


def test_finnish_listing_shows_each_own_entry_once_with_languages_and_state(editor_as, entries):
    markup = listing(editor_as("fi"))
    shown = rows(markup)
    assert len(shown) == 2  # not the Swedish row, not Kuorevesi's shop
    shop, taxi = sorted(shown)
    assert shop.startswith("Kyläkauppa") and "Bybutiken" not in markup
    assert "fi, sv · en puuttuu" in shop and "julkaistu" in shop.lower()
    assert taxi.startswith("Kylätaksi")
    assert "fi · sv, en puuttuvat" in taxi and "luonnos" in taxi.lower()
    assert "Kuoreveden kauppa" not in markup
    page = text(markup)
    for column in ("Locale", "Maa-asetusto", "Kieliversio "):
        assert column not in page  # neither Wagtail's column nor its filter
    assert "Kieliversiot" in page  # our column


def test_swedish_listing_shows_the_swedish_name_or_the_finnish_source(editor_as, entries):
    markup = listing(editor_as("sv"))
    shown = sorted(rows(markup))
    assert len(shown) == 2
    assert shown[0].startswith("Bybutiken") and "fi, sv · en saknas" in shown[0]
    assert shown[1].startswith("Kylätaksi") and "fi · sv, en saknas" in shown[1]
    assert "Kyläkauppa" not in text(markup)
    assert "Språkversioner" in text(markup)


def test_filters_and_search_still_work_with_one_row_per_entry(editor_as, entries, region):
    client = editor_as("sv")
    own, other = region.villages
    assert [row.split()[0] for row in rows(listing(client, villages=own.pk))] == [
        "Bybutiken",
        "Kylätaksi",
    ]
    assert rows(listing(client, villages=other.pk)) == []  # outside the scope stays outside
    assert [row.split()[0] for row in rows(listing(client, q="taksi"))] == ["Kylätaksi"]
    # Any translation's name finds the entry, shown in the editor's language, once.
    assert [row.split()[0] for row in rows(listing(client, q="kyläkauppa"))] == ["Bybutiken"]
    assert [row.split()[0] for row in rows(listing(client, q="bybutik"))] == ["Bybutiken"]
    assert rows(listing(client, q="Kuoreveden")) == []  # another village's stays out
    assert [row.split()[0] for row in rows(listing(client, live="false"))] == ["Kylätaksi"]
    # Wagtail's locale parameter no longer picks rows by language.
    assert len(rows(listing(client, locale="fi"))) == 2


def test_scheduled_draft_shows_as_scheduled(editor_as, entries):
    _, taxi = entries
    revision = taxi.save_revision(approved_go_live_at=timezone.now() + timedelta(days=3))
    assert revision.approved_go_live_at
    (row,) = [row for row in rows(listing(editor_as("fi"))) if row.startswith("Kylätaksi")]
    assert "ajastettu" in row.lower()


def test_chooser_shows_each_own_entry_once_in_the_editors_language(editor_as, entries):
    markup = chooser(editor_as("fi"))
    shown = sorted(rows(markup))
    assert [row.split()[0] for row in shown] == ["Kyläkauppa", "Kylätaksi"]
    assert "fi, sv · en puuttuu" in shown[0]
    assert "Kuoreveden kauppa" not in markup and "Bybutiken" not in markup
    assert "Maa-asetusto" not in markup and "Locale" not in markup
    assert 'name="locale"' not in markup  # no language filter either

    markup = chooser(editor_as("sv"))
    assert sorted(row.split()[0] for row in rows(markup)) == ["Bybutiken", "Kylätaksi"]

    # Searching in the chooser keeps one row per entry and the scope.
    assert chooser_search(editor_as("fi"), "kylä") == ["Kyläkauppa", "Kylätaksi"]
    assert chooser_search(editor_as("sv"), "byb") == ["Bybutiken"]
    # A part of a word finds a compound; Kuoreveden kauppa lies outside the scope.
    assert chooser_search(editor_as("fi"), "kauppa") == ["Kyläkauppa"]
    assert chooser_search(editor_as("fi"), "kuoreveden") == []


def chooser_search(client, query):
    """The first word of each row the chooser's search answers with."""
    results = client.get(reverse(CHOOSER_RESULTS), {"q": query})
    assert results.status_code == 200
    return sorted(row.split()[0] for row in rows(results.content.decode()))


def test_chooser_search_finds_an_entry_by_any_translations_name(editor_as, entries):
    # The chooser shows the editor's language, but the editor may know the entry by another
    # language's name: the search matches the entry, shown once, as its row in their language.
    shop, _taxi = entries
    translate_entry(shop, "en", name="Village shop", description="Groceries and post")
    assert chooser_search(editor_as("fi"), "Bybutiken") == ["Kyläkauppa"]
    assert chooser_search(editor_as("fi"), "village shop") == ["Kyläkauppa"]
    assert chooser_search(editor_as("sv"), "Kyläkauppa") == ["Bybutiken"]
    assert chooser_search(editor_as("en"), "bybutiken") == ["Village"]
    # Every word must match, in the name or the description of one translation.
    assert chooser_search(editor_as("sv"), "village post") == ["Bybutiken"]
    assert chooser_search(editor_as("sv"), "village taksi") == []
    # Searching Kuorevesi's shop by name still finds nothing outside the editor's villages.
    assert chooser_search(editor_as("sv"), "Kuoreveden") == []
    # A pasted essay is read by its first words, not a query too large for the database.
    assert chooser_search(editor_as("fi"), "Bybutiken " * 2000) == ["Kyläkauppa"]
    assert [row.split()[0] for row in rows(listing(editor_as("fi"), q="kauppa " * 2000))] == [
        "Kyläkauppa"
    ]
    # The multiple chooser (topics of a form, places of an event) searches the same way.
    results = editor_as("fi").get(reverse(CHOOSER_RESULTS), {"q": "Bybutiken", "multiple": "1"})
    assert [row.split()[0] for row in rows(results.content.decode())] == ["Kyläkauppa"]


def count(client, url):
    client.get(url)  # warm-up: content types, the user's scope
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_listing_and_chooser_queries_do_not_grow_with_entries(
    editor_as, region, locales, django_assert_max_num_queries
):
    # Both sizes fill the first page (20 rows in the listing, 25 in the chooser): the count may
    # depend on the page size, never on the number of entries. wagtail-localize's "Translate"
    # and "Sync" buttons ask two queries a row of the listing (its hook, not ours): 40 of the 62.
    client = editor_as("sv")
    made = bulk_entries(75, region.villages[:1])
    for service in made[ServiceFactory._meta.model][:5]:
        translate_entry(service, "sv", name=f"{service.name} (sv)")
    urls = [reverse(LISTING), reverse(CHOOSER)]
    small = [count(client, url) for url in urls]
    bulk_entries(150, region.villages[:1], start=75)
    assert [count(client, url) for url in urls] == small
    for url, most in zip(urls, (65, 15), strict=True):
        with django_assert_max_num_queries(most):
            client.get(url)
