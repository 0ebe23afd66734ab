"""Village editor and regional staff groups get the directory's model permissions.

home.roles grants them when it makes a group; this covers groups made before the directory app
was installed. The permission policy (home.roles.VillagePermissionPolicy) then narrows them to
the group's own villages or region.
"""

from django.contrib.auth.management import create_permissions

from home.models import RegionStaff, VillageEditors
from home.roles import grant_directory_permissions


def grant_existing_village_editors(sender, app_config=None, using="default", **kwargs):
    """After migrate: groups made before this app was installed get the permissions too."""
    # Django creates an app's permissions in a post_migrate receiver that may run after this one.
    create_permissions(sender, verbosity=0, using=using)
    for owner in (VillageEditors, RegionStaff):
        for record in owner.objects.using(using).select_related("group"):
            grant_directory_permissions(record.group)
