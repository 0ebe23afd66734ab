"""Linked Events ids: `kylatori:<integer>`, the same in every language and stable across edits.

An event, a village (organization) or a region is a group of pages that share a translation key
(one page per language); a place or a keyword a group of snippet rows. The id is the smallest
primary key in the group, drafts included: that is the row made first (a translation, or
wagtail-localize's alias that stands in for one, always comes after its source), it does not
change when the object is edited, published, unpublished or translated, and it is the same from
every language's page. (The translation key itself is a UUID, which clients that match
`^[a-z]*:[0-9]+$` would refuse.) It changes only if the first row is deleted while a translation
stays, which the admin offers only by deleting the source page on purpose.

A sub event, one date of a repeating event, has the id of its event followed by that date
(YYYYMMDD, the original date of a moved one): `kylatori:4220261224`. The date has a fixed eight
digits, so the event's id is the rest; page ids stay below 10^8 (far beyond any village site),
which keeps the two kinds apart.
"""

import datetime
import re

from django.db.models import Min
from django.utils import timezone

DATA_SOURCE = "kylatori"
ID_RE = re.compile(rf"^{DATA_SOURCE}:([0-9]{{1,18}})$", re.IGNORECASE)
# An association as an organization: its rows are snippets, numbered apart from the pages (the
# villages and the region), so it takes a prefix of its own, as organizations of another data
# source do in Linked Events (ahjo:..., tprek:...).
ASSOCIATION = "yhdistys"
ORGANIZATION_RE = re.compile(rf"^({DATA_SOURCE}|{ASSOCIATION}):([0-9]{{1,18}})$", re.IGNORECASE)
DATE_DIGITS = 8
SUB_EVENT_MIN = 10**DATE_DIGITS


def format(number):  # noqa: A001 (the module is used as ids.format)
    return f"{DATA_SOURCE}:{number}"


def parse(value):
    """The integer of "kylatori:<integer>", or None for anything else."""
    match = ID_RE.match(value.strip())
    return int(match.group(1)) if match else None


def parse_organization(value):
    """(prefix, integer) of an organization id: a village's or region's (DATA_SOURCE) or an
    association's (ASSOCIATION); None for anything else."""
    match = ORGANIZATION_RE.match(value.strip())
    return (match.group(1).lower(), int(match.group(2))) if match else None


def sub_event_number(event_number, occurrence_start, original_start=None):
    day = timezone.localdate(original_start or occurrence_start)
    return int(f"{event_number}{day:%Y%m%d}")


def split_sub_event(number):
    """(event number, date) of a sub event's number, or None when it cannot be one."""
    if number < SUB_EVENT_MIN:
        return None
    text = str(number)
    try:
        day = datetime.datetime.strptime(text[-DATE_DIGITS:], "%Y%m%d").date()
    except ValueError:
        return None
    return int(text[:-DATE_DIGITS]), day


def group_numbers(model, translation_keys):
    """{translation key: id number} for `model` rows (every row, drafts too: see above)."""
    if not translation_keys:
        return {}
    rows = (
        model._default_manager.filter(translation_key__in=translation_keys)
        .order_by()  # a model's default ordering would join the GROUP BY
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values_list("translation_key", "first")
    )
    return dict(rows)


def keys_of(model, numbers):
    """The translation keys of the groups whose id numbers are `numbers` (a queryset)."""
    return model._default_manager.filter(pk__in=list(numbers)).values("translation_key")
