"""What the demo knows about each village, read from home/demo/content.py.

The news (builder.py), the events (events/demo.py) and the directory (directory/demo.py) take
names, addresses and dates from here, so they tell the same story: the village hall seats as many
as its page says, the library bus stops when the news says it does, and the autumn meeting is on
the day the news announces.
"""

import calendar
import datetime

from . import content

VILLAGES = {spec["name"]: spec for region in content.REGIONS for spec in region["villages"]}


def village(name):
    """The demo's spec of the village called `name` (its Finnish name), with its facts."""
    try:
        return {**VILLAGES[name], **content.VILLAGE_FACTS[name]}
    except KeyError:
        raise LookupError(
            f"The demo knows nothing of a village called {name!r}: add it to home/demo/content.py "
            "(with its genitive and its VILLAGE_FACTS)."
        ) from None


def genitive(name):
    """The Finnish genitive of a village's name, as written in content.py ("Kuoreveden").

    Finnish genitives are not made by adding an n ("Kuorevesi" → "Kuoreveden", "Vuolenkoski" →
    "Vuolenkosken"), so every "Länkipohjan kyläyhdistys" of the demo is written with this.
    """
    return village(name)["genitive"]


def nth_weekday(year, month, weekday, nth):
    """The `nth` `weekday` (0 = Monday) of the month, or the last one when `nth` is -1."""
    days = [
        day
        for day in calendar.Calendar().itermonthdates(year, month)
        if day.month == month and day.weekday() == weekday
    ]
    return days[nth - 1 if nth > 0 else nth]


def happening(name, key, today):
    """The date of the village's annual happening `key`: the latest whose news is out by `today`.

    So the news of it is never dated in the future, and the event is either coming (its news is
    out) or has been, within the last year.
    """
    month, weekday, nth, lead = village(name)["happenings"][key]
    for year in (today.year + 1, today.year, today.year - 1):
        day = nth_weekday(year, month, weekday, nth)
        if day - datetime.timedelta(days=lead) <= today:
            return day
    raise AssertionError("unreachable: last year's date is always announced by now")


def news_date(name, news, today):
    """A news item's date: `lead` days before the happening it is "about", or `days_ago`."""
    if "about" in news:
        lead = village(name)["happenings"][news["about"]][3]
        return happening(name, news["about"], today) - datetime.timedelta(days=lead)
    return today - datetime.timedelta(days=news["days_ago"])
