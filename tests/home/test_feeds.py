"""News feeds that feed readers accept: valid RSS 2.0 with absolute links, dates and language."""

import feedparser
from wagtail.models import Locale

from home.translation import translate_page
from tests.factories import NewsPageFactory


def parse_feed(client, index, **extra):
    response = client.get(index.url + "feed/", **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_village_feed_is_valid_rss_with_absolute_links_dates_and_language(client, region):
    feed = parse_feed(client, region.village_news_indexes[0])
    assert feed.version == "rss20"
    assert feed.feed.language == "fi"
    assert feed.feed.link == "http://localhost/fi/lankipohja/uutiset/"
    assert [entry.title for entry in feed.entries] == ["Länkipohja: uutinen 1"]
    entry = feed.entries[0]
    assert entry.link == "http://localhost/fi/lankipohja/uutiset/lankipohja-uutinen-1/"
    assert entry.published_parsed is not None
    assert entry.summary == "Kylällä tapahtuu."


def test_region_feed_carries_every_villages_news_newest_first(client, region):
    import datetime

    NewsPageFactory(
        parent=region.village_news_indexes[1], title="Tuorein", date=datetime.date(2030, 1, 1)
    )
    feed = parse_feed(client, region.news_index)
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "Tuorein"
    assert {"Länkipohja: uutinen 1", "Kuorevesi: uutinen 1"} <= set(titles)


def test_swedish_feed_is_in_swedish(client, region):
    translate_page(region.home, "sv", title="Himos-regionen")
    village = translate_page(region.villages[0], "sv", title="Länkipohja")
    index = translate_page(region.village_news_indexes[0], "sv", title="Nyheter", slug="nyheter")
    news = region.village_news_indexes[0].get_children().first()
    translate_page(news, "sv", title="Nyhet på svenska", lead="Det händer i byn.")
    feed = parse_feed(client, index)
    assert feed.feed.language == "sv"
    assert [entry.title for entry in feed.entries] == ["Nyhet på svenska"]
    assert village.locale == Locale.objects.get(language_code="sv")


def test_news_index_advertises_its_feed(client, region):
    html = client.get(region.news_index.url).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Uutiset – Himoksen seutu" '
        'href="/fi/uutiset/feed/">' in html
    )


def test_feed_guid_survives_a_rename(client, region):
    index = region.village_news_indexes[0]
    before = parse_feed(client, index).entries[0].id
    news = index.get_children().first().specific
    news.title, news.slug = "Uusi otsikko", "uusi-otsikko"
    news.save_revision().publish()
    after = parse_feed(client, index).entries[0]
    assert after.title == "Uusi otsikko"
    assert after.id == before
