"""The UI translations ship compiled, and the compiled files match their sources."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

PO_FILES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda path: path.parts[-3])
def test_catalogue_is_complete_and_compiled(po_path):
    po = polib.pofile(str(po_path))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), "run `make messages` and commit the .mo file"
    compiled = {(entry.msgid, entry.msgstr) for entry in polib.mofile(str(mo_path))}
    source = {(entry.msgid, entry.msgstr) for entry in po if not entry.obsolete}
    assert source <= compiled, "the .mo file is stale: run `make messages`"


def test_all_three_languages_ship_a_catalogue():
    assert {path.parts[-3] for path in PO_FILES} == {"fi", "sv", "en"}
