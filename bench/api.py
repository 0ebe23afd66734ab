#!/usr/bin/env python
"""Median time and SQL query count of a Linked Events API event list.

    .venv/bin/python bench/api.py [--sizes 1000 10000] [--runs 9]

For each size (10 % of the events repeat weekly, as in bench/feeds.py, which builds the
region), it prints /linkedevents/v1/event/?page_size=100&include=location,keywords built afresh
(the API cache emptied before every request, by bumping the calendar generation), cached, and
answered 304, and the same list sorted by start time from today. Runs in-process through
Django's test client on a throwaway SQLite database (or BENCH_DATABASE_URL).
"""

import argparse  # noqa: I001 (feeds first: it sets up Django)
import time

import feeds  # bench/feeds.py: sets up Django on the benchmark database

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

LIST = "/linkedevents/v1/event/?page_size=100&include=location,keywords"
UPCOMING = LIST + "&start=today&sort=start_time"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    setup_test_environment()
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    call_command("migrate", verbosity=0)
    from events import services

    region = feeds.build_region()
    client = Client()
    print(f"database: {connection.vendor}; {args.runs} runs per row (median), cache: locmem")
    print(f"{'events':>7}  {'what':<44} {'median ms':>10} {'queries':>8} {'status':>6}")
    created = 0
    for size in sorted(args.sizes):
        started = time.perf_counter()
        feeds.add_events(region, size - created, created)
        created = size
        print(f"# built {size} events in {time.perf_counter() - started:.0f} s", flush=True)
        client.get(LIST, HTTP_HOST="localhost")  # warm-up: content types, sites
        etag = client.get(LIST, HTTP_HOST="localhost")["ETag"]
        rows = [
            ("event list, 100, include=location,keywords", LIST, services.bump_generation, {}),
            ("the same, cached", LIST, None, {}),
            ("the same, 304", LIST, None, {"HTTP_IF_NONE_MATCH": etag}),
            ("upcoming by start time, 100, included", UPCOMING, services.bump_generation, {}),
        ]
        for name, url, before, headers in rows:
            median_ms, queries, status = feeds.timed(client, url, args.runs, before, **headers)
            print(f"{size:>7}  {name:<44} {median_ms:>10.1f} {queries:>8} {status:>6}", flush=True)


if __name__ == "__main__":
    main()
