"""The SQL of a re-sync: an unchanged feed costs the same whatever its size; a changed one a
constant per changed event (and its Swedish and English pages), never a fan-out."""

import pytest

from calendarsources.models import CalendarSource
from calendarsources.sync import sync_source
from tests.calendarsources.generate import big_calendar

# A parsed re-sync whose events did not change (Google writes new DTSTAMPs on every export).
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
    server.ics("/big.ics", body.replace(b"DTSTAMP:20260101T120000Z", b"DTSTAMP:20261201T080000Z"))
    with django_assert_max_num_queries(UNCHANGED):
        counts = sync_source(source)
    assert (counts.new, counts.updated) == (0, 0)

    server.ics("/big.ics", body.replace(b"SUMMARY:Tapahtuma", b"SUMMARY:Kyl\xc3\xa4tapahtuma"))
    with django_assert_max_num_queries(CHANGED_BASE + CHANGED_PER_EVENT * count):
        counts = sync_source(source)
    assert counts.updated == count
