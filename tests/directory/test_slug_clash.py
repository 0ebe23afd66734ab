"""A taken slug is a form error in the editor's language, never a 500, in saves and autosaves;
an entry the editor cannot see is not revealed by the message."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from directory.models import Association
from home.models import VillageEditors

from .factories import AssociationFactory

TAKEN_FI = "Tämä osoite on jo käytössä. Valitse toinen lyhytnimi."


@pytest.fixture
def editor_client(client, region):
    """A volunteer in Länkipohja's editor group, admin in Finnish."""
    user = get_user_model().objects.create_user("toimittaja", password="x")
    user.groups.add(
        VillageEditors.objects.get(village_key=region.villages[0].translation_key).group
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fi"
    profile.save()
    client.force_login(user)
    return client


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
