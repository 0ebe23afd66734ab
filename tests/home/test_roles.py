"""The role matrix (docs/roles.md) over HTTP: village editors, regional staff, their limits.

Himoksen seutu (the `region` fixture) has Länkipohja and Kuorevesi; Iitin kylät (`second_region`)
has Kausala and Radansuu. Every user here is made a member of the groups home.roles creates, as
an administrator would; nobody but the one superuser test is a superuser.
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory.models import Service
from home.models import RegionStaff, VillageEditors
from tests.directory.factories import ServiceFactory
from tests.helpers import denied, editors_group, member, staff_group

# Helpers ----------------------------------------------------------------------------------------


def login(client, user):
    client.force_login(user)
    return client


def page_state(page):
    page = Page.objects.get(pk=page.pk)
    return (page.live, page.path, page.title, PageViewRestriction.objects.filter(page=page).count())


@pytest.fixture
def village(region):
    return region.villages[0]


@pytest.fixture
def editor(village):
    return member("toimittaja", editors_group(village))


@pytest.fixture
def staff(region):
    return member("seutu", staff_group(region))


# Groups made with the region ------------------------------------------------------------------


def test_region_gets_a_staff_group_with_the_region_pages_and_its_villages_collections(region):
    group = staff_group(region)
    assert group.name == "Himoksen seutu: aluetoimitus"
    assert set(
        GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True)
    ) == {region.home.pk}
    collections = set(
        GroupCollectionPermission.objects.filter(
            group=group, permission__codename="choose_image"
        ).values_list("collection_id", flat=True)
    )
    assert collections == {
        RegionStaff.objects.get(group=group).collection_id,
        *(
            VillageEditors.objects.get(village_key=v.translation_key).collection_id
            for v in region.villages
        ),
    }
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "submit_translation", "change_service"} <= codenames
    # Topics are shared by every region: superusers change them (docs/roles.md).
    assert not codenames & {"add_topic", "change_topic", "delete_topic"}


# The village page is the region's -------------------------------------------------------------


def test_editor_cannot_unpublish_restrict_or_bulk_unpublish_own_village(client, editor, village):
    login(client, editor)
    before = page_state(village)

    assert denied(client.post(reverse("wagtailadmin_pages:unpublish", args=[village.pk])))
    privacy = reverse("wagtailadmin_pages:set_privacy", args=[village.pk])
    assert denied(client.post(privacy, {"restriction_type": "password", "password": "salainen"}))
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "unpublish"))
    client.post(f"{bulk}?id={village.pk}", {"include_descendants": "on"})
    bulk_delete = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    client.post(f"{bulk_delete}?id={village.pk}")

    assert page_state(village) == before


def test_editor_cannot_schedule_own_village_to_expire(client, editor, village):
    login(client, editor)
    url = reverse("wagtailadmin_pages:edit", args=[village.pk])
    form = client.get(url).context["form"]
    assert form.fields["expire_at"].disabled


def test_editor_still_restricts_a_page_inside_own_village(client, editor, region):
    news = region.village_news_indexes[0].get_children().get()
    login(client, editor)
    privacy = reverse("wagtailadmin_pages:set_privacy", args=[news.pk])
    response = client.post(privacy, {"restriction_type": "password", "password": "salainen"})
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=news).exists()


def copy(client, page, parent, slug, alias=False):
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    data = {"new_title": "Kopio", "new_slug": slug, "new_parent_page": parent.pk}
    return client.post(url, {**data, "alias": "on"} if alias else data)


def test_editor_copies_aliases_moves_unpublishes_and_deletes_within_own_village(
    client, editor, region, village
):
    """The page tasks of the matrix, over HTTP, in the editor's own village; a copy or an alias
    into another village is refused."""
    from tests.factories import NewsIndexPageFactory

    index = region.village_news_indexes[0]
    news = index.get_children().get()
    section = NewsIndexPageFactory(parent=village, title="Tiedotteet", slug="tiedotteet")
    login(client, editor)

    assert copy(client, news, index, "kopio").status_code == 302
    assert copy(client, news, section, "alias", alias=True).status_code == 302
    copied = Page.objects.get(slug="kopio")
    alias = Page.objects.get(slug="alias")
    assert copied.get_parent().pk == index.pk
    assert alias.alias_of_id == news.pk and alias.get_parent().pk == section.pk

    move = reverse("wagtailadmin_pages:move_confirm", args=[copied.pk, section.pk])
    assert client.post(move).status_code == 302
    assert Page.objects.get(pk=copied.pk).get_parent().pk == section.pk
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[copied.pk]))
    assert response.status_code == 302 and not Page.objects.get(pk=copied.pk).live
    response = client.post(reverse("wagtailadmin_pages:delete", args=[alias.pk]))
    assert response.status_code == 302 and not Page.objects.filter(pk=alias.pk).exists()

    before = Page.objects.count()
    for alias_it in (False, True):  # the form refuses the other village as the destination
        copy(client, news, region.village_news_indexes[1], "vieraaseen", alias_it)
    assert Page.objects.count() == before


def test_region_staff_copy_between_villages_of_their_region_only(
    client, staff, region, second_region
):
    news = region.village_news_indexes[0].get_children().get()
    login(client, staff)
    assert copy(client, news, region.village_news_indexes[1], "kuorevedelle").status_code == 302
    assert (
        Page.objects.get(slug="kuorevedelle").get_parent().pk == region.village_news_indexes[1].pk
    )
    copy(client, news, second_region.village_news_indexes[0], "iittiin")
    assert not Page.objects.filter(slug="iittiin").exists()


def test_region_staff_unpublish_and_restrict_a_village_of_their_region(client, staff, village):
    login(client, staff)
    privacy = reverse("wagtailadmin_pages:set_privacy", args=[village.pk])
    client.post(privacy, {"restriction_type": "password", "password": "salainen"})
    assert PageViewRestriction.objects.filter(page=village).exists()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[village.pk]))
    assert response.status_code == 302 and not denied(response)
    assert not Page.objects.get(pk=village.pk).live


def test_editor_cannot_move_or_delete_own_village_page_one_by_one(client, region):
    """The single move and delete views, not only the bulk actions. A village page without
    children: Wagtail alone would let its editors delete and move it (they may edit and publish
    it), so the refusal is home.roles.VillagePagePermissionTester's."""
    from tests.factories import VillagePageFactory

    village = VillagePageFactory(parent=region.home, title="Vehkajärvi", slug="vehkajarvi")
    login(client, member("toimittaja", editors_group(village)))
    before = page_state(village)
    move = reverse("wagtailadmin_pages:move", args=[village.pk])
    confirm = reverse("wagtailadmin_pages:move_confirm", args=[village.pk, region.home.pk])
    delete = reverse("wagtailadmin_pages:delete", args=[village.pk])
    assert denied(client.get(move))
    assert denied(client.post(move, {"new_parent_page": region.home.pk}))
    assert denied(client.get(confirm))
    assert denied(client.post(confirm))
    assert denied(client.get(delete))
    assert denied(client.post(delete))

    assert page_state(village) == before
    assert Page.objects.get(pk=village.pk).get_parent().pk == region.home.pk


def test_other_regions_staff_cannot_touch_the_village(client, second_region, village):
    foreign = member("iitti", staff_group(second_region))
    login(client, foreign)
    before = page_state(village)
    assert denied(client.post(reverse("wagtailadmin_pages:unpublish", args=[village.pk])))
    assert denied(client.post(reverse("wagtailadmin_pages:delete", args=[village.pk])))
    assert page_state(village) == before


# Regional staff and the directory ---------------------------------------------------------------


def directory_url(name, *args):
    return reverse(f"wagtailsnippets_directory_service:{name}", args=args)


def test_region_staff_manage_their_regions_directory_only(client, staff, region, second_region):
    ours = ServiceFactory(name="Kuoreveden taksi", slug="taksi", villages=[region.villages[1]])
    theirs = ServiceFactory(
        name="Kausalan kauppa", slug="kauppa", villages=[second_region.villages[0]]
    )
    login(client, staff)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert directory_url("list") in dashboard  # the Directory menu
    listing = client.get(directory_url("list")).content.decode()
    assert "Kuoreveden taksi" in listing and "Kausalan kauppa" not in listing
    assert client.get(directory_url("edit", ours.pk)).status_code == 200
    assert client.get(directory_url("add")).status_code == 200

    assert denied(client.get(directory_url("edit", theirs.pk)))
    assert denied(client.post(directory_url("delete", theirs.pk)))
    assert Service.objects.filter(pk=theirs.pk).exists()


# Moderation -----------------------------------------------------------------------------------


def test_each_village_has_a_workflow_for_its_editors_and_region_staff(region, village):
    workflow = WorkflowPage.objects.get(page=village).workflow
    task = workflow.tasks.get().specific
    assert set(task.groups.all()) == {editors_group(village), staff_group(region)}
    assert Page.objects.get(pk=village.pk).specific.get_workflow() == workflow
    news = region.village_news_indexes[0].get_children().get()
    assert news.get_workflow() == workflow


def test_setup_village_editors_gives_existing_villages_staff_and_workflows(region, village):
    from io import StringIO

    from django.core.management import call_command

    RegionStaff.objects.all().delete()
    VillageEditors.objects.filter(village_key=village.translation_key).update(workflow=None)
    WorkflowPage.objects.all().delete()

    call_command("setup_village_editors", stdout=StringIO())

    workflow = WorkflowPage.objects.get(page=village).workflow
    assert set(workflow.tasks.get().specific.groups.all()) == {
        editors_group(village),
        staff_group(region),
    }
    counts = (Workflow.objects.count(), Group.objects.count(), Collection.objects.count())
    call_command("setup_village_editors", stdout=StringIO())
    assert (Workflow.objects.count(), Group.objects.count(), Collection.objects.count()) == counts


def test_migration_strips_default_groups_and_root_workflow(db):
    root = Page.get_first_root_node()
    moderators = Group.objects.get(name="Moderators")
    GroupPagePermission.objects.create(
        group=moderators, page=root, permission_id=_permission("wagtailcore", "publish_page")
    )
    GroupCollectionPermission.objects.create(
        group=Group.objects.get(name="Editors"),
        collection=Collection.get_first_root_node(),
        permission_id=_permission("wagtailimages", "add_image"),
    )
    WorkflowPage.objects.get_or_create(page=root, workflow=Workflow.objects.first())

    migration = importlib.import_module("home.migrations.0005_default_groups_lose_tree_wide_power")
    migration.strip_tree_wide_power(apps, None)

    assert not GroupPagePermission.objects.filter(page=root).exists()
    assert not GroupCollectionPermission.objects.filter(
        group__name__in=["Moderators", "Editors"], collection__depth=1
    ).exists()
    assert not WorkflowPage.objects.filter(page=root).exists()


def _permission(app_label, codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label=app_label, codename=codename).pk


def news_form(page, action, **fields):
    data = {
        "title": page.title,
        "slug": page.slug,
        "date": "2025-05-01",
        "lead": "Kylällä tapahtuu.",
        "image": "",
        "image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Tervetuloa mukaan!</p>"))]),
        "comments": inline_formset([]),
        action: action,
        **fields,
    }
    return nested_form_data(data)


def submit_for_moderation(client, page, title):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, news_form(page, "action-submit", title=title))
    assert response.status_code == 302, response.context and response.context["form"].errors
    page = Page.objects.get(pk=page.pk)
    assert page.workflow_in_progress
    return page


def approve(client, page):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


@pytest.mark.parametrize("approver", ["co-editor", "region staff"])
def test_editor_submits_news_for_moderation_and_a_reviewer_approves_it(
    client, region, village, editor, approver
):
    news = region.village_news_indexes[0].get_children().get()
    login(client, editor)
    news = submit_for_moderation(client, news, "Korjattu otsikko")
    assert news.title != "Korjattu otsikko"  # still the published text

    group = editors_group(village) if approver == "co-editor" else staff_group(region)
    login(client, member("hyvaksyja", group))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Korjattu otsikko" in dashboard  # "Awaiting your review"
    response = approve(client, news)

    assert response.status_code == 302 and not denied(response)
    news = Page.objects.get(pk=news.pk)
    assert news.live and news.title == "Korjattu otsikko" and not news.workflow_in_progress


def test_region_staff_submit_a_village_page_to_that_villages_workflow(client, region, staff):
    from home.roles import approval_tasks

    kuorevesi = region.villages[1]
    news = region.village_news_indexes[1].get_children().get()
    login(client, staff)

    news = submit_for_moderation(client, news, "Korjattu otsikko")

    workflow = VillageEditors.objects.get(village_key=kuorevesi.translation_key).workflow
    assert news.current_workflow_state.workflow == workflow
    assert [news.current_workflow_task.pk] == [task.pk for task in approval_tasks(workflow)]
    # It reaches the village's own editors.
    login(client, member("kuorevesi", editors_group(kuorevesi)))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Odottaa tarkastustasi" in dashboard and "Korjattu otsikko" in dashboard


@pytest.mark.parametrize("reviewer", ["co-editor", "region staff"])
def test_reviewer_requests_changes_and_the_page_goes_back_to_its_author(
    client, region, village, editor, reviewer
):
    news = region.village_news_indexes[0].get_children().get()
    published_title = news.title
    login(client, editor)
    news = submit_for_moderation(client, news, "Korjattu otsikko")

    group = editors_group(village) if reviewer == "co-editor" else staff_group(region)
    login(client, member("hyvaksyja", group))
    assert "Odottaa tarkastustasi" in client.get(reverse("wagtailadmin_home")).content.decode()
    task_state = news.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[news.pk, "reject", task_state.pk])
    # As the admin's "Pyydä muutoksia" dialog sends it.
    response = client.post(
        url, {"comment": "Lisää tilaisuuden kellonaika."}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert response.json()["step"] == "success", response.content
    reviewer_dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Odottaa tarkastustasi" not in reviewer_dashboard  # nothing awaits them now

    login(client, editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sivusi ja pätkäsi työnkulussa" in dashboard  # "Your pages … in a workflow"
    assert "Korjattu otsikko" in dashboard and "Muutoksia pyydetty" in dashboard
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[news.pk])).content.decode()
    # In Finnish (our catalogue: Wagtail's own has no "Changes requested …").
    assert "Muutoksia pyydetty" in edit and "Lisää tilaisuuden kellonaika." in edit
    assert "Changes requested" not in edit and "Changes requested" not in dashboard
    news = Page.objects.get(pk=news.pk)
    assert news.current_workflow_state.status == "needs_changes"
    assert news.live and news.title == published_title  # the public still sees the old text


def test_other_regions_staff_cannot_approve(client, region, second_region, editor):
    news = region.village_news_indexes[0].get_children().get()
    login(client, editor)
    news = submit_for_moderation(client, news, "Korjattu otsikko")

    login(client, member("iitti", staff_group(second_region)))
    assert denied(approve(client, news))

    news = Page.objects.get(pk=news.pk)
    assert news.title != "Korjattu otsikko" and news.workflow_in_progress


def test_default_groups_hold_no_tree_wide_grants_after_migrating(db):
    """The migrated test database as it is: Wagtail's media migrations ran before ours."""
    assert not GroupPagePermission.objects.filter(
        group__name__in=["Moderators", "Editors"]
    ).exists()
    assert not GroupCollectionPermission.objects.filter(
        group__name__in=["Moderators", "Editors"]
    ).exists()
    assert not WorkflowPage.objects.filter(page__depth=1).exists()


def test_directory_scope_is_asked_of_home_roles_only():
    """One place for "the entries of these villages" and for "the entries this user may touch":
    the admin's listings and choosers and the public directory call home.roles, not copies."""
    import directory.listing
    import directory.pages
    import directory.wagtail_hooks
    from home import roles

    assert directory.listing.entries_of_villages is roles.entries_of_villages
    assert directory.wagtail_hooks.narrow_entries is roles.narrow_entries
    for module in (directory.listing, directory.pages, directory.wagtail_hooks):
        assert not hasattr(module, "in_villages") and not hasattr(module, "narrow_to_villages")
