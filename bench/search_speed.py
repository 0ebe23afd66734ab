#!/usr/bin/env python
"""Search speed: indexing throughput and median query time with 20,000 documents.

    .venv/bin/python bench/search_speed.py [--documents 20000] [--runs 15] [--no-postgres]

Runs in-process on a throwaway SQLite database, then again on PostgreSQL when one answers at
BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/kylatori_bench_search; the
database is dropped and created anew). The documents are news pages whose text is drawn from the
words of the demo content, so the index holds real Finnish inflections and compounds. Each run
prints: the full rebuild (analysis of every word with an empty cache, then with a warm one), the
median time of the query alone (matching, ranking and counting), and of the whole results page.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
import warnings

import benchdb  # noqa: E402 (bench/ is the script's folder)

sys.path.insert(0, str(benchdb.ROOT))
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kylatori_bench_search"
)

# Queries residents type: inflected words, compound parts, two-word searches, a rare word.
QUERIES = [
    "yhdistykset",
    "kylätalolla",
    "kirjasto",
    "syyskokous",
    "talkoisiin",
    "kesäteatteri",
    "latujen kunnostus",
    "uimarannan laituri",
    "metsästysseura",
    "kyläkauppa",
    "koulun pihalla",
    "pilkkikilpailu",
    "kutsuliikenne",
    "valokuvia",
    "nuorisoseuran kerho",
    "seniorijumppa kylätalolla",
    "ilmoittautua",
    "järvi",
    "kylä",
    "purjelentokone",
]


def prepare_database(url):
    if url.startswith("postgres"):
        from urllib.parse import urlsplit

        import psycopg

        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        with psycopg.connect(
            host=parts.hostname, port=parts.port or 5432, user=parts.username,
            dbname="postgres", autocommit=True,
        ) as connection:  # fmt: skip
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')


def demo_words():
    """Every word of the demo content's Finnish texts, inflections kept, in order."""
    from home.demo import content
    from search.analysis import WORD_RE

    texts = []

    def collect(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            if value.get("sv") is None or "fi" not in value:
                for key, item in value.items():
                    if key not in ("sv", "en"):
                        collect(item)
            else:
                collect(value["fi"])
        elif isinstance(value, list | tuple):
            for item in value:
                collect(item)

    for name in dir(content):
        if name.isupper():
            collect(getattr(content, name))
    return [word for text in texts for word in WORD_RE.findall(text) if len(word) > 1]


def add_news(region, count, words):
    """`count` live news pages spread over the villages, inserted in bulk (no revisions)."""
    from home.models import NewsPage
    from tests.factories import add_child_pages_in_bulk

    rng = random.Random(2026)
    indexes = region.village_news_indexes
    for position, index in enumerate(indexes):
        news = []
        for number in range(position, count, len(indexes)):
            body = " ".join(rng.choices(words, k=rng.randint(60, 160)))
            news.append(
                NewsPage(
                    title=" ".join(rng.sample(words, 5)).capitalize(),
                    slug=f"uutinen-{number}",
                    lead=" ".join(rng.choices(words, k=20))[:400],
                    body=[{"type": "paragraph", "value": f"<p>{body}</p>"}],
                )
            )
        add_child_pages_in_bulk(index, news)


def median_ms(function, runs):
    function()  # warm-up
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def run(documents, runs):
    import django

    warnings.filterwarnings("ignore", "No directory at")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from search import analysis, indexing
    from search.models import SearchDocument, SearchTerm
    from search.query import Scope, match, parse
    from tests.conftest import build_region

    setup_test_environment()
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False  # not what is measured
    call_command("migrate", verbosity=0)
    from wagtail.models import Page, Site

    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    region = build_region(
        "Himoksen seutu", "localhost", villages=("Länkipohja", "Kuorevesi", "Halli", "Koskenpää"),
        is_default=True, news=0,
    )  # fmt: skip
    started = time.perf_counter()
    add_news(region, documents, demo_words())
    print(f"# {connection.vendor}: built {documents} news pages in "
          f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip

    for label in ("empty analysis cache", "warm analysis cache"):
        if label.startswith("empty"):
            analysis.finnish_forms.cache_clear()
            analysis.index_terms.cache_clear()
        started = time.perf_counter()
        indexing.rebuild()
        elapsed = time.perf_counter() - started
        count = SearchDocument.objects.count()
        print(f"{connection.vendor:<10} rebuild, {label:<21} {count:>6} documents "
              f"{elapsed:>7.1f} s {count / elapsed:>7.0f} documents/s", flush=True)  # fmt: skip
    print(f"{connection.vendor:<10} index: {SearchTerm.objects.count()} terms")
    indexing.vacuum()  # as `manage.py update_index` does after a rebuild

    scope = Scope("fi", region.home.translation_key)
    client = Client()
    query_times, page_times, counts = [], [], []
    for text in QUERIES:
        query = parse(text, "fi")

        def answer(query=query):
            matches = match(query, scope)
            return matches.count(), list(matches[:12])

        counts.append(answer()[0])
        query_times.append(median_ms(answer, runs))
        page_times.append(
            median_ms(lambda text=text: client.get("/fi/haku/", {"q": text}), max(3, runs // 3))
        )
    print(f"{connection.vendor:<10} {'query':<28} {'results':>8} {'query ms':>9} {'page ms':>8}")
    rows = zip(QUERIES, counts, query_times, page_times, strict=True)
    for text, count, query_ms, page_ms in rows:
        print(f"{connection.vendor:<10} {text:<28} {count:>8} {query_ms:>9.1f} {page_ms:>8.1f}")
    print(f"{connection.vendor:<10} median over {len(QUERIES)} queries: query "
          f"{statistics.median(query_times):.1f} ms, results page "
          f"{statistics.median(page_times):.1f} ms (target: query under 50 ms)")  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "kylatori.settings.test"
    if args.database_url:  # one leg, in a process of its own
        os.environ["DATABASE_URL"] = args.database_url
        run(args.documents, args.runs)
        return
    legs = [benchdb.scratch_sqlite_url("search")]
    if not args.no_postgres:
        try:
            prepare_database(POSTGRES_URL)
            legs.append(POSTGRES_URL)
        except Exception as error:  # noqa: BLE001 - report and go on with SQLite
            print(f"# PostgreSQL skipped: {error}")
    for url in legs:
        command = [sys.executable, __file__, "--documents", str(args.documents)]
        subprocess.run([*command, "--runs", str(args.runs), "--database-url", url], check=True)


if __name__ == "__main__":
    main()
