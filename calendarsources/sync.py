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

Languages and moderation: see Writer (each event in fi, sv and en; a moderated source's events
in the village's workflow) and signals.py (an approval).

Removals: an event that disappears from its source is marked cancelled (it stays live, so
every feed carries it as STATUS:CANCELLED and subscribed calendar apps remove it), and is
unpublished 30 days later; it comes back if the source brings it back.
"""

import hashlib
import json
import logging
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Page

from events import services
from events.models import EventDateChange, EventPage
from home.bulk import add_child_pages_in_bulk
from home.models import Topic

from . import ics, linked
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
# Events kept from one source (settings.CALENDAR_SOURCES_MAX_EVENTS overrides it).
MAX_EVENTS = 5000


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


def description_blocks(description, url):
    paragraphs = [part for part in description.split("\n\n") if part.strip()]
    blocks = [
        ("paragraph", "<p>" + escape(part.strip()).replace("\n", "<br/>") + "</p>")
        for part in paragraphs
    ]
    if url:
        link = escape(url)
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


ADDRESS_FIELDS = ("street_address", "postal_code", "address_locality")


def page_values(source, event, places):
    values = dict(event.fields)
    values["place_id"] = places.match(event.location, values["latitude"], values["longitude"])
    values["place_name"] = "" if values["place_id"] else event.location[:200]
    if not values["place_id"] and not event.location and source.default_place_id:
        values["place_id"] = source.default_place_id
    for name in ("latitude", "longitude"):
        if values[name] is not None:  # as the field keeps it (a float would fail validation)
            values[name] = Decimal(str(values[name])).quantize(Decimal("0.000001"))
    if values["place_id"]:
        values["latitude"] = values["longitude"] = None  # the directory's place has its own
        for name in ADDRESS_FIELDS:
            if name in values:
                values[name] = ""
    values["organiser_id"] = source.organiser_id
    if source.organiser_id:
        values["organiser_name"] = ""
    return values


def apply(page, values, event, language=None):
    """Write the event's fields on `page`; for a translation (`language`), its own texts."""
    for name, value in values.items():
        setattr(page, name, value)
    texts = event.translations.get(language) if language else None
    if texts:
        page.title, page.summary = texts["title"], texts["summary"]
        if "price" in values:
            page.price, page.registration_url = texts["price"], texts["registration_url"]
        page.description = json.dumps(description_blocks(texts["description"], texts["url"]))
    else:
        page.description = json.dumps(description_blocks(event.description, event.url))
    page.draft_title = page.title


def change_rows(page, event):
    return [
        EventDateChange(page_id=page.pk, sort_order=number, **change)
        for number, change in enumerate(event.date_changes)
    ]


def edited_by_editor(page):
    """An editor saved a revision of the page (the importer's revisions have no user)."""
    revision = page.latest_revision
    return revision is not None and revision.user_id is not None


class Writer:
    """Writes one sync's events below the source's calendar, in Finnish and in the languages
    wagtail-localize keeps in step with it (LocaleSynchronization): a page with the source's own
    texts in that language (Linked Events') is a translation, any other an alias of the Finnish
    page, as wagtail-localize makes for a page made in the admin. A moderated source's new and
    changed events go to the village's moderation workflow (home.roles)."""

    def __init__(self, source, now):
        self.source = source
        self.now = now
        self.calendar = source.calendar
        self.moderate = not source.publish
        self.places = Places()
        self.topic_ids = sorted(source.topics.values_list("pk", flat=True))
        self.refresh = []
        self.submit = []  # pages whose new revision goes to the workflow
        self._calendars = None
        self._workflow = False

    # The calendar in other languages, and the workflow: looked up once, when needed.

    def calendars(self):
        """{language code: the calendar's page in that language}, made as aliases (with their
        parents) when missing, as wagtail-localize does for a page made in the admin."""
        if self._calendars is None:
            from wagtail.models import Locale
            from wagtail_localize.models import LocaleSynchronization

            locales = Locale.objects.filter(
                pk__in=LocaleSynchronization.objects.filter(
                    sync_from_id=self.calendar.locale_id
                ).values("locale_id")
            )
            self._calendars = {}
            for locale in locales:
                page = self.calendar.get_translation_or_none(locale)
                if page is None:
                    page = self.calendar.copy_for_translation(locale, copy_parents=True, alias=True)
                self._calendars[locale.language_code] = page
        return self._calendars

    def workflow(self):
        """The moderation workflow of the calendar's village (made if missing), or the one an
        administrator set above the calendar; None for a region's calendar without one."""
        if self._workflow is False:
            from home.models import VillagePage
            from home.roles import ensure_village_workflow

            self._workflow = self.calendar.get_workflow()
            if self._workflow is None:
                village = VillagePage.objects.ancestor_of(self.calendar).first()
                self._workflow = ensure_village_workflow(village) if village else None
        return self._workflow

    # Writing

    def create(self, new):
        """New events: pages in bulk below the calendar, and below its other languages'."""
        pages = []
        for event, _digest in new:
            page = EventPage(slug=ics.slug_for(self.source.pk, event.uid, event.fields["title"]))
            apply(page, page_values(self.source, event, self.places), event)
            page.locale = self.calendar.locale
            pages.append(page)
        live = self.source.publish
        add_child_pages_in_bulk(self.calendar, pages, live=live)
        written = [(page, event) for page, (event, _d) in zip(pages, new, strict=True)]
        for code, calendar in (self.calendars() if pages else {}).items():
            others = []
            locale = calendar.locale  # one query, not one per page when its feed entry is written
            for page, (event, _digest) in zip(pages, new, strict=True):
                other = EventPage(translation_key=page.translation_key, locale=locale)
                apply(other, page_values(self.source, event, self.places), event, code)
                if event.translations.get(code):
                    other.slug = ics.slug_for(self.source.pk, event.uid, other.title)
                else:
                    other.slug, other.alias_of_id = page.slug, page.pk
                others.append(other)
            add_child_pages_in_bulk(calendar, others, live=live)
            written.extend((other, event) for other, (event, _d) in zip(others, new, strict=True))
        EventDateChange.objects.bulk_create(
            [row for page, event in written for row in change_rows(page, event)], batch_size=500
        )
        EventPage.topics.through.objects.bulk_create(
            [
                EventPage.topics.through(eventpage_id=page.pk, topic_id=t)
                for page, _event in written
                for t in self.topic_ids
            ],
            batch_size=500,
        )
        if live:
            self.refresh.extend(page for page, _event in written)
        else:
            # Drafts: a revision each (what the editor opens and approves; the translations
            # are published with their Finnish page, see signals.py); aliases follow their
            # Finnish page when it is published (Wagtail's update_aliases).
            self.revise([page for page, _event in written if not page.alias_of_id])
            self.submit.extend(pages)
        return pages

    def update(self, page, event, language=None):
        """Write a changed event on its page (Finnish, or another language's)."""
        values = page_values(self.source, event, self.places)
        apply(page, values, event, language)
        if self.moderate and page.live:
            # The live page stays as it is until the change is approved: a revision only (an
            # alias follows its Finnish page then).
            if not page.alias_of_id:
                page.date_changes = [
                    EventDateChange(**change, sort_order=number)
                    for number, change in enumerate(event.date_changes)
                ]
                page.topics = self.topics()
                self.revise([page])
            return
        # The page's own fields, and the title in the tree row: no revision, no signals.
        page.save_base(raw=True)
        Page.objects.filter(pk=page.pk).update(
            title=page.title, draft_title=page.title, alias_of_id=page.alias_of_id
        )
        EventDateChange.objects.filter(page_id=page.pk).delete()
        EventDateChange.objects.bulk_create(change_rows(page, event))
        # Not page.topics.set(): on a ClusterableModel that waits for a save() we skip.
        topics = EventPage.topics.through.objects
        topics.filter(eventpage_id=page.pk).delete()
        topics.bulk_create([topics.model(eventpage_id=page.pk, topic_id=t) for t in self.topic_ids])
        if self.moderate and not page.alias_of_id:
            self.revise([page])
        if page.live:
            self.refresh.append(page)

    def topics(self):
        if not hasattr(self, "_topics"):
            self._topics = list(Topic.objects.filter(pk__in=self.topic_ids))
        return self._topics

    def revise(self, pages):
        for page in pages:
            page.save_revision(clean=False)

    def start_workflows(self):
        workflow = self.workflow() if self.submit else None
        if workflow is None:
            return
        for page in self.submit:
            state = page.current_workflow_state
            if state is not None:
                state.cancel()
            workflow.start(page, None)


def expire_removed(source, now, page_ids=None):
    """Unpublish (in every language) the source's events that disappeared from it more than
    REMOVED_VISIBLE ago (or those of `page_ids`, which store() knows without asking); returns
    the pages unpublished. Run on every sync, an unchanged answer (304, or the same bytes)
    included: a removed event's 30 days run out while nothing changes."""
    from search import indexing

    if page_ids is None:
        page_ids = ImportedEvent.objects.filter(
            source=source, detached=False, removed_at__lt=now - REMOVED_VISIBLE
        ).values("page_id")
    elif not page_ids:
        return []
    keys = EventPage.objects.filter(pk__in=page_ids).values("translation_key")
    pages = list(EventPage.objects.filter(translation_key__in=keys, live=True))
    if pages:
        with transaction.atomic():
            EventPage.objects.filter(pk__in=[p.pk for p in pages]).update(live=False)
            for page in pages:
                services.withdraw(page)
            indexing.remove(pages)
            services.bump_generation()
    return pages


def store(source, events, now, complete=True, postponed=(), kept=()):
    """Write `events` (ImportEvents) below the source's calendar; returns Counts. Without
    `complete` (a capped answer), events not in it are not taken for removed; `postponed` are
    ids of events that keep their dates, marked postponed; `kept` ids of events left out of
    this sync (over the cap), not taken for removed."""
    from search import indexing

    counts = Counts()
    writer = Writer(source, now)
    mappings = {m.uid: m for m in ImportedEvent.objects.filter(source=source)}
    # The source's own settings go into every event's digest: a change re-applies them.
    settings_key = f"{writer.topic_ids}:{source.organiser_id}:{source.default_place_id}"
    new, changed = [], []
    seen = set(postponed) | set(kept)
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

    pages = writer.create(new)
    ImportedEvent.objects.bulk_create(
        [
            ImportedEvent(
                source=source,
                uid=event.uid,
                page=page,
                digest=digest,
                page_digest=page_digest(page),
                revision_id=page.latest_revision_id,
            )  # fmt: skip
            for (event, digest), page in zip(new, pages, strict=True)
        ],
        batch_size=500,
    )
    counts.new = len(pages)

    # Changed events: the page updated unless an editor changed it since the last sync.
    if changed:
        by_id = EventPage.objects.select_related("locale", "latest_revision").in_bulk(
            [mapping.page_id for _e, _d, mapping in changed]
        )
        keys = [page.translation_key for page in by_id.values()]
        others = {}
        for other in (
            EventPage.objects.filter(translation_key__in=keys)
            .exclude(locale_id=source.calendar.locale_id)
            .select_related("locale", "latest_revision")
        ):
            others.setdefault(other.translation_key, []).append(other)
        for event, digest, mapping in changed:
            page = by_id.get(mapping.page_id)
            if page is None:
                continue
            if edited_by_editor(page) or (
                mapping.page_digest and page_digest(page) != mapping.page_digest
            ):
                mapping.detached = True
                mapping.save(update_fields=["detached"])
                counts.unchanged += 1
                continue
            writer.update(page, event)
            for other in others.get(page.translation_key, []):
                code = other.locale.language_code
                if edited_by_editor(other):
                    continue  # translated or changed by an editor: theirs
                if event.translations.get(code):
                    other.alias_of_id = None
                elif other.alias_of_id is None:
                    continue  # an editor's translation (wagtail-localize's)
                writer.update(other, event, code)
            if mapping.removed_at is not None and source.publish and not page.live:
                revived = [page, *others.get(page.translation_key, [])]
                EventPage.objects.filter(pk__in=[p.pk for p in revived]).update(live=True)
                for revived_page in revived:
                    revived_page.live = True
                    writer.refresh.append(revived_page)
            if writer.moderate:
                writer.submit.append(page)
            mapping.digest, mapping.removed_at = digest, None
            if not (writer.moderate and page.live):
                mapping.page_digest = page_digest(page)
            mapping.revision_id = page.latest_revision_id if writer.moderate else None
            mapping.save(update_fields=["digest", "removed_at", "page_digest", "revision_id"])
            counts.updated += 1

    # Removed events (in every language): cancelled now, unpublished after 30 days; postponed
    # events without a date yet keep theirs, marked postponed.
    gone = [m for uid, m in mappings.items() if uid not in seen and not m.detached]
    if not complete:
        gone = []
    just_gone = [m for m in gone if m.removed_at is None]
    now_postponed = [m for uid, m in mappings.items() if uid in postponed and not m.detached]
    for marked, status in ((just_gone, EventPage.Status.CANCELLED),
                           (now_postponed, EventPage.Status.POSTPONED)):  # fmt: skip
        if not marked:
            continue
        keys = EventPage.objects.filter(pk__in=[m.page_id for m in marked]).values(
            "translation_key"
        )
        family = EventPage.objects.filter(translation_key__in=keys)
        family.exclude(status=status).update(status=status)
        writer.refresh.extend(family.filter(live=True).select_related("locale"))
        # The status is the sync's, not an editor's: the page stays attached.
        for page in EventPage.objects.filter(pk__in=[m.page_id for m in marked]):
            ImportedEvent.objects.filter(page=page).update(page_digest=page_digest(page))
    if just_gone:
        ImportedEvent.objects.filter(pk__in=[m.pk for m in just_gone]).update(removed_at=now)
        counts.removed = len(just_gone)
    cutoff = now - REMOVED_VISIBLE
    expired_pages = expire_removed(
        source, now, [m.page_id for m in gone if m.removed_at and m.removed_at < cutoff]
    )

    refresh = list({page.pk: page for page in writer.refresh}.values())
    services.refresh_many(refresh, now=now)
    if refresh:
        indexing.update(*refresh)
    if refresh or expired_pages:
        services.bump_generation()
    writer.start_workflows()
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


def content_digest(source, content, now):
    """The digest of a source's answer, with the week (events kept as dated occurrences move
    on with the window) and the source's own settings (a new topic must reach its events)."""
    year, week, _day = timezone.localdate(now).isocalendar()
    topics = sorted(source.topics.values_list("pk", flat=True))
    settings_key = f"{year}-{week}:{topics}:{source.organiser_id}:{source.default_place_id}"
    return hashlib.sha256(content + settings_key.encode()).hexdigest()


def sync_source(source, now=None):
    """Sync one source; never raises for what a source does (the error is recorded on it)."""
    now = now or timezone.now()
    with translation.override("fi"):  # errors are kept in the editors' language
        if source.kind == CalendarSource.Kind.LINKED_EVENTS:
            return sync_linked_events(source, now)
        try:
            fetched = fetch(source.url, source.etag, source.last_modified)
        except FetchError as error:
            record(source, error=str(error.message), now=now)
            return None
        if fetched.not_modified:
            # Nothing changed: the counts and skipped events of the last real sync stand.
            expire_removed(source, now)
            record(source, now=now, fetched=fetched)
            return Counts()
        digest = content_digest(source, ics.without_stamps(fetched.content), now)
        if digest == source.content_digest and not source.last_error:
            expire_removed(source, now)
            record(source, now=now, fetched=fetched)
            return Counts()
        try:
            calendar = ics.parse_calendar(fetched.content)
        except ValueError as error:
            record(source, error=_("The address did not give a calendar (%s).") % str(error)[:200],
                   now=now)  # fmt: skip
            return None
        reader = ics.Reader(calendar)
        return write(source, reader, digest, now, fetched=fetched)


def sync_linked_events(source, now):
    """A Linked Events query, page by page (calendarsources.linked); the pages' bodies are
    compared as a whole (an unchanged answer costs no parsing)."""
    today = timezone.localdate(now)
    try:
        data, complete, body_digest = linked.fetch_all(linked.query_url(source, today))
    except FetchError as error:
        record(source, error=str(error.message), now=now)
        return None
    digest = content_digest(source, body_digest.encode(), now)
    if digest == source.content_digest and not source.last_error:
        expire_removed(source, now)
        record(source, now=now)
        return Counts()
    reader = linked.Reader(data, today)
    return write(source, reader, digest, now, complete=complete)


def cap(events, skipped):
    """The first CALENDAR_SOURCES_MAX_EVENTS events, and those over it (added to `skipped`, the
    reason in the editors' language): one source cannot fill the calendar, or a sync's time.
    Those already imported are left as they are, not taken for removed."""
    limit = getattr(settings, "CALENDAR_SOURCES_MAX_EVENTS", MAX_EVENTS)
    over = events[limit:]
    reason = _("The source has more than %(limit)s events; only the first %(limit)s are imported.")
    skipped.extend((event.uid, reason % {"limit": limit}) for event in over)
    return events[:limit], over


def write(source, reader, digest, now, fetched=None, complete=True):
    try:
        events = reader.events()
        skipped = list(reader.skipped)
        events, over = cap(events, skipped)
        with transaction.atomic():
            counts = store(
                source, events, now, complete=complete,
                postponed=getattr(reader, "postponed", ()), kept=[e.uid for e in over],
            )  # fmt: skip
    except Exception as error:
        logger.exception("calendar source %s failed", source.pk)
        record(source, error=_("The sync failed: %s") % str(error)[:300], now=now)
        return None
    source.content_digest = digest
    record(source, counts, skipped=skipped, now=now, fetched=fetched)
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
