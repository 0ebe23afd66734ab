"""The SQL of a re-sync: an unchanged feed costs the same whatever its size; a changed one a
constant per changed event (and its Swedish and English pages), never a fan-out."""

import pytest

from calendarsources.models import CalendarSource
from calendarsources.sync import sync_source
from tests.calendarsources.generate import big_calendar

# Google writes new DTSTAMPs on every export: left out of the file's digest, they cost what an
# unchanged file does (measured 7 on SQLite: the source read, its topics, the removed events
# whose 30 days ran out, its row written...).
NEW_STAMPS = 7
# A parsed re-sync whose events did not change (the file's bytes did: another PRODID).
# Measured 14 on SQLite, at 4 events and at 16.
UNCHANGED = 14
# A re-sync whose every event changed: a constant, and a constant per event (its page in fi, sv
# and en: each page's rows, date changes and topics) — measured 36 + 15 per event on SQLite.
CHANGED_BASE = 40
CHANGED_PER_EVENT = 16


@pytest.mark.parametrize("count", [4, 16])
def test_resync_queries_do_not_grow_with_the_feed(
    calendars, server, count, django_assert_max_num_queries
):
    body = big_calendar(count)
    source = CalendarSource.objects.create(
        name="Kyläyhdistys", calendar=calendars.village_calendars[0],
        url=server.ics("/big.ics", body),
    )  # fmt: skip
    assert sync_source(source).new == count
    body = body.replace(b"DTSTAMP:20260101T120000Z", b"DTSTAMP:20261201T080000Z")
    server.ics("/big.ics", body)
    with django_assert_max_num_queries(NEW_STAMPS):
        counts = sync_source(source)
    assert (counts.new, counts.updated) == (0, 0)
    server.ics("/big.ics", body.replace(b"Calendar 70.9054", b"Calendar 70.9055"))
    with django_assert_max_num_queries(UNCHANGED):
        counts = sync_source(source)
    assert (counts.new, counts.updated) == (0, 0)

    server.ics("/big.ics", body.replace(b"SUMMARY:Tapahtuma", b"SUMMARY:Kyl\xc3\xa4tapahtuma"))
    with django_assert_max_num_queries(CHANGED_BASE + CHANGED_PER_EVENT * count):
        counts = sync_source(source)
    assert counts.updated == count


def test_imported_events_are_found_by_search_unless_their_calendar_is_private(
    client, calendars, server
):
    """The search index is written for a sync's pages at once (their publicity asked in one
    query, not one a page): the public calendar's events are found, a private one's are not."""
    from wagtail.models import PageViewRestriction

    from tests.search.conftest import search

    private = calendars.village_calendars[1]
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    body = big_calendar(3)
    for calendar, title in ((calendars.village_calendars[0], "Kesäjuhla"), (private, "Salaisuus")):
        source = CalendarSource.objects.create(
            name="Kyläyhdistys", calendar=calendar,
            url=server.ics(f"/{calendar.pk}.ics", body.replace(b"Tapahtuma", title.encode())),
        )  # fmt: skip
        assert sync_source(source).new == 3
    assert sorted(search(client, "kesäjuhla")[1]) == ["Kesäjuhla 0", "Kesäjuhla 1", "Kesäjuhla 2"]
    assert search(client, "salaisuus")[1] == []
