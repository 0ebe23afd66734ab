"""Demo events: every kind the calendar must show, in three languages, seeded idempotently."""

import io

from directory.demo import seed_directory
from events.demo import seed_events
from events.models import EventDateChange, EventIndexPage, EventOccurrence, EventPage
from tests.conftest import translate_tree


def test_seed_events_is_idempotent_and_translated(client, region):
    translate_tree(region.home)
    out = io.StringIO()
    seed_directory(region.home, region.villages, out)
    seed_events(region.home, region.villages, out)
    fi_events = EventPage.objects.filter(locale__language_code="fi")
    assert fi_events.count() == 8 * len(region.villages)
    for village in region.villages:
        # Every village's calendar has every kind, at its own demo places and associations.
        assert_every_kind(fi_events.descendant_of(village), village)
    for code in ("sv", "en"):
        translated = EventPage.objects.filter(locale__language_code=code, alias_of__isnull=True)
        assert translated.count() == fi_events.count()
    assert EventIndexPage.objects.filter(locale__language_code="fi").count() == 3
    occurrences = EventOccurrence.objects.count()
    seed_events(region.home, region.villages, io.StringIO())
    assert EventPage.objects.count() == 3 * 8 * len(region.villages)
    assert EventOccurrence.objects.count() == occurrences
    for index in EventIndexPage.objects.all():
        assert client.get(index.url).status_code == 200
        assert client.get(index.url + "feed.ics").status_code == 200
    for event in EventPage.objects.all()[:6]:
        assert client.get(event.url).status_code == 200
    village = region.villages[0]
    hall = client.get(f"{village.url}hakemisto/paikka/{village.slug}-kylatalo/").content.decode()
    assert "Kirpputori ja kyläkahvila" in hall and "Kyläjuhlat" in hall


def assert_every_kind(events, village):
    weekly = events.filter(frequency="WEEKLY")
    kinds = {
        "weekly with a left-out date": EventDateChange.objects.filter(
            page__in=weekly, action="excluded"
        ).exists(),
        "all_day": events.filter(all_day=True).exists(),
        "multi_day": any(e.is_multi_day for e in events),
        "cancelled": events.filter(status="cancelled").exists(),
        "free": events.filter(is_free=True).exists(),
        "paid": events.exclude(price="").exists(),
        "at a demo place": events.filter(place__slug=f"{village.slug}-kylatalo").exists(),
        "by a demo association": events.filter(
            organiser__slug=f"{village.slug}-kylayhdistys"
        ).exists(),
        "with a topic": events.filter(topics__isnull=False).exists(),
    }
    assert events.count() >= 8
    assert all(kinds.values()), (village.slug, kinds)
