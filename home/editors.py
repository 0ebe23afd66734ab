"""Per-village editor groups: each village's editors may work in that village and nowhere else.

A village's group gets Wagtail page permissions on the village page in every locale (so on its
whole subtree, since page permissions are inherited) and a media collection of its own. The
group and collection are made when the village is created (signals.py) and, for villages that
existed before, by `manage.py setup_village_editors`.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    PagePermissionTester,
)

# Editors write, publish and unpublish in their village. Wagtail has no "delete page" permission:
# whoever may edit and publish a page may delete it if it has no children, and only
# "bulk_delete_page" allows deleting a page with children. Editors don't get that, so they can
# delete a news page but not a section with pages in it; VillagePagePermissionTester below keeps
# the village page itself out of their reach even while it has no children.
VILLAGE_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
VILLAGE_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


class VillagePagePermissionTester(PagePermissionTester):
    """Only those who may delete pages with children (regional staff) may delete or move a village.

    A new village, or a new translation of one, has no pages under it, and Wagtail would let its
    own editors delete it (and move it, which Wagtail checks as a delete). Returned by
    VillagePage.permissions_for_user(), which Wagtail's admin views, listings and bulk actions ask.
    """

    def can_delete(self, ignore_bulk=False):
        if self.user.is_active and not self.user.is_superuser:
            if "bulk_delete" not in self.permissions:
                return False
        return super().can_delete(ignore_bulk=ignore_bulk)


def grant_page_permissions(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def grant_collection_permissions(group, collection, permissions=VILLAGE_COLLECTION_PERMISSIONS):
    for app_label, codename in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def group_name(title, suffix):
    """A unique, readable group name such as "Länkipohja: toimittajat"."""
    name = f"{title}: {suffix}"
    candidate, number = name, 2
    while Group.objects.filter(name=candidate).exists():
        candidate, number = f"{name} ({number})", number + 1
    return candidate


@transaction.atomic
def ensure_village_editors(village):
    """Create (once) the village's editor group and collection; grant it this translation.

    Safe to call repeatedly and for every translation of the village: each call adds only what is
    missing.
    """
    from .models import VillageEditors

    editors = (
        VillageEditors.objects.select_related("group", "collection")
        .filter(village_key=village.translation_key)
        .first()
    )
    if editors is None:
        group = Group.objects.create(name=group_name(village.title, "toimittajat"))
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        root = Collection.get_first_root_node()
        collection = root.add_child(name=village.title)
        editors = VillageEditors.objects.create(
            village_key=village.translation_key, group=group, collection=collection
        )
    grant_page_permissions(editors.group, village, VILLAGE_PAGE_PERMISSIONS)
    grant_collection_permissions(editors.group, editors.collection)
    return editors
