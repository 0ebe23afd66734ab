"""The UI translations ship compiled, and the compiled files match their sources."""

import os
import re
import shutil
import subprocess

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


# A placeholder of Python's %-formatting (%(name)s, %s, %d; not %%) and of str.format ({name}).
PERCENT = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([sdifr])")
BRACE = re.compile(r"\{(\w*)\}")


def placeholders(text, entry):
    """The placeholders of `text` as (name or position, conversion), for the entry's format."""
    if "python-brace-format" in entry.flags:
        return sorted(BRACE.findall(text))
    if "python-format" in entry.flags:
        return sorted(PERCENT.findall(text.replace("%%", "")))
    return []


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda path: "/".join(path.parts[-5:-2]))
def test_translations_use_only_the_placeholders_of_their_english_message(po_path):
    # A translation that names a placeholder the English message lacks fails when it is shown
    # (KeyError), and msgfmt refuses the catalogue. Each plural form is checked against the
    # English plural, as msgfmt checks it; a form may leave a placeholder out (Finnish "sivu" for
    # 1 needs no number), never add one.
    wrong = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            english = set(placeholders(entry.msgid_plural, entry))
            forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
        else:
            english = set(placeholders(entry.msgid, entry))
            forms = [entry.msgstr]
        for form in forms:
            extra = set(placeholders(form, entry)) - english
            if extra:
                wrong.append((entry.linenum, entry.msgid, form, sorted(extra)))
    assert wrong == []


def ci():
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda path: "/".join(path.parts[-5:-2]))
def test_catalogue_passes_msgfmt_check(po_path):
    # GNU gettext's own checks (formats, plural forms, headers), as Django's compilemessages runs
    # them. CI installs gettext (.ci/run); a machine without it skips, CI fails.
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if ci():
            pytest.fail("CI=true but msgfmt (GNU gettext) is missing")
        pytest.skip("msgfmt (GNU gettext) is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "-o", os.devnull, str(po_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
