"""Per-village editor groups: each village's editors may work in that village and nowhere else.

A village's group gets Wagtail page permissions on the village page in every locale (so on its
whole subtree, since page permissions are inherited) and a media collection of its own. The
group and collection are made when the village is created (signals.py) and, for villages that
existed before, by `manage.py setup_village_editors`.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

# Editors write, publish and unpublish in their village. They get no delete permission: the
# village page itself is in their subtree, and one stray click must not remove a whole village.
# (Wagtail still lets them delete their own unpublished drafts.)
VILLAGE_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
VILLAGE_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def grant_page_permissions(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
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
