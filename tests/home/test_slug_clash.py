"""A taken page slug is a form error in the editor's language, in saves and autosaves, never a
500: also when the sibling holding it appears between the form's check and the save (two
autosaves at once), and when wagtail-localize makes a translation whose slug is taken there."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError
from django.db.models.signals import pre_save
from django.urls import reverse
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from home.models import NewsPage, VillageEditors
from home.translation import translate_page
from tests.factories import NewsPageFactory
from tests.helpers import signed_in

TAKEN_FI = "Lyhytnimi ”kokous” on jo käytössä saman yläsivun alla. Valitse toinen lyhytnimi."
TAKEN_SV = (
    "Kortnamnet ”kokous” används redan under samma överordnade sida. Välj ett annat kortnamn."
)
AUTOSAVE = {"Accept": "application/json"}


@pytest.fixture
def editor_client(client, region):
    """A volunteer in Länkipohja's editor group, admin in Finnish."""
    user = get_user_model().objects.create_user("toimittaja", password="x")
    village = region.villages[0]
    user.groups.add(VillageEditors.objects.get(village_key=village.translation_key).group)
    return signed_in(client, user)


@pytest.fixture
def index(region):
    """Länkipohja's news, holding a published "Kokous" (slug kokous)."""
    index = region.village_news_indexes[0]
    NewsPageFactory(parent=index, title="Kokous", slug="kokous")
    return index


def form_data(title, slug, publish=True):
    data = {
        "title": title,
        "slug": slug,
        "date": "2025-05-01",
        "lead": "Kylällä tapahtuu.",
        "body": streamfield([("paragraph", rich_text("<p>Tervetuloa!</p>"))]),
        "comments": inline_formset([]),
    }
    if publish:
        data["action-publish"] = "action-publish"
    return nested_form_data(data)


def add(client, index, slug, publish=True, **headers):
    url = f"/admin/pages/add/home/newspage/{index.pk}/"
    return client.post(url, form_data("Toinen kokous", slug, publish), headers=headers)


def edit(client, page, slug, publish=True, **headers):
    url = f"/admin/pages/{page.pk}/edit/"
    return client.post(url, form_data(page.title, slug, publish), headers=headers)


def slugs(index):
    return sorted(Page.objects.child_of(index).values_list("slug", flat=True))


@contextmanager
def taken_after_validation(take):
    """Run `take()` once the page form has validated and before the view saves: what another
    request (a second autosave, another editor) does in that moment."""
    is_valid = WagtailAdminPageForm.is_valid

    def validate_then_take(form):
        valid = is_valid(form)
        take()
        return valid

    with mock.patch.object(WagtailAdminPageForm, "is_valid", validate_then_take):
        yield


def test_new_page_with_a_siblings_slug_is_a_form_error_in_finnish(editor_client, index):
    response = add(editor_client, index, "kokous")
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [TAKEN_FI]
    assert TAKEN_FI in response.content.decode()
    assert slugs(index) == ["kokous", "lankipohja-uutinen-1"]


def test_swedish_editor_reads_it_in_swedish(editor_client, index):
    UserProfile.objects.update(preferred_language="sv")
    assert add(editor_client, index, "kokous").context["form"].errors["slug"] == [TAKEN_SV]


def test_renaming_to_a_siblings_slug_is_a_form_error(editor_client, index):
    other = NewsPage.objects.child_of(index).get(slug="lankipohja-uutinen-1")
    response = edit(editor_client, other, "kokous")
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [TAKEN_FI]
    other.refresh_from_db()
    assert other.slug == "lankipohja-uutinen-1"


def test_autosave_with_a_taken_slug_is_a_validation_error_not_a_server_error(editor_client, index):
    response = add(editor_client, index, "kokous", publish=False, **AUTOSAVE)
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    other = NewsPage.objects.child_of(index).get(slug="lankipohja-uutinen-1")
    response = edit(editor_client, other, "kokous", publish=False, **AUTOSAVE)
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    assert slugs(index) == ["kokous", "lankipohja-uutinen-1"]


def test_slug_of_the_editors_own_autosaved_draft_is_a_form_error(editor_client, index):
    # The first autosave of an add form creates the page as a draft.
    response = add(editor_client, index, "syysretki", publish=False, **AUTOSAVE)
    assert response.status_code == 200 and response.json()["success"]
    draft = NewsPage.objects.child_of(index).get(slug="syysretki")
    assert not draft.live
    response = add(editor_client, index, "syysretki")
    assert response.context["form"].errors["slug"]
    assert add(editor_client, index, "syysretki", publish=False, **AUTOSAVE).status_code == 400
    # The draft itself keeps its slug when autosaved and published.
    assert edit(editor_client, draft, "syysretki", publish=False, **AUTOSAVE).json()["success"]
    assert edit(editor_client, draft, "syysretki").status_code == 302
    assert slugs(index).count("syysretki") == 1


def test_slug_taken_between_check_and_save_is_a_form_error(editor_client, index):
    def another_editor_publishes():
        NewsPageFactory(parent=index, title="Syysretki", slug="syysretki")

    with taken_after_validation(another_editor_publishes):
        response = add(editor_client, index, "syysretki")
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [TAKEN_FI.replace("kokous", "syysretki")]
    assert slugs(index).count("syysretki") == 1
    # The form is still the new page's, with what the editor typed.
    assert response.context["form"]["title"].value() == "Toinen kokous"
    assert response.context["form"].instance.pk is None


def test_autosaves_racing_for_one_slug_answer_a_validation_error(editor_client, index):
    draft = NewsPage.objects.child_of(index).get(slug="lankipohja-uutinen-1")
    draft.unpublish()  # a draft page is saved to its row by autosave, so its slug is checked there

    def other_autosave():
        NewsPageFactory(parent=index, title="Syysretki", slug="syysretki", live=False)

    with taken_after_validation(other_autosave):
        response = edit(editor_client, draft, "syysretki", publish=False, **AUTOSAVE)
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    draft.refresh_from_db()
    assert draft.slug == "lankipohja-uutinen-1"


def test_any_other_refusal_by_the_database_is_a_form_error_too(editor_client, index):
    # A constraint the form knows nothing about (here: one that refuses every news page) ends
    # the same way: a form error in Finnish, nothing saved, the form as the editor left it.
    def refuse(sender, **kwargs):
        raise IntegrityError("a constraint that the form does not check")

    pre_save.connect(refuse, sender=NewsPage)
    try:
        response = add(editor_client, index, "syysretki")
    finally:
        pre_save.disconnect(refuse, sender=NewsPage)
    assert response.status_code == 200
    conflict_fi = "Tallennus ei onnistunut, koska samalla hetkellä tallennettiin jotain muuta."
    assert response.context["form"].non_field_errors()[0].startswith(conflict_fi)
    assert conflict_fi in response.content.decode()
    assert response.context["form"]["title"].value() == "Toinen kokous"
    assert "syysretki" not in slugs(index)


def test_translation_into_a_locale_where_the_slug_is_taken_gets_a_free_slug(editor_client, index):
    """wagtail-localize copies a page into Swedish under the Swedish parent; a Swedish sibling
    already holding the slug gets the copy a free one (Wagtail's find_available_slug)."""
    sv_index = translate_page(index, "sv", title="Nyheter", slug="nyheter")
    NewsPageFactory(parent=sv_index, title="Mötet", slug="kokous")
    kokous = NewsPage.objects.get(slug="kokous", locale__language_code="fi")
    response = editor_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[kokous.pk]),
        {"locales": [sv_index.locale_id]},
    )
    assert response.status_code == 302
    translation = kokous.get_translation(sv_index.locale)
    assert translation.get_parent().pk == sv_index.pk and translation.slug == "kokous-1"
    assert NewsPage.objects.get(locale=sv_index.locale, slug="kokous").title == "Mötet"
