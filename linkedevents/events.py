"""Events as Linked Events has them: one object per event in every language, and for a repeating
event a super event (`super_event_type: "recurring"`) with one sub event per date.

An event is a group of public event pages of the region sharing a translation key; its schedule
is read from one of them, the representative (the one made first among the public ones: the
Finnish source unless only a translation is public). Dates come from the materialised
occurrences (events.models.EventOccurrence) of the representative, so a list is two indexed
queries over a union of

- occurrences: a one-off event (its only date) or a sub event (one date of a repeating event),
- repeating representatives: the super events, spanning their first to last date,

filtered, sorted and sliced in the database; the rows of a page are then loaded in a fixed number
of queries whatever their number (tests/linkedevents/test_api.py::test_queries_*), the event
pages as plain values rather than page objects (page_rows).
"""

import datetime
import json
from types import SimpleNamespace

from django.db.models import (
    Case,
    CharField,
    DateTimeField,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale

from events.models import EventListRow, EventOccurrence, EventPage
from events.schedule import DAY, TZ, Location
from home.models import Topic
from home.site_urls import absolute_url, page_url_maker

from . import describe, ids, translations

STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
}
SORT_COLUMNS = {"start_time": "begins", "end_time": "ends", "last_modified_time": "modified"}
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
# An event's image in the API: the rendition its page shows (templates/events/event_page.html).
IMAGE_SPEC = "width-960"


# The fields of an event page that the writer reads, as plain values: the 50 to 90 Wagtail page
# objects of a list of 100 (Django's and modelcluster's set-up of every field of every page)
# took most of the time of writing it. With them, what the page refers to (page_rows).
PAGE_FIELDS = ["pk", "translation_key", "locale_id", "alias_of_id", "path", "url_path", "title",
               "summary", "description", "price", "registration_url", "is_free", "status",
               "all_day", "first_published_at", "last_published_at", "place_id", "place_name",
               "street_address", "postal_code", "address_locality", "latitude", "longitude",
               "organiser_id", "organiser_name", "image_id", "image_alt"]  # fmt: skip
PAGE_REFERENCES = {
    "language_code": F("locale__language_code"),
    "place_key": F("place__translation_key"),
    "organiser_key": F("organiser__translation_key"),
}


def page_rows(pages):
    """`pages` as rows with the attributes of PAGE_FIELDS, the translation keys of their place and
    organiser (`place_key`, `organiser_key`) and their `locale` (its id and language code)."""
    locales = {}
    rows = []
    for values in pages.values(*PAGE_FIELDS, **PAGE_REFERENCES):
        code = values.pop("language_code")
        if code not in locales:
            locales[code] = Locale(pk=values["locale_id"], language_code=code)
        rows.append(SimpleNamespace(locale=locales[code], **values))
    return rows


def images_of(pages):
    """{id: image} of the images of `pages`, each with the API's rendition prefetched (if made):
    two queries."""
    numbers = {page.image_id for page in pages if page.image_id}
    if not numbers:
        return {}
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=IMAGE_SPEC)
    images = get_image_model().objects.filter(pk__in=numbers)
    return {
        image.pk: image for image in images.prefetch_related(Prefetch("renditions", renditions))
    }


def topic_keys_of(pages):
    """{page id: the translation keys of its topics, in the topics' order} of `pages`."""
    through = EventPage.topics.through.objects.filter(eventpage_id__in=[page.pk for page in pages])
    rows = through.order_by("topic_id").values_list("eventpage_id", "topic__translation_key")
    found = {}
    for page, key in rows:
        found.setdefault(page, []).append(key)
    return found


def representatives(region):
    """The representative page of every public event of the region."""
    events = region.events
    first = events.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    return events.filter(pk=Subquery(first.values("pk")[:1]))


def group_modified(region, key_ref, needed=True):
    """When any public page of the event was last published (a translation counts).

    A subquery for every row (over 20,000 at 10,000 events): asked for only by the sort and the
    filter that need it (the writer reads the times from the pages of the rows it writes)."""
    if not needed:
        return Value(EPOCH, output_field=DateTimeField())
    group = (
        region.events.filter(translation_key=OuterRef(key_ref))
        .order_by()
        .values("translation_key")
        .annotate(latest=Max("last_published_at"))
        .values("latest")[:1]
    )
    return Coalesce(Subquery(group, output_field=DateTimeField()), Value(EPOCH))


def occurrence_rows(region, reps, modified=True):
    kind = Case(
        When(event__frequency="", then=Value("single")),
        default=Value("sub"),
        output_field=CharField(),
    )
    return EventOccurrence.objects.filter(event__in=reps.values("pk")).annotate(
        kind=kind,
        page=F("event_id"),
        key=F("event__translation_key"),
        occ=F("id"),
        begins=F("start"),
        ends=F("end"),
        modified=group_modified(region, "event__translation_key", modified),
        # The row's own columns under other names: the union's columns are all annotations.
        row_status=F("status"),
        row_all_day=F("all_day"),
        original=F("original_start"),
    )


def super_rows(region, reps, modified=True):
    dates = EventOccurrence.objects.filter(event=OuterRef("pk")).order_by()
    first = dates.values("event").annotate(v=Min("start")).values("v")[:1]
    last = dates.values("event").annotate(v=Max("end")).values("v")[:1]
    return (
        reps.exclude(frequency="")
        .annotate(
            kind=Value("super", output_field=CharField()),
            page=F("pk"),
            key=F("translation_key"),
            occ=Value(None, output_field=IntegerField()),
            begins=Subquery(first, output_field=DateTimeField()),
            ends=Subquery(last, output_field=DateTimeField()),
            modified=group_modified(region, "translation_key", modified),
            row_status=F("status"),
            row_all_day=F("all_day"),
            original=Value(None, output_field=DateTimeField()),
        )
        .filter(begins__isnull=False)
    )


def narrow_events(region, reps, data):
    """`reps` narrowed by the filters that concern the event rather than one date."""
    from .directory import listed_associations, org_paths

    if data.get("keyword"):
        keys = ids.keys_of(Topic, data["keyword"])
        tagged = EventPage.topics.through.objects.filter(topic__translation_key__in=keys)
        reps = reps.filter(pk__in=tagged.values("eventpage_id"))
    if data.get("location"):
        keys = ids.keys_of(region.places().model, data["location"])
        places = region.places().filter(translation_key__in=keys)
        reps = reps.filter(place__translation_key__in=places.values("translation_key"))
    if data.get("publisher"):
        condition = Q(pk__in=[])
        for path in org_paths(region, data["publisher"]):
            condition |= Q(path__startswith=path)
        # An association's events: those it runs (their `publisher`, EventWriter).
        if any(prefix == ids.ASSOCIATION for prefix, _number in data["publisher"]):
            organisers = listed_associations(data["publisher"])
            condition |= Q(organiser__translation_key__in=organisers)
        reps = reps.filter(condition)
    if data.get("text"):
        matching = region.events.filter(text_condition(data["text"]))
        reps = reps.filter(translation_key__in=matching.values("translation_key"))
    return reps


def text_condition(value):
    """Linked Events' `text`: in the name, the short description, the description or the place.

    The description is matched in its stored stream (JSON), where SQLite keeps a letter such as
    ä as json's escape of it (\\u00e4) and PostgreSQL as itself: both forms are looked for.
    As in Linked Events, where the description's HTML is searched, markup can match too (here
    also the stream's keys, such as "paragraph")."""
    condition = Q(title__icontains=value) | Q(summary__icontains=value)
    condition |= Q(place_name__icontains=value)
    for form in {value, json.dumps(value)[1:-1]}:
        condition |= Q(description__icontains=form)
    return condition


def narrow_dates(rows, data):
    """Linked Events' date filters on a part of the union: `start` keeps what has not ended by
    then (a postponed event too, when no `end` is given), `end` what has begun by then."""
    start, end = data.get("start"), data.get("end")
    if data.get("days"):
        today = timezone.localdate()
        start = datetime.datetime.combine(today, datetime.time(), tzinfo=TZ)
        end = start + (data["days"] + 1) * DAY
    if start:
        condition = Q(ends__gt=start) | Q(begins__gte=start)
        if not end:
            condition |= Q(row_status="postponed")
        rows = rows.filter(condition)
    if end:
        rows = rows.filter(begins__lt=end)
    if data.get("last_modified_since"):
        rows = rows.filter(modified__gte=data["last_modified_since"])
    return rows


def parts(data):
    """Which parts of the union the recurrence filters leave, and how occurrences are narrowed:
    ("single", "sub" and "super" kinds)."""
    kinds = {"single", "sub", "super"}
    if data.get("recurring") == "super":
        kinds &= {"super"}
    elif data.get("recurring") == "sub":
        kinds -= {"super"}
    if data.get("super_event_type"):
        wanted = set()
        if "recurring" in data["super_event_type"]:
            wanted |= {"super"}
        if data["super_event_type"] & {"none", "null"}:
            wanted |= {"single", "sub"}
        kinds &= wanted
    return kinds


def event_rows(region, data, counting=False):
    """The rows of the event list (dicts of values_names()), filtered and sorted, not yet sliced;
    for `counting` them, without the columns only the sort needs.

    Read from the stored rows (events.models.EventListRow) of the events whose live pages in the
    region the public may all see, and worked out from the pages, as the stored rows are made,
    for the few others (a live page below a view restriction, an alias of an unpublished page):
    their representative and time are those of their public pages only."""
    kinds = parts(data)
    super_event = data.get("super_event")
    if super_event and None not in super_event:
        kinds -= {"super"}
    sort = data.get("sort") or "-last_modified_time"
    unlisted = region.unlisted_events
    querysets = []
    if kinds:
        querysets.append(stored_rows(region, data, kinds, unlisted))
    if kinds and unlisted:
        reps = representatives(region).filter(translation_key__in=unlisted)
        querysets += computed_rows(region, narrow_events(region, reps, data), data, kinds, counting)
    if not querysets:
        # The recurrence filters leave no kind of row (recurring=super&super_event_type=none):
        # nothing, with the columns a list is sorted and counted by.
        querysets = [stored_rows(region, data, {"single", "sub", "super"}, unlisted).none()]
    values = [qs.order_by().values(*values_names()) for qs in querysets]
    union = values[0].union(*values[1:], all=True) if len(values) > 1 else values[0]
    if counting:
        return union
    column = SORT_COLUMNS[sort.lstrip("-")]
    descending = sort.startswith("-")
    order = [f"-{column}" if descending else column]
    order += ["-page" if descending else "page", "begins"]
    return union.order_by(*order)


def stored_rows(region, data, kinds, unlisted):
    rows = region.public(EventListRow.objects.filter(region.within("page__path")), via="page")
    if unlisted:
        rows = rows.exclude(translation_key__in=unlisted)
    if kinds != {"single", "sub", "super"}:
        rows = rows.filter(kind__in=kinds)
    if any(data.get(name) for name in ("keyword", "location", "publisher", "text")):
        pages = narrow_events(region, EventPage.objects.all(), data)
        rows = rows.filter(page__in=pages.values("pk"))
    super_event = data.get("super_event")
    if super_event:
        rows = rows.filter(super_event_condition(super_event, "translation_key"))
    rows = rows.annotate(
        key=F("translation_key"),
        occ=Value(None, output_field=IntegerField()),
        row_status=F("status"),
        row_all_day=F("all_day"),
    )
    return narrow_dates(rows, data)


def super_event_condition(super_event, key_field):
    """`super_event`: sub events of these events (ids), or with None, events that are none."""
    wanted = Q(kind="single") if None in super_event else Q(pk__in=[])
    numbers = super_event - {None}
    if numbers:
        keys = ids.keys_of(EventPage, numbers)
        wanted |= Q(kind="sub", **{f"{key_field}__in": keys})
    if None in super_event:
        wanted |= Q(kind="super")
    return wanted


def computed_rows(region, reps, data, kinds, counting):
    """The union's parts worked out from the pages of the events `reps`."""
    sort = data.get("sort") or "-last_modified_time"
    modified = bool(data.get("last_modified_since")) or (
        not counting and sort.lstrip("-") == "last_modified_time"
    )
    querysets = []
    super_event = data.get("super_event")
    occurrences = narrow_dates(occurrence_rows(region, reps, modified), data)
    if super_event:
        wanted = super_event_condition(super_event, "event__translation_key")
        occurrences = occurrences.filter(wanted)
    occurrences = occurrences.filter(kind__in=kinds & {"single", "sub"})
    if kinds & {"single", "sub"}:
        querysets.append(occurrences)
    if "super" in kinds:
        querysets.append(narrow_dates(super_rows(region, reps, modified), data))
    return querysets


def values_names():
    """A row's columns: `page` is the event's representative, `key` its translation key."""
    return ["kind", "page", "key", "occ", "begins", "ends", "modified", "row_status",
            "row_all_day", "original"]  # fmt: skip


# Loading and writing a page of rows ---------------------------------------------------------


class EventWriter:
    """Turns rows into Linked Events objects, loading what they refer to in bulk."""

    def __init__(self, region, includes):
        self.region = region
        self.request = region.request
        self.includes = includes

    def url(self, name, number):
        return self.directory.url(name, number)

    def write(self, rows):
        from .directory import DirectoryWriter

        self.directory = DirectoryWriter(self.region)
        self.page_url = page_url_maker(self.request)
        rows = list(rows)
        # Every public page of the rows' events, by the keys the rows carry: a list of keys,
        # not a subquery, lets PostgreSQL look them up by index (with a subquery it joined
        # every event page of the region first).
        group_pages = self.region.public(
            EventPage.objects.filter(
                self.region.within(), translation_key__in={row["key"] for row in rows}
            )
        ).order_by("pk")
        groups = {}
        for page in page_rows(group_pages):
            groups.setdefault(page.translation_key, []).append(page)
        keys = set(groups)
        numbers = ids.group_numbers(EventPage, keys)
        # The dates of the super events on the page (their sub events), and with
        # include=super_event those of the sub events' super events: one query.
        repeating = {row["page"] for row in rows if row["kind"] == "super"}
        if "super_event" in self.includes:
            repeating |= {row["page"] for row in rows if row["kind"] == "sub"}
        dates = {}
        if repeating:
            for occurrence in (
                EventOccurrence.objects.filter(event_id__in=repeating)
                .order_by("start")
                .values("id", "event_id", "start", "end", "original_start", "status", "all_day")
            ):
                dates.setdefault(occurrence["event_id"], []).append(sub_row(occurrence))
        pages = [page for g in groups.values() for page in g]
        reps = [g[0] for g in groups.values()]
        # The topics and image an event has are its representative's.
        self.topic_keys = topic_keys_of(reps)
        self.images_by_id = images_of(reps)
        self.directory.load_places(
            {page.place_key for page in pages if page.place_key},
            embed="location" in self.includes,
        )
        self.directory.load_associations(
            {page.organiser_key for page in pages if page.organiser_key}
        )
        self.directory.load_topics({key for keys in self.topic_keys.values() for key in keys})
        self.directory.load_organizations()
        descriptions = describe.Descriptions(pages, self.request)
        result = []
        for row in rows:
            if row["key"] not in groups:
                continue  # unpublished between the two queries
            pages, number = groups[row["key"]], numbers[row["key"]]
            result.append(self.event(row, pages, number, dates.get(row["page"], []), descriptions))
        return result

    def event(self, row, pages, number, dates, descriptions, nested=False):
        """The event of `row`; `dates` are the sub event rows of its super event (sub_row).
        With include=sub_events a super event embeds its sub events, with include=super_event
        a sub event its super event, as Linked Events does (not again inside them: `nested`)."""
        rep = pages[0]
        source_ids = {page.pk for page in pages}
        # wagtail-localize's stand-ins show another language's text: not a language of theirs.
        texts = [page for page in pages if page.alias_of_id not in source_ids] or pages[:1]
        kind = row["kind"]
        if kind == "sub":
            event_number = ids.sub_event_number(number, row["begins"], row["original"])
        else:
            event_number = number

        languages = translations.by_language(texts)

        def multilingual(get):
            return translations.multilingual(languages, get)

        start, end = times(row["begins"], row["ends"], row["row_all_day"])
        place = self.directory.place_for(rep.place_key) if rep.place_id else None
        data = {
            "id": ids.format(event_number),
            "@id": self.url("event", event_number),
            "@context": "http://schema.org",
            "@type": "Event/LinkedEvent",
            "data_source": ids.DATA_SOURCE,
            "publisher": self.directory.publisher_of(rep),
            "name": multilingual(lambda page: page.title),
            "short_description": multilingual(lambda page: page.summary),
            "description": multilingual(descriptions.html),
            "info_url": multilingual(self.page_url),
            "provider": multilingual(self.directory.provider_name),
            "location": None,
            "location_extra_info": None,
            "keywords": [
                self.directory.keyword_ref(key, "keywords" in self.includes)
                for key in self.topic_keys.get(rep.pk, [])
                if self.directory.has_keyword(key)
            ],
            "offers": [
                {
                    "is_free": rep.is_free,
                    "price": multilingual(lambda page: page.price),
                    "info_url": multilingual(lambda page: page.registration_url),
                    "description": None,
                }
            ],
            "images": self.images(rep),
            "event_status": STATUS.get(row["row_status"], "EventScheduled"),
            "publication_status": "public",
            "start_time": start,
            "end_time": end,
            "super_event": None,
            "super_event_type": None,
            "sub_events": [],
            "in_language": [],
            "audience": [],
            "external_links": [],
            "created_time": iso(min_time(page.first_published_at for page in pages)),
            "last_modified_time": iso(max_time(page.last_published_at for page in pages)),
            "date_published": iso(min_time(page.first_published_at for page in pages)),
        }
        if place is not None:
            data["location"] = place if "location" in self.includes else {"@id": place["@id"]}
        else:
            data["location_extra_info"] = multilingual(one_off_place)
        if kind == "sub":
            data["super_event"] = {"@id": self.url("event", number)}
            if "super_event" in self.includes and not nested and dates:
                data["super_event"] = self.event(
                    super_row(rep, dates), pages, number, dates, descriptions, nested=True
                )
        if kind == "super":
            data["super_event_type"] = "recurring"
            if "sub_events" in self.includes and not nested:
                data["sub_events"] = [
                    self.event(sub, pages, number, dates, descriptions, nested=True)
                    for sub in dates
                ]
            else:
                data["sub_events"] = [
                    {
                        "@id": self.url(
                            "event", ids.sub_event_number(number, sub["begins"], sub["original"])
                        )
                    }
                    for sub in dates
                ]
        return data

    def images(self, page):
        image = self.images_by_id.get(page.image_id)
        if image is None:
            return []
        # The size the event page shows (made on publish, linkedevents.signals): a client shows
        # the image as it is, and an original can be a 20 MB photo. Without it, the original.
        renditions = [r for r in image.renditions.all() if r.filter_spec == IMAGE_SPEC]
        file = renditions[0].file if renditions else image.file
        return [
            {
                "id": image.pk,
                "url": absolute_url(self.request, file.url),
                "name": image.title,
                "alt_text": page.image_alt,
                "license": "event_only",
            }
        ]


def sub_row(occurrence):
    """The row of a sub event (as the list has it, but its key) from its occurrence's values."""
    return {
        "kind": "sub",
        "page": occurrence["event_id"],
        "occ": occurrence["id"],
        "begins": occurrence["start"],
        "ends": occurrence["end"],
        "row_status": occurrence["status"],
        "row_all_day": occurrence["all_day"],
        "original": occurrence["original_start"],
    }


def super_row(rep, subs):
    """The row of the super event of the sub event rows `subs` (as super_rows makes it)."""
    ends = [sub["ends"] for sub in subs if sub["ends"]]
    return {
        "kind": "super",
        "page": rep.pk,
        "occ": None,
        "begins": subs[0]["begins"],
        "ends": max(ends) if ends else None,
        "row_status": rep.status,
        "row_all_day": rep.all_day,
        "original": None,
    }


def one_off_place(page):
    """The place written on the event (as EventPage.location writes it); for a directory place
    the public may not see, the name written beside it."""
    if page.place_id is not None:
        return page.place_name or ""
    location = Location.for_event(page)
    return location.text if location else ""


def times(begins, ends, all_day):
    """start_time and end_time as Linked Events writes them: UTC with a Z; an all-day event as
    its first date, and its last date for one of several days (none for a single day); no end
    time for an event without one."""
    if all_day:
        first = timezone.localdate(begins)
        last = timezone.localdate(ends - DAY) if ends and ends > begins else first
        return first.isoformat(), (last.isoformat() if last > first else None)
    return iso(begins), (iso(ends) if ends and ends > begins else None)


def iso(moment):
    if moment is None:
        return None
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def min_time(values):
    values = [value for value in values if value]
    return min(values) if values else None


def max_time(values):
    values = [value for value in values if value]
    return max(values) if values else None


def find(region, number):
    """The row of event `number` (an event, a super event or a sub event), or None."""
    reps = representatives(region)
    found = reps.filter(translation_key__in=ids.keys_of(EventPage, [number])).first()
    if found is not None:
        rows = (
            super_rows(region, reps.filter(pk=found.pk))
            if found.frequency
            else occurrence_rows(region, reps.filter(pk=found.pk))
        )
        return rows.values(*values_names()).first()
    split = ids.split_sub_event(number)
    if split is None:
        return None
    event_number, day = split
    found = reps.filter(translation_key__in=ids.keys_of(EventPage, [event_number]))
    found = found.exclude(frequency="").first()
    if found is None:
        return None
    for row in occurrence_rows(region, reps.filter(pk=found.pk)).values(*values_names()):
        if timezone.localdate(row["original"] or row["begins"]) == day:
            return row
    return None
