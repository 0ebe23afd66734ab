#!/usr/bin/env python
"""Median render time and SQL query count of the main pages at 1,000 and 10,000 news items.

    .venv/bin/python bench/pages.py [--sizes 1000 10000] [--runs 15]

Runs in-process through Django's test client against a throwaway SQLite database (or the
database in BENCH_DATABASE_URL, which it fills and does not clean up), after a warm-up.
Building 10,000 news pages through the page tree takes a few minutes; the figures are printed
as each size is done.
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
from wagtail.models import Page, Site  # noqa: E402

PAGES = ["home", "village", "news index (region)", "news index (village)", "news"]


def build_region():
    from tests.conftest import build_region as build

    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    return build(
        "Himoksen seutu",
        "localhost",
        villages=("Länkipohja", "Kuorevesi", "Halli", "Koskenpää"),
        is_default=True,
        news=0,
    )


def add_news(region, count, start):
    """Add news pages the way the admin does (add_child), spread over the villages."""
    from home.models import NewsPage

    indexes = region.village_news_indexes
    for number in range(start, start + count):
        index = indexes[number % len(indexes)]
        index.add_child(
            instance=NewsPage(
                title=f"Uutinen {number}",
                slug=f"uutinen-{number}",
                lead="Kyläyhdistyksen syyskokous pidetään kylätalolla.",
            )
        )
        # add_child bumps numchild in the database; keep the in-memory parent in step.
        index.numchild += 1


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
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    setup_test_environment()
    # The search index is not what is measured here; skip updating it while building data.
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    call_command("migrate", verbosity=0)
    region = build_region()
    client = Client()
    print(f"database: {connection.vendor}; {args.runs} runs per page after 3 warm-up requests")
    print(f"{'news items':>10}  {'page':<22} {'median ms':>10} {'queries':>8}")
    created = 0
    for size in sorted(args.sizes):
        started = time.perf_counter()
        add_news(region, size - created, created)
        created = size
        print(f"# built {size} news items in {time.perf_counter() - started:.0f} s", flush=True)
        news = region.village_news_indexes[0].get_children().last()
        urls = dict(
            zip(
                PAGES,
                [
                    region.home.url,
                    region.villages[0].url,
                    region.news_index.url,
                    region.village_news_indexes[0].url,
                    news.url,
                ],
                strict=True,
            )
        )
        for name, url in urls.items():
            median_ms, queries = measure(client, url, args.runs)
            print(f"{size:>10}  {name:<22} {median_ms:>10.1f} {queries:>8}", flush=True)


if __name__ == "__main__":
    main()
