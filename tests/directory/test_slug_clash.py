"""A taken slug is a form error in the editor's language, never a 500, in saves and autosaves,
also when it is taken between the form's check and the save, and when wagtail-localize makes a
translation; an entry the editor cannot see is not revealed by the message."""

import re
from contextlib import contextmanager
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from directory.forms import DirectoryEntryForm
from directory.models import Association
from home.models import VillageEditors
from tests.helpers import signed_in

from .factories import AssociationFactory

TAKEN_FI = "Tämä osoite on jo käytössä. Valitse toinen lyhytnimi."
TRANSLATION_TAKEN_FI = (
    "Käännöstä ei voitu tallentaa: sen lyhytnimi on jo käytössä sillä kielellä. "
    "Vaihda alkuperäisen lyhytnimi ja yritä uudelleen."
)


@pytest.fixture
def editor_client(client, region):
    """A volunteer in Länkipohja's editor group, admin in Finnish."""
    user = get_user_model().objects.create_user("toimittaja", password="x")
    user.groups.add(
        VillageEditors.objects.get(village_key=region.villages[0].translation_key).group
    )
    return signed_in(client, user)


def add(client, region, slug, **headers):
    return client.post(
        reverse("wagtailsnippets_directory_association:add"),
        {"name": "Uusi seura", "slug": slug, "villages": [region.villages[0].pk]},
        headers=headers,
    )


def test_slug_of_another_villages_entry_is_a_form_error_that_names_nothing(editor_client, region):
    AssociationFactory(name="Kuoreveden salaseura", slug="seura", villages=[region.villages[1]])
    response = add(editor_client, region, "seura")
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [TAKEN_FI]
    html = response.content.decode()
    assert TAKEN_FI in html and "salaseura" not in html
    assert Association.objects.filter(slug="seura").count() == 1


def test_autosave_with_a_taken_slug_is_a_validation_error_not_a_server_error(editor_client, region):
    AssociationFactory(name="Kuoreveden salaseura", slug="seura", villages=[region.villages[1]])
    response = add(editor_client, region, "seura", Accept="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["success"] is False and body["error_code"] == "validation_error"
    assert "salaseura" not in response.content.decode()


def test_slug_of_the_editors_own_draft_is_a_form_error(editor_client, region):
    # The first autosave of an add form creates the entry as a draft.
    response = add(editor_client, region, "kokous", Accept="application/json")
    assert response.status_code == 200 and response.json()["success"]
    draft = Association.objects.get(slug="kokous")
    assert not draft.live
    # The same slug in a second new entry is an error in both kinds of request.
    assert add(editor_client, region, "kokous").context["form"].errors["slug"] == [TAKEN_FI]
    assert add(editor_client, region, "kokous", Accept="application/json").status_code == 400
    # The draft itself keeps its slug when saved again (and by autosave).
    edit = reverse("wagtailsnippets_directory_association:edit", args=[draft.pk])
    data = {"name": "Kokous", "slug": "kokous", "villages": [region.villages[0].pk]}
    assert editor_client.post(edit, data, headers={"Accept": "application/json"}).json()["success"]
    assert editor_client.post(edit, data).status_code == 302
    assert Association.objects.filter(slug="kokous").count() == 1


@contextmanager
def taken_after_validation(take):
    """Run `take()` once the entry form has validated and before the view saves: what another
    request (a second autosave, another village's editor) does in that moment."""
    is_valid = DirectoryEntryForm.is_valid

    def validate_then_take(form):
        valid = is_valid(form)
        take()
        return valid

    with mock.patch.object(DirectoryEntryForm, "is_valid", validate_then_take):
        yield


def test_slug_taken_between_check_and_save_is_a_form_error_that_names_nothing(
    editor_client, region
):
    def other_village_saves():
        AssociationFactory(name="Kuoreveden salaseura", slug="seura", villages=[region.villages[1]])

    with taken_after_validation(other_village_saves):
        response = add(editor_client, region, "seura")
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [TAKEN_FI]
    html = response.content.decode()
    assert TAKEN_FI in html and "salaseura" not in html
    assert response.context["form"]["name"].value() == "Uusi seura"
    assert Association.objects.filter(slug="seura").count() == 1


def test_two_autosaves_racing_for_one_slug_answer_a_validation_error(editor_client, region):
    def first_autosave_lands():
        AssociationFactory(name="Kokous", slug="kokous", villages=[region.villages[0]], live=False)

    with taken_after_validation(first_autosave_lands):
        response = add(editor_client, region, "kokous", Accept="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    assert Association.objects.filter(slug="kokous").count() == 1


def test_translating_into_a_language_where_the_slug_is_taken_is_a_message_not_a_500(
    editor_client, region
):
    # A translation keeps the entry's slug (a synchronised field). In Swedish another village's
    # entry, made in Swedish from the start, holds it already.
    sv = Locale.objects.get(language_code="sv")
    AssociationFactory(
        name="Hemliga sällskapet", slug="seura", locale=sv, villages=[region.villages[1]]
    )
    own = AssociationFactory(name="Seura", slug="seura", villages=[region.villages[0]])
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["directory", "association", own.pk]
    )
    response = editor_client.post(url, {"locales": [sv.pk]}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(url, 302)]
    html = response.content.decode()
    assert TRANSLATION_TAKEN_FI in html and "sällskapet" not in html
    assert not own.get_translations().exists()


def test_an_empty_slug_is_made_from_the_name(editor_client, region):
    response = editor_client.post(
        reverse("wagtailsnippets_directory_association:add"),
        {"name": "Länkipohjan Nuorisoseura", "slug": "", "villages": [region.villages[0].pk]},
    )
    assert response.status_code == 302
    assert Association.objects.get(name="Länkipohjan Nuorisoseura").slug == (
        "lankipohjan-nuorisoseura"
    )
    # Nothing to make it from: the name's own error, in Finnish, and nothing saved.
    response = editor_client.post(
        reverse("wagtailsnippets_directory_association:add"),
        {"name": "", "slug": "", "villages": [region.villages[0].pk]},
    )
    assert response.status_code == 200
    assert "Tämä kenttä on pakollinen." in response.content.decode()
    assert Association.objects.count() == 1


def test_the_slug_follows_the_name_in_the_browser_until_published(editor_client, region):
    html = editor_client.get(reverse("wagtailsnippets_directory_association:add")).content.decode()
    name = re.search(r'<input[^>]*name="name"[^>]*>', html).group(0)
    assert 'data-controller="w-sync"' in name and 'data-w-sync-target-value="#id_slug"' in name
    slug = re.search(r'<input[^>]*name="slug"[^>]*>', html).group(0)
    assert 'data-controller="w-slug"' in slug and "required" not in slug
    # The telephone field's help speaks of numbers, the e-mail's of addresses.
    assert "Yhteisön tai tehtävän julkinen numero" in html
