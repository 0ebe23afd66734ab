#!/usr/bin/env python
"""Time and SQL queries of calendar source syncs (calendarsources.sync).

    .venv/bin/python bench/imports.py [--sizes 1000 10000]

For each size it serves a Google-style ICS file of that many events (one in ten repeating,
one in fifty with a cancelled date) from a local HTTP server and prints: the first sync, an
unchanged re-sync answered 304 (ETag), an unchanged re-sync without a 304 (the same bytes:
recognised by their digest), one whose DTSTAMPs changed, as Google's do on every request (the
DTSTAMP lines are left out of the digest: nothing parsed), and one whose DTSTAMPs and one
event's title changed (the file read and every event compared, one event written). Targets on
the 2-core machine: 10,000 events first synced in 60 s; a re-sync in 1 s with a 304, in 10 s
without.

Runs against a throwaway SQLite database (or BENCH_DATABASE_URL). The Finnish morphology is
loaded before the first timing (a worker loads it once, at its first sync).
"""

import argparse
import threading
import time
import warnings

import benchdb  # noqa: E402 (bench/ is the script's folder)

benchdb.configure()

import django  # noqa: E402

warnings.filterwarnings("ignore", "No directory at")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402


def timed(function):
    """Seconds, SQL statements (counted as they run: Django's query log keeps only 9,000) and
    the result of `function()`."""
    count = [0]

    def counter(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
    return elapsed, count[0], result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    settings.CALENDAR_SOURCES_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.CALENDAR_SOURCES_MAX_BYTES = 50 * 1024 * 1024
    settings.CALENDAR_SOURCES_MAX_EVENTS = max(args.sizes)  # over the 5,000 a source may have
    settings.ALLOWED_HOSTS = ["*"]

    from calendarsources.models import CalendarSource
    from calendarsources.sync import sync_source
    from search.analysis import _voikko
    from tests.calendarsources.conftest import Server
    from tests.calendarsources.generate import big_calendar
    from tests.events.factories import EventIndexPageFactory

    _voikko()  # load the morphology outside the timings
    server = Server()
    try:
        for size in args.sizes:
            region = _region(size)
            calendar = EventIndexPageFactory(parent=region.villages[0], slug=f"t{size}")
            body = big_calendar(size, prefix=f"s{size}-")
            url = server.ics(f"/{size}.ics", body, etag=f'"{size}"')
            plain = server.ics(f"/{size}-plain.ics", body)
            source = CalendarSource.objects.create(name="Bench", calendar=calendar, url=url)
            seconds, queries, counts = timed(lambda s=source: sync_source(s))
            print(f"{size:>6} events  first sync        {seconds:7.2f} s  {queries:>6} queries"
                  f"  ({counts.new} new, {source.count_skipped} skipped)", flush=True)  # fmt: skip
            seconds, queries, counts = timed(lambda s=source: sync_source(s))
            print(f"{size:>6} events  re-sync, 304      {seconds:7.2f} s  {queries:>6} queries",
                  flush=True)  # fmt: skip
            CalendarSource.objects.filter(pk=source.pk).update(url=plain, etag="")
            source.refresh_from_db()
            seconds, queries, counts = timed(lambda s=source: sync_source(s))
            print(f"{size:>6} events  re-sync, no 304   {seconds:7.2f} s  {queries:>6} queries"
                  f"  ({counts.updated} updated)", flush=True)  # fmt: skip
            # Google writes the time of each request as DTSTAMP: the bytes differ, the events
            # do not (the digest leaves DTSTAMP out).
            stamped = body.replace(b"DTSTAMP:20260101T120000Z", b"DTSTAMP:20260102T120000Z")
            server.ics(f"/{size}-plain.ics", stamped)
            seconds, queries, counts = timed(lambda s=source: sync_source(s))
            print(f"{size:>6} events  re-sync, new DTSTAMP {seconds:6.2f} s  {queries:>6} queries"
                  f"  ({counts.updated} updated)", flush=True)  # fmt: skip
            # And one event changed: the file is read and every event compared.
            edited = stamped.replace(b"SUMMARY:Tapahtuma 7\r\n", b"SUMMARY:Tapahtuma 7 (uusi)\r\n")
            server.ics(f"/{size}-plain.ics", edited)
            seconds, queries, counts = timed(lambda s=source: sync_source(s))
            print(f"{size:>6} events  re-sync, one changed {seconds:6.2f} s  {queries:>6} queries"
                  f"  ({counts.updated} updated)", flush=True)  # fmt: skip
    finally:
        server.close()


_regions = {}


def _region(size):
    from wagtail.models import Page, Site

    from tests.conftest import build_region

    if not _regions:
        Site.objects.all().delete()
        Page.objects.filter(depth=2).delete()
        _regions["region"] = build_region("Himoksen seutu", "localhost", is_default=True, news=0)
    return _regions["region"]


if __name__ == "__main__":
    threading.excepthook = lambda args: None
    main()
