import datetime

import icalendar
import vobject

from events import services
from events.models import EventPage


def get_feed(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    # An independent parser must accept it too.
    vobject.readOne(response.content.decode("utf-8"))
    return calendar


def feed_url(index):
    return index.url + "ical/"


def vevents(calendar, uid=None):
    return [e for e in calendar.walk("VEVENT") if uid is None or str(e["UID"]) == uid]


def add_events_cheaply(index, count, start=0, recurring_every=10):
    """Pages through add_child (no revisions), then the same refresh as publishing does."""
    today = datetime.date.today()
    for number in range(start, start + count):
        page = EventPage(
            title=f"Tapahtuma {number}",
            slug=f"tapahtuma-{number}",
            summary="Kylätalolla.",
            start_date=today + datetime.timedelta(days=number % 60 + 1),
            start_time=datetime.time(18),
            end_time=datetime.time(20),
            place_name="Kylätalo",
            frequency="WEEKLY" if number % recurring_every == 0 else "",
            repeat_count=10 if number % recurring_every == 0 else None,
        )
        index.add_child(instance=page)
        index.numchild += 1
        services.refresh_event(page)
    services.bump_generation()
