"""One sync of a calendar source: fetch, read, and write the changes to our events in bulk.

Cost: a first sync of thousands of events cannot afford what publishing one page costs (a
revision, treebeard's locking insert, the page_published receivers that rewrite the feed entry,
bump the calendar generation and index the page, one by one). So pages are inserted in bulk
(home.bulk), without revisions; their occurrences and feed texts are written as publishing
writes them (events.services.refresh_event); the search index is updated in one batch and the
calendar generation bumped once, at the end, in the same transaction.

Editors' changes: an imported page that an editor changed (its title, text, times or place
differ from what the last sync wrote) is detached from its source and kept as the editor left
it; the source's later changes no longer reach it. An editor fixes what a volunteer's calendar
got wrong (a place, a typo) and would lose the fix within the hour otherwise.

Removals: an event that disappears from its source is marked cancelled (it stays live, so
every feed carries it as STATUS:CANCELLED and subscribed calendar apps remove it), and is
unpublished 30 days later; it comes back if the source brings it back.
"""

import hashlib
import json
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Page

from events import services
from events.models import EventDateChange, EventPage
from home.bulk import add_child_pages_in_bulk

from . import ics
from .fetch import FetchError, fetch
from .models import CalendarSource, ImportedEvent

logger = logging.getLogger(__name__)

REMOVED_VISIBLE = services.CANCELLED_VISIBLE
PAGE_FIELDS = (
    "title",
    "summary",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "all_day",
    "status",
    "frequency",
    "interval",
    "weekdays",
    "repeat_until",
    "repeat_count",
    "place_id",
    "place_name",
    "organiser_id",
)
MAX_SKIPPED_SHOWN = 50


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    removed: int = 0
    skipped: int = 0
    unchanged: int = 0


def page_digest(page):
    data = [str(getattr(page, name)) for name in PAGE_FIELDS]
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()


def description_blocks(event):
    paragraphs = [part for part in event.description.split("\n\n") if part.strip()]
    blocks = [
        ("paragraph", "<p>" + escape(part.strip()).replace("\n", "<br/>") + "</p>")
        for part in paragraphs
    ]
    if event.url:
        link = escape(event.url)
        blocks.append(("paragraph", f'<p><a href="{link}">{link}</a></p>'))
    return [{"type": kind, "value": value} for kind, value in blocks]


class Places:
    """Directory places by name (case-insensitively) and by coordinates (within about 100 m)."""

    def __init__(self):
        from wagtail.models import Locale

        from directory.models import Place

        rows = Place.objects.filter(live=True, locale=Locale.get_default()).values_list(
            "pk", "name", "latitude", "longitude"
        )
        self.by_name, self.by_point = {}, []
        for pk, name, lat, lon in rows:
            self.by_name.setdefault(name.strip().lower(), pk)
            if lat is not None and lon is not None:
                self.by_point.append((float(lat), float(lon), pk))

    def match(self, location, lat, lon):
        if location:
            candidates = [location, location.split(",")[0]]
            for name in candidates:
                pk = self.by_name.get(name.strip().lower())
                if pk:
                    return pk
        if lat is not None and lon is not None:
            for plat, plon, pk in self.by_point:
                if abs(plat - lat) < 0.001 and abs(plon - lon) < 0.002:
                    return pk
        return None


def page_values(source, event, places):
    values = dict(event.fields)
    values["place_id"] = places.match(event.location, values["latitude"], values["longitude"])
    values["place_name"] = "" if values["place_id"] else event.location[:200]
    if not values["place_id"] and not event.location and source.default_place_id:
        values["place_id"] = source.default_place_id
    if values["place_id"]:
        values["latitude"] = values["longitude"] = None  # the directory's place has its own
    values["organiser_id"] = source.organiser_id
    if source.organiser_id:
        values["organiser_name"] = ""
    return values


def apply(page, values, event):
    for name, value in values.items():
        setattr(page, name, value)
    page.draft_title = page.title
    page.description = json.dumps(description_blocks(event))


def change_rows(page, event):
    return [
        EventDateChange(page_id=page.pk, sort_order=number, **change)
        for number, change in enumerate(event.date_changes)
    ]


def store(source, events, now):
    """Write `events` (ImportEvents) below the source's calendar; returns Counts."""
    from search import indexing

    counts = Counts()
    calendar = source.calendar
    mappings = {m.uid: m for m in ImportedEvent.objects.filter(source=source)}
    places = Places()
    topic_ids = sorted(source.topics.values_list("pk", flat=True))
    # The source's own settings go into every event's digest: a change re-applies them.
    settings_key = f"{topic_ids}:{source.organiser_id}:{source.default_place_id}"
    new, changed = [], []
    seen = set()
    for event in events:
        seen.add(event.uid)
        mapping = mappings.get(event.uid)
        digest = hashlib.sha256((event.digest + settings_key).encode()).hexdigest()
        if mapping is None:
            new.append((event, digest))
        elif mapping.detached or (mapping.digest == digest and mapping.removed_at is None):
            counts.unchanged += 1
        else:
            changed.append((event, digest, mapping))

    refresh = []
    # New events: pages in bulk below the calendar.
    pages = []
    for event, _digest in new:
        page = EventPage(slug=ics.slug_for(source.pk, event.uid, event.fields["title"]))
        apply(page, page_values(source, event, places), event)
        page.locale = calendar.locale
        pages.append(page)
    add_child_pages_in_bulk(calendar, pages, live=source.publish)
    ImportedEvent.objects.bulk_create(
        [
            ImportedEvent(
                source=source,
                uid=event.uid,
                page=page,
                digest=digest,
                page_digest=page_digest(page),
            )  # fmt: skip
            for (event, digest), page in zip(new, pages, strict=True)
        ],
        batch_size=500,
    )
    EventDateChange.objects.bulk_create(
        [
            row
            for (event, _d), page in zip(new, pages, strict=True)
            for row in change_rows(page, event)
        ],
        batch_size=500,
    )
    EventPage.topics.through.objects.bulk_create(
        [
            EventPage.topics.through(eventpage_id=page.pk, topic_id=t)
            for page in pages
            for t in topic_ids
        ],
        batch_size=500,
    )
    counts.new = len(pages)
    refresh.extend(page for page in pages if page.live)

    # Changed events: the page updated unless an editor changed it since the last sync.
    if changed:
        by_id = EventPage.objects.select_related("locale").in_bulk(
            [mapping.page_id for _e, _d, mapping in changed]
        )
        for event, digest, mapping in changed:
            page = by_id.get(mapping.page_id)
            if page is None:
                continue
            if mapping.page_digest and page_digest(page) != mapping.page_digest:
                mapping.detached = True
                mapping.save(update_fields=["detached"])
                counts.unchanged += 1
                continue
            apply(page, page_values(source, event, places), event)
            # The page's own fields, and the title in the tree row: no revision, no signals.
            page.save_base(raw=True)
            Page.objects.filter(pk=page.pk).update(title=page.title, draft_title=page.title)
            EventDateChange.objects.filter(page_id=page.pk).delete()
            EventDateChange.objects.bulk_create(change_rows(page, event))
            # Not page.topics.set(): on a ClusterableModel that waits for a save() we skip.
            topics = EventPage.topics.through.objects
            topics.filter(eventpage_id=page.pk).delete()
            topics.bulk_create([topics.model(eventpage_id=page.pk, topic_id=t) for t in topic_ids])
            if mapping.removed_at is not None and source.publish and not page.live:
                EventPage.objects.filter(pk=page.pk).update(live=True)
                page.live = True
            mapping.digest, mapping.removed_at = digest, None
            mapping.page_digest = page_digest(page)
            mapping.save(update_fields=["digest", "removed_at", "page_digest"])
            counts.updated += 1
            if page.live:
                refresh.append(page)

    # Removed events: cancelled now, unpublished after 30 days.
    gone = [m for uid, m in mappings.items() if uid not in seen and not m.detached]
    just_gone = [m for m in gone if m.removed_at is None]
    if just_gone:
        ids = [m.page_id for m in just_gone]
        EventPage.objects.filter(pk__in=ids).update(status=EventPage.Status.CANCELLED)
        ImportedEvent.objects.filter(pk__in=[m.pk for m in just_gone]).update(removed_at=now)
        for page in EventPage.objects.filter(pk__in=ids, live=True).select_related("locale"):
            refresh.append(page)
        # The status is the sync's, not an editor's: the page stays attached.
        for page in EventPage.objects.filter(pk__in=ids):
            ImportedEvent.objects.filter(page=page).update(page_digest=page_digest(page))
        counts.removed = len(just_gone)
    expired = [m.page_id for m in gone if m.removed_at and m.removed_at < now - REMOVED_VISIBLE]
    expired_pages = list(EventPage.objects.filter(pk__in=expired, live=True))
    if expired_pages:
        EventPage.objects.filter(pk__in=[p.pk for p in expired_pages]).update(live=False)
        for page in expired_pages:
            services.withdraw(page)
        indexing.remove(expired_pages)

    services.refresh_many(refresh, now=now)
    if refresh:
        indexing.update(*refresh)
    if refresh or expired_pages:
        services.bump_generation()
    return counts


def record(source, counts=None, error="", skipped=(), now=None, fetched=None):
    now = now or timezone.now()
    source.last_attempt_at = now
    if error:
        source.last_error = error
        source.schedule_next(failed=True, now=now)
    else:
        source.last_error = ""
        source.last_synced_at = now
        source.schedule_next(failed=False, now=now)
    if counts is not None:
        source.count_new = counts.new
        source.count_updated = counts.updated
        source.count_removed = counts.removed
        source.count_skipped = len(skipped)
        source.skipped_details = "\n".join(
            f"{uid or '?'}: {reason}" for uid, reason in list(skipped)[:MAX_SKIPPED_SHOWN]
        )
    if fetched is not None and not error:
        source.etag, source.last_modified = fetched.etag, fetched.last_modified
    source.save()


def sync_source(source, now=None):
    """Sync one source; never raises for what a source does (the error is recorded on it)."""
    now = now or timezone.now()
    with translation.override("fi"):  # errors are kept in the editors' language
        try:
            fetched = fetch(source.url, source.etag, source.last_modified)
        except FetchError as error:
            record(source, error=str(error.message), now=now)
            return None
        if fetched.not_modified:
            # Nothing changed: the counts and skipped events of the last real sync stand.
            record(source, now=now, fetched=fetched)
            return Counts()
        # With the week (events kept as dated occurrences move on with the window) and the
        # source's own settings (a new topic must reach its events).
        year, week, _day = timezone.localdate(now).isocalendar()
        topics = sorted(source.topics.values_list("pk", flat=True))
        settings_key = f"{year}-{week}:{topics}:{source.organiser_id}:{source.default_place_id}"
        digest = hashlib.sha256(fetched.content + settings_key.encode()).hexdigest()
        if digest == source.content_digest and not source.last_error:
            record(source, now=now, fetched=fetched)
            return Counts()
        try:
            calendar = ics.parse_calendar(fetched.content)
        except ValueError as error:
            record(source, error=_("The address did not give a calendar (%s).") % str(error)[:200],
                   now=now)  # fmt: skip
            return None
        try:
            reader = ics.Reader(calendar)
            events = reader.events()
            with transaction.atomic():
                counts = store(source, events, now)
        except Exception as error:
            logger.exception("calendar source %s failed", source.pk)
            record(source, error=_("The sync failed: %s") % str(error)[:300], now=now)
            return None
        source.content_digest = digest
        record(source, counts, skipped=reader.skipped, now=now, fetched=fetched)
        return counts


def sync_due(now=None):
    """Sync every source that is due (in use, and its next sync time passed); one failing source
    does not stop the others. Returns how many were synced."""
    from django.db.models import Q

    now = now or timezone.now()
    due = CalendarSource.objects.filter(enabled=True).filter(
        Q(next_sync_at__isnull=True) | Q(next_sync_at__lte=now)
    )
    count = 0
    for source in due.select_related("calendar"):
        sync_source(source, now=now)
        count += 1
    return count
