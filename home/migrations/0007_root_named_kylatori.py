"""The root of the page tree and of the collections is named Kylätori, not "Root".

Wagtail's own migrations create both with the English name "Root", which an editor meets in the
explorer ("Selataan: Root"), the breadcrumbs, the page chooser and the history. A stored name
is no catalogue's business, so it is renamed here, and only while it is still Wagtail's.
"""

from django.db import migrations

OLD, NEW = "Root", "Kylätori"


def rename(apps, old, new):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title=old).update(title=new)
    Page.objects.filter(depth=1, draft_title=old).update(draft_title=new)
    Collection.objects.filter(depth=1, name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_help_texts"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
