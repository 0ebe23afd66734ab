"""User text made safe for each output format: one cleaning step per format, in one place.

Editors (and importers) can put any character into a field. Some carry no text and break an
output: a control character makes Django's RSS writer raise UnserializableContentError, a line
break in an iCal NAME ends the content line, a lone surrogate cannot be encoded as UTF-8 (nor
stored in PostgreSQL), `</script>` closes a JSON-LD block, a bidi override reorders what follows
it. So:

- on input, `clean_model_text` removes those characters from every text field of a model
  (pages and snippets call it from `full_clean`, which the admin forms, revisions and
  wagtail-localize all go through), Wagtail's images as they are saved (home.signals);
  single-line fields lose their line breaks too;
- on output, each format has its function below, used by every writer of that format, so text
  stored before this cleaning, or written by code that skipped `full_clean`, is safe as well.

JSON API responses go through `json_data` once, as a whole (`json_bytes` encodes them); every
e-mail through home.mail, as it is sent (`header_text` for its headers, `plain` for its text and
HTML). HTML needs nothing here: Django escapes it. The sitemap holds only addresses made of
validated slugs.
"""

import json
import re

# C0 controls except tab, line feed and carriage return (handled per format below), DEL and C1.
CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Characters that are not text: lone surrogates (they cannot be encoded), noncharacters,
# zero-width space, word joiner and invisible operators, bidi embeddings, overrides and isolates
# (they can make text read differently from what is stored), the BOM.
INVISIBLE = (
    "\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}-{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
)
# Marks that shape text without being letters: soft hyphen (a hyphenation point in a long
# compound), zero-width non-joiner and joiner (emoji sequences), left-to-right and right-to-left
# marks. Kept in text; search ignores them (search.analysis).
FORMAT_MARKS = "\xad\u200c-\u200f"
# Every way to break a line: CR LF, CR, LF, vertical tab, form feed, NEL, line and paragraph
# separators.
LINE_BREAK_RE = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")

CONTROL_RE = re.compile(f"[{CONTROLS}]")
INVISIBLE_RE = re.compile(f"[{CONTROLS}{INVISIBLE}]")
# Anything `plain` would change: most text has none, and one search is cheaper than two
# substitutions (a JSON API page holds thousands of strings).
NOT_PLAIN_RE = re.compile(f"[\r\u2028\u2029{CONTROLS}{INVISIBLE}]")


def plain(value):
    """Text without controls or invisible characters; line breaks as "\\n", tabs kept."""
    value = str(value or "")
    if NOT_PLAIN_RE.search(value) is None:
        return value
    value = LINE_BREAK_RE.sub("\n", value)
    return INVISIBLE_RE.sub("", value)


def one_line(value):
    """`plain` text on one line: line breaks and tabs become spaces (titles, names, headers)."""
    value = LINE_BREAK_RE.sub(" ", str(value or "")).replace("\t", " ")
    return INVISIBLE_RE.sub("", value)


# XML 1.0 (RSS, the sitemap) allows tab, LF, CR and everything from U+0020 but surrogates and
# U+FFFE/U+FFFF: `plain` leaves exactly that.
xml_text = plain
# iCalendar TEXT values: icalendar escapes "\n", "," and ";" when the value is a vText.
ical_text = plain
# E-mail headers (subjects): a CR or LF would start a new header (home.mail).
header_text = one_line


def _clean_data(data):
    kind = type(data)  # the exact types first: a JSON API page holds thousands of values
    if kind is str or isinstance(data, str):
        return plain(data)
    if kind is dict or isinstance(data, dict):
        return {_clean_data(key): _clean_data(value) for key, value in data.items()}
    if kind is list or isinstance(data, list | tuple):
        return [_clean_data(item) for item in data]
    return data


def json_data(data):
    """JSON-ready `data` (dicts, lists, strings) with every string cleaned: the one cleaning step
    of the JSON API (linkedevents), applied to a whole response before it is encoded."""
    return _clean_data(data)


# What json.dumps(ensure_ascii=False) writes for a character `plain` would change: the character
# itself, or an escape (\r, \b, \f, \u0000-\u001f). A literal backslash in the text can match
# too: that only costs the cleaning, never skips it.
NOT_PLAIN_JSON_RE = re.compile(f"[\u2028\u2029{CONTROLS}{INVISIBLE}]|\\\\[rbf]|\\\\u00[01]")


def json_bytes(data):
    """`data` as UTF-8 JSON, cleaned as json_data cleans it. Most responses hold nothing to
    clean (a page of 100 events holds some 6,000 strings): they are encoded once and searched
    once, and only one where the search finds something is cleaned string by string."""
    encoded = json.dumps(data, ensure_ascii=False)
    if NOT_PLAIN_JSON_RE.search(encoded) is not None:
        encoded = json.dumps(_clean_data(data), ensure_ascii=False)
    return encoded.encode("utf-8")


def json_script(data):
    """JSON for inside a <script> element (JSON-LD), text cleaned: no "</script>" or "<!--" can
    come out of user text (as Django's json_script escapes)."""
    text = json.dumps(_clean_data(data), ensure_ascii=False)
    return text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")


# On input -----------------------------------------------------------------------------------


def _is_single_line(field):
    from django.db import models

    return isinstance(field, models.CharField) and not isinstance(field, models.TextField)


def clean_model_text(instance):
    """Remove controls and invisible characters from every text field of `instance` and of its
    inline child objects (opening hours, changed dates), and line breaks from single-line fields,
    in place. StreamFields are cleaned in their stored form (rich text is HTML there, so markup
    is untouched)."""
    from django.db import models
    from modelcluster.models import ClusterableModel, get_all_child_relations
    from wagtail.fields import StreamField

    if isinstance(instance, ClusterableModel):
        # A revision stores the children as the parent holds them; they are not cleaned apart.
        for relation in get_all_child_relations(type(instance)):
            for child in getattr(instance, relation.get_accessor_name()).all():
                clean_model_text(child)

    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField):
            value = field.value_from_object(instance)
            if value is None:
                continue
            raw = field.stream_block.get_prep_value(value)
            cleaned = _clean_data(raw)
            if cleaned != raw:
                setattr(instance, field.attname, field.to_python(json.dumps(cleaned)))
        elif isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                cleaned = one_line(value) if _is_single_line(field) else plain(value)
                if cleaned != value:
                    setattr(instance, field.attname, cleaned)


class CleanTextMixin:
    """A model whose text fields are cleaned (`clean_model_text`) before they are validated."""

    def full_clean(self, *args, **kwargs):
        clean_model_text(self)
        return super().full_clean(*args, **kwargs)


class _TextExtractor:
    """Text of an HTML fragment: block ends and <br> as line breaks, links as "text (address)"."""

    BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"}

    def __init__(self):
        from html.parser import HTMLParser

        self.parts, self.href = [], None
        parser = HTMLParser(convert_charrefs=True)
        parser.handle_starttag = self.start
        parser.handle_endtag = self.end
        parser.handle_data = self.parts.append
        self.parser = parser

    def start(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.href = dict(attrs).get("href") or None
            self.link_start = len(self.parts)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def end(self, tag):
        if tag == "a" and self.href:
            label = "".join(self.parts[self.link_start :]).strip()
            if self.href.startswith(("http://", "https://")) and label != self.href:
                self.parts.append(f" ({self.href})")
            self.href = None
        elif tag in self.BLOCKS:
            self.parts.append("\n")


HTML_HINT_RE = re.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*)(?:\s[^>]*)?/?>|&[a-zA-Z]+;|&#\d+;")


def html_to_text(value):
    """Plain text of `value`, which may be HTML (as Google Calendar and Outlook write event
    descriptions) or plain text already: tags dropped, paragraphs and <br> kept as line breaks,
    at most one empty line in a row."""
    value = plain(value)
    if not HTML_HINT_RE.search(value):
        return value.strip()
    extractor = _TextExtractor()
    extractor.parser.feed(value)
    extractor.parser.close()
    text = "".join(extractor.parts).replace("\xa0", " ")
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
