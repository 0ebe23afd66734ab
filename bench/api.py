#!/usr/bin/env python
"""Median time and SQL query count of a Linked Events API event list.

    .venv/bin/python bench/api.py [--sizes 1000 10000] [--runs 9] [--profile]

For each size (10 % of the events repeat weekly, as in bench/feeds.py, which builds the
region), it prints /linkedevents/v1/event/?page_size=100&include=location,keywords built afresh
(the API cache emptied before every request, by bumping the calendar generation), cached, and
answered 304, and the same list sorted by start time from today. Runs in-process through
Django's test client on a throwaway SQLite database (or BENCH_DATABASE_URL).

Beside the wall-clock median it prints the median CPU time of the process: on a machine that
other work keeps busy, the wall clock also counts the time spent waiting for a core, the CPU
time much less so (SQLite runs in the process, so its work is counted; PostgreSQL's is not).
With --profile it also prints, for each size, where the CPU time of one event list built afresh
goes (cProfile on the process's CPU clock: its default wall clock counts waiting on a busy
machine as time spent in whatever function was running).
"""

import argparse  # noqa: I001 (feeds first: it sets up Django)
import cProfile
import pstats
import statistics
import time

import feeds  # bench/feeds.py: sets up Django on the benchmark database

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

LIST = "/linkedevents/v1/event/?page_size=100&include=location,keywords"
UPCOMING = LIST + "&start=today&sort=start_time"


def timed(client, url, runs, before=None, **headers):
    """(median wall ms, median CPU ms, queries, status) of `runs` requests (as feeds.timed)."""
    wall, cpu = [], []
    for _ in range(runs):
        if before:
            before()
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url, HTTP_HOST="localhost", **headers)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST="localhost", **headers)
    median_ms = statistics.median(wall) * 1000
    return median_ms, statistics.median(cpu) * 1000, len(queries), response.status_code


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--profile", action="store_true", help="where the CPU time goes")
    args = parser.parse_args()

    setup_test_environment()
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    call_command("migrate", verbosity=0)
    from events import services

    region = feeds.build_region()
    client = Client()
    print(f"database: {connection.vendor}; {args.runs} runs per row (median), cache: locmem")
    heading = f"{'median ms':>10} {'cpu ms':>7} {'queries':>8} {'status':>6}"
    print(f"{'events':>7}  {'what':<44} {heading}")
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
            median_ms, cpu_ms, queries, status = timed(client, url, args.runs, before, **headers)
            print(
                f"{size:>7}  {name:<44} {median_ms:>10.1f} {cpu_ms:>7.1f} {queries:>8} {status:>6}",
                flush=True,
            )
        if args.profile:
            profile(client)


def profile(client):
    from events import services

    services.bump_generation()
    profiler = cProfile.Profile(time.process_time)
    profiler.runcall(client.get, LIST, HTTP_HOST="localhost")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(r"linkedevents|home/|wagtail/models|execute", 30)
    stats.sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
