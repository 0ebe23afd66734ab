"""One installation, several regions: each hostname serves its own tree and nothing else."""

import json


def test_each_host_serves_only_its_own_region(client, second_region):
    himos = client.get("/fi/", HTTP_HOST="localhost").content.decode()
    iitti = client.get("/fi/", HTTP_HOST="iitti.localhost").content.decode()
    assert "Himoksen seutu" in himos and "Länkipohja" in himos and "Kausala" not in himos
    assert "Iitin kylät" in iitti and "Kausala" in iitti and "Länkipohja" not in iitti


def test_a_village_of_another_region_is_not_found_on_this_host(client, second_region):
    assert client.get("/fi/kausala/", HTTP_HOST="iitti.localhost").status_code == 200
    assert client.get("/fi/kausala/", HTTP_HOST="localhost").status_code == 404
    assert client.get("/fi/lankipohja/", HTTP_HOST="iitti.localhost").status_code == 404


def test_region_news_aggregates_only_its_own_villages(client, second_region):
    html = client.get("/fi/uutiset/", HTTP_HOST="iitti.localhost").content.decode()
    assert "Kausala: uutinen 1" in html
    assert "Länkipohja: uutinen 1" not in html


def test_sitemap_is_per_host(client, second_region):
    xml = client.get("/sitemap.xml", HTTP_HOST="iitti.localhost").content.decode()
    assert "http://iitti.localhost/fi/kausala/" in xml
    assert "lankipohja" not in xml


def test_absolute_addresses_take_the_sites_scheme_host_and_port_not_the_requests(client, region):
    """Behind a proxy that forwards another port (or under `make run` on a port of its own), the
    addresses handed out are the Site's: robots.txt's sitemap, a feed's self link, the calendar
    subscriptions, the iCal address of an event and the Linked Events API's ids."""
    import re
    from urllib.parse import urlsplit

    from tests.events.factories import EventIndexPageFactory, EventPageFactory
    from tests.events.helpers import soon

    calendar = EventIndexPageFactory(parent=region.villages[0])
    event = EventPageFactory(parent=calendar, title="Kyläkokous", start_date=soon(3))
    for port, scheme, root in (
        (8123, "http", "http://localhost:8123"),
        (443, "https", "https://localhost"),
    ):
        region.site.port = port
        region.site.save()

        def get(path, **params):
            # Not the Site's port: the Site's wins.
            response = client.get(path, params, HTTP_HOST="localhost:9999")
            assert response.status_code == 200, path
            return response.content.decode()

        assert f"Sitemap: {root}/sitemap.xml" in get("/robots.txt")
        rss = get(region.village_news_indexes[0].url + "feed/")
        assert f'href="{root}{region.village_news_indexes[0].url}feed/"' in rss  # atom:link self
        html = get(event.url)
        addresses = set(re.findall(r'(?:https?|webcal)://[^"<\s]+', html))
        own = {urlsplit(url) for url in addresses if urlsplit(url).hostname == "localhost"}
        assert own and {(url.scheme.replace("webcal", scheme), url.port) for url in own} == {
            (scheme, None if port == 443 else port)
        }
        assert any(url.path.endswith(".ics") for url in own)  # the event's iCal, the calendar's
        data = json.loads(get("/linkedevents/v1/event/"))
        assert data["data"][0]["@id"].startswith(f"{root}/linkedevents/v1/event/kylatori:")
        assert data["data"][0]["info_url"]["fi"] == f"{root}{event.url}"
