"""The directory's map: nothing from a third party until the visitor asks for it, then
OpenStreetMap tiles allowed by that one response's CSP, with the places as an accessible list."""

import re

from wagtail.models import Locale

from directory.map import COLUMNS, ROWS, TILE_SIZE, tile_map
from directory.models import Place

from .factories import AssociationFactory, PlaceFactory, ServiceFactory
from .test_pages import get

TILES = "https://tile.openstreetmap.org"


def csp(response):
    return response["Content-Security-Policy"]


def markers(html):
    return [
        (float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', html)
    ]


def map_list(html):
    return html.split('class="directory-map__list"')[1].split("</ol>")[0]


def test_map_loads_tiles_only_after_asking_in_each_language(client, region, translated_directory):
    village_dir, _ = translated_directory
    own = region.villages[0]
    PlaceFactory(name="Kylätalo", slug="kylatalo", villages=[own])
    PlaceFactory(name="Koulu", slug="koulu", villages=[own], latitude="61.741", longitude="24.80")
    ServiceFactory(name="Kauppa", slug="kauppa", villages=[own])
    AssociationFactory(name="Kyläyhdistys", villages=[own])  # no coordinates: not on the map
    labels = {
        "fi": ("Näytä kartalla", "Piilota kartta", "OpenStreetMapin tekijät", "Avoinna nyt"),
        "sv": ("Visa på kartan", "Dölj kartan", "OpenStreetMap-bidragsgivare", "Öppet nu"),
        "en": ("Show on a map", "Hide the map", "OpenStreetMap contributors", "Open now"),
    }
    for code, (show, hide, attribution, open_now) in labels.items():
        page = village_dir.get_translation(Locale.objects.get(language_code=code))
        before = get(client, page.url)
        html = before.content.decode()
        assert show in html and open_now in html, code
        assert f'href="{page.url}?map=1"' in html
        assert "tile.openstreetmap.org" not in html and "tile.openstreetmap.org" not in csp(before)

        after = get(client, page.url, map="1")
        html = after.content.decode()
        assert re.search(r"img-src [^;]*'self' https://tile\.openstreetmap\.org", csp(after)), code
        tiles = re.findall(rf'<img src="{TILES}/(\d+)/(\d+)/(\d+)\.png" alt=""', html)
        assert len(tiles) == COLUMNS * ROWS and len({t[0] for t in tiles}) == 1
        assert f'© <a href="https://www.openstreetmap.org/copyright">{attribution}</a>' in html
        assert hide in html and f'href="{page.url}"' in html
        # The list is the map's text: the entries with coordinates, numbered as the markers.
        # The entries are not translated: in Swedish and English they say they are in Finnish.
        listed = [
            re.sub(r"<[^>]+>", "", name)
            for name in re.findall(r"<li><a [^>]*>(.*?)</a>", map_list(html))
        ]
        hint = {"fi": "", "sv": " (på finska)", "en": " (in Finnish)"}[code]
        assert listed == [f"{name}{hint}" for name in ("Kauppa", "Koulu", "Kylätalo")]
        points = markers(html)
        assert len(points) == 3
        assert all(0 < x < COLUMNS * TILE_SIZE and 0 < y < ROWS * TILE_SIZE for x, y in points)

    # Other pages never allow the tile server, even when the address asks for the map.
    entry = get(client, village_dir.url + "paikka/kylatalo/", map="1")
    assert entry.status_code == 200 and "tile.openstreetmap.org" not in csp(entry)


def test_map_follows_the_filters_and_says_when_nothing_has_a_location(client, region, directory):
    village_dir, _ = directory
    own = region.villages[0]
    PlaceFactory(name="Kylätalo", villages=[own])
    ServiceFactory(name="Kauppa", villages=[own])
    html = get(client, village_dir.url, type="paikka", map="1").content.decode()
    assert "Kylätalo" in html and len(markers(html)) == 1
    assert '<input type="hidden" name="map" value="1">' in html  # filtering keeps the map

    response = get(client, village_dir.url, type="yhdistys", map="1")
    html = response.content.decode()
    assert "Tämän sivun kohteilla ei ole sijaintia" in html
    assert "tile.openstreetmap.org" not in html and "tile.openstreetmap.org" not in csp(response)


def test_hostile_map_parameters_are_explained_and_load_nothing(client, region, directory):
    village_dir, regional = directory
    PlaceFactory(name="Kylätalo", villages=[region.villages[0]])
    hostile = ["2", "on", "<script>alert(1)</script>", "1' OR '1'='1", "1\x00", "x" * 100_000]
    for value in hostile:
        for page in (village_dir, regional):
            response = get(client, page.url, map=value)
            assert response.status_code == 200, value[:20]
            html = response.content.decode()
            assert "Kartta: Tätä valintaa ei ole, joten sitä ei käytetty." in html
            assert "<script>alert" not in html
            assert "tile.openstreetmap.org" not in csp(response)
    response = client.get(village_dir.url + "?map=1&map=2", HTTP_HOST="localhost")
    assert response.status_code == 200 and "tile.openstreetmap.org" not in csp(response)


def test_far_apart_places_fit_one_map_at_a_lower_zoom():
    near = [
        Place(latitude="61.7373", longitude="24.8135"),
        Place(latitude="61.738", longitude="24.815"),
    ]
    far = [*near, Place(latitude="60.8940", longitude="26.3380")]  # Kausala, 120 km away
    near_map, far_map = tile_map(near), tile_map(far)
    assert near_map.zoom == 16 and far_map.zoom < near_map.zoom
    for found in (near_map, far_map):
        assert all(0 < m.x < found.width and 0 < m.y < found.height for m in found.markers)
    assert tile_map([Place()]) is None


def test_map_links_keep_the_valid_filters_and_page_but_no_junk(client, region, directory):
    village_dir, _ = directory
    html = get(client, village_dir.url, type="paikka", open="on", topic="x" * 5000).content.decode()
    link = re.search(r'<a class="directory-map__toggle" href="([^"]*)"', html).group(1)
    assert link == f"{village_dir.url}?type=paikka&amp;open=on&amp;map=1"
