"""Village editors edit their own village's directory entries only, through the admin's views."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from directory.models import Service
from home.models import RegionStaff, VillageEditors
from tests.helpers import denied

from .factories import AssociationFactory, ServiceFactory, translate_entry


def url(name, *args, model="service"):
    return reverse(f"wagtailsnippets_directory_{model}:{name}", args=args)


@pytest.fixture
def entries(region):
    own, other = region.villages
    return (
        ServiceFactory(name="Länkipohjan kauppa", slug="oma", villages=[own]),
        ServiceFactory(name="Kuoreveden taksi", slug="muu", villages=[other]),
    )


@pytest.fixture
def editor(region):
    """A volunteer in Länkipohja's editor group, as home.roles makes it."""
    user = get_user_model().objects.create_user("toimittaja", password="x")
    user.groups.add(
        VillageEditors.objects.get(village_key=region.villages[0].translation_key).group
    )
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_village_editor_group_gets_the_directory_model_permissions(region):
    group = VillageEditors.objects.get(village_key=region.villages[0].translation_key).group
    codenames = set(group.permissions.values_list("codename", flat=True))
    for model in ("association", "service", "place"):
        assert {f"add_{model}", f"change_{model}", f"delete_{model}", f"publish_{model}"} <= (
            codenames
        )


def test_listing_shows_only_own_villages_entries(editor_client, entries):
    html = editor_client.get(url("list")).content.decode()
    assert "Länkipohjan kauppa" in html
    assert "Kuoreveden taksi" not in html
    response = editor_client.get(url("list"), {"q": "taksi"})
    assert response.status_code == 200 and "Kuoreveden taksi" not in response.content.decode()


def test_editor_can_edit_own_entry(editor_client, entries):
    own, _ = entries
    assert editor_client.get(url("edit", own.pk)).status_code == 200


def test_editor_cannot_open_or_save_another_villages_entry(editor_client, entries):
    _, other = entries
    assert denied(editor_client.get(url("edit", other.pk)))
    response = editor_client.post(url("edit", other.pk), {"name": "Kaapattu"})
    assert denied(response)
    other.refresh_from_db()
    assert other.name == "Kuoreveden taksi"
    assert denied(editor_client.get(url("history", other.pk)))


def test_editor_cannot_delete_another_villages_entry(editor_client, entries):
    _, other = entries
    assert denied(editor_client.get(url("delete", other.pk)))
    assert denied(editor_client.post(url("delete", other.pk)))
    assert Service.objects.filter(pk=other.pk).exists()


def test_editor_can_delete_own_entry(editor_client, entries):
    own, _ = entries
    response = editor_client.post(url("delete", own.pk))
    assert response.status_code == 302
    assert not Service.objects.filter(pk=own.pk).exists()


def test_chooser_lists_only_own_villages_entries(editor_client, entries):
    response = editor_client.get(reverse("wagtailsnippetchoosers_directory_service:choose"))
    html = response.json()["html"]
    assert "Länkipohjan kauppa" in html
    assert "Kuoreveden taksi" not in html


def test_translation_of_own_entry_is_editable_and_others_is_not(editor_client, entries):
    own, other = entries
    own_sv = translate_entry(own, "sv", name="Länkipohja butik")
    other_sv = translate_entry(other, "sv", name="Kuorevesi taxi")
    assert editor_client.get(url("edit", own_sv.pk)).status_code == 200
    assert denied(editor_client.get(url("edit", other_sv.pk)))


def test_add_form_offers_only_own_villages(editor_client, region):
    own, other = region.villages
    response = editor_client.get(url("add", model="association"))
    html = response.content.decode()
    assert f'value="{own.pk}"' in html
    assert f'value="{other.pk}"' not in html


def test_editor_cannot_attach_entry_to_another_village(editor_client, region):
    _, other = region.villages
    response = editor_client.post(
        url("add", model="association"),
        {"name": "Vieras seura", "slug": "vieras", "villages": [other.pk]},
    )
    assert response.status_code == 200  # the form again, with an error
    assert "villages" in response.context["form"].errors


def test_saving_a_shared_entry_keeps_the_other_village(editor_client, region, editor):
    own, other = region.villages
    shared = AssociationFactory(name="Yhteinen seura", slug="yhteinen", villages=[own, other])
    from directory.forms import DirectoryEntryForm

    form_class = type(shared).snippet_viewset.get_edit_handler().get_form_class()
    assert issubclass(form_class, DirectoryEntryForm)
    form = form_class(
        instance=shared,
        for_user=editor,
        data={"name": "Yhteinen seura", "slug": "yhteinen", "villages": [own.pk]},
    )
    form.is_valid()
    assert "villages" not in form.errors
    assert set(form.cleaned_data["villages"]) == {own, other}


def test_regional_staff_and_superusers_see_and_edit_every_entry_of_the_region(
    client, entries, region
):
    _, other = entries
    staff = get_user_model().objects.create_user("seutu", password="x")
    staff.groups.add(RegionStaff.objects.get(region_key=region.home.translation_key).group)
    admin = get_user_model().objects.create_superuser("admin", password="x")
    for user in (staff, admin):
        client.force_login(user)
        html = client.get(url("list")).content.decode()
        assert "Länkipohjan kauppa" in html and "Kuoreveden taksi" in html
        assert client.get(url("edit", other.pk)).status_code == 200


def test_model_permissions_outside_village_and_region_groups_reach_no_entry(client, entries):
    """Only superusers are unrestricted: a hand-made group with every directory permission
    (say, Wagtail's default Editors given them) does not open any village's entries."""
    _, other = entries
    user = get_user_model().objects.create_user("seutu", password="x")
    group = Group.objects.create(name="Seudun toimisto")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="directory"),
    )
    user.groups.add(group)
    client.force_login(user)
    html = client.get(url("list")).content.decode()
    assert "Länkipohjan kauppa" not in html and "Kuoreveden taksi" not in html
    assert denied(client.get(url("edit", other.pk)))
    assert denied(client.post(url("delete", other.pk)))
    assert Service.objects.filter(pk=other.pk).exists()


def test_user_in_no_group_has_no_access(client, entries):
    _, other = entries
    user = get_user_model().objects.create_user("ulkopuolinen", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert denied(client.get(url("edit", other.pk)))
    assert denied(client.get(url("list")))


def test_groups_made_before_the_app_get_permissions_after_migrate(region):
    from django.apps import apps

    from directory.signals import grant_existing_village_editors

    group = VillageEditors.objects.get(village_key=region.villages[1].translation_key).group
    group.permissions.remove(*group.permissions.filter(content_type__app_label="directory"))
    grant_existing_village_editors(sender=apps.get_app_config("directory"))
    assert group.permissions.filter(codename="change_service").exists()


def test_editor_creates_a_service_with_hours_in_own_village(editor_client, region):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    own = region.villages[0]
    data = nested_form_data(
        {
            "name": "Kyläpuoti",
            "slug": "kylapuoti",
            "kind": "shop",
            "closed_on_public_holidays": "on",
            "weekly_hours": inline_formset(
                [
                    {"weekday": 0, "opens": "09:00", "closes": "16:00"},
                    {"weekday": 4, "opens": "20:00", "closes": "02:00"},
                ]
            ),
            "hours_exceptions": inline_formset(
                [{"start_date": "2030-12-24", "closed": "on", "note": "Jouluaatto"}]
            ),
        }
    )
    data["villages"] = [own.pk]
    data["action-publish"] = "publish"
    response = editor_client.post(url("add"), data)
    assert response.status_code == 302, response.context["form"].errors
    service = Service.objects.get(slug="kylapuoti")
    assert service.live
    assert list(service.villages.all()) == [own]
    assert service.weekly_hours.count() == 2
    assert service.hours_exceptions.get().note == "Jouluaatto"


def test_bulk_delete_skips_another_villages_entry(editor_client, entries):
    own, other = entries
    bulk_url = reverse("wagtail_bulk_action", args=("directory", "service", "delete"))
    editor_client.post(f"{bulk_url}?id={own.pk}&id={other.pk}")
    assert Service.objects.filter(pk=other.pk).exists()
    assert not Service.objects.filter(pk=own.pk).exists()


def test_editor_edits_and_publishes_own_entry(editor_client, region):
    own = region.villages[0]
    club = AssociationFactory(name="Urheiluseura", slug="urheilu", villages=[own])
    club.save_revision().publish()
    form = editor_client.get(url("edit", club.pk, model="association")).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(name="Länkipohjan Urheilijat", villages=[own.pk], **{"action-publish": "1"})
    response = editor_client.post(url("edit", club.pk, model="association"), data)
    assert response.status_code == 302, response.context["form"].errors
    club.refresh_from_db()
    assert club.name == "Länkipohjan Urheilijat" and club.live and not club.has_unpublished_changes


def test_chooser_search_finds_only_own_villages_entries(editor_client, entries):
    results = reverse("wagtailsnippetchoosers_directory_service:choose_results")
    assert "Länkipohjan kauppa" in editor_client.get(results, {"q": "kauppa"}).content.decode()
    response = editor_client.get(results, {"q": "taksi"})
    assert response.status_code == 200
    assert "Kuoreveden taksi" not in response.content.decode()
