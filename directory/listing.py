"""Choosing, sorting and loading directory entries for a page, without fan-out.

A listing first reads a few columns of every matching entry (three small queries, one per
model), picks per entry the translation in the visitor's language or else the Finnish source,
sorts by name in Finnish alphabetical order in Python (SQLite has no Finnish collation and the
three models must be merged anyway), and only then loads the entries of the requested page with
their topics, villages and hours: the number of queries does not depend on the number of entries.
"""

import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Prefetch, Q
from wagtail.models import Locale

from home.models import Topic
from home.roles import entries_of_villages

from . import hours as hours_logic
from .models import ENTRY_MODELS, OpeningHoursMixin, Service

# Finnish alphabet order: a–z, then å, ä, ö. Letters Finnish treats as variants sort with their
# base letter (ü as y, æ as ä, ø as ö); other accents are ignored. "{", "|" and "}" are the code
# points right after "z". str.translate keeps this fast enough for thousands of names a request.
_SPECIAL = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"})
_INITIAL = {"{": "Å", "|": "Ä", "}": "Ö"}


def collation_key(name):
    """A sort key for `name` in Finnish alphabetical order (Å, Ä, Ö after Z)."""
    key = unicodedata.normalize("NFC", name).casefold().strip().translate(_SPECIAL)
    if not key.isascii():
        key = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
    return key


def initial(name):
    """The heading an entry is grouped under: its first letter, "#" for digits and signs."""
    key = collation_key(name)
    if not key:
        return "#"
    if key[0] in _INITIAL:
        return _INITIAL[key[0]]
    return key[0].upper() if key[0].isalpha() else "#"


@dataclass
class Row:
    """The few columns a listing needs to select and sort an entry before loading it."""

    model: type
    pk: int
    name: str
    translation_key: object
    locale_id: int
    sort_key: str = ""


def entry_locales():
    """(the visitor's locale, the default locale), each looked up once."""
    active = Locale.get_active()
    default = (
        active
        if active.language_code == settings.LANGUAGE_CODE
        else Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    )
    return active, default


def open_pks(model, queryset, now):
    """The pks of the entries of `queryset` (services or places) open at `now`.

    Two queries whatever the number of entries: the weekly rows of yesterday's and today's
    weekdays and the exceptions covering either day, which are all that decide (hours.is_open).
    An entry without hours has no such rows and is not open. Holidays matter only on a day
    with weekly hours, so the weekly rows bring the entry's holiday rule along.
    """
    today = now.astimezone(hours_logic.HELSINKI).date()
    yesterday = today - timedelta(days=1)
    parents = queryset.values("pk")
    holidays, weekly, exceptions = {}, {}, {}
    for (
        pk,
        on_holidays,
        weekday,
        opens,
        closes,
    ) in model.weekly_hours.rel.related_model.objects.filter(
        parent__in=parents, weekday__in={today.weekday(), yesterday.weekday()}
    ).values_list("parent_id", "parent__closed_on_public_holidays", "weekday", "opens", "closes"):
        holidays[pk] = on_holidays
        weekly.setdefault(pk, {}).setdefault(weekday, []).append(hours_logic.Range(opens, closes))
    for row in model.hours_exceptions.rel.related_model.objects.filter(
        Q(end_date__gte=yesterday) | Q(end_date__isnull=True, start_date__gte=yesterday),
        parent__in=parents,
        start_date__lte=today,
    ).values("parent_id", "start_date", "end_date", "closed", "opens", "closes"):
        exceptions.setdefault(row["parent_id"], []).append(
            hours_logic.DatedHours(
                start=row["start_date"],
                end=row["end_date"] or row["start_date"],
                closed=row["closed"],
                ranges=() if row["closed"] else (hours_logic.Range(row["opens"], row["closes"]),),
            )
        )
    return {
        pk
        for pk in weekly.keys() | exceptions.keys()
        if hours_logic.OpeningHours(
            weekly=weekly.get(pk, {}),
            exceptions=exceptions.get(pk, []),
            closed_on_holidays=holidays.get(pk, False),
        ).is_open(now)
    }


def select_rows(village_keys, types=None, kind=None, topic=None, open_at=None):
    """Rows of live entries in the villages, one per entry, in the visitor's language or Finnish.

    `types` limits the models (type slugs); `kind` the services' kind; `topic` a topic slug;
    `open_at` (an aware datetime) to the services and places open then.
    """
    active, default = entry_locales()
    locale_ids = {active.pk, default.pk}
    chosen = {}
    open_now = {}
    for type_slug, model in ENTRY_MODELS.items():
        if types and type_slug not in types:
            continue
        if kind and model is not Service:
            continue
        if open_at is not None and not issubclass(model, OpeningHoursMixin):
            continue
        queryset = entries_of_villages(
            model.objects.filter(live=True, locale_id__in=locale_ids), village_keys
        )
        if kind:
            queryset = queryset.filter(kind=kind)
        if topic:
            queryset = queryset.filter(
                topics__translation_key__in=Topic.objects.filter(slug=topic).values(
                    "translation_key"
                )
            ).distinct()
        if open_at is not None:
            open_now[model] = open_pks(model, queryset, open_at)
        for pk, name, key, locale_id in queryset.values_list(
            "pk", "name", "translation_key", "locale_id"
        ):
            row = Row(model, pk, name, key, locale_id)
            current = chosen.get((model, key))
            if current is None or (locale_id == active.pk and current.locale_id != active.pk):
                chosen[model, key] = row
    rows = list(chosen.values())
    if open_at is not None:
        # The hours of the version shown decide: a translation may give other hours.
        rows = [row for row in rows if row.pk in open_now[row.model]]
    for row in rows:
        row.sort_key = collation_key(row.name)
    rows.sort(key=lambda row: (row.sort_key, row.name, row.pk))
    return rows


def entry_queryset(model):
    """Entries loaded for display: topics, villages and (for services and places) hours."""
    queryset = model.objects.select_related("locale").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("name")),
        "villages",
    )
    if hasattr(model, "weekly_hours"):
        queryset = queryset.prefetch_related("weekly_hours", "hours_exceptions")
    return queryset


def load_rows(rows):
    """The entries of `rows`, in the rows' order, each loaded once with what it displays."""
    by_model = {}
    for row in rows:
        by_model.setdefault(row.model, []).append(row.pk)
    loaded = {}
    for model, pks in by_model.items():
        for entry in entry_queryset(model).filter(pk__in=pks):
            loaded[model, entry.pk] = entry
    return [loaded[row.model, row.pk] for row in rows if (row.model, row.pk) in loaded]


def localize_related(entries, villages=None):
    """Set `topic_list` (topics in the visitor's language) and `is_fallback` on each entry.

    Entries point at Finnish topics; their translations are looked up by translation key in one
    query for all entries.
    """
    active = Locale.get_active()
    keys = {topic.translation_key for entry in entries for topic in entry.topics.all()}
    localized = {}
    if keys and active.language_code != settings.LANGUAGE_CODE:
        for topic in Topic.objects.filter(translation_key__in=keys, locale=active):
            localized[topic.translation_key] = topic
    for entry in entries:
        entry.topic_list = sorted(
            (localized.get(topic.translation_key, topic) for topic in entry.topics.all()),
            key=lambda topic: collation_key(topic.name),
        )
        entry.is_fallback = entry.locale_id != active.pk
        entry.initial = initial(entry.name)
        if villages is not None:
            entry.village_list = [
                villages[village.translation_key]
                for village in entry.villages.all()
                if village.translation_key in villages
            ]


def find_entry(model, slug, village_keys):
    """The live entry `slug` of the villages, in the visitor's language or else in Finnish."""
    active, default = entry_locales()
    candidates = list(
        entries_of_villages(
            entry_queryset(model).filter(
                slug=slug, live=True, locale_id__in={active.pk, default.pk}
            ),
            village_keys,
        )
    )
    candidates.sort(key=lambda entry: entry.locale_id != active.pk)
    return candidates[0] if candidates else None
