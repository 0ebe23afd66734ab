"""Demo events: every kind the calendar must show, in three languages, seeded idempotently."""

import io

from events.demo import seed_events
from events.models import EventDateChange, EventIndexPage, EventOccurrence, EventPage
from tests.conftest import translate_tree


def test_seed_events_is_idempotent_and_translated(client, region):
    translate_tree(region.home)
    out = io.StringIO()
    seed_events(region.home, region.villages, out)
    fi_events = EventPage.objects.filter(locale__language_code="fi")
    assert fi_events.count() == 8 * len(region.villages)
    for code in ("sv", "en"):
        translated = EventPage.objects.filter(locale__language_code=code, alias_of__isnull=True)
        assert translated.count() == fi_events.count()
    assert EventIndexPage.objects.filter(locale__language_code="fi").count() == 3
    kinds = {
        "recurring": fi_events.exclude(frequency="").exists(),
        "all_day": fi_events.filter(all_day=True).exists(),
        "multi_day": any(e.is_multi_day for e in fi_events),
        "cancelled": fi_events.filter(status="cancelled").exists(),
        "free": fi_events.filter(is_free=True).exists(),
        "paid": fi_events.exclude(price="").exists(),
        "excluded": EventDateChange.objects.filter(action="excluded").exists(),
    }
    assert all(kinds.values()), kinds
    occurrences = EventOccurrence.objects.count()
    seed_events(region.home, region.villages, io.StringIO())
    assert EventPage.objects.count() == 3 * 8 * len(region.villages)
    assert EventOccurrence.objects.count() == occurrences
    for index in EventIndexPage.objects.all():
        assert client.get(index.url).status_code == 200
        assert client.get(index.url + "feed.ics").status_code == 200
    for event in EventPage.objects.all()[:6]:
        assert client.get(event.url).status_code == 200
