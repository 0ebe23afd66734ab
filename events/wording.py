"""Dates, times and schedules written out in plain words, in the visitor's language.

Django's DATE_FORMAT and TIME_FORMAT are for a date or time standing alone ("31. maaliskuuta
2027"). Inside a sentence ("joka tiistai klo 18–19, 31.3.2027 asti") each language writes them
its own way, so the formats used here are translatable strings (a Django format string as the
msgstr): Finnish and Finland-Swedish write 31.3.2027 and a whole hour as "18", English writes
31 March 2027 and 18:00.
"""

from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language, npgettext, pgettext


def reason_language():
    """The language of the reasons given for changed dates when it is not the active language,
    else "". A reason is written once, in Finnish, with the date change; like the dates it is
    synchronised to every language as it is (EventPage.override_translatable_fields), so the
    Swedish and English pages and feeds show it marked as Finnish ("(på finska)")."""
    return "" if get_language() == settings.LANGUAGE_CODE else settings.LANGUAGE_CODE


def sentence_date(day):
    """A date inside a sentence: fi/sv 31.3.2027, en 31 March 2027."""
    return formats.date_format(day, pgettext("date format inside a sentence", "j F Y"))


def clock(moment):
    """A time of day inside a sentence: fi 18 or 18.30, sv 18 or 18.30, en 18:00 or 18:30."""
    if moment.minute == 0:
        return formats.time_format(moment, pgettext("time format of a whole hour", "H:i"))
    return formats.time_format(moment, pgettext("time format inside a sentence", "H:i"))


def date_range(first, last):
    """Two dates as a span ("1.12.2026–6.12.2026"), or one date when they are the same day."""
    if first == last:
        return sentence_date(first)
    return f"{sentence_date(first)}–{sentence_date(last)}"


def weekday_names(codes):
    """Weekday names joined as a list ("tiistai ja torstai", "Tuesday and Thursday")."""
    from django.utils.text import get_text_list

    from .models import WEEKDAYS

    names = dict(WEEKDAYS)
    return get_text_list([str(names[code]) for code in codes], pgettext("list", "and"))


def rule_phrase(event):
    """How often a repeating event meets: "joka tiistai", "varannan vecka på tisdag"…"""
    interval = max(event.interval or 1, 1)
    if event.frequency == "WEEKLY":
        from .models import WEEKDAY_CODES

        codes = [c for c in (event.weekdays or "").split(",") if c] or [
            WEEKDAY_CODES[event.start_date.weekday()]
        ]
        days = weekday_names(codes)
        if interval == 1:
            return pgettext("repeats", "every %(weekdays)s") % {"weekdays": days}
        if interval == 2:
            return pgettext("repeats", "every other %(weekdays)s") % {"weekdays": days}
        return pgettext("repeats", "every %(n)s weeks on %(weekdays)s") % {
            "n": interval,
            "weekdays": days,
        }
    if event.frequency == "DAILY":
        if interval == 1:
            return pgettext("repeats", "every day")
        return pgettext("repeats", "every %(n)s days") % {"n": interval}
    if event.frequency == "MONTHLY":
        if interval == 1:
            return pgettext("repeats", "on day %(day)s of every month") % {
                "day": event.start_date.day
            }
        return pgettext("repeats", "on day %(day)s of every %(n)s months") % {
            "day": event.start_date.day,
            "n": interval,
        }
    if event.frequency == "YEARLY":
        day = formats.date_format(event.start_date, pgettext("day and month in a sentence", "j F"))
        return pgettext("repeats", "every year on %(date)s") % {"date": day}
    return ""


def recurrence_text(event):
    """The whole schedule of a repeating event in one phrase: "joka tiistai klo 18–19,
    31.3.2027 asti", "varje tisdag kl. 18–19 till och med 31.3.2027", "every Tuesday
    18:00–19:00 until 31 March 2027". Empty for a one-off event."""
    if not event.frequency:
        return ""
    text = rule_phrase(event)
    if not event.all_day and event.start_time:
        if event.end_time and not event.end_date:
            span = pgettext("repeats", "%(start)s–%(end)s") % {
                "start": clock(event.start_time),
                "end": clock(event.end_time),
            }
        else:
            span = pgettext("repeats", "at %(start)s") % {"start": clock(event.start_time)}
        text = pgettext("repeats", "%(rule)s %(time)s") % {"rule": text, "time": span}
    if event.repeat_until:
        text = pgettext("repeats", "%(schedule)s until %(date)s") % {
            "schedule": text,
            "date": sentence_date(event.repeat_until),
        }
    elif event.repeat_count:
        text = npgettext(
            "repeats",
            "%(schedule)s, %(count)s time in all",
            "%(schedule)s, %(count)s times in all",
            event.repeat_count,
        ) % {"schedule": text, "count": event.repeat_count}
    return text


def moment(value):
    """A date and time inside a sentence: "tiistai 1.12.2026 klo 18", "Tuesday 1 December
    2026, 18:00"; a date alone for an all-day event."""
    from django.utils import timezone

    local = timezone.localtime(value)
    weekday = formats.date_format(local, "l")
    return pgettext("weekday, date and time", "%(weekday)s %(date)s, %(time)s") % {
        "weekday": weekday,
        "date": sentence_date(local.date()),
        "time": clock(local.time()),
    }


def moved_text(occurrence):
    """ "Siirretty ajasta … aikaan …": where a moved date of a repeating event went."""
    from django.utils import timezone

    if occurrence.all_day:
        return pgettext("moved day", "Moved from %(original)s to %(new)s.") % {
            "original": sentence_date(timezone.localdate(occurrence.original_start)),
            "new": sentence_date(timezone.localdate(occurrence.start)),
        }
    return pgettext("moved date", "Moved from %(original)s to %(new)s.") % {
        "original": moment(occurrence.original_start),
        "new": moment(occurrence.start),
    }
