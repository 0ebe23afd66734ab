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
    return index.url + "feed.ics"


def vevents(calendar, uid=None):
    return [e for e in calendar.walk("VEVENT") if uid is None or str(e["UID"]) == uid]


def add_events_cheaply(index, count, start=0, recurring_every=10):
    """`count` live event pages under `index`, fast: tree rows in bulk, no revisions.

    Pages are inserted the way treebeard lays out paths, then refreshed exactly as publishing
    does (occurrences and feed text), so feeds and listings see ordinary published events.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    index.refresh_from_db()
    last = index.get_last_child()
    position = Page._str2int(last.path[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(EventPage)
    now = timezone.now()
    today = timezone.localdate()
    numbers = list(range(start, start + count))
    pages = []
    for offset, number in enumerate(numbers, start=1):
        title, slug = f"Tapahtuma {number}", f"tapahtuma-{number}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(index.path, index.depth + 1, position + offset),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                locale_id=index.locale_id,
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    index.numchild += count
    page_fields = [field.attname for field in Page._meta.concrete_fields]
    for page, number in zip(pages, numbers, strict=True):
        recurring = number % recurring_every == 0
        event = EventPage(
            **{name: getattr(page, name) for name in page_fields},
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
        event.page_ptr_id = page.pk
        event.save_base(raw=True)  # the event table only: the page row exists
        services.refresh_event(event)
    services.bump_generation()
