"""Village editor groups get the directory's model permissions when they are made.

The permission policy (permissions.py) then narrows them to the group's own village.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Permission
from django.db.models.signals import post_save
from django.dispatch import receiver

from home.models import VillageEditors

from .permissions import VILLAGE_EDITOR_ACTIONS


def grant_directory_permissions(group):
    """Give `group` add/change/delete/view/publish on associations, services and places."""
    from .models import ENTRY_MODELS

    codenames = [
        f"{action}_{model._meta.model_name}"
        for model in ENTRY_MODELS.values()
        for action in VILLAGE_EDITOR_ACTIONS
    ]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="directory", codename__in=codenames)
    )


@receiver(post_save, sender=VillageEditors)
def give_village_editors_directory_permissions(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_directory_permissions(instance.group)


def grant_existing_village_editors(sender, app_config=None, using="default", **kwargs):
    """After migrate: groups made before this app was installed get the permissions too."""
    # Django creates an app's permissions in a post_migrate receiver that may run after this one.
    create_permissions(sender, verbosity=0, using=using)
    for editors in VillageEditors.objects.using(using).select_related("group"):
        grant_directory_permissions(editors.group)
