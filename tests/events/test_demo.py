"""Demo events: every kind the calendar must show, in three languages, seeded idempotently."""

import datetime
import io
from zoneinfo import ZoneInfo

import time_machine
from django.utils.html import escape

from directory.demo import seed_directory
from events.demo import CALENDAR_INTRO, EVENTS, TEXT_FIELDS, seed_events
from events.models import EventDateChange, EventIndexPage, EventOccurrence, EventPage
from tests.conftest import translate_tree

# An autumn Monday in Helsinki: the club evenings run weekly until mid-December.
AUTUMN_DAY = datetime.datetime(2026, 10, 5, 12, tzinfo=ZoneInfo("Europe/Helsinki"))


@time_machine.travel(AUTUMN_DAY, tick=False)
def test_seed_events_is_idempotent_and_translated(client, region):
    translate_tree(region.home)
    out = io.StringIO()
    seed_directory(region.home, region.villages, out)
    seed_events(region.home, region.villages, out)
    fi_events = EventPage.objects.filter(locale__language_code="fi")
    expected = sum(len(EVENTS[village.title]) for village in region.villages)
    assert fi_events.count() == expected
    # Between them the villages' calendars have every kind, at their own places and associations.
    assert_every_kind(fi_events, region.villages)
    for code in ("sv", "en"):
        translated = EventPage.objects.filter(locale__language_code=code, alias_of__isnull=True)
        assert translated.count() == fi_events.count()
        for event in translated.select_related("alias_of"):
            source = event.get_translation(fi_events.first().locale)
            for field in TEXT_FIELDS:
                if getattr(source, field) and any(ch.isalpha() for ch in getattr(source, field)):
                    assert getattr(event, field) != getattr(source, field), (event.slug, field)
            assert event.image_id == source.image_id and event.image_alt != source.image_alt
    assert all(event.slug.isascii() for event in EventPage.objects.all())
    assert EventIndexPage.objects.filter(locale__language_code="fi").count() == 3
    occurrences = EventOccurrence.objects.count()
    seed_events(region.home, region.villages, io.StringIO())
    assert EventPage.objects.count() == 3 * expected
    assert EventOccurrence.objects.count() == occurrences
    for index in EventIndexPage.objects.select_related("locale"):
        response = client.get(index.url)
        assert response.status_code == 200
        # The calendar's introduction reads in the calendar's language.
        assert escape(CALENDAR_INTRO[index.locale.language_code]) in response.content.decode()
        assert client.get(index.url + "feed.ics").status_code == 200
    for event in EventPage.objects.all()[:6]:
        assert client.get(event.url).status_code == 200
    village = region.villages[0]
    hall = client.get(f"{village.url}hakemisto/paikka/{village.slug}-kylatalo/").content.decode()
    assert "Kirpputori kylätalolla" in hall  # the hall lists the events held there


def assert_every_kind(events, villages):
    weekly = events.filter(frequency="WEEKLY")
    kinds = {
        "weekly with a left-out date": EventDateChange.objects.filter(
            page__in=weekly, action="excluded"
        ).exists(),
        "weekly with a moved date": EventDateChange.objects.filter(
            page__in=weekly, action="moved"
        ).exists(),
        "monthly with a cancelled date": EventDateChange.objects.filter(
            page__in=events.filter(frequency="MONTHLY"), action="cancelled"
        ).exists(),
        "all_day": events.filter(all_day=True).exists(),
        "multi_day": any(e.is_multi_day for e in events),
        "cancelled": events.filter(status="cancelled").exists(),
        "free": events.filter(is_free=True).exists(),
        "paid": events.exclude(price="").exists(),
        "with a topic": events.filter(topics__isnull=False).exists(),
        "with a picture": events.filter(image__isnull=False).count() == events.count(),
    }
    assert all(kinds.values()), kinds
    for village in villages:
        own = events.descendant_of(village)
        assert own.filter(place__slug=f"{village.slug}-kylatalo").exists(), village.slug
        assert own.filter(organiser__slug=f"{village.slug}-kylayhdistys").exists(), village.slug
