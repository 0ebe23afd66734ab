"""What happens to an event when it is published, unpublished, moved or deleted.

`refresh_event` materialises the occurrences (every listing reads them) and writes the VEVENT
text (every feed joins them), bumping SEQUENCE when time, place or status changed. Every change
also bumps the calendar generation (a database row), which is part of every cached feed's key.
"""

import datetime
import re
import uuid

from django.db import transaction
from django.utils import timezone, translation

from home.models import attach_topics

from . import ical, schedule
from .models import CalendarGeneration, EventFeedEntry, EventListRow, EventOccurrence, EventPage
from .schedule import horizon_days  # noqa: F401  (re-exported for the command)

CANCELLED_VISIBLE = datetime.timedelta(days=30)
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
CHUNK = 500
PAST_VISIBLE = datetime.timedelta(days=90)


def generation():
    """The calendar generation, "<random>-<unix time of the change>", read from its database
    row (one query by primary key; see CalendarGeneration for why not from the cache)."""
    value = CalendarGeneration.objects.filter(pk=1).values_list("value", flat=True).first()
    return value or bump_generation()


def bump_generation():
    value = f"{uuid.uuid4().hex}-{int(timezone.now().timestamp())}"
    if not CalendarGeneration.objects.filter(pk=1).update(value=value):
        # The first change ever (or a flushed database); a concurrent first one may win.
        CalendarGeneration.objects.get_or_create(pk=1, defaults={"value": value})
    return value


def generation_time(value=None):
    """When the last change to any event happened: the time part of the generation."""
    stamp = int((value or generation()).rsplit("-", 1)[1])
    return datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC)


def materialise(page, source=None, until=None):
    """Replace the stored occurrences of `page` (content from `source`, for an alias)."""
    source = source or page
    rows = [
        EventOccurrence(
            event=page,
            start=occ.start,
            end=occ.end,
            all_day=occ.all_day,
            status=occ.status,
            original_start=occ.original_start,
            reason=occ.reason,
        )
        for occ in schedule.occurrences(source, until=until)
    ]
    EventOccurrence.objects.filter(event=page).delete()
    EventOccurrence.objects.bulk_create(rows, batch_size=500)
    return rows


def refresh_rows(keys, models=None):
    """Rewrite the Linked Events list rows (EventListRow) of the events with translation keys
    `keys`: from the occurrences of each one's live page made first, with the latest publish of
    its live pages. `models` (page, occurrence, row) for a migration's historical models."""
    page_model, occurrence_model, row_model = models or (EventPage, EventOccurrence, EventListRow)
    keys = list(set(keys))
    for chunk in (keys[at : at + CHUNK] for at in range(0, len(keys), CHUNK)):
        row_model.objects.filter(translation_key__in=chunk).delete()
        reps, modified = {}, {}
        for page in (
            page_model.objects.filter(translation_key__in=chunk, live=True)
            .order_by("pk")
            .values("pk", "translation_key", "last_published_at", "frequency", "status", "all_day")
        ):
            key = page["translation_key"]
            reps.setdefault(key, page)
            published = page["last_published_at"] or EPOCH
            modified[key] = max(modified.get(key, EPOCH), published)
        by_page = {page["pk"]: page for page in reps.values()}
        rows, dates = [], {}
        for occurrence in (
            occurrence_model.objects.filter(event_id__in=list(by_page))
            .order_by("start")
            .values("event_id", "start", "end", "status", "all_day", "original_start")
        ):
            page = by_page[occurrence["event_id"]]
            key = page["translation_key"]
            row = row_model(
                page_id=page["pk"],
                translation_key=key,
                kind="sub" if page["frequency"] else "single",
                begins=occurrence["start"],
                ends=occurrence["end"],
                modified=modified[key],
                status=occurrence["status"],
                all_day=occurrence["all_day"],
                original=occurrence["original_start"],
            )
            rows.append(row)
            first, last = dates.get(page["pk"], (row.begins, row.ends))
            dates[page["pk"]] = (min(first, row.begins), max(last, row.ends))
        for pk, (first, last) in dates.items():
            page = by_page[pk]
            if page["frequency"]:
                rows.append(
                    row_model(
                        page_id=pk,
                        translation_key=page["translation_key"],
                        kind="super",
                        begins=first,
                        ends=last,
                        modified=modified[page["translation_key"]],
                        status=page["status"],
                        all_day=page["all_day"],
                    )
                )
        row_model.objects.bulk_create(rows, batch_size=CHUNK)


def visible_until(source, changed_at):
    if source.status == EventPage.Status.CANCELLED:
        return changed_at + CANCELLED_VISIBLE
    end = schedule.last_end(source)
    return None if end is None else end + PAST_VISIBLE


def prepare_entry(page, source, entry, now, urls=None):
    """`entry` (or a new one) with the VEVENT text of `page` written, not saved; SEQUENCE grows
    when the fingerprint changes. Topics must be attached (attach_topics) to `source`. `urls`:
    a PageAddresses, for many pages at once."""
    digest = schedule.fingerprint(source)
    if entry is None:
        entry = EventFeedEntry(page=page, sequence=0, fingerprint=digest, changed_at=now)
    elif entry.fingerprint != digest:
        entry.sequence += 1
        entry.fingerprint = digest
        entry.changed_at = now
    entry.published = True
    entry.modified_at = now
    entry.url_path = page.url_path
    entry.visible_until = visible_until(source, entry.changed_at)
    with translation.override(page.locale.language_code):
        url = urls.full_url(page) if urls else page.get_full_url()
        entry.vevent = ical.vevent_text(page, source, url, now, entry.sequence)
    return entry


class PageAddresses:
    """Full addresses of many pages, Wagtail's routing asked once per parent and language, not
    once a page (for refresh_many: an import's thousands of pages share a few parents). A page's
    address is its parent's with its slug appended; where Wagtail's answer for the first page of
    a parent does not end so (no trailing slash, an escaped slug), each page is asked."""

    SLUG_RE = re.compile(r"[a-z0-9_-]+")

    def __init__(self):
        self.prefixes = {}

    def full_url(self, page):
        slug, url_path = page.slug, page.url_path
        if not (self.SLUG_RE.fullmatch(slug) and url_path.endswith(f"/{slug}/")):
            return page.get_full_url()
        key = (translation.get_language(), url_path[: -len(slug) - 1])
        prefix = self.prefixes.get(key)
        if prefix is not None:
            return f"{prefix}{slug}/"
        url = page.get_full_url()
        if url and url.endswith(f"/{slug}/"):
            self.prefixes[key] = url[: -len(slug) - 1]
        return url


def write_entry(page, source=None, now=None):
    """Create or update the feed entry of `page`; SEQUENCE grows when the fingerprint changes."""
    source = source or page
    attach_topics([source])
    entry = EventFeedEntry.objects.filter(page=page).first()
    entry = prepare_entry(page, source, entry, now or timezone.now())
    entry.save()
    return entry


@transaction.atomic
def refresh_event(page, source=None):
    materialise(page, source)
    write_entry(page, source)
    refresh_rows([page.translation_key])


@transaction.atomic
def refresh_many(pages, now=None):
    """`refresh_event` for many pages at once, in a few queries per hundred: for imports
    (calendarsources), where thousands of pages change together. Each page is its own source:
    an alias among them must carry its source's fields, date changes and topics (the importer
    writes its aliases so). The caller bumps the generation."""
    from django.db.models import prefetch_related_objects

    now = now or timezone.now()
    pages = list(pages)
    prefetch_related_objects(pages, "date_changes", "topics")
    attach_topics(pages)
    ids = [page.pk for page in pages]
    rows = []
    for page in pages:
        rows.extend(
            EventOccurrence(
                event=page,
                start=occ.start,
                end=occ.end,
                all_day=occ.all_day,
                status=occ.status,
                original_start=occ.original_start,
            )
            for occ in schedule.occurrences(page, date_changes=page.date_changes.all())
        )
    for chunk in range(0, len(ids), 500):
        EventOccurrence.objects.filter(event_id__in=ids[chunk : chunk + 500]).delete()
    EventOccurrence.objects.bulk_create(rows, batch_size=500)
    entries = {}
    for chunk in range(0, len(ids), 500):
        entries.update(EventFeedEntry.objects.in_bulk(ids[chunk : chunk + 500]))
    new, old = [], []
    urls = PageAddresses()
    for page in pages:
        entry = entries.get(page.pk)
        (old if entry else new).append(prepare_entry(page, page, entry, now, urls))
    EventFeedEntry.objects.bulk_create(new, batch_size=500)
    fields = ["published", "sequence", "fingerprint", "changed_at", "modified_at",
              "visible_until", "url_path", "vevent"]  # fmt: skip
    EventFeedEntry.objects.bulk_update(old, fields, batch_size=500)
    refresh_rows({page.translation_key for page in pages})


def refresh_published(page):
    """After `page` was published: it and its aliases (Wagtail updates those without signals)."""
    refresh_event(page)
    for alias in EventPage.objects.filter(alias_of=page, live=True):
        refresh_event(alias, source=page)
    bump_generation()


def publish_date_changes_in_translations(event, user):
    """The changed dates of `event` (a source page's revision, just published) in each of its
    published translations, at once; returns the translations changed.

    The dates and their changes are synchronised from the Finnish source and cannot be
    translated (EventPage.override_translatable_fields), so wagtail-localize copies them only
    when a translation is next synced; until then a Swedish or English page and feed kept a date
    the Finnish one had cancelled. Aliases need nothing here: Wagtail copies the source into
    them when it is published. A translation gets the changes as wagtail-localize's sync would
    (modelcluster's copy_child_relation) in a revision of its live version, published; a draft
    it has keeps its own edits and gets the changes too. Only translations `user` may publish.
    """
    changed = []
    others = (
        EventPage.objects.filter(translation_key=event.translation_key, live=True)
        .exclude(pk=event.pk)
        .filter(alias_of__isnull=True)
        .select_related("locale")
    )
    for other in others:
        if not other.permissions_for_user(user).can_publish():
            continue
        draft = other.get_latest_revision_as_object() if other.has_unpublished_changes else None
        event.copy_child_relation("date_changes", other)
        other.save_revision(user=user, log_action=True).publish(user=user)
        if draft is not None:
            event.copy_child_relation("date_changes", draft)
            draft.save_revision(user=user, log_action=True)
        changed.append(other)
    return changed


def withdraw(page):
    EventOccurrence.objects.filter(event=page).delete()
    EventFeedEntry.objects.filter(page=page).update(published=False)
    refresh_rows([page.translation_key])
    bump_generation()


def refresh_addresses(page):
    """Rewrite the entries below `page` whose address changed (renamed or moved ancestors)."""
    from django.db.models import F

    stale = (
        EventFeedEntry.objects.filter(page__path__startswith=page.path, published=True)
        .exclude(url_path=F("page__url_path"))
        .values_list("page_id", flat=True)
    )
    ids = list(stale)
    for event in EventPage.objects.filter(pk__in=ids).select_related("locale", "alias_of"):
        source = event.alias_of.specific if event.alias_of_id else event
        write_entry(event, source)
    return len(ids)  # the caller bumps the generation


def refresh_site(site):
    """Rewrite the feed entries of a Site's pages, in every language, after its host name or port
    changed: their URL property carries the Site's address. SEQUENCE stays (no date changed)."""
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()  # whichever post_save receiver runs first
    count = 0
    for home in site.root_page.get_translations(inclusive=True):
        events = EventPage.objects.filter(
            path__startswith=home.path, feed_entry__published=True
        ).select_related("locale", "alias_of")
        for event in events:
            write_entry(event, event.alias_of.specific if event.alias_of_id else event)
            count += 1
    if count:
        bump_generation()
    return count


def extend_horizon():
    """Materialise open-ended repeating events up to the horizon again, and rewrite their
    RRULE's UNTIL to it (run daily); SEQUENCE stays, as their dates did not change."""
    count = 0
    for page in (
        EventPage.objects.live()
        .filter(repeat_until__isnull=True, repeat_count__isnull=True)
        .exclude(frequency="")
        .select_related("locale", "alias_of")
    ):
        source = page.alias_of.specific if page.alias_of_id else page
        refresh_event(page, source)
        count += 1
    if count:
        bump_generation()
    return count


def refresh_entries_using(entry):
    """Rewrite the feed entries of events whose place or organiser is `entry` (any language)."""
    from django.db.models import Q

    key = entry.translation_key
    pages = EventPage.objects.filter(
        Q(place__translation_key=key) | Q(organiser__translation_key=key),
        feed_entry__published=True,
    ).select_related("locale")
    count = 0
    for page in pages:
        source = page.alias_of.specific if page.alias_of_id else page
        write_entry(page, source)
        count += 1
    if count:
        bump_generation()
    return count
