"""The UI translations ship compiled, and the compiled files match their sources."""

import polib
import pytest

from home.management.commands.compiletranslations import po_files
from home.management.commands.untranslated_admin import untranslated

PO_FILES = list(po_files())


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda path: "/".join(path.parts[-5:-2]))
def test_catalogue_is_complete_and_compiled(po_path):
    po = polib.pofile(str(po_path))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    # A message defined twice compiles to whichever comes last, and msgfmt refuses the file.
    keys = [(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete]
    assert sorted(key for key in set(keys) if keys.count(key) > 1) == []
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), "run `make messages` and commit the .mo file"
    compiled = {(entry.msgid, entry.msgstr) for entry in polib.mofile(str(mo_path))}
    source = {(entry.msgid, entry.msgstr) for entry in po if not entry.obsolete}
    assert source <= compiled, "the .mo file is stale: run `make messages`"


def test_finnish_and_swedish_ship_a_catalogue():
    # English needs none: the message ids are English, and Django never falls back from English
    # to the default language's catalogue.
    assert {path.parts[-3] for path in PO_FILES} >= {"fi", "sv"}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_admin_string_of_wagtail_and_wagtail_localize_is_translated(language):
    # An editor meets these in the admin; Wagtail's and wagtail-localize's own Finnish and Swedish
    # catalogues lack hundreds of them, so locale/ fills the gaps (and survives upgrades: after one,
    # `manage.py untranslated_admin --po` prints the new entries to translate).
    missing = [entry.msgid for _app, _domain, entry in untranslated(language)]
    assert missing == []
