"""Dates as a resident sees them: local times across summer time, all-day days, changed dates."""

import datetime

import recurring_ical_events
from django.utils import timezone

from events.models import EventDateChange, EventOccurrence
from tests.events.factories import EventPageFactory
from tests.events.helpers import feed_url, get_feed, vevents
from tests.factories import publish


def local(occurrence):
    return timezone.localtime(occurrence.start)


def test_weekly_event_crossing_the_dst_change_keeps_its_local_time(client, calendars):
    index = calendars.village_calendars[0]
    # Sunday 25 October 2026 is the change back to winter time.
    event = EventPageFactory(
        parent=index,
        title="Kuoroharjoitus",
        start_date=datetime.date(2026, 10, 14),
        start_time=datetime.time(18, 30),
        end_time=datetime.time(20),
        frequency="WEEKLY",
        weekdays="WE",
        repeat_count=4,
    )
    stored = list(EventOccurrence.objects.filter(event=event))
    assert [local(o).strftime("%d.%m. %H:%M") for o in stored] == [
        "14.10. 18:30",
        "21.10. 18:30",
        "28.10. 18:30",
        "04.11. 18:30",
    ]
    assert {o.start.utcoffset() for o in stored} == {datetime.timedelta(0)}  # stored in UTC
    assert {local(o).utcoffset() for o in stored} == {
        datetime.timedelta(hours=3),
        datetime.timedelta(hours=2),
    }
    calendar = get_feed(client, feed_url(index))
    expanded = recurring_ical_events.of(calendar).between(
        datetime.date(2026, 10, 1), datetime.date(2026, 12, 1)
    )
    assert [e["DTSTART"].dt.strftime("%d.%m. %H:%M") for e in expanded] == [
        "14.10. 18:30",
        "21.10. 18:30",
        "28.10. 18:30",
        "04.11. 18:30",
    ]
    assert expanded[-1]["DTSTART"].dt.tzinfo.key == "Europe/Helsinki"


def test_all_day_multi_day_event_has_exclusive_dtend(client, calendars):
    index = calendars.village_calendars[0]
    EventPageFactory(
        parent=index,
        title="Kesäjuhlat",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=datetime.date(2027, 7, 2),
        end_date=datetime.date(2027, 7, 4),
    )
    (event,) = vevents(get_feed(client, feed_url(index)))
    assert event["DTSTART"].to_ical() == b"20270702"
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert event["DTEND"].to_ical() == b"20270705"  # the day after the last day
    occurrence = EventOccurrence.objects.get()
    assert timezone.localtime(occurrence.end).date() == datetime.date(2027, 7, 5)


def test_excluded_cancelled_and_moved_dates(client, calendars):
    index = calendars.village_calendars[0]
    event = EventPageFactory(
        parent=index,
        title="Lentopallo",
        start_date=datetime.date(2027, 1, 4),
        start_time=datetime.time(19),
        end_time=datetime.time(21),
        frequency="WEEKLY",
        repeat_until=datetime.date(2027, 2, 1),
        publish=False,
    )
    event.date_changes = [
        EventDateChange(original_date=datetime.date(2027, 1, 11), action="excluded"),
        EventDateChange(original_date=datetime.date(2027, 1, 18), action="cancelled"),
        EventDateChange(
            original_date=datetime.date(2027, 1, 25),
            action="moved",
            new_start_date=datetime.date(2027, 1, 26),
            new_start_time=datetime.time(18),
        ),
        # Not a date of the rule (a Tuesday; made in code, the admin refuses it): ignored.
        EventDateChange(original_date=datetime.date(2027, 1, 12), action="cancelled"),
    ]
    publish(event)
    stored = [
        (local(o).strftime("%d.%m. %H:%M"), o.status)
        for o in EventOccurrence.objects.filter(event=event)
    ]
    assert stored == [
        ("04.01. 19:00", "scheduled"),
        ("18.01. 19:00", "cancelled"),
        ("26.01. 18:00", "rescheduled"),
        ("01.02. 19:00", "scheduled"),
    ]
    calendar = get_feed(client, feed_url(index))
    master, *overrides = vevents(calendar)
    assert master["RRULE"].to_ical() == b"FREQ=WEEKLY;UNTIL=20270201T215959Z"
    assert [d.dt.day for d in master["EXDATE"].dts] == [11]
    assert {str(o["RECURRENCE-ID"].dt.date()): str(o["STATUS"]) for o in overrides} == {
        "2027-01-18": "CANCELLED",
        "2027-01-25": "CONFIRMED",
    }
    expanded = recurring_ical_events.of(calendar).between(
        datetime.date(2027, 1, 1), datetime.date(2027, 3, 1)
    )
    assert [(e["DTSTART"].dt.strftime("%d.%m. %H:%M"), str(e["STATUS"])) for e in expanded] == [
        ("04.01. 19:00", "CONFIRMED"),
        ("18.01. 19:00", "CANCELLED"),
        ("26.01. 18:00", "CONFIRMED"),
        ("01.02. 19:00", "CONFIRMED"),
    ]


def test_open_ended_rule_is_materialised_and_exported_up_to_the_horizon(
    client, calendars, settings
):
    settings.EVENTS_HORIZON_DAYS = 70
    event = EventPageFactory(
        parent=calendars.village_calendars[0],
        start_date=timezone.localdate(),
        frequency="WEEKLY",
    )
    assert EventOccurrence.objects.filter(event=event).count() == 10
    index = calendars.village_calendars[0]

    def exported():
        calendar = get_feed(client, feed_url(index))
        (vevent,) = vevents(calendar)
        far = timezone.localdate() + datetime.timedelta(days=3650)
        expanded = recurring_ical_events.of(calendar).between(timezone.localdate(), far)
        return vevent["RRULE"], vevent["SEQUENCE"], len(expanded)

    rule, sequence, count = exported()
    assert "UNTIL" in rule and count == 10  # never repeated for ever, the stored dates only
    settings.EVENTS_HORIZON_DAYS = 140
    from django.core.management import call_command

    call_command("extend_event_horizon", verbosity=0)
    assert EventOccurrence.objects.filter(event=event).count() == 20
    rule, new_sequence, count = exported()
    assert count == 20 and new_sequence == sequence


def test_unpublishing_and_deleting_remove_occurrences(calendars):
    event = EventPageFactory(parent=calendars.village_calendars[0])
    assert EventOccurrence.objects.filter(event=event).exists()
    event.unpublish()
    assert not EventOccurrence.objects.filter(event=event).exists()
    publish(event)
    assert EventOccurrence.objects.filter(event=event).exists()
    event.delete()
    assert not EventOccurrence.objects.exists()
