"""Swedish and English content locales, kept in sync with the Finnish source tree.

wagtail-localize's locale synchronisation gives every new Finnish page an alias in sv and en, so a
visitor reading Swedish or English finds every page (showing the Finnish text, marked as such)
until an editor translates it.
"""

from django.db import migrations


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    finnish, _ = Locale.objects.get_or_create(language_code="fi")
    for code in ("sv", "en"):
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": finnish})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
