import datetime

import icalendar
import vobject
from django.utils import timezone

from events import services
from events.models import EventPage


def soon(days):
    """The date `days` days from today."""
    return timezone.localdate() + datetime.timedelta(days=days)


def html_of(client, url, **params):
    """The page's HTML as a resident of the default region gets it (and that it is a 200)."""
    response = client.get(url, params, HTTP_HOST="localhost")
    assert response.status_code == 200
    return response.content.decode()


def get_feed(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    # An independent parser must accept it too.
    vobject.readOne(response.content.decode("utf-8"))
    return calendar


def feed_url(index):
    return index.url + "feed.ics"


def vevents(calendar, uid=None):
    return [e for e in calendar.walk("VEVENT") if uid is None or str(e["UID"]) == uid]


def add_events_cheaply(index, count, start=0, recurring_every=10):
    """`count` live event pages under `index`, fast: tree rows in bulk, no revisions.

    Pages are inserted the way treebeard lays out paths, then refreshed exactly as publishing
    does (occurrences and feed text), so feeds and listings see ordinary published events.
    """
    from django.utils import timezone

    from tests.factories import add_child_pages_in_bulk

    today = timezone.localdate()
    events = []
    for number in range(start, start + count):
        recurring = number % recurring_every == 0
        events.append(
            EventPage(
                title=f"Tapahtuma {number}",
                slug=f"tapahtuma-{number}",
                summary="Kyläyhdistyksen tilaisuus kylätalolla; kahvitarjoilu, tervetuloa!",
                start_date=today + datetime.timedelta(days=number % 60 + 1),
                start_time=datetime.time(18),
                end_time=datetime.time(20),
                place_name="Kylätalo",
                street_address="Kylätie 1",
                postal_code="35400",
                address_locality="Länkipohja",
                organiser_name="Kyläyhdistys ry",
                is_free=number % 2 == 0,
                frequency="WEEKLY" if recurring else "",
                repeat_count=10 if recurring else None,
            )
        )
    for event in add_child_pages_in_bulk(index, events):
        services.refresh_event(event)
    services.bump_generation()
