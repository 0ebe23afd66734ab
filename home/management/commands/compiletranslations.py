"""Compile the project's UI translations (locale/*/LC_MESSAGES/*.po) to .mo files with polib.

Django's own `compilemessages` needs GNU gettext's msgfmt, which many machines lack; polib is
pure Python and already installed with wagtail-localize. The compiled .mo files are committed, so
a fresh clone shows the translated UI without running this at all.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def po_files():
    for locale_dir in settings.LOCALE_PATHS:
        yield from sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po to .mo without GNU gettext."

    def handle(self, *args, **options):
        for po_path in po_files():
            catalogue = polib.pofile(str(po_path))
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"{po_path}: {catalogue.percent_translated()} % translated")
