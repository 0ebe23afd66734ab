"""Who may do what, and where: the one module every permission check of Kylätori asks.

The role matrix is written down in docs/roles.md. In short:

- a **village editor** is a member of a village's editor group (VillageEditors): pages, media,
  directory entries and translations of that village, in every language;
- **regional staff** are members of a region's staff group (RegionStaff): the same for every
  village of the region, plus the region's own pages, and the powers kept from village editors
  (unpublishing, deleting, moving or restricting a village page);
- a **superuser** is the only unrestricted user (sites, locales, shared topics, Wagtail's user
  and group admin); regional staff manage their villages' editors (`managed_users`).

Scope is kept by translation key: a village (VillagePage) or region (HomePage) is the same one in
Finnish, Swedish and English, and a directory entry belongs to villages by their keys. Groups get
Wagtail's own page, collection and model permissions, made here when a region or village is made
(signals.py) and by `manage.py setup_village_editors` for those that existed before. What
Wagtail's permissions cannot say per object (directory entries, snippet translations, the village
page itself) is decided by the functions below.

Answers are cached on the user object, which Django makes anew for every request.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PagePermissionTester,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permission_policies import ModelPermissionPolicy

# Permissions ------------------------------------------------------------------------------------

# Village editors write, publish and unpublish in their village. Wagtail has no plain "delete
# page" right: whoever may edit and publish a page may delete it if it has no children, and only
# "bulk_delete" allows deleting a page with children. Editors don't get that, so they can delete
# a news page but not a section with pages in it; VillagePagePermissionTester keeps the village
# page itself out of their reach.
VILLAGE_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# Regional staff run everything in their region, so unlike village editors they may delete.
REGION_PAGE_PERMISSIONS = [*VILLAGE_PAGE_PERMISSIONS, "bulk_delete_page"]

VILLAGE_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
REGION_COLLECTION_PERMISSIONS = [
    *VILLAGE_COLLECTION_PERMISSIONS,
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]

# Every member of a village or region group may use the admin and translate what is in scope:
# wagtail-localize asks for this one model permission and nothing per object, so the per-object
# check is ours (home/localize_scope.py).
GROUP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
]

# Model permissions on the directory's entries, narrowed per entry by VillagePermissionPolicy.
DIRECTORY_ACTIONS = ["add", "change", "delete", "view", "publish"]


def permissions(pairs):
    """Permission objects for (app_label, codename) pairs; those not (yet) made are skipped."""
    query = Q(pk__in=[])
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


def _grant_missing(model, scope, pairs):
    """Grant the permissions of `pairs` not yet granted on `scope` (group and page, or group and
    collection): one query for the permissions, one for those held, one insert for the rest.
    Regions and villages are granted again and again (every translation, every village)."""
    held = set(model.objects.filter(**scope).values_list("permission_id", flat=True))
    model.objects.bulk_create(
        model(**scope, permission=permission)
        for permission in permissions(pairs)
        if permission.pk not in held
    )


def grant_page_permissions(group, page, codenames):
    pairs = [("wagtailcore", codename) for codename in codenames]
    _grant_missing(GroupPagePermission, {"group": group, "page": page}, pairs)


def grant_collection_permissions(group, collection, pairs=VILLAGE_COLLECTION_PERMISSIONS):
    _grant_missing(GroupCollectionPermission, {"group": group, "collection": collection}, pairs)


def directory_permission_pairs():
    from directory.models import ENTRY_MODELS

    return [
        ("directory", f"{action}_{model._meta.model_name}")
        for model in ENTRY_MODELS.values()
        for action in DIRECTORY_ACTIONS
    ]


def grant_directory_permissions(group):
    """add/change/delete/view/publish on associations, services and places (model level)."""
    group.permissions.add(*permissions(directory_permission_pairs()))


def grant_group_permissions(group):
    group.permissions.add(*permissions([*GROUP_PERMISSIONS, *directory_permission_pairs()]))


# Scope ------------------------------------------------------------------------------------------


def _cached(user, name, compute):
    cache = user.__dict__.setdefault("_kylatori_roles", {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


def is_unrestricted(user):
    """Whether the user is an active superuser, the one role no scope narrows."""
    return _restricted(user) is False


def _restricted(user):
    """False for a superuser (unrestricted), True for everyone else; None for nobody at all."""
    if user is None or user.is_anonymous or not user.is_active:
        return None
    return not user.is_superuser


def region_keys_for_user(user):
    """Translation keys of the regions (HomePages) the user is staff of; None = unrestricted."""
    restricted = _restricted(user)
    if restricted is None:
        return frozenset()
    if not restricted:
        return None
    from .models import RegionStaff

    return _cached(
        user,
        "region_keys",
        lambda: frozenset(
            RegionStaff.objects.filter(group__user=user).values_list("region_key", flat=True)
        ),
    )


def village_keys_of_regions(region_keys):
    """Translation keys of the villages of the given regions."""
    from .models import VillagePage

    homes = Page.objects.filter(translation_key__in=region_keys, depth=2).values_list(
        "path", flat=True
    )
    query = Q(pk__in=[])
    for path in homes:
        query |= Q(path__startswith=path)
    return frozenset(
        VillagePage.objects.filter(query).values_list("translation_key", flat=True).distinct()
    )


def own_village_keys(user):
    """Translation keys of the villages whose editor group the user is in (not via staff)."""
    if not _restricted(user):
        return frozenset()
    from .models import VillageEditors

    return _cached(
        user,
        "own_village_keys",
        lambda: frozenset(
            VillageEditors.objects.filter(group__user=user).values_list("village_key", flat=True)
        ),
    )


def village_keys_for_user(user):
    """Translation keys of the villages the user works in; None = unrestricted (superuser).

    A village editor's own villages, and for regional staff every village of their regions.
    Anyone else (anonymous, inactive, a user outside these groups) gets the empty set, whatever
    model permissions they hold: only superusers are unrestricted.
    """
    regions = region_keys_for_user(user)
    if regions is None:
        return None
    return _cached(
        user,
        "village_keys",
        lambda: own_village_keys(user) | village_keys_of_regions(regions),
    )


def villages_in_scope(user):
    """The VillagePages (every locale) the user works in."""
    from .models import VillagePage

    keys = village_keys_for_user(user)
    pages = VillagePage.objects.all()
    return pages if keys is None else pages.filter(translation_key__in=keys)


def region_key_of(page):
    """The translation key of the region (HomePage, depth 2) `page` lies in, or None."""
    if page.depth < 2:
        return None
    if page.depth == 2:
        return page.translation_key
    return (
        Page.objects.filter(path=page.path[: Page.steplen * 2])
        .values_list("translation_key", flat=True)
        .first()
    )


def is_region_staff_for(user, page):
    """Whether the user runs the region of `page` (regional staff of it, or a superuser)."""
    regions = region_keys_for_user(user)
    return regions is None or region_key_of(page) in regions


def regions_worked_in(user):
    """Translation keys of the regions the user works in: those they are staff of and those of
    their own villages. None = unrestricted (superuser)."""
    regions = region_keys_for_user(user)
    if regions is None:
        return None
    from .models import VillagePage

    def compute():
        villages = VillagePage.objects.filter(translation_key__in=own_village_keys(user))
        return regions | {region_key_of(village) for village in villages}

    return _cached(user, "regions_worked_in", compute)


def linkable_pages(user):
    """The pages the user may link to from what they write: the public pages of the regions they
    work in (home.visibility decides what is public), and the pages they may edit themselves.
    Not another village's draft or private page, nor a page of another region."""
    from wagtail.permissions import policy_registry

    from .visibility import public

    regions = regions_worked_in(user)
    if regions is None:
        return Page.objects.all()
    query = Q(pk__in=[])
    for path in Page.objects.filter(depth=2, translation_key__in=regions).values_list(
        "path", flat=True
    ):
        query |= Q(path__startswith=path)
    editable = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
    return Page.objects.filter(
        Q(pk__in=public(Page.objects.filter(query)).values("pk")) | Q(pk__in=editable.values("pk"))
    )


def collections_in_scope(user):
    """The media collections whose images and documents the user may choose and use.

    Their own villages' collections, for regional staff also the region's collection and those of
    its villages, each with the collections below it (Wagtail's collection permissions are
    inherited the same way). Everything for a superuser.
    """
    from .models import RegionStaff, VillageEditors

    keys = village_keys_for_user(user)
    if keys is None:
        return Collection.objects.all()

    def compute():
        ids = set(
            VillageEditors.objects.filter(village_key__in=keys).values_list(
                "collection_id", flat=True
            )
        )
        ids |= set(
            RegionStaff.objects.filter(region_key__in=region_keys_for_user(user)).values_list(
                "collection_id", flat=True
            )
        )
        query = Q(pk__in=[])
        for path in Collection.objects.filter(pk__in=ids).values_list("path", flat=True):
            query |= Q(path__startswith=path)
        return frozenset(Collection.objects.filter(query).values_list("pk", flat=True))

    return Collection.objects.filter(pk__in=_cached(user, "collections", compute))


def can_use_media(user, media):
    """Whether the user may choose `media` (an image or document) for something they edit."""
    return collections_in_scope(user).filter(pk=media.collection_id).exists()


def entries_of_villages(queryset, village_keys):
    """The directory entries of `queryset` that belong to one of the villages (translation keys).

    The one place that says what "an entry of these villages" is: the admin's scope below and the
    public directory listings (directory/listing.py) both ask it.
    """
    model = queryset.model
    through = model.villages.through
    return queryset.filter(
        pk__in=through.objects.filter(villagepage__translation_key__in=village_keys).values(
            f"{model._meta.model_name}_id"
        )
    )


def narrow_entries(queryset, user):
    """The directory entries of `queryset` the user may edit, choose and attach: those of their
    villages, for regional staff those of the region's villages; all for a superuser."""
    keys = village_keys_for_user(user)
    return queryset if keys is None else entries_of_villages(queryset, keys)


def entries_in_scope(user, model):
    """The entries of a directory model (every locale) in the user's scope (`narrow_entries`)."""
    return narrow_entries(model._default_manager.all(), user)


def can_use_entry(user, entry):
    """Whether `entry` (an Association, Service or Place) belongs to the user's scope."""
    keys = village_keys_for_user(user)
    return keys is None or any(village.translation_key in keys for village in entry.villages.all())


def can_edit_object(user, instance):
    """Whether the user may change `instance`, a page or a snippet, itself (not only its model).

    Pages ask their permission tester; snippets their registered permission policy, which for
    directory entries is VillagePermissionPolicy and for other snippets (topics) the model
    permission.
    """
    if isinstance(instance, Page):
        return instance.specific_deferred.permissions_for_user(user).can_edit()
    from wagtail.permissions import policy_registry

    return policy_registry.get(instance).user_has_permission_for_instance(user, "change", instance)


def submissions_in_scope(user):
    """The public event submissions (submissions.Submission) whose submitter the user may see:
    the confirmed ones of their villages, for regional staff those of the region's villages;
    every confirmed one for a superuser. An unconfirmed submission is no one's yet: the
    submitter has not shown the e-mail address is theirs."""
    from submissions.models import Submission

    confirmed = Submission.objects.exclude(status=Submission.Status.UNCONFIRMED)
    keys = village_keys_for_user(user)
    return confirmed if keys is None else confirmed.filter(village_key__in=keys)


def can_see_submissions(user):
    """Whether the user works in some village (or is a superuser): the submissions' menu item."""
    keys = village_keys_for_user(user)
    return keys is None or bool(keys)


class VillagePermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, narrowed to the user's villages (directory entries)."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_use_entry(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        return narrow_entries(queryset, user)

    def users_with_any_permission_for_instance(self, actions, instance):
        # Not used by the snippet views; the model-level answer (an over-approximation) suffices
        # for notifications.
        return self.users_with_any_permission(actions)


# The people of a region ---------------------------------------------------------------------------
#
# Regional staff add people to their villages' editor groups and take them out (home/editors_admin
# .py). Wagtail's own user and group admin is not scoped by region and stays the superuser's.


def can_manage_editors(user):
    """Whether the user may open the village editors' admin: regional staff and superusers."""
    return is_unrestricted(user) or bool(region_keys_for_user(user))


def managed_village_editors(user):
    """The VillageEditors whose members the user may add and remove: for regional staff those of
    their regions' villages (not villages they edit elsewhere), every one for a superuser."""
    from .models import VillageEditors

    regions = region_keys_for_user(user)
    if regions is None:
        return VillageEditors.objects.all()
    return VillageEditors.objects.filter(village_key__in=village_keys_of_regions(regions))


def managed_users(user):
    """The people whose village memberships and account the user may change.

    Members of the villages' editor groups the user manages (`managed_village_editors`) who
    belong to no other group and hold no permission of their own: not a superuser, not regional
    staff (the region's staff group is the superuser's to fill), not someone who also works in
    another region, and never the user themselves.
    """
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if not can_manage_editors(user):
        return User.objects.none()
    groups = Group.objects.filter(village_editors__in=managed_village_editors(user))
    memberships = User.groups.through.objects
    return (
        User.objects.filter(
            pk__in=memberships.filter(group__in=groups).values("user_id"), is_superuser=False
        )
        .exclude(pk=user.pk)
        .exclude(pk__in=memberships.exclude(group__in=groups).values("user_id"))
        .exclude(pk__in=User.user_permissions.through.objects.values("user_id"))
    )


# The village page -------------------------------------------------------------------------------


class VillagePagePermissionTester(PagePermissionTester):
    """The village page itself is the region's: its own editors edit and publish it, but only
    regional staff of its region (and superusers) may unpublish, restrict, delete or move it.

    Returned by VillagePage.permissions_for_user(), which Wagtail asks even on a plain Page
    object (it defers to the specific class when that overrides the method): every admin view
    and bulk action gets this tester for a village page.
    """

    def _region_power(self):
        return self.user.is_active and is_region_staff_for(self.user, self.page)

    def can_delete(self, ignore_bulk=False):
        return self._region_power() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return self._region_power() and super().can_unpublish()

    def can_set_view_restrictions(self):
        return self._region_power() and super().can_set_view_restrictions()

    def can_move(self):
        return self._region_power() and super().can_move()


# Groups, collections and workflows --------------------------------------------------------------


def group_name(title, suffix):
    """A unique, readable group name such as "Länkipohja: toimittajat"."""
    name = f"{title}: {suffix}"
    candidate, number = name, 2
    while Group.objects.filter(name=candidate).exists():
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def _unowned_group(name):
    """A group of exactly this name that no village or region owns yet (from an earlier demo)."""
    return Group.objects.filter(
        name=name, village_editors__isnull=True, region_staff__isnull=True
    ).first()


def _region_collection(title):
    """The root's child collection named after the region, if no village or region owns it."""
    from .models import RegionStaff, VillageEditors

    root = Collection.get_first_root_node()
    owned = [
        *VillageEditors.objects.values_list("collection_id", flat=True),
        *RegionStaff.objects.values_list("collection_id", flat=True),
    ]
    existing = root.get_children().filter(name=title).exclude(pk__in=owned).first()
    return existing or root.add_child(name=title)


@transaction.atomic
def ensure_region_staff(home):
    """Create (once) the region's staff group and collection; grant it this translation.

    Safe to call repeatedly and for every translation of the region's home page.
    """
    from .models import RegionStaff, VillageEditors

    staff = (
        RegionStaff.objects.select_related("group", "collection")
        .filter(region_key=home.translation_key)
        .first()
    )
    if staff is None:
        group = _unowned_group(f"{home.title}: aluetoimitus")
        if group is None:
            group = Group.objects.create(name=group_name(home.title, "aluetoimitus"))
        else:
            # A group of this name from before (an earlier demo) is adopted with exactly the
            # matrix: whatever it held besides (topics, page deletion) goes.
            group.permissions.clear()
            GroupPagePermission.objects.filter(group=group).delete()
            GroupCollectionPermission.objects.filter(group=group).delete()
        staff = RegionStaff.objects.create(
            region_key=home.translation_key, group=group, collection=_region_collection(home.title)
        )
        grant_group_permissions(group)
        # Villages made before their region had staff (an existing installation).
        for editors in VillageEditors.objects.filter(
            village_key__in=village_keys_of_regions({home.translation_key})
        ):
            join_village(staff, editors)
    grant_page_permissions(staff.group, home, REGION_PAGE_PERMISSIONS)
    grant_collection_permissions(staff.group, staff.collection, REGION_COLLECTION_PERMISSIONS)
    return staff


def region_staff_of(page):
    """The RegionStaff of the region `page` lies in (made if missing), or None above regions."""
    from .models import HomePage

    home = HomePage.objects.filter(path=page.path[: Page.steplen * 2]).first()
    return ensure_region_staff(home) if home else None


@transaction.atomic
def ensure_village_editors(village):
    """Create (once) the village's editor group and collection; grant it this translation.

    Safe to call repeatedly and for every translation of the village: each call adds only what is
    missing. The region's staff get the village's collection too.
    """
    return _ensure_village_editors(village)[0]


def _ensure_village_editors(village):
    """ensure_village_editors, also returning the region's staff (None above regions)."""
    from .models import VillageEditors

    editors = (
        VillageEditors.objects.select_related("group", "collection")
        .filter(village_key=village.translation_key)
        .first()
    )
    if editors is None:
        group = Group.objects.create(name=group_name(village.title, "toimittajat"))
        root = Collection.get_first_root_node()
        collection = root.add_child(name=village.title)
        editors = VillageEditors.objects.create(
            village_key=village.translation_key, group=group, collection=collection
        )
    grant_group_permissions(editors.group)
    grant_page_permissions(editors.group, village, VILLAGE_PAGE_PERMISSIONS)
    grant_collection_permissions(editors.group, editors.collection)
    staff = region_staff_of(village)
    if staff is not None:
        join_village(staff, editors)
    return editors, staff


def join_village(staff, editors):
    """The region's staff work in the village: its collection, and its moderation task."""
    grant_collection_permissions(staff.group, editors.collection, REGION_COLLECTION_PERMISSIONS)
    if editors.workflow_id:
        for task in approval_tasks(editors.workflow):
            task.groups.add(staff.group)


def approval_tasks(workflow):
    """The workflow's group approval tasks, in order (one query)."""
    return list(
        GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).order_by(
            "workflow_tasks__sort_order"
        )
    )


@transaction.atomic
def ensure_village_workflow(village):
    """Create (once) the village's moderation workflow and assign it to this translation.

    One "group approval" task whose reviewers are the village's editors and its region's staff,
    so that whatever an editor (or the public-submission form) sends for moderation reaches
    people who can approve it. A workflow an administrator has since set on the page is kept.
    """
    editors, staff = _ensure_village_editors(village)
    if editors.workflow is None:
        task = GroupApprovalTask.objects.create(name=f"{village.title}: hyväksyntä")
        workflow = Workflow.objects.create(name=f"{village.title}: julkaisun hyväksyntä")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        editors.workflow = workflow
        editors.save(update_fields=["workflow"])
    # The region's staff already have the village's collection (_ensure_village_editors).
    reviewers = [editors.group] if staff is None else [editors.group, staff.group]
    for task in approval_tasks(editors.workflow):
        task.groups.add(*reviewers)
    WorkflowPage.objects.get_or_create(page=village, defaults={"workflow": editors.workflow})
    return editors.workflow
