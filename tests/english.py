"""English words in text that should be Finnish or Swedish: the check behind the tests that walk
the admin (tests/browser/test_admin_language.py) and read its e-mails in fi and sv.

A word counts as English when it is on the list below: common words of Wagtail's and
wagtail-localize's English interface, none of which is also a Finnish or Swedish word the admin
uses (so "status", "version", "panel", "server" and "order", Swedish too, are left out, and "by",
Swedish for village, is checked in Finnish only). Names are allowed whatever their language.
"""

import re

ENGLISH = frozenset(
    """
    a about account actions add added after all an and any anyone approve approved are as at
    autosave autosaved available back been before being but by cancel cancelled can changes
    choose close collection comment comments copy create created current dashboard date delete
    deleted document documents draft edit edited editor error errors expand explorer field
    first for from go has hasn't have help hide history if image images in into is it item
    items language last latest live loading locale lock locked mirroring moderation more move
    need needs new next not now occurred of once one only options or other page pages paused
    please preview previous privacy publish published reject rejected reply reports request
    requested required root save saved schedule scheduled search searching see select selected
    settings show side sign snippet snippets submit submitted sync synced task tasks that the
    there this title to toggle translate translated translation translations unpublish
    unpublished upload uploaded use uses view was were what when which with workflow workflows
    yet you your
    """.split()
)
# Finnish or Swedish words in that list, by language: not evidence of English there.
NATIVE = {
    "fi": frozenset(),
    "sv": frozenset({"by", "i", "in", "is", "all", "and", "as"}),
}
# Names an editor meets in either language: the software, the site, the map's data source.
ALLOWED = frozenset({"wagtail", "kylätori", "openstreetmap"})
URL = re.compile(r"\b(?:https?://|/admin/)\S*")
# A date written the English way ("3 December 2026"): Finnish writes 3.12.2026 or "3. joulukuuta",
# Swedish "3 december" in lower case, so a capitalised English month after a day is English in
# either (though "december" alone is also a Swedish word).
ENGLISH_DATE = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b"
)
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def english_words(text, language, allowed=()):
    """The English words of `text` (lower-case, sorted, once each), addresses left out."""
    skip = NATIVE[language] | ALLOWED | {name.lower() for name in allowed}
    text = URL.sub(" ", text)
    words = {word.lower() for word in WORD.findall(text)}
    months = {month.lower() for month in ENGLISH_DATE.findall(text)}
    return sorted(((words & ENGLISH) - skip) | (months - {name.lower() for name in allowed}))


# Every text the editor is shown or read: the visible text, and the attributes assistive
# technology reads out or the browser shows as a tooltip or an empty field's hint.
READ_SCREEN = """() => {
    const attributes = ["aria-label", "title", "placeholder", "alt", "aria-description"];
    const texts = [document.title, document.body.innerText];
    for (const element of document.querySelectorAll("*")) {
        for (const name of attributes) {
            if (element.hasAttribute(name)) texts.push(element.getAttribute(name));
        }
    }
    return texts.join("\\n");
}"""
