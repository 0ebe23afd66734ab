"""iCalendar (RFC 5545) text of events and calendars.

Each event's VEVENT text (the master, with RRULE/EXDATE, plus one VEVENT per cancelled or moved
date, with RECURRENCE-ID) is written with icalendar when the page is published and stored in
EventFeedEntry; a calendar is a header, the hand-written VTIMEZONE and those texts joined.
"""

import datetime
import html
import re

import icalendar
from django.utils.html import strip_tags
from django.utils.translation import gettext

from home import text

from . import schedule, wording

PRODID = "-//Kylätori//Kylätori events//FI"
UID_DOMAIN = "kylatori"
CRLF = "\r\n"

# Europe/Helsinki as yearly rules (EU: last Sunday of March and October at 01:00 UTC), not as a
# list of dated transitions, so it stays right for every year a repeating event reaches.
VTIMEZONE = CRLF.join(
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Helsinki",
        "X-LIC-LOCATION:Europe/Helsinki",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0300",
        "TZNAME:EEST",
        "DTSTART:19700329T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0300",
        "TZOFFSETTO:+0200",
        "TZNAME:EET",
        "DTSTART:19701025T040000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
        "",
    ]
)

STATUS = {
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def uid(page):
    """The same in every language and for ever: from the page's translation key."""
    return f"{page.translation_key}@{UID_DOMAIN}"


def stream_plain_text(stream):
    """The text of a BodyBlock StreamField without markup (for DESCRIPTION)."""
    parts = []
    for block in stream or []:
        value = block.value
        if block.block_type == "paragraph":
            source = getattr(value, "source", str(value))
            source = re.sub(r"</(p|li|h\d)>|<br\s*/?>", "\n", source)
            parts.append(html.unescape(strip_tags(source)).strip())
        elif block.block_type == "heading":
            parts.append(value.get("text", ""))
        elif block.block_type == "quote":
            parts.append(value.get("quote", ""))
    return "\n\n".join(part for part in parts if part)


def description_text(page):
    parts = [page.summary, stream_plain_text(page.description)]
    if page.accessibility:
        parts.append(page.accessibility)
    if page.is_free:
        parts.append(gettext("Free"))
    elif page.price:
        parts.append(page.price)
    if page.registration_url:
        parts.append(page.registration_url)
    return "\n\n".join(text.ical_text(part) for part in parts if part)


def _value(naive_or_aware, all_day):
    if all_day:
        return naive_or_aware.date()
    if naive_or_aware.tzinfo is None:
        return schedule.aware(naive_or_aware)
    return naive_or_aware


def _common(component, page, url, dtstamp, sequence, status):
    component.add("uid", uid(page))
    component.add("dtstamp", dtstamp.astimezone(datetime.UTC))
    if page.last_published_at:
        component.add("last-modified", page.last_published_at.astimezone(datetime.UTC))
    component.add("sequence", sequence)
    component.add("summary", text.ical_text(page.title))
    component.add("status", STATUS.get(status, "CONFIRMED"))
    component.add("url", url)
    location = page.location
    if location:
        component.add("location", text.one_line(location.text))
        if location.has_coordinates:
            component.add("geo", (float(location.latitude), float(location.longitude)))
    organiser = page.organiser_info
    if organiser:
        if organiser["email"]:
            address = f"mailto:{organiser['email']}"
        else:
            address = organiser["url"] or f"urn:x-kylatori:organiser:{page.translation_key}"
        component.add(
            "organizer",
            icalendar.vCalAddress(address),
            parameters={"cn": text.one_line(organiser["name"])},
        )
    topics = [text.one_line(topic.name) for topic in getattr(page, "topic_list", [])]
    if topics:
        component.add("categories", topics)
    description = description_text(page)
    if description:
        component.add("description", description)


def event_components(page, source, url, dtstamp, sequence):
    """The VEVENTs of `page` (an alias shows `source`'s content under its own address)."""
    event = source
    start, end = schedule.first_span(event)
    master = icalendar.Event()
    _common(master, page if page is source else _AliasView(page, source), url, dtstamp, sequence,
            event.status)  # fmt: skip
    master.add("dtstart", _value(start, event.all_day))
    if end is not None:
        master.add("dtend", _value(end, event.all_day))
    components = [master]
    rule = schedule.rrule_value(event)
    if rule:
        master.add("rrule", rule)
        duration = (end - start) if end else datetime.timedelta()
        excluded = []
        dates = schedule.rule_for(event)
        for change in sorted(event.date_changes.all(), key=lambda c: c.original_date):
            original = datetime.datetime.combine(change.original_date, start.time())
            if original not in dates:
                continue  # not a date of the rule: the listings ignore it too
            if change.action == "excluded":
                excluded.append(_value(original, event.all_day))
                continue
            override = icalendar.Event()
            status = "cancelled" if change.action == "cancelled" else event.status
            _common(override, page if page is source else _AliasView(page, source), url, dtstamp,
                    sequence, status)  # fmt: skip
            override.add("recurrence-id", _value(original, event.all_day))
            if change.action == "moved":
                new_start, new_end = schedule.moved_span(change, original, duration, event.all_day)
            else:
                new_start, new_end = original, original + duration
            override.add("dtstart", _value(new_start, event.all_day))
            if end is not None:
                override.add("dtend", _value(new_end, event.all_day))
            if change.reason:
                add_reason(override, change)
            components.append(override)
        if excluded:
            master.add("exdate", excluded)
    return components


def add_reason(override, change):
    """Why a date was cancelled or moved: first in DESCRIPTION, which every calendar app shows,
    and as a COMMENT (RFC 5545 §3.8.1.4), which some show beside the status. In a Swedish or
    English feed the reason, written in Finnish (wording.reason_language), says so: "(på
    finska)" after it, and the COMMENT's LANGUAGE parameter."""
    language = wording.reason_language()
    reason = change.reason
    if language:
        reason = f"{reason} ({gettext('in Finnish')})"
    if change.action == "cancelled":
        line = gettext("Cancelled: %(reason)s")
    else:
        line = gettext("Moved: %(reason)s")
    line = text.ical_text(line % {"reason": reason})
    description = override.pop("description", None)
    override.add("description", f"{line}\n\n{description}" if description else line)
    parameters = {"LANGUAGE": language} if language else None
    override.add("comment", text.ical_text(change.reason), parameters=parameters)


class _AliasView:
    """An alias page: its own address and language, the source page's content."""

    def __init__(self, page, source):
        self._page, self._source = page, source

    def __getattr__(self, name):
        if name in ("translation_key", "pk", "id", "locale", "url_path"):
            return getattr(self._page, name)
        return getattr(self._source, name)


def vevent_text(page, source, url, dtstamp, sequence):
    return "".join(
        component.to_ical().decode("utf-8")
        for component in event_components(page, source, url, dtstamp, sequence)
    )


def calendar_text(name, description, language, vevents):
    """A whole VCALENDAR around already serialised VEVENT texts."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # icalendar escapes a plain string only for properties it knows as TEXT; NAME and the X-WR-
    # names it does not, so one line break in a calendar's title or intro would end the line.
    calendar.add("name", icalendar.vText(text.one_line(name)))
    calendar.add("x-wr-calname", icalendar.vText(text.one_line(name)))
    if description:
        calendar.add("x-wr-caldesc", icalendar.vText(text.ical_text(description)))
    calendar.add("x-wr-timezone", "Europe/Helsinki")
    calendar.add("refresh-interval", datetime.timedelta(hours=1), parameters={"value": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    header = calendar.to_ical().decode("utf-8")
    header = header[: -len("END:VCALENDAR\r\n")]
    return "".join([header, VTIMEZONE, *vevents, "END:VCALENDAR\r\n"])
