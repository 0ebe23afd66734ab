#!/usr/bin/env python
"""Median time and SQL query count of the region's calendar feed and calendar page.

    .venv/bin/python bench/feeds.py [--sizes 1000 10000] [--runs 9]

For each size (10 % of the events repeat weekly) it prints the region feed cold (cache emptied
before every request), cached, and answered 304 to If-None-Match, at its stable address and at
<calendar page>feed.ics, the region calendar page, and beside them the time bare icalendar needs
to build and serialise the same events as one calendar (the cost without stored VEVENT texts).

Runs in-process through Django's test client against a throwaway SQLite database, removed at
the end (or the database in BENCH_DATABASE_URL, which it fills and does not clean up). Events
are inserted in bulk and refreshed as on publish (well under a minute for 10,000); figures are
printed as each size is done. "Cold" means the feed cache emptied: the VEVENT texts stored at
publish are joined, not rebuilt.
"""

import argparse
import statistics
import time
import warnings

import benchdb  # noqa: E402 (bench/ is the script's folder)

benchdb.configure()

import django  # noqa: E402

# WhiteNoise warns that static files were not collected; the benchmark does not serve them.
warnings.filterwarnings("ignore", "No directory at")

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

VILLAGES = ("Länkipohja", "Kuorevesi", "Halli", "Koskenpää")


def build_region():
    from tests.conftest import build_region as build
    from tests.events.factories import EventIndexPageFactory

    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    region = build("Himoksen seutu", "localhost", villages=VILLAGES, is_default=True, news=0)
    region.event_index = EventIndexPageFactory(parent=region.home)
    region.calendars = [EventIndexPageFactory(parent=village) for village in region.villages]
    return region


def add_events(region, count, start):
    """Event pages spread over the villages, inserted in bulk and refreshed as on publish."""
    from django.db import transaction

    from tests.events.helpers import add_events_cheaply

    villages = len(region.calendars)
    with transaction.atomic():  # one commit: a file database syncs on every commit
        _add(region, villages, count, start, add_events_cheaply)
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk insert in production: without the new rows'
        # statistics PostgreSQL's planner joins whole tables where an index finds a few rows.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _add(region, villages, count, start, add_events_cheaply):
    for position, index in enumerate(region.calendars):
        before = len(range(position, start, villages))
        now = len(range(position, start + count, villages)) - before
        if now:
            add_events_cheaply(index, now, start=before)


def timed(client, url, runs, before=None, **headers):
    timings = []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST="localhost", **headers)
        timings.append(time.perf_counter() - started)
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        last = client.get(url, HTTP_HOST="localhost", **headers)
    assert last.status_code == response.status_code
    return statistics.median(timings) * 1000, len(queries), response.status_code


def bare_icalendar(region, runs):
    """Build + serialise the same events with icalendar alone, as a feed would without stored
    texts (pages loaded beforehand; only the calendar work is timed)."""
    import icalendar

    from events import ical
    from events.models import EventPage
    from home.models import attach_topics

    pages = list(
        EventPage.objects.live()
        .descendant_of(region.home)
        .select_related("locale")
        .prefetch_related("date_changes", "topics")
    )
    attach_topics(pages)
    now = timezone.now()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        calendar = icalendar.Calendar()
        calendar.add("prodid", ical.PRODID)
        calendar.add("version", "2.0")
        for page in pages:
            for component in ical.event_components(page, page, "https://localhost/", now, 0):
                calendar.add_component(component)
        calendar.to_ical()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    setup_test_environment()
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    call_command("migrate", verbosity=0)
    from events import services

    region = build_region()
    client = Client()
    stable = f"/fi/calendar/{region.event_index.translation_key}.ics"
    route = region.event_index.url + "feed.ics"
    print(f"database: {connection.vendor}; {args.runs} runs per row (median), cache: locmem")
    print(f"{'events':>7}  {'what':<40} {'median ms':>10} {'queries':>8} {'status':>6}")
    created = 0
    for size in sorted(args.sizes):
        started = time.perf_counter()
        add_events(region, size - created, created)
        created = size
        print(f"# built {size} events in {time.perf_counter() - started:.0f} s", flush=True)
        client.get(stable, HTTP_HOST="localhost")  # warm-up: templates, content types, sites
        etag = client.get(stable, HTTP_HOST="localhost")["ETag"]
        body = client.get(stable, HTTP_HOST="localhost").content
        rows = [
            ("region feed, cold (stable address)", stable, services.bump_generation, {}),
            ("region feed, cached (stable address)", stable, None, {}),
            ("region feed, 304 (stable address)", stable, None, {"HTTP_IF_NONE_MATCH": etag}),
            ("region feed, cold (page address)", route, services.bump_generation, {}),
            ("region feed, cached (page address)", route, None, {}),
            ("region feed, 304 (page address)", route, None, {"HTTP_IF_NONE_MATCH": etag}),
            ("region calendar page", region.event_index.url, None, {}),
        ]
        for name, url, before, headers in rows:
            client.get(url, HTTP_HOST="localhost", **headers)
            median_ms, queries, status = timed(client, url, args.runs, before, **headers)
            print(f"{size:>7}  {name:<40} {median_ms:>10.1f} {queries:>8} {status:>6}", flush=True)
        print(
            f"{size:>7}  {'bare icalendar build + serialise':<40} "
            f"{bare_icalendar(region, max(3, args.runs // 3)):>10.1f} {'-':>8} {'-':>6}",
            flush=True,
        )
        print(f"# feed: {len(body) / 1e6:.1f} MB, {body.count(b'BEGIN:VEVENT')} VEVENTs")


if __name__ == "__main__":
    main()
