"""An event's dates: its first span, its recurrence rule and the occurrences it yields.

Everything is computed on naive wall-clock times and made aware (Europe/Helsinki) at the end, so
that a rule keeps its local time across daylight-saving changes, as RFC 5545 says for DTSTART
with a TZID.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass
from itertools import islice, takewhile
from zoneinfo import ZoneInfo

from dateutil import rrule as du
from django.conf import settings
from django.utils import timezone

TZ = ZoneInfo("Europe/Helsinki")
DAY = datetime.timedelta(days=1)
FREQUENCIES = {"DAILY": du.DAILY, "WEEKLY": du.WEEKLY, "MONTHLY": du.MONTHLY, "YEARLY": du.YEARLY}
WEEKDAYS = {
    "MO": du.MO,
    "TU": du.TU,
    "WE": du.WE,
    "TH": du.TH,
    "FR": du.FR,
    "SA": du.SA,
    "SU": du.SU,
}


# The dates an editor may give an event: from 2000 (older events are history, not a calendar,
# and a typo such as 1700 would otherwise materialise centuries of a repeating event) to the
# end of the tenth year ahead (far enough for any village's plans, near enough to catch 2206).
EARLIEST_DATE = datetime.date(2000, 1, 1)
YEARS_AHEAD = 10
# The most dates one event may have, each a stored occurrence row. The two-year horizon holds
# 731 dates of a daily event, so an open-ended daily event keeps almost three years of past
# dates before it must start anew; a weekly one reaches the cap after 38 years.
MAX_OCCURRENCES = 2000


def horizon_days():
    return getattr(settings, "EVENTS_HORIZON_DAYS", 730)


def latest_date():
    return datetime.date(timezone.localdate().year + YEARS_AHEAD, 12, 31)


def rule_dates(rule, start, until):
    """The dates of `rule` from `start` up to `until` (naive local), at most MAX_OCCURRENCES + 1
    (one more than allowed, so that a check can tell "too many"): no rule, however it was
    stored or imported, can make a request iterate or store more."""
    dates = takewhile(lambda moment: moment <= until, rule.xafter(start, inc=True))
    return list(islice(dates, MAX_OCCURRENCES + 1))


def too_many_dates(event):
    """True when `event` has more dates than MAX_OCCURRENCES: all of them for a rule with an end
    (a calendar app shows them all), those up to the horizon for one without."""
    rule = rule_for(event)
    if rule is None:
        return False
    start, _end = first_span(event)
    until = horizon_until(event) if is_open_ended(event) else datetime.datetime.max
    return len(rule_dates(rule, start, until)) > MAX_OCCURRENCES


def aware(naive):
    return naive.replace(tzinfo=TZ)


@dataclass
class Location:
    name: str
    street_address: str = ""
    postal_code: str = ""
    address_locality: str = ""
    latitude: object = None
    longitude: object = None
    entry: object = None  # the directory place named, whose language the name is in

    @classmethod
    def for_event(cls, event):
        from home.references import live_entry

        # A draft place shows nothing of itself: the event's own place fields stand.
        place = live_entry(event.place) if event.place_id else None
        if place is not None:
            source = place
            name = place.name
        else:
            source = event
            name = event.place_name
        location = cls(
            name=name,
            street_address=source.street_address,
            postal_code=source.postal_code,
            address_locality=source.address_locality,
            latitude=source.latitude,
            longitude=source.longitude,
            entry=place,
        )
        return location if location.text else None

    @property
    def address(self):
        town = " ".join(part for part in (self.postal_code, self.address_locality) if part)
        return ", ".join(part for part in (self.street_address, town) if part)

    @property
    def text(self):
        return ", ".join(part for part in (self.name, self.address) if part)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        from urllib.parse import urlencode

        if self.has_coordinates:
            lat, lon = self.latitude, self.longitude
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"
        if self.address:
            return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})
        return ""


def first_span(event):
    """The first occurrence as naive local (start, end); end is exclusive, None for no end."""
    if event.all_day:
        start = datetime.datetime.combine(event.start_date, datetime.time())
        last_day = event.end_date or event.start_date
        return start, datetime.datetime.combine(last_day + DAY, datetime.time())
    start = datetime.datetime.combine(event.start_date, event.start_time)
    if not (event.end_date or event.end_time):
        return start, None
    end = datetime.datetime.combine(
        event.end_date or event.start_date, event.end_time or start.time()
    )
    if end < start and not event.end_date:  # 22:00–02:00: past midnight
        end += DAY
    return start, max(end, start)


def until_naive(event):
    if event.repeat_until:
        return datetime.datetime.combine(event.repeat_until, datetime.time(23, 59, 59))
    return None


def rule_for(event):
    """The dateutil rule of a repeating event (None for a one-off)."""
    if not event.frequency:
        return None
    start, _end = first_span(event)
    kwargs = {"dtstart": start, "interval": max(event.interval or 1, 1)}
    if event.frequency == "WEEKLY" and event.weekdays:
        kwargs["byweekday"] = [WEEKDAYS[code] for code in event.weekdays.split(",") if code]
    if event.repeat_until:
        kwargs["until"] = until_naive(event)
    elif event.repeat_count:
        kwargs["count"] = event.repeat_count
    return du.rrule(FREQUENCIES[event.frequency], **kwargs)


def horizon_until(event):
    """The last moment a rule without an end is materialised (and exported) to: the horizon
    counted from today, or from the first date of an event further ahead (naive local)."""
    first = max(timezone.localdate(), event.start_date)
    return datetime.datetime.combine(
        first + datetime.timedelta(days=horizon_days()), datetime.time()
    )


def rrule_value(event):
    """The RRULE as icalendar wants it (a dict); UNTIL in UTC, or a DATE for all-day events.

    A rule without an end is exported up to the horizon, like its stored occurrences, so that no
    calendar app repeats it for ever; the daily horizon command rewrites it."""
    if not event.frequency:
        return None
    value = {"FREQ": event.frequency}
    if (event.interval or 1) > 1:
        value["INTERVAL"] = event.interval
    if event.frequency == "WEEKLY" and event.weekdays:
        value["BYDAY"] = event.weekdays.split(",")
    if event.repeat_count and not event.repeat_until:
        value["COUNT"] = event.repeat_count
    elif event.all_day:
        value["UNTIL"] = event.repeat_until or horizon_until(event).date()
    else:
        until = until_naive(event) or horizon_until(event)
        value["UNTIL"] = aware(until).astimezone(datetime.UTC)
    return value


def is_open_ended(event):
    return bool(event.frequency) and not (event.repeat_until or event.repeat_count)


@dataclass
class Occurrence:
    start: datetime.datetime
    end: datetime.datetime
    all_day: bool
    status: str
    original_start: datetime.datetime | None = None
    reason: str = ""


def occurrence_status(event):
    return event.status


def moved_span(change, original_start, duration, all_day):
    day = change.new_start_date or original_start.date()
    if all_day:
        start = datetime.datetime.combine(day, datetime.time())
        return start, start + duration
    start = datetime.datetime.combine(day, change.new_start_time or original_start.time())
    if change.new_end_time:
        end = datetime.datetime.combine(day, change.new_end_time)
        if end < start:
            end += DAY
        return start, end
    return start, start + duration


def occurrences(event, until=None, date_changes=None):
    """Every occurrence of `event` (a repeating one up to `until`, a naive local datetime)."""
    start, end = first_span(event)
    duration = (end - start) if end else datetime.timedelta()
    rule = rule_for(event)
    if rule is None:
        starts = [start]
        changes = {}
    else:
        if until is None:
            until = horizon_until(event)
        starts = rule_dates(rule, start, until)[:MAX_OCCURRENCES]
        if date_changes is None:
            date_changes = event.date_changes.all()
        changes = {change.original_date: change for change in date_changes}
    result = []
    for naive in starts:
        status = occurrence_status(event)
        original = None
        reason = ""
        occ_start, occ_end = naive, naive + duration
        change = changes.get(naive.date())
        if change is not None:
            if change.action == "excluded":
                continue
            reason = change.reason
            if change.action == "cancelled":
                status = "cancelled"
            elif change.action == "moved":
                occ_start, occ_end = moved_span(change, naive, duration, event.all_day)
                original = aware(naive)
                if status == "scheduled":
                    status = "rescheduled"
        result.append(
            Occurrence(aware(occ_start), aware(occ_end), event.all_day, status, original, reason)
        )
    result.sort(key=lambda occ: occ.start)
    return result


def last_end(event):
    """When the last occurrence ends (aware), or None for a rule without an end."""
    if is_open_ended(event):
        return None
    start, end = first_span(event)
    duration = (end - start) if end else datetime.timedelta()
    rule = rule_for(event)
    last = start
    if rule is not None:
        dates = list(rule)
        last = dates[-1] if dates else start
    latest = last + duration
    for change in event.date_changes.all() if rule is not None else []:
        if change.action == "moved":
            _s, moved_end = moved_span(change, start, duration, event.all_day)
            latest = max(latest, moved_end)
    return aware(latest)


def fingerprint(event):
    """A digest of what makes calendar apps show a change: time, place and status."""
    location = event.location
    data = [
        str(event.start_date),
        str(event.start_time),
        str(event.end_date),
        str(event.end_time),
        event.all_day,
        event.status,
        event.frequency,
        event.interval,
        event.weekdays,
        str(event.repeat_until),
        event.repeat_count,
        sorted(
            (
                str(c.original_date),
                c.action,
                str(c.new_start_date),
                str(c.new_start_time),
                str(c.new_end_time),
            )
            for c in event.date_changes.all()
        ),  # fmt: skip
        location.text if location else "",
        str(getattr(event, "place_id", "")),
    ]
    return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()
