"""Wagtail's default "Moderators" and "Editors" groups lose their power over the whole tree.

Wagtail's first migrations give both groups add/change/publish on the root page and the root
collection, and attach the "Moderators approval" workflow to the root page. Granted at the root,
these cross every region: adding one person to either group would let them edit and publish in
every village of every region, and every page sent for moderation goes to the (empty) Moderators
group. Kylätori grants everything per village and region instead (home.roles), so these grants
are removed from existing installations. The groups and the workflow themselves stay, unused,
in case an administrator wants to give them a narrower scope.
"""

from django.db import migrations

DEFAULT_GROUPS = ["Moderators", "Editors"]


def strip_tree_wide_power(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    roots = Page.objects.filter(depth=1)
    GroupPagePermission.objects.filter(group__name__in=DEFAULT_GROUPS, page__in=roots).delete()
    GroupCollectionPermission.objects.filter(
        group__name__in=DEFAULT_GROUPS, collection__in=Collection.objects.filter(depth=1)
    ).delete()
    WorkflowPage.objects.filter(page__in=roots).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_region_staff_and_village_workflow"),
        ("wagtailcore", "0098_apitoken"),
        # After the media apps' own migrations, which copy and add collection grants for these
        # groups (wagtaildocs 0006 and 0011, wagtailimages 0023): run before them, this would
        # leave a fresh installation with the grants it removes.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    # Not reversible in substance: the old grants were the problem, so going back leaves them out.
    operations = [migrations.RunPython(strip_tree_wide_power, migrations.RunPython.noop)]
