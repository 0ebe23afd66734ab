"""Compile the project's UI translations (*.po in locale/ folders) to .mo files with polib.

Django's own `compilemessages` needs GNU gettext's msgfmt, which many machines lack; polib is
pure Python and already installed with wagtail-localize. The compiled .mo files are committed, so
a fresh clone shows the translated UI without running this at all.
"""

import sys
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


def po_files():
    """The project's catalogues: locale/ and the locale/ folder of each of our own apps."""
    base = Path(settings.BASE_DIR).resolve()
    installed = Path(sys.prefix).resolve()  # the virtualenv may live inside the project
    own_apps = [
        Path(app.path).resolve()
        for app in apps.get_app_configs()
        if Path(app.path).resolve().is_relative_to(base)
        and not Path(app.path).resolve().is_relative_to(installed)
    ]
    locale_dirs = [Path(path) for path in settings.LOCALE_PATHS] + [
        path / "locale" for path in own_apps if (path / "locale").is_dir()
    ]
    for locale_dir in locale_dirs:
        yield from sorted(locale_dir.glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po to .mo without GNU gettext."

    def handle(self, *args, **options):
        for po_path in po_files():
            catalogue = polib.pofile(str(po_path))
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"{po_path}: {catalogue.percent_translated()} % translated")
