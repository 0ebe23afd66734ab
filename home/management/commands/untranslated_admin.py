"""List the Wagtail and wagtail-localize admin strings that no catalogue translates.

Django merges every installed app's catalogue with ours (locale/, which wins), so a message is
translated if any of them has it; this asks Django's own merged catalogue, for the server side
(domain django) and for the admin's JavaScript catalogues (djangojs, Wagtail's and
wagtail-localize's). The message ids come from the apps' English catalogues. Run it after
upgrading Wagtail or wagtail-localize: what it prints is English an editor may meet.

    manage.py untranslated_admin [--language fi] [--po]   (--po prints entries to paste)
"""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import trans_real

# Packages whose JavaScript catalogue the admin loads (JavaScriptCatalog(packages=[...])).
JS_PACKAGES = ["wagtail.admin", "wagtail_localize"]


def third_party_catalogues():
    """(app name, domain, English catalogue) for the installed Wagtail and wagtail-localize apps."""
    for app in apps.get_app_configs():
        if not app.name.startswith("wagtail"):  # wagtail.* and wagtail_localize*
            continue
        for po_path in sorted(Path(app.path).glob("locale/en/LC_MESSAGES/*.po")):
            yield app.name, po_path.stem, po_path


def merged_catalogue(language, domain):
    if domain == "django":
        return trans_real.translation(language)._catalog
    # As JavaScriptCatalog.get_paths() finds them.
    paths = {app.name: app.path for app in apps.get_app_configs()}
    localedirs = [str(Path(paths[name]) / "locale") for name in JS_PACKAGES]
    return trans_real.DjangoTranslation(language, domain=domain, localedirs=localedirs)._catalog


def untranslated(language):
    """Yield (app, domain, entry) for each English entry without a translation in `language`."""
    seen = set()
    catalogues = {}
    for app_name, domain, po_path in third_party_catalogues():
        catalogue = catalogues.setdefault(domain, merged_catalogue(language, domain))
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete or not entry.msgid:
                continue
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            if (domain, key) in seen:
                continue
            seen.add((domain, key))
            lookup = (key, 0) if entry.msgid_plural else key
            if lookup not in catalogue:
                yield app_name, domain, entry


class Command(BaseCommand):
    help = "List Wagtail and wagtail-localize admin strings that no catalogue translates."

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", help="default: fi and sv")
        parser.add_argument("--po", action="store_true", help="print .po entries to fill in")

    def handle(self, *args, language=None, po=False, **options):
        languages = language or [code for code, _name in settings.LANGUAGES if code != "en"]
        for code in languages:
            count = 0
            for app_name, domain, entry in untranslated(code):
                count += 1
                if po:
                    entry = polib.POEntry(
                        msgid=entry.msgid,
                        msgctxt=entry.msgctxt,
                        msgid_plural=entry.msgid_plural,
                        msgstr_plural={0: "", 1: ""} if entry.msgid_plural else {},
                        occurrences=entry.occurrences,
                        flags=entry.flags,
                    )
                    self.stdout.write(f"# {code} {app_name} {domain}\n{entry}")
                else:
                    self.stdout.write(f"{code}\t{app_name}\t{domain}\t{entry.msgid!r}")
            self.stderr.write(f"{code}: {count} untranslated")
