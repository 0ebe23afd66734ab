"""A Linked Events API query read into the fields of our events (one EventPage per event).

The query: the source's address (a Linked Events API root, or its `event/` list) with the
source's filters (publisher, location, keyword, ...) and, unless the filters say otherwise,
`start` 90 days back, `include=location` (the place's name and address) and 100 events a page.
The pages are read by following `meta.next`, each through the safe fetcher (calendarsources.fetch:
its limits hold for every page), at most CALENDAR_SOURCES_LINKED_EVENTS_MAX_PAGES of them (20
by default, 2,000 events); `next` must stay on the same host. When the cap cuts the answer
short, what was read is imported and nothing is taken for removed.

Mapping (docs/calendar-sources.md):
- times: Linked Events writes UTC with a `Z` (or an offset); they become Europe/Helsinki wall
  times. An event without a start time (a date alone as `start_time`, or `has_start_time`
  false) is all-day, its `end_time` the last date;
- `event_status`: EventCancelled is cancelled; EventPostponed is postponed, keeping its dates
  (one postponed without a date yet keeps the dates it had, marked postponed); EventRescheduled
  takes its new dates and is marked rescheduled, so the page says it moved;
- a super event with `super_event_type: "recurring"` and its sub events is one event: the sub
  events' dates become dated occurrences (ics.as_dates: a weekly rule on their weekdays with
  every other date left out and the ones at another time moved), a cancelled sub event a
  cancelled date. An umbrella super event and its sub events stay separate events;
- the place: `location` (embedded) matched to a directory place by its name, then by its
  coordinates; otherwise its name, address and coordinates are kept on the event, as is
  `location_extra_info` for an event without a place;
- `offers[0]`: is_free, price, info_url (our registration link); `provider` the organiser's name
  when the source names no organiser from the directory;
- `name`, `short_description`, `description` (HTML cleaned to text by home.text.html_to_text,
  as for ICS) and `info_url`: Finnish for the page, Swedish and English for its translations.

Loops: events of data source "kylatori" (our own API, /linkedevents/v1/) are skipped.
"""

import datetime
import hashlib
import json
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home import text

from . import ics
from .fetch import FetchError, fetch

PAGE_SIZE = 100
PAST_DAYS = ics.PAST_DAYS
OWN_DATA_SOURCE = "kylatori"
LANGUAGES = ("fi", "sv", "en")
TRANSLATED = ("sv", "en")
STATUS = {
    "EventScheduled": "scheduled",
    "EventCancelled": "cancelled",
    "EventPostponed": "postponed",
    "EventRescheduled": "rescheduled",
}


def max_pages():
    return getattr(settings, "CALENDAR_SOURCES_LINKED_EVENTS_MAX_PAGES", 20)


FILTER_NAME_RE = re.compile(r"^[a-z_]{1,40}$")
# Set by the import itself: it reads every page of the answer.
RESERVED = {"page", "format"}


def filters_error(value):
    """Why `value` cannot be a source's Linked Events filters ("publisher=ahjo:00001&keyword=
    yso:p1235"), or None."""
    value = (value or "").strip().lstrip("?")
    if not value:
        return None
    try:
        pairs = parse_qsl(value, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        pairs = None
    if not pairs or any(
        not FILTER_NAME_RE.match(name) or name in RESERVED or not item.strip()
        for name, item in pairs
    ):
        return _(
            "Write the filters as name=value pairs joined by &, for example "
            "publisher=ahjo:00001&keyword=yso:p1235."
        )
    return None


def query_url(source, today):
    """The first page's address of the source's query."""
    parts = urlsplit(source.url)
    path = parts.path or "/"
    if not path.rstrip("/").endswith("/event"):
        path = path.rstrip("/") + "/event/"
    params = parse_qsl(parts.query) + parse_qsl(source.filters.strip().lstrip("?"))
    names = {name for name, _value in params}
    if "page_size" not in names:
        params.append(("page_size", str(PAGE_SIZE)))
    if "include" not in names:
        params.append(("include", "location"))
    if not names & {"start", "end", "days"}:
        params.append(("start", (today - datetime.timedelta(days=PAST_DAYS)).isoformat()))
    return urlunsplit(parts._replace(path=path, query=urlencode(params)))


def fetch_all(url):
    """(events, complete, digest of the bodies) of the query at `url`, page by page."""
    host = urlsplit(url).hostname
    events, digest = [], hashlib.sha256()
    for _number in range(max_pages()):
        fetched = fetch(url)
        digest.update(fetched.content)
        try:
            data = json.loads(fetched.content)
        except ValueError as error:
            raise FetchError(_("The address did not give a Linked Events answer.")) from error
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise FetchError(_("The address did not give a Linked Events answer."))
        events.extend(event for event in data["data"] if isinstance(event, dict))
        meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
        following = meta.get("next")
        if not following:
            return events, True, digest.hexdigest()
        url = urljoin(fetched.url or url, str(following))
        if urlsplit(url).hostname != host:
            raise FetchError(_("The next page of the answer is on another host."))
    return events, False, digest.hexdigest()


def value_in(obj, name, language):
    """A multilingual field's text in `language` (a plain string counts as Finnish)."""
    value = obj.get(name) if isinstance(obj, dict) else None
    if isinstance(value, dict):
        value = value.get(language)
    elif language != "fi":
        value = None
    return str(value) if isinstance(value, str | int | float) else ""


def first_text(obj, name):
    for language in LANGUAGES:
        value = text.one_line(value_in(obj, name, language)).strip()
        if value:
            return value
    return ""


def link(value):
    value = str(value or "").strip()
    return value if value.startswith(("http://", "https://")) and len(value) <= 200 else ""


def moment(value):
    """(naive Helsinki wall time, whether it has a time) of an ISO date or date-time."""
    value = str(value).strip()
    if len(value) == 10:
        return datetime.datetime.combine(datetime.date.fromisoformat(value), datetime.time()), False
    parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ics.TZ)
    return ics.local(parsed).replace(second=0, microsecond=0), True


def span(event):
    """(start, exclusive end or None, all day, last date without an end time or None) of one
    Linked Events event, or None without a start. Linked Events writes a start without a time
    as a date, and an end without a time as the last date (or none for a short event)."""
    if not event.get("start_time"):
        return None
    start, has_time = moment(event["start_time"])
    if event.get("has_start_time") is False:
        has_time = False
    end, end_has_time = (None, False)
    if event.get("end_time"):
        end, end_has_time = moment(event["end_time"])
        if event.get("has_end_time") is False:
            end_has_time = False
    if not has_time:
        last = end.date() if end else start.date()
        if end and end_has_time and end.time() == datetime.time() and last > start.date():
            last -= ics.DAY  # ends at midnight: the day before is the last
        start = datetime.datetime.combine(start.date(), datetime.time())
        end = datetime.datetime.combine(max(last, start.date()), datetime.time()) + ics.DAY
        return start, end, True, None
    if end is not None and not end_has_time:
        return start, None, False, (end.date() if end.date() > start.date() else None)
    return start, end, False, None


def span_fields(found):
    start, end, all_day, last_date = found
    fields = ics.span_fields(start, end, all_day)
    if last_date:
        fields["end_date"] = last_date  # several days, no end time given
    return fields


def texts_in(event, language):
    """The event's texts in `language`: title, summary, description, link, price and
    registration link."""
    title = text.one_line(value_in(event, "name", language)).strip()[: ics.MAX_TITLE].strip()
    description = text.html_to_text(value_in(event, "description", language))[: ics.MAX_DESCRIPTION]
    short = text.one_line(text.html_to_text(value_in(event, "short_description", language)))
    offers = event.get("offers") if isinstance(event.get("offers"), list) else []
    offer = offers[0] if offers and isinstance(offers[0], dict) else {}
    return {
        "title": title,
        "summary": ics.summary_of(short.strip() or description, title),
        "description": description,
        "url": link(value_in(event, "info_url", language)),
        "price": text.one_line(text.html_to_text(value_in(offer, "price", language)))[:200],
        "registration_url": link(value_in(offer, "info_url", language)),
    }


def reference(value, by_address):
    """The id an `{"@id": address}` reference points to (among the answer's events or by the
    address's last part)."""
    address = value.get("@id") if isinstance(value, dict) else None
    if not address:
        return None
    return by_address.get(address) or urlsplit(str(address)).path.rstrip("/").rsplit("/", 1)[-1]


class Reader:
    """Reads a Linked Events answer: `events()` gives ImportEvents, `skipped` the (id, reason)
    pairs, `postponed` the ids of events postponed without a date yet, `own` our own events."""

    def __init__(self, data, today):
        self.data = data
        self.today = today
        self.skipped = []
        self.postponed = set()
        self.own = 0

    def events(self):
        by_address = {e.get("@id"): str(e.get("id")) for e in self.data if e.get("@id")}
        recurring = {
            str(e.get("id")) for e in self.data if e.get("super_event_type") == "recurring"
        }
        subs = {}
        singles = []
        for event in self.data:
            if event.get("deleted"):
                continue  # gone from the source: removed below, as for ICS
            uid = str(event.get("id") or "").strip()[:500]
            if event.get("data_source") == OWN_DATA_SOURCE or uid.startswith(f"{OWN_DATA_SOURCE}:"):
                self.own += 1  # our own API's event imported back: not a new event
                continue
            parent = reference(event.get("super_event"), by_address)
            if parent in recurring and parent != uid:
                subs.setdefault(parent, []).append(event)
            else:
                singles.append(event)
        result = []
        for event in singles:
            uid = str(event.get("id") or "").strip()[:500]
            if not uid:
                self.skipped.append(("", str(_("The event has no id."))))
                continue
            try:
                imported = self.read(uid, event, subs.get(uid) if uid in recurring else None)
            except ics.Skip as error:
                self.skipped.append((uid, str(error)))
                continue
            except Exception as error:  # a malformed event must not stop the others
                self.skipped.append((uid, str(_("Unreadable event: %s")) % error))
                continue
            if imported is not None:
                result.append(imported)
        return result

    def read(self, uid, event, sub_events):
        fi = texts_in(event, "fi")
        title = fi["title"] or first_text(event, "name")[: ics.MAX_TITLE].strip()
        if not title:
            raise ics.Skip(_("The event has no name."))
        status = STATUS.get(str(event.get("event_status") or ""), "scheduled")
        found = span(event)
        if sub_events is None and found is None:
            if status == "postponed":
                self.postponed.add(uid)  # keeps the dates it had, marked postponed
                return None
            raise ics.Skip(_("The event has no start time."))
        location = event.get("location") if isinstance(event.get("location"), dict) else {}
        position = location.get("position") if isinstance(location.get("position"), dict) else {}
        coordinates = position.get("coordinates") or []
        latitude = longitude = None
        if len(coordinates) == 2:
            try:
                longitude, latitude = (round(float(value), 6) for value in coordinates)
            except (TypeError, ValueError):
                latitude = longitude = None
        place = first_text(location, "name") or first_text(event, "location_extra_info")
        fields = {
            "title": title,
            "summary": fi["summary"] if fi["title"] else ics.summary_of(fi["description"], title),
            "status": status,
            "frequency": "",
            "interval": 1,
            "weekdays": "",
            "repeat_until": None,
            "repeat_count": None,
            "latitude": latitude,
            "longitude": longitude,
            "street_address": text.one_line(value_in(location, "street_address", "fi"))[:200],
            "postal_code": text.one_line(str(location.get("postal_code") or ""))[:10],
            "address_locality": text.one_line(value_in(location, "address_locality", "fi"))[:100],
            "organiser_name": first_text(event, "provider")[:200],
            "is_free": bool(((event.get("offers") or [{}])[0] or {}).get("is_free")),
            "price": fi["price"],
            "registration_url": fi["registration_url"],
        }
        imported = ics.ImportEvent(uid, fields, [], place[:200], fi["description"], fi["url"])
        for language in TRANSLATED:
            texts = texts_in(event, language)
            if texts["title"]:
                imported.translations[language] = texts
        if sub_events is None:
            fields.update(span_fields(found))
            self.check(fields)
            return imported
        spans = {}
        for sub in sub_events:
            sub_span = span(sub)
            if sub_span is None:
                continue
            start, end, all_day, _last = sub_span
            cancelled = STATUS.get(str(sub.get("event_status") or "")) == "cancelled"
            if start.date() in spans:
                raise ics.Skip(_("The event repeats more than once a day, which cannot be shown."))
            spans[start.date()] = (start, end, all_day, cancelled)
        if not spans:
            raise ics.Skip(_("The dates of the repeating event were not in the answer."))
        ics.as_dates(imported, spans, self.today)
        imported.window = ()  # the dates are the source's, not a window's
        if all(cancelled for *_rest, cancelled in spans.values()):
            fields["status"] = "cancelled"
        self.check(fields)
        return imported

    def check(self, fields):
        from events import schedule

        for name in ("start_date", "end_date", "repeat_until"):
            value = fields.get(name)
            if value and not (schedule.EARLIEST_DATE <= value <= schedule.latest_date()):
                raise ics.Skip(_("The date %(date)s is out of range.") % {"date": value})
