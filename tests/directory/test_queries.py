"""Directory listings and details run the same number of queries at 20 and 500 entries."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import TopicFactory

from .factories import bulk_entries

MAX_QUERIES = 40
HELSINKI = ZoneInfo("Europe/Helsinki")


def count_queries(client, url):
    client.get(url, HTTP_HOST="localhost")  # warm-up: content types, site lookup
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("level", ["village", "region"])
def test_directory_list_queries_do_not_grow_with_entries(
    client, region, directory, level, django_assert_max_num_queries
):
    page = directory[0] if level == "village" else directory[1]
    topic = TopicFactory(name="Liikunta", slug="liikunta")
    bulk_entries(20, region.villages[:1], topics=[topic])
    small = count_queries(client, page.url)
    bulk_entries(480, region.villages[:1], start=20, topics=[topic])
    large = count_queries(client, page.url)
    assert small == large
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(page.url + "?type=palvelu&topic=liikunta&page=3", HTTP_HOST="localhost")


def test_directory_detail_queries_do_not_grow_with_entries(client, region, directory):
    page = directory[0]
    bulk_entries(20, region.villages[:1])
    url = page.url + "palvelu/kohde-1/"
    small = count_queries(client, url)
    bulk_entries(480, region.villages[:1], start=20)
    assert count_queries(client, url) == small <= MAX_QUERIES


def test_open_now_listing_queries_do_not_grow_with_entries(client, region, directory):
    """The filter reads yesterday's and today's hours of all candidates in a bounded number of
    queries (bulk entries are open on weekdays 9–16: a Wednesday at 11 lists them)."""
    page = directory[1]
    url = page.url + "?open=on&page=2"
    with time_machine.travel(datetime(2025, 6, 4, 11, 0, tzinfo=HELSINKI), tick=False):
        bulk_entries(60, region.villages)
        small = count_queries(client, url)
        bulk_entries(540, region.villages, start=60)
        assert count_queries(client, url) == small <= MAX_QUERIES
        html = client.get(url, HTTP_HOST="localhost").content.decode()
    assert "400 kohdetta" in html  # the services and places, not the associations
