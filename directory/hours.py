"""Opening hours: which ranges apply on a date, the coming week, and "open now" status.

Pure Python over plain values (no database), so that the rules can be tested with frozen time and
reused by the page, the JSON-LD and any export. All wall-clock times are Europe/Helsinki.

Rules, in order, for one date:
1. a dated exception covering the date wins: closed, or its own ranges (several rows for the same
   dates give several ranges);
2. otherwise, when the service closes on Finnish public holidays and the date is one (as the
   `holidays` package lists them, including Midsummer Eve and Christmas Eve), it is closed;
3. otherwise the regular ranges of that weekday.
A range whose closing time is not after its opening time runs past midnight into the next day
(22.00–02.00); 00.00–00.00 means the whole day.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

HELSINKI = ZoneInfo("Europe/Helsinki")
LOOKAHEAD_DAYS = 8
# How far ahead an entry's page lists its exceptions (closures, changed hours, holidays).
EXCEPTION_DAYS = 60

# The `holidays` package's names for Finnish holidays, by Django language code.
HOLIDAY_LANGUAGES = {"fi": "fi", "sv": "sv_FI", "en": "en_US"}


@dataclass(frozen=True)
class Range:
    opens: time
    closes: time

    @property
    def past_midnight(self):
        return self.closes <= self.opens


@dataclass(frozen=True)
class DatedHours:
    """An exception for start..end (inclusive): closed, or open for `ranges` instead."""

    start: date
    end: date
    closed: bool = True
    ranges: tuple = ()
    note: str = ""

    def covers(self, day):
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Day:
    """What applies on one date: its ranges (empty = closed) and why, if not the regular hours."""

    date: date
    ranges: tuple
    reason: str = ""
    is_exception: bool = False

    @property
    def is_closed(self):
        return not self.ranges


@dataclass(frozen=True)
class Status:
    is_open: bool
    text: str
    reason: str = ""


@lru_cache(maxsize=64)
def finnish_holidays(year, language):
    return holidays.Finland(years=year, language=language)


def holiday_name(day):
    language = HOLIDAY_LANGUAGES.get(translation.get_language() or "fi", "en_US")
    return finnish_holidays(day.year, language).get(day)


def format_time(value):
    """A time in the active language's TIME_FORMAT (fi and sv "9.00", en "09:00")."""
    return formats.time_format(value, "TIME_FORMAT")


def weekday_name(weekday):
    return [
        pgettext("weekday", "Monday"),
        pgettext("weekday", "Tuesday"),
        pgettext("weekday", "Wednesday"),
        pgettext("weekday", "Thursday"),
        pgettext("weekday", "Friday"),
        pgettext("weekday", "Saturday"),
        pgettext("weekday", "Sunday"),
    ][weekday]


def weekday_name_opens(weekday):
    """The weekday as it follows "opens" (Finnish needs the essive: "avautuu maanantaina")."""
    return [
        pgettext("opens on weekday", "Monday"),
        pgettext("opens on weekday", "Tuesday"),
        pgettext("opens on weekday", "Wednesday"),
        pgettext("opens on weekday", "Thursday"),
        pgettext("opens on weekday", "Friday"),
        pgettext("opens on weekday", "Saturday"),
        pgettext("opens on weekday", "Sunday"),
    ][weekday]


def aware(day, value):
    """The Helsinki wall-clock time `value` on `day` (a time skipped by DST maps forward)."""
    local = datetime.combine(day, value, tzinfo=HELSINKI)
    # Round-trip through UTC so that a non-existent time (03.30 on the last Sunday of March)
    # becomes a real instant and comparisons are between instants, not wall-clock readings.
    return local.astimezone(UTC).astimezone(HELSINKI)


@dataclass
class OpeningHours:
    weekly: dict = field(default_factory=dict)  # weekday (0 = Monday) -> list of Range
    exceptions: list = field(default_factory=list)  # DatedHours
    closed_on_holidays: bool = False
    note: str = ""

    @property
    def is_empty(self):
        return not any(self.weekly.values()) and not self.exceptions

    def day(self, day):
        matching = [e for e in self.exceptions if e.covers(day)]
        if matching:
            if any(e.closed for e in matching):
                note = next((e.note for e in matching if e.closed and e.note), "")
                return Day(day, (), note or _("Exceptionally closed"), is_exception=True)
            ranges = tuple(sorted((r for e in matching for r in e.ranges), key=lambda r: r.opens))
            note = next((e.note for e in matching if e.note), "")
            return Day(day, ranges, note or _("Exceptional hours"), is_exception=True)
        if self.closed_on_holidays:
            name = holiday_name(day)
            if name:
                return Day(day, (), name, is_exception=True)
        ranges = tuple(sorted(self.weekly.get(day.weekday(), ()), key=lambda r: r.opens))
        return Day(day, ranges)

    def week(self, start):
        """The seven days from `start` (a date), each with what applies on it."""
        return [self.day(start + timedelta(days=offset)) for offset in range(7)]

    def intervals(self, first, last):
        """Opening intervals (aware start, end) of the days first..last, merged where they touch."""
        found = []
        day = first
        while day <= last:
            for r in self.day(day).ranges:
                start = aware(day, r.opens)
                end_day = day + timedelta(days=1) if r.past_midnight else day
                found.append((start, aware(end_day, r.closes)))
            day += timedelta(days=1)
        found.sort()
        merged = []
        for start, end in found:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    def is_open(self, now):
        """Whether open at `now`. Only today's and yesterday's ranges can cover it (a range lasts
        at most a day), so the listing's "open now" filter loads only those (listing.py)."""
        today = now.astimezone(HELSINKI).date()
        return any(
            start <= now < end for start, end in self.intervals(today - timedelta(days=1), today)
        )

    def exceptions_ahead(self, start, days=EXCEPTION_DAYS):
        """What differs from the weekly hours on the `days` days from `start`, by date: the dated
        exceptions that overlap them (rows for the same dates as one, with all their ranges), and
        the public holidays it closes on that fall on a day it would otherwise be open."""
        last = start + timedelta(days=days - 1)
        grouped = {}
        for e in self.exceptions:
            if e.start <= last and e.end >= start:
                grouped.setdefault((e.start, e.end), []).append(e)
        found = [
            DatedHours(
                begin,
                end,
                closed=any(e.closed for e in rows),
                ranges=tuple(sorted((r for e in rows for r in e.ranges), key=lambda r: r.opens)),
                note=next((e.note for e in rows if e.note), ""),
            )
            for (begin, end), rows in grouped.items()
        ]
        if self.closed_on_holidays:
            for offset in range(days):
                day = start + timedelta(days=offset)
                name = holiday_name(day)
                dated = any(e.covers(day) for e in self.exceptions)
                if name and not dated and self.weekly.get(day.weekday()):
                    found.append(DatedHours(day, day, closed=True, note=name))
        return sorted(found, key=lambda e: (e.start, e.end))

    def status(self, now):
        """The live status at `now` (an aware datetime), or None when no hours are given."""
        if self.is_empty:
            return None
        now = now.astimezone(HELSINKI)
        today = now.date()
        today_info = self.day(today)
        intervals = self.intervals(today - timedelta(days=1), today + timedelta(LOOKAHEAD_DAYS))
        for start, end in intervals:
            if start <= now < end:
                if end - start >= timedelta(days=LOOKAHEAD_DAYS):
                    return Status(True, _("Open"))
                closes = end.astimezone(HELSINKI)
                if closes.date() == today:
                    text = _("Open, closes %(time)s") % {"time": format_time(closes.time())}
                else:
                    text = _("Open, closes tomorrow %(time)s") % {
                        "time": format_time(closes.time())
                    }
                return Status(True, text)
        upcoming = next((start for start, _end in intervals if start > now), None)
        closed_today = today_info.is_closed
        reason = today_info.reason if today_info.is_exception else ""
        if upcoming is None or upcoming.date() - today > timedelta(days=6):
            return Status(False, _("Closed today") if closed_today else _("Closed"), reason)
        opens = upcoming.astimezone(HELSINKI)
        values = {"time": format_time(opens.time()), "day": weekday_name_opens(opens.weekday())}
        days_ahead = (opens.date() - today).days
        if days_ahead == 0:
            text = _("Closed, opens %(time)s") % values
        elif days_ahead == 1:
            if closed_today:
                text = _("Closed today, opens tomorrow %(time)s") % values
            else:
                text = _("Closed, opens tomorrow %(time)s") % values
        elif closed_today:
            text = _("Closed today, opens %(day)s %(time)s") % values
        else:
            text = _("Closed, opens %(day)s %(time)s") % values
        return Status(False, text, reason)


def format_ranges(ranges):
    """ "9.00–16.00, 18.00–20.00" in the active language's time format."""
    return ", ".join(f"{format_time(r.opens)}–{format_time(r.closes)}" for r in ranges)
