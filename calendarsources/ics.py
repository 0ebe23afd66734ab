"""An ICS file read into the fields of our events (one EventPage per UID).

Times: DTSTART/DTEND in any TZID (a VTIMEZONE in the file, an IANA name, or one of Microsoft's
Windows names such as "FLE Standard Time"), UTC, or floating; Google's X-WR-TIMEZONE first mended
by x-wr-timezone. All become Europe/Helsinki wall times; a DATE value stays all-day (DTEND is
exclusive in iCalendar, inclusive in our end_date).

Recurrence: a rule our model can say (DAILY, WEEKLY on weekdays, MONTHLY on the start's day,
YEARLY on the start's date, with INTERVAL and UNTIL or COUNT, in a zone whose summer time is
Helsinki's) is kept as a rule, EXDATEs as left-out dates and RECURRENCE-ID overrides as moved or
cancelled dates. Anything else (RDATE, BYSETPOS, "the second Tuesday", a zone with other DST
dates, ...) is kept as dated occurrences: recurring-ical-events expands the event from 90 days
back to the horizon, and the dates are stored as a weekly rule on the weekdays they fall on,
with every other date of that rule left out and the ones at another time moved. Feeds then
carry the same dates as a rule with EXDATEs, which every calendar app reads. Rules repeating
more than once a day cannot be kept (one date a day) and the event is skipped with that reason.
"""

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field
from itertools import islice
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import x_wr_timezone
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from events import ical, schedule
from home import text

TZ = schedule.TZ
DAY = datetime.timedelta(days=1)
PAST_DAYS = 90
MAX_TITLE = 255
MAX_SUMMARY = 400
MAX_DESCRIPTION = 20_000
OWN_UID_SUFFIX = f"@{ical.UID_DOMAIN}"
SUPPORTED_FREQ = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
SUB_DAILY = {"SECONDLY", "MINUTELY", "HOURLY"}
STATUS = {"CANCELLED": "cancelled", "TENTATIVE": "scheduled", "CONFIRMED": "scheduled"}


class Skip(Exception):
    """An event that cannot be imported; the message says why (shown to editors)."""


@dataclass
class ImportEvent:
    uid: str
    fields: dict
    date_changes: list = field(default_factory=list)
    location: str = ""
    description: str = ""
    url: str = ""
    components: list = field(default_factory=list, repr=False)
    window: tuple = ()
    # {language code: {"title", "summary", "description", "url", "price", "registration_url"}}:
    # the source's own texts in another language (Linked Events'); without, an alias.
    translations: dict = field(default_factory=dict)

    @property
    def digest(self):
        data = [self.fields, self.date_changes, self.location, self.description, self.url,
                self.window]  # fmt: skip
        if self.translations:
            data.append(self.translations)
        return hashlib.sha256(json.dumps(data, default=str, sort_keys=True).encode()).hexdigest()


CONTENT_LINE_RE = re.compile(r"^[A-Za-z0-9-]+[;:]")
# A DTSTAMP line with its folded continuations (property names are case-insensitive).
STAMP_LINE_RE = re.compile(rb"^DTSTAMP[;:][^\r\n]*(?:\r?\n[ \t][^\r\n]*)*(?:\r?\n|$)", re.M | re.I)
FOLD_RE = re.compile(r"\r?\n[ \t]")


def content_lines(text_value):
    """The content lines of an iCalendar text, unfolded, without the lines that are none (a
    broken export's stray text would otherwise make the whole file unreadable)."""
    lines = FOLD_RE.sub("", text_value).splitlines()
    return "\r\n".join(line for line in lines if CONTENT_LINE_RE.match(line)) + "\r\n"


def without_stamps(content):
    """`content` (bytes) without its DTSTAMP lines: when the file was written, which Google
    writes anew on every request and the import never reads. A re-sync compares the rest, so an
    unchanged Google calendar costs no parsing (calendarsources.sync.content_digest)."""
    return STAMP_LINE_RE.sub(b"", content)


def parse_calendar(content):
    """The calendar of `content` (bytes), time zones mended; ValueError if it is no calendar."""
    try:
        raw = content_lines(content.decode("utf-8-sig", errors="replace"))
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as error:  # icalendar raises ValueError, KeyError, IndexError...
        raise ValueError(str(error)) from error
    if isinstance(calendar, list):
        calendar = calendar[0]
    if calendar.name != "VCALENDAR":
        raise ValueError("not a VCALENDAR")
    try:
        return x_wr_timezone.to_standard(calendar)
    except Exception:  # a broken X-WR-TIMEZONE: keep the times as they are written
        return calendar


def zone(name):
    name = WINDOWS_TO_OLSON.get(name, name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def decoded_time(component, name):
    """The value of `name` as a date or a datetime (aware unless floating), or None."""
    prop = component.get(name)
    if prop is None:
        return None
    if isinstance(prop, list):
        prop = prop[0]
    value = getattr(prop, "dt", None)
    if value is None:
        raise Skip(_("%(name)s is not a valid date or time.") % {"name": name})
    if isinstance(value, datetime.datetime) and value.tzinfo is None:
        tzid = prop.params.get("TZID")
        if tzid:
            tz = zone(tzid)
            if tz is not None:
                value = value.replace(tzinfo=tz)
    return value


def local(value):
    """`value` as a naive Europe/Helsinki wall time; a floating time is taken as one already."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(TZ).replace(tzinfo=None)
        return value
    return datetime.datetime.combine(value, datetime.time())


def same_summer_time(value):
    """True when a rule at `value`'s zone keeps its Helsinki wall time all year."""
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        return True  # floating or all-day: wall time already
    if value.tzinfo is TZ or str(value.tzinfo) == "Europe/Helsinki":
        return True
    naive = value.replace(tzinfo=None)
    for days in (0, 91, 182, 273):
        moment = (naive + datetime.timedelta(days=days)).replace(tzinfo=value.tzinfo)
        helsinki = moment.astimezone(TZ)
        if helsinki.replace(tzinfo=None) - moment.replace(tzinfo=None) != local(value) - naive:
            return False
    return True


def span_fields(start, end, all_day):
    """Our schedule fields for one span (naive local start and exclusive end or None)."""
    if all_day:
        last = (end - DAY).date() if end and end.date() > start.date() else start.date()
        return {
            "start_date": start.date(),
            "start_time": None,
            "end_date": last if last > start.date() else None,
            "end_time": None,
            "all_day": True,
        }
    fields = {
        "start_date": start.date(),
        "start_time": start.time(),
        "end_date": None,
        "end_time": None,
        "all_day": False,
    }
    if end and end > start:
        fields["end_time"] = end.time()
        # Past midnight by less than a day is an end time alone (22:00-02:00).
        if end.date() != start.date() and (end - start >= DAY or end.time() > start.time()):
            fields["end_date"] = end.date()
    return fields


class CannotSay(Exception):
    pass


def rule_fields(rrule, start, all_day):
    """Our frequency fields for the RRULE `rrule` (a vRecur) starting at naive local `start`."""
    parts = {key.upper(): value for key, value in rrule.items()}
    freq = parts.pop("FREQ", [""])[0]
    if freq not in SUPPORTED_FREQ:
        raise CannotSay
    fields = {"frequency": freq, "interval": int(parts.pop("INTERVAL", [1])[0] or 1)}
    fields["weekdays"] = ""
    byday = parts.pop("BYDAY", None)
    wkst = parts.pop("WKST", ["MO"])[0]
    if byday:
        codes = [str(code) for code in byday]
        if freq != "WEEKLY" or any(code not in schedule.WEEKDAYS for code in codes):
            raise CannotSay
        first = list(schedule.WEEKDAYS)[start.weekday()]
        if first not in codes or (wkst != "MO" and fields["interval"] > 1 and len(codes) > 1):
            raise CannotSay
        fields["weekdays"] = ",".join(code for code in schedule.WEEKDAYS if code in codes)
    bymonthday = parts.pop("BYMONTHDAY", None)
    if bymonthday and (freq not in ("MONTHLY", "YEARLY") or list(bymonthday) != [start.day]):
        raise CannotSay
    bymonth = parts.pop("BYMONTH", None)
    if bymonth and (freq != "YEARLY" or list(bymonth) != [start.month]):
        raise CannotSay
    count = parts.pop("COUNT", None)
    until = parts.pop("UNTIL", None)
    if parts or (count and until):
        raise CannotSay
    fields["repeat_count"] = int(count[0]) if count else None
    fields["repeat_until"] = None
    if until:
        value = until[0]
        if isinstance(value, datetime.datetime):
            value = local(value)
            last = value.date()
            if not all_day and value.time() < start.time():
                last -= DAY
        else:
            last = value
        if last < start.date():
            raise CannotSay
        fields["repeat_until"] = last
    return fields


class Reader:
    """Reads one calendar: `events()` gives ImportEvents, `skipped` the (UID, reason) pairs."""

    def __init__(self, calendar, today=None):
        self.calendar = calendar
        self.today = today or timezone.localdate()
        self.skipped = []
        self.own = 0

    def groups(self):
        by_uid = {}
        for component in self.calendar.walk("VEVENT"):
            uid = text.one_line(str(component.get("UID", ""))).strip()
            by_uid.setdefault(uid, []).append(component)
        return by_uid

    def events(self):
        result = []
        fallback = []
        for uid, components in self.groups().items():
            if not uid:
                self.skipped.append(("", str(_("The event has no UID."))))
                continue
            if uid.endswith(OWN_UID_SUFFIX):
                self.own += 1  # our own feed imported back: not a new event
                continue
            try:
                event, needs_dates = self.read(uid, components)
            except Skip as error:
                self.skipped.append((uid, str(error)))
                continue
            except Exception as error:  # a malformed event must not stop the others
                self.skipped.append((uid, str(_("Unreadable event: %s")) % error))
                continue
            (fallback if needs_dates else result).append(event)
        if fallback:
            result.extend(self.dated(fallback))
        return result

    def read(self, uid, components):
        masters = [c for c in components if c.get("RECURRENCE-ID") is None]
        overrides = [c for c in components if c.get("RECURRENCE-ID") is not None]
        if not masters:
            # Only overrides (a single changed date shared with us): each is its own date.
            masters, overrides = overrides[:1], []
        master = masters[0]
        title = text.one_line(str(master.get("SUMMARY", ""))).strip()[:MAX_TITLE].strip()
        if not title:
            raise Skip(_("The event has no title (SUMMARY)."))
        start_value = decoded_time(master, "DTSTART")
        if start_value is None:
            raise Skip(_("The event has no start (DTSTART)."))
        all_day = not isinstance(start_value, datetime.datetime)
        start = local(start_value)
        end_value = decoded_time(master, "DTEND")
        if end_value is None and master.get("DURATION") is not None:
            end = start + master.decoded("DURATION")
        elif end_value is not None:
            end = local(end_value)
        else:
            end = start + DAY if all_day else None
        description = text.html_to_text(str(master.get("DESCRIPTION", "")))[:MAX_DESCRIPTION]
        location = text.one_line(str(master.get("LOCATION", ""))).strip()
        url = str(master.get("URL", "")).strip()
        if not url.startswith(("http://", "https://")) or len(url) > 200:
            url = ""
        status = STATUS.get(str(master.get("STATUS", "")).upper(), "scheduled")
        fields = {
            "title": title,
            "summary": summary_of(description, title),
            "status": status,
            **span_fields(start, end, all_day),
            "frequency": "",
            "interval": 1,
            "weekdays": "",
            "repeat_until": None,
            "repeat_count": None,
            "latitude": None,
            "longitude": None,
        }
        geo = master.get("GEO")
        if geo is not None:
            try:
                fields["latitude"] = round(float(geo.latitude), 6)
                fields["longitude"] = round(float(geo.longitude), 6)
            except (AttributeError, TypeError, ValueError):
                pass
        organizer = master.get("ORGANIZER")
        fields["organiser_name"] = (
            text.one_line(organizer.params.get("CN", ""))[:200] if organizer is not None else ""
        )
        event = ImportEvent(uid, fields, [], location, description, url)
        rrules = master.get("RRULE")
        if rrules is None and not master.get("RDATE"):
            self.check_dates(fields)
            return event, False
        event.components = components
        if master.get("RDATE") or isinstance(rrules, list) or not same_summer_time(start_value):
            return event, True
        freq = str(rrules.get("FREQ", [""])[0]).upper()
        if freq in SUB_DAILY:
            raise Skip(_("The event repeats more than once a day, which cannot be shown."))
        try:
            fields.update(rule_fields(rrules, start, all_day))
            self.check_dates(fields)
            changes = self.changes(master, overrides, fields, start, end, all_day)
        except CannotSay:
            return event, True
        event.date_changes = changes
        probe = _Probe(fields, changes)
        if schedule.too_many_dates(probe):
            return event, True
        return event, False

    def check_dates(self, fields):
        for name in ("start_date", "end_date", "repeat_until"):
            value = fields.get(name)
            if value and not (schedule.EARLIEST_DATE <= value <= schedule.latest_date()):
                if name == "start_date" and fields.get("frequency"):
                    raise CannotSay  # a birthday since 1970: its dates within the horizon
                raise Skip(_("The date %(date)s is out of range.") % {"date": value})

    def changes(self, master, overrides, fields, start, end, all_day):
        """EXDATEs and RECURRENCE-ID overrides as our date changes (CannotSay if one is not a
        date of the rule)."""
        probe = _Probe(fields, [])
        rule = schedule.rule_for(probe)
        horizon = schedule.horizon_until(probe)
        dates = {moment.date(): moment for moment in schedule.rule_dates(rule, start, horizon)}
        changes = {}
        exdates = master.get("EXDATE") or []
        for prop in exdates if isinstance(exdates, list) else [exdates]:
            for value in prop.dts:
                day = local(_with_tz(value.dt, prop)).date()
                if day in dates:
                    changes[day] = {"original_date": day, "action": "excluded"}
        duration = (end - start) if end else datetime.timedelta()
        for override in overrides:
            original = local(decoded_time(override, "RECURRENCE-ID"))
            if override.get("RECURRENCE-ID").params.get("RANGE"):
                raise CannotSay
            if original.date() not in dates:
                if original.date() > horizon.date():
                    continue
                raise CannotSay
            day = original.date()
            if str(override.get("STATUS", "")).upper() == "CANCELLED":
                changes[day] = {"original_date": day, "action": "cancelled"}
                continue
            new_start = local(decoded_time(override, "DTSTART") or original)
            new_end_value = decoded_time(override, "DTEND")
            new_end = local(new_end_value) if new_end_value is not None else new_start + duration
            if new_start == dates[day] and new_end - new_start == duration:
                continue  # only its text changed: the page keeps the master's text
            change = {"original_date": day, "action": "moved"}
            if new_start.date() != day:
                change["new_start_date"] = new_start.date()
            if not all_day:
                change["new_start_time"] = new_start.time()
                if end:
                    change["new_end_time"] = new_end.time()
            if new_end - new_start != duration and (all_day or new_end.date() != new_start.date()):
                raise CannotSay  # a moved date of another length than a day's
            changes[day] = change
        return [changes[day] for day in sorted(changes)]

    def dated(self, events):
        """Events our rule cannot say, as dated occurrences within the horizon."""
        import recurring_ical_events

        calendar = icalendar.Calendar()
        for component in self.calendar.walk("VTIMEZONE"):
            calendar.add_component(component)
        for event in events:
            for component in event.components:
                calendar.add_component(component)
        window_start = datetime.datetime.combine(
            self.today - datetime.timedelta(days=PAST_DAYS), datetime.time()
        )
        window_end = datetime.datetime.combine(
            self.today + datetime.timedelta(days=schedule.horizon_days()), datetime.time()
        )
        occurrences = {}
        try:
            query = recurring_ical_events.of(calendar, skip_bad_series=True)
            found = query.between(window_start.replace(tzinfo=TZ), window_end.replace(tzinfo=TZ))
            for occurrence in islice(found, 50 * schedule.MAX_OCCURRENCES):
                uid = text.one_line(str(occurrence.get("UID", ""))).strip()
                occurrences.setdefault(uid, []).append(occurrence)
        except Exception as error:
            for event in events:
                self.skipped.append((event.uid, str(_("Unreadable repetition: %s")) % error))
            return []
        result = []
        for event in events:
            try:
                result.append(self.as_dates(event, occurrences.get(event.uid, [])))
            except Skip as error:
                self.skipped.append((event.uid, str(error)))
        return result

    def as_dates(self, event, found):
        spans = {}
        for occurrence in found:
            start_value = occurrence.decoded("DTSTART")
            all_day = not isinstance(start_value, datetime.datetime)
            start = local(start_value)
            end_value = occurrence.get("DTEND")
            end = local(occurrence.decoded("DTEND")) if end_value is not None else None
            status = str(occurrence.get("STATUS", "")).upper()
            if start.date() in spans:
                raise Skip(_("The event repeats more than once a day, which cannot be shown."))
            spans[start.date()] = (start, end, all_day, status == "CANCELLED")
        return as_dates(event, spans, self.today)


def as_dates(event, spans, today):
    """`event` kept as dated occurrences: `spans` is {date: (naive local start, exclusive end or
    None, all day, cancelled)}, stored as a weekly rule on the weekdays they fall on with every
    other date left out and the ones at another time moved (see the module docstring). Used for
    ICS rules our model cannot say and for Linked Events' sub events (calendarsources.linked)."""
    if not spans:
        raise Skip(_("The event has no dates within the next two years."))
    fields = event.fields
    days = sorted(spans)
    first_start, first_end, all_day, _cancelled = spans[days[0]]
    fields.update(span_fields(first_start, first_end, all_day))
    fields.update(
        {"frequency": "", "interval": 1, "weekdays": "", "repeat_until": None,
         "repeat_count": None}
    )  # fmt: skip
    event.date_changes = []
    if len(days) == 1:
        if spans[days[0]][3]:
            fields["status"] = "cancelled"
        return event
    weekdays = {list(schedule.WEEKDAYS)[day.weekday()] for day in days}
    fields.update(
        {
            "frequency": "WEEKLY",
            "weekdays": ",".join(code for code in schedule.WEEKDAYS if code in weekdays),
            "repeat_until": days[-1],
        }
    )
    probe = _Probe(fields, [])
    duration = (first_end - first_start) if first_end else None
    changes = []
    for moment in schedule.rule_for(probe):
        day = moment.date()
        if day not in spans:
            changes.append({"original_date": day, "action": "excluded"})
            continue
        start, end, _all_day, cancelled = spans[day]
        if cancelled:
            changes.append({"original_date": day, "action": "cancelled"})
        elif not all_day and (
            start.time() != first_start.time()
            or (end and duration is not None and end - start != duration)
        ):
            change = {"original_date": day, "action": "moved", "new_start_time": start.time()}
            if end:
                change["new_end_time"] = end.time()
            changes.append(change)
    event.date_changes = changes
    # The window moves with the days: the digest changes weekly so the dates follow it.
    event.window = today.isocalendar()[:2]
    return event


def _with_tz(value, prop):
    if isinstance(value, datetime.datetime) and value.tzinfo is None:
        tz = zone(prop.params.get("TZID", "")) if prop.params.get("TZID") else None
        if tz is not None:
            return value.replace(tzinfo=tz)
    return value


class _Probe:
    """Just enough of an EventPage for events.schedule (rules, dates, counts)."""

    def __init__(self, fields, changes):
        self.__dict__.update(fields)
        self._changes = changes

    @property
    def date_changes(self):
        probe = self

        class _Changes:
            def all(self):
                return [_Change(change) for change in probe._changes]

        return _Changes()


class _Change:
    def __init__(self, change):
        self.original_date = change["original_date"]
        self.action = change["action"]
        self.new_start_date = change.get("new_start_date")
        self.new_start_time = change.get("new_start_time")
        self.new_end_time = change.get("new_end_time")


def summary_of(description, title):
    """The listing summary: the description's first paragraph, shortened at a word."""
    first = text.one_line(description.split("\n\n")[0]).strip() if description else ""
    if not first:
        return title[:MAX_SUMMARY]
    if len(first) <= MAX_SUMMARY:
        return first
    return first[: MAX_SUMMARY - 1].rsplit(" ", 1)[0] + "…"


def slug_for(source_id, uid, title):
    key = hashlib.sha1(f"{source_id}:{uid}".encode(), usedforsecurity=False).hexdigest()[:8]
    return f"{slugify(title)[:60].strip('-') or 'tapahtuma'}-{key}"
