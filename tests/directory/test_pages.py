"""Directory pages as visitors see them: listing, filters, detail, languages, JSON-LD."""

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from django.test import override_settings
from wagtail.models import Locale

from directory.models import Service
from tests.factories import TopicFactory

from .factories import (
    AssociationFactory,
    PlaceFactory,
    ServiceFactory,
    add_exception,
    add_hours,
    translate_entry,
)

HELSINKI = ZoneInfo("Europe/Helsinki")


def get(client, url, **params):
    return client.get(url, params, HTTP_HOST="localhost")


def jsonld(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_village_directory_lists_its_own_entries_grouped_by_initial(client, region, directory):
    village_dir, _ = directory
    own, other = region.villages
    AssociationFactory(name="Länkipohjan kyläyhdistys", villages=[own])
    ServiceFactory(name="Ämmän kioski", slug="ammin-kioski", villages=[own])
    PlaceFactory(name="Öljymäen laavu", slug="laavu", villages=[own])
    ServiceFactory(name="Zeta-taksi", slug="zeta", villages=[own], kind=Service.Kind.TRANSPORT)
    AssociationFactory(name="Kuoreveden metsästysseura", villages=[other])

    response = get(client, village_dir.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Länkipohjan kyläyhdistys" in html
    assert "Kuoreveden metsästysseura" not in html
    headings = re.findall(r'<h2 id="letter-\d+">(.*?)</h2>', html)
    # Finnish alphabetical order: Ä and Ö after Z.
    assert headings == ["L", "Z", "Ä", "Ö"]


def test_region_directory_lists_every_village_and_filters(client, region, directory):
    _, regional = directory
    own, other = region.villages
    culture = TopicFactory(name="Kulttuuri", slug="kulttuuri")
    AssociationFactory(name="Nuorisoseura", villages=[own], topics=[culture])
    ServiceFactory(name="Kyläpuoti", villages=[own])
    ServiceFactory(name="Taksi", villages=[other], kind=Service.Kind.TRANSPORT)
    PlaceFactory(name="Koulu", villages=[other])

    html = get(client, regional.url).content.decode()
    assert all(name in html for name in ("Nuorisoseura", "Kyläpuoti", "Taksi", "Koulu"))
    assert '<label for="directory-village">' in html

    html = get(client, regional.url, village=other.slug).content.decode()
    assert "Taksi" in html and "Koulu" in html and "Kyläpuoti" not in html

    html = get(client, regional.url, type="palvelu").content.decode()
    assert "Taksi" in html and "Kyläpuoti" in html and "Koulu" not in html

    html = get(client, regional.url, kind="transport").content.decode()
    assert "Taksi" in html and "Kyläpuoti" not in html

    html = get(client, regional.url, topic="kulttuuri").content.decode()
    assert "Nuorisoseura" in html and "Kyläpuoti" not in html


@override_settings(KYLATORI_PAGE_SIZE=3)
def test_pagination_marks_current_page_and_keeps_filters(client, region, directory):
    village_dir, _ = directory
    for number in range(7):
        ServiceFactory(name=f"Palvelu {number}", villages=[region.villages[0]])
    html = get(client, village_dir.url, type="palvelu", page=2).content.decode()
    assert 'aria-current="page"><span class="visually-hidden">' in html
    assert "type=palvelu&amp;page=3" in html
    assert "Palvelu 3" in html and "Palvelu 0" not in html


def test_unpublished_entry_is_not_listed(client, region, directory):
    village_dir, _ = directory
    ServiceFactory(name="Luonnos", live=False, villages=[region.villages[0]])
    assert "Luonnos" not in get(client, village_dir.url).content.decode()


def test_detail_page_shows_contact_address_map_hours_and_status(client, region, directory):
    village_dir, _ = directory
    topic = TopicFactory(name="Kauppa", slug="kauppa")
    shop = ServiceFactory(
        name="Länkipohjan Sale",
        slug="sale",
        email="info@sale.example",
        url="https://sale.example/",
        villages=[region.villages[0]],
        topics=[topic],
    )
    for weekday in range(5):
        add_hours(shop, weekday, "9:00", "16:00")
    add_exception(shop, datetime(2025, 6, 5).date(), note="Inventaario")

    with time_machine.travel(datetime(2025, 6, 4, 11, 0, tzinfo=HELSINKI), tick=False):
        response = get(client, village_dir.url + "palvelu/sale/")

    assert response.status_code == 200
    assert "s-maxage=300" in response["Cache-Control"]  # the status must not go stale in a CDN
    html = response.content.decode()
    assert "<h1>Länkipohjan Sale</h1>" in html
    assert 'href="tel:031234567"' in html
    assert 'href="mailto:info@sale.example"' in html
    assert (
        "https://www.openstreetmap.org/?mlat=61.737300&amp;mlon=24.813500#map=16/61.737300/24.813500"
        in html
    )
    assert "Avoinna, sulkeutuu klo 16.00" in html
    assert '<th scope="row">' in html and '<th scope="col">' in html
    assert "Inventaario" in html
    assert "<li>Kauppa</li>" in html


def test_detail_of_another_villages_entry_is_not_found(client, region, directory):
    village_dir, _ = directory
    ServiceFactory(slug="muualla", villages=[region.villages[1]])
    assert get(client, village_dir.url + "palvelu/muualla/").status_code == 404
    assert get(client, village_dir.url + "tuntematon/muualla/").status_code == 404


def test_detail_renders_in_every_language(client, region, translated_directory):
    village_dir, _ = translated_directory
    shop = ServiceFactory(name="Kyläkauppa", slug="kylakauppa", villages=[region.villages[0]])
    add_hours(shop, 0, "9:00", "16:00")
    translate_entry(shop, "sv", name="Byabutiken")
    translate_entry(shop, "en", name="Village shop")
    for code, name in (("fi", "Kyläkauppa"), ("sv", "Byabutiken"), ("en", "Village shop")):
        page = village_dir.get_translation(Locale.objects.get(language_code=code))
        response = get(client, page.url + "palvelu/kylakauppa/")
        assert response.status_code == 200, code
        html = response.content.decode()
        assert f"<h1>{name}</h1>" in html
        assert f'<html lang="{code}">' in html
        assert 'role="note"' not in html


def test_swedish_directory_shows_swedish_entry_and_falls_back_visibly(
    client, region, translated_directory
):
    village_dir, _ = translated_directory
    own = region.villages[0]
    association = AssociationFactory(name="Kyläyhdistys", slug="kylayhdistys", villages=[own])
    translate_entry(association, "sv", name="Byaföreningen")
    PlaceFactory(name="Kylätalo", slug="kylatalo", villages=[own])  # no Swedish translation

    sv_dir = village_dir.get_translation(Locale.objects.get(language_code="sv"))
    html = get(client, sv_dir.url).content.decode()
    assert "Byaföreningen" in html
    assert ">Kyläyhdistys<" not in html
    hint = '<span class="untranslated-hint" lang="sv">(på finska)</span>'
    assert re.search(f'<a href="[^"]+"><span lang="fi">Kylätalo</span> {re.escape(hint)}</a>', html)

    response = get(client, sv_dir.url + "paikka/kylatalo/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 lang="fi">Kylätalo</h1>' in html
    assert 'role="note"' in html and "har inte översatts till svenska" in html


def test_jsonld_for_an_association(client, region, directory):
    village_dir, _ = directory
    AssociationFactory(
        name="Länkipohjan Urheilijat", slug="urheilijat", villages=[region.villages[0]]
    )
    data = jsonld(get(client, village_dir.url + "yhdistys/urheilijat/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NGO"
    assert data["name"] == "Länkipohjan Urheilijat"
    assert data["email"] == "hallitus@example.fi"


def test_jsonld_for_a_service_has_opening_hours_address_and_geo(client, region, directory):
    village_dir, _ = directory
    shop = ServiceFactory(name="Sale", slug="sale", villages=[region.villages[0]])
    add_hours(shop, 0, "9:00", "16:00")
    add_hours(shop, 4, "20:00", "02:00")
    add_exception(shop, datetime(2030, 12, 24).date(), note="Jouluaatto")
    data = jsonld(get(client, village_dir.url + "palvelu/sale/"))
    assert data["@type"] == "Store"
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "FI",
        "streetAddress": "Kyläntie 1",
        "postalCode": "35400",
        "addressLocality": "Länkipohja",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 61.7373, "longitude": 24.8135}
    specs = data["openingHoursSpecification"]
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "09:00",
        "closes": "16:00",
    } in specs
    assert any(s.get("dayOfWeek", "").endswith("Friday") and s["closes"] == "02:00" for s in specs)
    assert any(
        s.get("validFrom") == "2030-12-24" and s["opens"] == s["closes"] == "00:00" for s in specs
    )


def test_jsonld_for_a_place(client, region, directory):
    village_dir, _ = directory
    PlaceFactory(name="Kylätalo", slug="kylatalo", villages=[region.villages[0]])
    data = jsonld(get(client, village_dir.url + "paikka/kylatalo/"))
    assert data["@type"] == "Place"
    assert data["address"]["@type"] == "PostalAddress"
    assert data["geo"]["@type"] == "GeoCoordinates"
    assert data["geo"]["latitude"] == 61.738


def test_association_detail_links_its_meeting_place_and_says_when_it_opens(
    client, region, directory
):
    village_dir, _ = directory
    hall = PlaceFactory(name="Seurantalo", slug="seurantalo", villages=[region.villages[0]])
    add_hours(hall, 2, "18:00", "21:00")  # Wednesday evenings
    AssociationFactory(
        name="Nuorisoseura", slug="nuorisoseura", meeting_place=hall, villages=[region.villages[0]]
    )
    with time_machine.travel(datetime(2025, 6, 4, 11, 0, tzinfo=HELSINKI), tick=False):
        html = get(client, village_dir.url + "yhdistys/nuorisoseura/").content.decode()
    assert f'Kokoontuu: <a href="{village_dir.url}paikka/seurantalo/">Seurantalo</a>' in html
    # The status is the meeting place's, said as such: not the club's own.
    assert (
        '<p class="hours-status">Seurantalo nyt: <strong>Suljettu, avautuu klo 18.00</strong></p>'
        in html
    )


def test_sitemap_lists_village_directory_entries_once(client, region, directory):
    village_dir, regional = directory
    ServiceFactory(slug="sale", villages=[region.villages[0]])
    xml = client.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    assert f"http://localhost{village_dir.url}palvelu/sale/" in xml
    assert f"{regional.url}palvelu/sale/" not in xml


def test_meeting_place_elsewhere_is_named_without_a_dead_link_and_a_draft_is_not_shown(
    client, region, directory
):
    village_dir, _ = directory
    own, other = region.villages
    hall = PlaceFactory(name="Kuoreveden halli", slug="halli", villages=[other])
    draft = PlaceFactory(name="Luonnostalo", slug="luonnos", villages=[own], live=False)
    AssociationFactory(name="Hiihtoseura", slug="hiihto", meeting_place=hall, villages=[own])
    AssociationFactory(name="Kuoro", slug="kuoro", meeting_place=draft, villages=[own])
    html = get(client, village_dir.url + "yhdistys/hiihto/").content.decode()
    assert '<p class="meeting-place">Kokoontuu: Kuoreveden halli, Seuratie 2</p>' in html
    html = get(client, village_dir.url + "yhdistys/kuoro/").content.decode()
    assert "Luonnostalo" not in html
