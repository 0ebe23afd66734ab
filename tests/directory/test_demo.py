import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from wagtail.models import Locale

from directory.demo import seed_directory
from directory.models import Association, DirectoryPage, Place, Service
from tests.conftest import translate_tree

HELSINKI = ZoneInfo("Europe/Helsinki")


def test_seed_directory_is_idempotent_and_translated(client, region):
    out = io.StringIO()
    seed_directory(region.home, region.villages, out)
    seed_directory(region.home, region.villages, out)

    default = Locale.get_default()
    assert Association.objects.filter(locale=default).count() == 6
    assert Service.objects.filter(locale=default).count() == 6
    assert Place.objects.filter(locale=default).count() == 4
    assert Service.objects.filter(locale__language_code="sv").count() == 6
    shop = Service.objects.get(slug="lankipohja-kylakauppa", locale=default)
    assert shop.live and shop.revisions.count() == 1  # the second run adds no revisions
    assert shop.weekly_hours.count() == 7 and shop.hours_exceptions.count() == 1

    # Every free text reads in the entry's language: descriptions, prices, accessibility, and the
    # notes of dated hours (an event at the hall, Christmas).
    for model in (Association, Service, Place):
        for source in model.objects.filter(locale=default):
            for translated in source.get_translations():
                for field in ("description", "price_info", "accessibility"):
                    finnish = getattr(source, field, "")
                    assert not finnish or getattr(translated, field) != finnish, (translated, field)
                if hasattr(source, "hours_exceptions"):
                    notes = [row.note for row in source.hours_exceptions.all()]
                    for note, row in zip(notes, translated.hours_exceptions.all(), strict=True):
                        assert row.note != note, (translated, note)
    hall = Place.objects.get(slug="lankipohja-kylatalo", locale__language_code="en")
    assert hall.description.startswith("A hall for about 80 people")
    assert "Christmas" in [row.note for row in hall.hours_exceptions.all()]

    sv_page = (
        DirectoryPage.objects.child_of(region.villages[0])
        .get()
        .get_translation(Locale.objects.get(language_code="sv"))
    )
    html = client.get(sv_page.url, HTTP_HOST="localhost").content.decode()
    assert "Byabutiken i Länkipohja" in html
    response = client.get(sv_page.url + "palvelu/lankipohja-kylakauppa/", HTTP_HOST="localhost")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "code, sports, club, now, status",
    [
        ("fi", "Liikunta", "Länkipohjan Urheilijat", "nyt", "Suljettu, avautuu klo 17.00"),
        ("sv", "Motion", "Länkipohja idrottsförening", "nu", "Stängt, öppnar 17.00"),
        ("en", "Sports", "Länkipohja Sports Club", "now", "Closed, opens 17:00"),
    ],
)
def test_resident_finds_the_sports_club_and_when_its_hall_is_open_today(
    client, region, code, sports, club, now, status
):
    """The issue's walk: village → directory in one click → "sports" → the club → its hall."""
    # Monday 5 May 2025, 16.00 in Helsinki: the school's gym opens for the clubs at 17.00.
    with time_machine.travel(datetime(2025, 5, 5, 16, 0, tzinfo=HELSINKI), tick=False):
        seed_directory(region.home, region.villages, io.StringIO())
        translate_tree(region.home, [code] if code != "fi" else [])
        locale = Locale.objects.get(language_code=code)
        village = region.villages[0].get_translation(locale)

        village_html = client.get(village.url, HTTP_HOST="localhost").content.decode()
        directory = DirectoryPage.objects.child_of(village).get()
        assert f'href="{directory.url}"' in village_html

        directory_html = client.get(directory.url, HTTP_HOST="localhost").content.decode()
        assert f'<option value="liikunta">{sports}</option>' in directory_html
        listed = client.get(directory.url, {"topic": "liikunta"}, HTTP_HOST="localhost")
        html = listed.content.decode()
        link = re.search(rf'<a href="([^"]+)">{club}</a>', html)
        assert link, f"{club} not listed under {sports}"
        assert not re.search("ta[kx]si", html, re.IGNORECASE)  # the taxi is not a sport

        detail = client.get(link.group(1), HTTP_HOST="localhost").content.decode()
    assert f"<h1>{club}</h1>" in detail
    # The status is the hall's, named as the hall's ("Koulun sali nyt: Suljettu…"), not the club's.
    assert re.search(
        rf'<p class="hours-status">[^<]+ {now}: <strong>{re.escape(status)}</strong></p>', detail
    ), "the meeting place's opening status is not shown under its name"
