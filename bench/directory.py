#!/usr/bin/env python
"""Median render time and SQL query count of directory pages at 500 and 5,000 entries.

    .venv/bin/python bench/directory.py [--sizes 500 5000] [--runs 15]

Runs in-process through Django's test client against a throwaway SQLite database (or the
database in BENCH_DATABASE_URL, which it fills and does not clean up), after a warm-up. Entries
are spread over four villages and the three types; services and places have weekday hours.
"""

import argparse
import statistics
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
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

VILLAGES = ("Länkipohja", "Kuorevesi", "Halli", "Koskenpää")


def build():
    from tests.conftest import build_region
    from tests.directory.factories import DirectoryPageFactory

    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    region = build_region("Himoksen seutu", "localhost", villages=VILLAGES, is_default=True, news=0)
    village_dir = DirectoryPageFactory(parent=region.villages[0])
    region_dir = DirectoryPageFactory(parent=region.home, title="Palveluhakemisto", slug="palvelut")
    return region, village_dir, region_dir


def measure(client, url, runs):
    for _ in range(3):  # warm-up: template loading, content types, site lookup
        client.get(url, HTTP_HOST="localhost")
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST="localhost")
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST="localhost")
    return statistics.median(timings) * 1000, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from tests.directory.factories import bulk_entries
    from tests.factories import TopicFactory

    setup_test_environment()
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    call_command("migrate", verbosity=0)
    region, village_dir, region_dir = build()
    topic = TopicFactory(name="Liikunta", slug="liikunta")
    client = Client()
    print(f"database: {connection.vendor}; {args.runs} runs per page after 3 warm-up requests")
    print(f"{'entries':>8}  {'page':<34} {'median ms':>10} {'queries':>8}")
    created = 0
    for size in sorted(args.sizes):
        started = time.perf_counter()
        bulk_entries(size - created, region.villages, start=created, topics=[topic])
        created = size
        print(f"# built {size} entries in {time.perf_counter() - started:.1f} s", flush=True)
        urls = {
            "list (village)": village_dir.url,
            "list (region)": region_dir.url,
            "list (region, filtered, page 3)": region_dir.url + "?type=palvelu&page=3",
            "detail (service with hours)": village_dir.url + "palvelu/kohde-1/",
            "detail (association)": village_dir.url + "yhdistys/kohde-0/",
        }
        for name, url in urls.items():
            median_ms, queries = measure(client, url, args.runs)
            print(f"{size:>8}  {name:<34} {median_ms:>10.1f} {queries:>8}", flush=True)


if __name__ == "__main__":
    main()
