"""Dates, times and schedules written out in plain words, in the visitor's language.

Django's DATE_FORMAT and TIME_FORMAT are for a date or time standing alone ("31. maaliskuuta
2027"). Inside a sentence ("joka tiistai klo 18–19, 31.3.2027 asti") each language writes them
its own way, so the formats used here are translatable strings (a Django format string as the
msgstr): Finnish and Finland-Swedish write 31.3.2027 and a whole hour as "18", English writes
31 March 2027 and 18:00.
"""

from django.utils import formats
from django.utils.translation import pgettext


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
