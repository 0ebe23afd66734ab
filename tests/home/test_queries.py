"""Listings must not fan out: the same number of SQL queries at 10 and at 100 news items."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from tests.factories import NewsPageFactory, TopicFactory


def query_count(client, url):
    client.get(url)  # warm caches that are filled once per process (content types, sites)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_news(region, count):
    topic = TopicFactory()
    image = ImageFactory()
    for number in range(count):
        index = region.village_news_indexes[number % len(region.village_news_indexes)]
        news = NewsPageFactory(
            parent=index, title=f"Uutinen {count}-{number}", image=image, image_alt="Kylätalo"
        )
        news.topics.add(topic)
        news.save()


@pytest.mark.parametrize("page", ["home", "village", "region_news", "village_news", "news"])
def test_page_query_count_does_not_grow_with_news(
    client, region, page, django_assert_max_num_queries
):
    def url():
        return {
            "home": region.home.url,
            "village": region.villages[0].url,
            "region_news": region.news_index.url,
            "village_news": region.village_news_indexes[0].url,
            "news": region.village_news_indexes[0].get_children().last().url,
        }[page]

    add_news(region, 10)
    at_10 = query_count(client, url())
    add_news(region, 90)
    at_100 = query_count(client, url())
    assert at_10 == at_100
    # Routing, view restrictions, site settings, navigation and the language switcher: about 25;
    # the home and village pages' coming events and their calendar link: 4 more.
    with django_assert_max_num_queries(34):
        client.get(url())
