"""What a visitor sees on calendar and event pages, in three languages."""

import datetime
import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from wagtail.models import Locale

from home.translation import translate_page
from tests.conftest import translate_tree
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.events.helpers import add_events_cheaply, html_of, soon
from tests.factories import TopicFactory, publish


@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_calendar_and_event_pages_render_in_each_language(client, calendars, code):
    translate_tree(calendars.home)
    event = EventPageFactory(parent=calendars.village_calendars[0], title="Kyläkokous")
    if code != "fi":
        event = translate_page(event, code, title=f"Event [{code}]", summary="Welcome")
    locale = Locale.objects.get(language_code=code)
    index = calendars.village_calendars[0].get_translation(locale)
    region_index = calendars.event_index.get_translation(locale)
    title = "Kyläkokous" if code == "fi" else f"Event [{code}]"
    for url in [index.url, region_index.url, event.url]:
        assert url.startswith(f"/{code}/")
        html = html_of(client, url)
        assert f'<html lang="{code}">' in html
        assert title in html
    month = timezone.localdate()
    html = html_of(client, f"{index.url}month/{month.year}/{month.month}/")
    assert "<caption>" in html and '<th scope="col">' in html
    assert f"/{code}/calendar/{index.translation_key}.ics" in html


def test_upcoming_events_are_grouped_by_day_with_today_and_tomorrow(client, calendars):
    index = calendars.village_calendars[0]
    EventPageFactory(
        parent=index,
        title="Tänään",
        start_date=soon(0),
        start_time=datetime.time(0, 1),
        end_date=soon(0),
        end_time=datetime.time(23, 59),
    )
    EventPageFactory(parent=index, title="Huomenna", start_date=soon(1))
    EventPageFactory(parent=index, title="Tällä viikolla", start_date=soon(4))
    EventPageFactory(parent=index, title="Ensi kuussa", start_date=soon(40))
    EventPageFactory(parent=index, title="Mennyt", start_date=soon(-3))
    html = html_of(client, index.url)
    headings = re.findall(r'<h2 id="day-\d+">\s*(.*?)\s*</h2>', html, re.S)
    with translation.override("fi"):
        expected = [
            f"Tänään, {date_format(soon(0))}",
            f"Huomenna, {date_format(soon(1))}",
            f"{capfirst(date_format(soon(4), 'l'))} {date_format(soon(4))}",
            f"{date_format(soon(40))} ({date_format(soon(40), 'l')})",
        ]
    assert headings == expected
    assert "Mennyt" not in html
    assert html.index("Tänään") < html.index("Huomenna") < html.index("Ensi kuussa")
    archive = html_of(client, index.url + "archive/")
    assert "Mennyt" in archive and "Huomenna" not in archive


def test_filters_narrow_the_region_calendar(client, calendars):
    topic = TopicFactory(name="Urheilu", slug="urheilu")
    sport = EventPageFactory(
        parent=calendars.village_calendars[1], title="Lentopallo", is_free=True
    )
    sport.topics.add(topic)
    publish(sport)
    EventPageFactory(parent=calendars.village_calendars[0], title="Teatteri", price="10 €")
    EventPageFactory(parent=calendars.village_calendars[0], title="Myöhemmin", start_date=soon(30))
    url = calendars.event_index.url
    html = html_of(client, url)
    assert '<label for="id_village">' in html and '<label for="id_topic">' in html
    assert '<label for="id_free">' in html and '<label for="id_start">' in html
    assert {"Lentopallo", "Teatteri", "Myöhemmin"} <= set(re.findall(r">([^<>]+)</a></h3>", html))
    assert "Teatteri" not in html_of(client, url, village="kuorevesi")
    assert "Teatteri" not in html_of(client, url, topic="urheilu")
    assert "Teatteri" not in html_of(client, url, free="on")
    ranged = html_of(client, url, start=soon(20).isoformat(), end=soon(40).isoformat())
    assert "Myöhemmin" in ranged and "Teatteri" not in ranged


def test_month_view_is_a_table_with_links_on_days_with_events(client, calendars):
    index = calendars.village_calendars[0]
    EventPageFactory(parent=index, title="Joulumyyjäiset", start_date=datetime.date(2027, 12, 4))
    html = html_of(client, index.url + "month/2027/12/")
    assert re.search(r"<caption>[^<]*2027</caption>", html)
    assert len(re.findall(r'<th scope="col">', html)) == 7
    assert f'href="{index.url}?start=2027-12-04&amp;end=2027-12-04"' in html
    assert f'href="{index.url}month/2027/11/" rel="prev"' in html
    assert f'href="{index.url}month/2028/1/" rel="next"' in html
    assert client.get(index.url + "month/2027/13/").status_code == 404


def test_month_view_reads_as_an_agenda_by_day_and_names_the_village_in_the_region(
    client, calendars
):
    first, second = calendars.village_calendars
    day = datetime.date(2027, 12, 4)
    for calendar in (first, second):
        EventPageFactory(
            parent=calendar, title="Joulumyyjäiset", start_date=day, start_time=datetime.time(10)
        )
    for hour in range(12, 16):
        EventPageFactory(parent=first, title=f"Pajakerho {hour}", start_date=day,
                         start_time=datetime.time(hour))  # fmt: skip
    EventPageFactory(parent=first, title="Tammikuussa", start_date=datetime.date(2028, 1, 1))

    def agenda_of(html):
        agenda = re.search(r'<section class="month-agenda".*?</section>', html, re.S).group(0)
        days = re.findall(r'<h3 class="coming-events__day">(.*?)</h3>', agenda, re.S)
        items = re.findall(
            r'class="coming-event__title" href="[^"]+">([^<]+)</a>\s*'
            r'<span class="coming-event__meta">(.*?)</span>',
            agenda,
            re.S,
        )
        return days, [
            (title, " ".join(re.sub(r"<[^>]+>", "", meta).split())) for title, meta in items
        ]

    region = html_of(client, calendars.event_index.url + "month/2027/12/")
    days, items = agenda_of(region)
    with translation.override("fi"):
        assert days == [f"{date_format(day)} ({date_format(day, 'l')})"]
    assert items[:2] == [
        ("Joulumyyjäiset", "10.00–20.00 · Kylätalo · Länkipohja"),
        ("Joulumyyjäiset", "10.00–20.00 · Kylätalo · Kuorevesi"),
    ]
    assert len(items) == 6 and "Tammikuussa" not in region.split("</table>")[1]
    # The table lists three titles a day, with their villages, and counts the rest.
    with translation.override("fi"):
        label = f"{date_format(day, 'l')} {date_format(day)}: 6 tapahtumaa"
    cell = re.search(rf'aria-label="{label}".*?</td>', region, re.S)
    titles = re.findall(r'<a href="[^"]+">(?:<time[^>]*>[^<]*</time> )?([^<]+)</a>', cell.group(0))
    assert titles == ["Joulumyyjäiset", "Joulumyyjäiset", "Pajakerho 12"]
    villages = re.findall(r'<span class="month-table__village">([^<]+)</span>', cell.group(0))
    assert villages == ["Länkipohja", "Kuorevesi", "Länkipohja"]
    assert "ja 3 muuta" in cell.group(0)

    village = html_of(client, first.url + "month/2027/12/")
    assert agenda_of(village)[1][0] == ("Joulumyyjäiset", "10.00–20.00 · Kylätalo")
    assert "month-table__village" not in village
    empty = html_of(client, first.url + "month/2027/11/")
    assert "Tälle kuukaudelle ei ole merkitty tapahtumia." in empty


def test_event_page_tells_when_where_and_offers_calendar_links(client, calendars):
    index = calendars.village_calendars[0]
    event = EventPageFactory(
        parent=index,
        title="Kyläkokous",
        start_date=datetime.date(2027, 3, 10),
        start_time=datetime.time(18),
        end_time=datetime.time(20),
        latitude="61.8",
        longitude="24.0",
        organiser_name="Kyläyhdistys",
        organiser_url="https://example.org/",
        is_free=True,
        registration_url="https://example.org/ilmo",
    )
    html = html_of(client, event.url)
    assert "Kylätalo" in html and "Kylätie 1, 35400 Länkipohja" in html
    assert "https://www.openstreetmap.org/?mlat=61.800000&amp;mlon=24.000000" in html
    assert '<a href="https://example.org/">Kyläyhdistys</a>' in html
    google = re.search(r'href="(https://calendar.google.com/calendar/render\?[^"]+)"', html)
    query = parse_qs(urlparse(google.group(1).replace("&amp;", "&")).query)
    assert query["dates"] == ["20270310T180000/20270310T200000"]
    assert query["ctz"] == ["Europe/Helsinki"] and query["text"] == ["Kyläkokous"]
    assert f"webcal://localhost/fi/calendar/{index.translation_key}.ics" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Event"
    assert data["startDate"] == "2027-03-10T18:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["address"]["streetAddress"] == "Kylätie 1"
    assert data["organizer"]["name"] == "Kyläyhdistys"
    assert data["offers"]["price"] == "0"


def test_cancelled_event_shows_a_banner_and_recurring_event_its_next_dates(client, calendars):
    index = calendars.village_calendars[0]
    cancelled = EventPageFactory(parent=index, title="Peruttu", status="cancelled")
    html = html_of(client, cancelled.url)
    assert 'class="event-banner event-banner--cancelled" role="status"' in html
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    weekly = EventPageFactory(
        parent=index, title="Kuoro", start_date=soon(1), frequency="WEEKLY", repeat_count=20
    )
    html = html_of(client, weekly.url)
    dates = re.search(r'<ul class="event-dates">(.*?)</ul>', html, re.S).group(1)
    assert dates.count("<li>") == 8


def test_event_with_directory_place_and_organiser(client, calendars):
    from tests.directory.factories import AssociationFactory, PlaceFactory

    place = PlaceFactory(name="Seurantalo", street_address="Seuratie 2", postal_code="35400")
    association = AssociationFactory(name="Nuorisoseura", email="info@example.org")
    event = EventPageFactory(
        parent=calendars.village_calendars[0],
        title="Tanssit",
        place=place,
        place_name="",
        organiser=association,
        is_free=True,
    )
    html = html_of(client, event.url)
    assert "Seurantalo" in html and "Seuratie 2" in html and "Nuorisoseura" in html
    listing = html_of(client, calendars.village_calendars[0].url)
    assert re.search(r'event-card__meta">[^·]*· Seurantalo · Maksuton</p>', listing)
    from events.models import EventFeedEntry

    vevent = EventFeedEntry.objects.get(page=event).vevent
    assert "LOCATION:Seurantalo\\, Seuratie 2\\, 35400" in vevent
    assert "ORGANIZER;CN=Nuorisoseura:mailto:info@example.org" in vevent
    assert "GEO:61.738;24.812" in vevent
    assert "DESCRIPTION:Tervetuloa kylätalolle.\\n\\nMaksuton" in vevent  # in the page's language


@pytest.mark.parametrize("which", ["region", "village"])
def test_calendar_query_count_does_not_grow_with_events(client, calendars, which, settings):
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**backend, "AUTO_UPDATE": False}}
    index = calendars.event_index if which == "region" else calendars.village_calendars[0]

    def count():
        client.get(index.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index.url).status_code == 200
        return len(queries)

    from tests.directory.factories import PlaceFactory

    for number in range(3):  # at directory places, listed first: one query names them all
        EventPageFactory(
            parent=calendars.village_calendars[number % 2], place=PlaceFactory(), place_name="",
            start_date=soon(1), start_time=datetime.time(9),
        )  # fmt: skip
    add_events_cheaply(calendars.village_calendars[0], 20)
    at_20 = count()
    add_events_cheaply(calendars.village_calendars[0], 100, start=20)
    assert count() == at_20
    assert at_20 <= 30


def test_event_index_is_allowed_under_region_and_village_only(db):
    from events.models import EventIndexPage, EventPage
    from home.models import HomePage, NewsIndexPage, VillagePage

    assert set(EventIndexPage.allowed_parent_page_models()) == {HomePage, VillagePage}
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert not EventIndexPage.can_create_at(NewsIndexPage())
    assert EventIndexPageFactory._meta.model is EventIndexPage


def test_directory_entry_pages_list_the_upcoming_events_they_organise_or_host(client, calendars):
    from tests.directory.factories import (
        AssociationFactory,
        DirectoryPageFactory,
        PlaceFactory,
        ServiceFactory,
        translate_entry,
    )

    translate_tree(calendars.home)
    village = calendars.villages[0]
    directory = DirectoryPageFactory(parent=village)
    hall = PlaceFactory(name="Seurantalo", slug="seurantalo", villages=[village])
    club = AssociationFactory(name="Nuorisoseura", slug="nuorisoseura", villages=[village])
    shop = ServiceFactory(slug="kauppa", villages=[village])
    index = calendars.village_calendars[0]
    dance = EventPageFactory(parent=index, title="Tanssit", place=hall, start_date=soon(5))
    EventPageFactory(
        parent=index, title="Kerho", organiser=club, start_date=soon(1), frequency="WEEKLY",
        repeat_count=10,
    )  # fmt: skip
    EventPageFactory(parent=index, title="Mennyt", place=hall, organiser=club, start_date=soon(-5))
    EventPageFactory(parent=calendars.village_calendars[1], title="Muualla", organiser=club)

    def listed(url):
        html = html_of(client, url)
        section = re.search(r'aria-labelledby="entry-events-heading">(.*?)</section>', html, re.S)
        return re.findall(r'<a href="([^"]+)">([^<]+)</a>', section.group(1)) if section else []

    assert listed(directory.url + "paikka/seurantalo/") == [(dance.url, "Tanssit")]
    # A repeating event once, at its next date; the club's event in another village too.
    by_club = listed(directory.url + "yhdistys/nuorisoseura/")
    assert [title for _url, title in by_club] == ["Kerho", "Muualla"]
    # The region's events name their village: the same title may come from several.
    club_page = html_of(client, directory.url + "yhdistys/nuorisoseura/")
    assert "Kerho</a> (Länkipohja):" in club_page and "Muualla</a> (Kuorevesi):" in club_page
    assert listed(directory.url + f"palvelu/{shop.slug}/") == []
    # In Swedish: the Swedish events (translations or stand-ins) at the Swedish address.
    sv_dance = translate_page(dance, "sv", title="Dans", summary="Välkommen")
    translate_entry(hall, "sv", name="Föreningshuset")
    sv_directory = translate_page(directory, "sv", title="Katalog", slug="katalog")
    assert listed(sv_directory.url + "paikka/seurantalo/") == [(sv_dance.url, "Dans")]


def test_organiser_links_to_its_entry_in_the_village_or_else_the_region_directory(
    client, calendars
):
    from tests.directory.factories import AssociationFactory, DirectoryPageFactory

    village, other = calendars.villages
    village_directory = DirectoryPageFactory(parent=village)
    region_directory = DirectoryPageFactory(parent=calendars.home, slug="palveluhakemisto")
    local = AssociationFactory(name="Kyläseura", slug="kylaseura", villages=[village])
    visiting = AssociationFactory(name="Kuoro", slug="kuoro", villages=[other])
    index = calendars.village_calendars[0]
    first = EventPageFactory(parent=index, organiser=local)
    second = EventPageFactory(parent=index, organiser=visiting)
    html = html_of(client, first.url)
    assert f'<a href="{village_directory.url}yhdistys/kylaseura/">Kyläseura</a>' in html
    html = html_of(client, second.url)
    assert f'<a href="{region_directory.url}yhdistys/kuoro/">Kuoro</a>' in html
    assert client.get(region_directory.url + "yhdistys/kuoro/").status_code == 200
    assert client.get(village_directory.url + "yhdistys/kylaseura/").status_code == 200


def test_calendar_is_paginated_and_keeps_its_filters(client, calendars, settings):
    settings.KYLATORI_CALENDAR_PAGE_SIZE = 2
    index = calendars.village_calendars[0]
    for day in range(1, 6):
        EventPageFactory(parent=index, title=f"Ilta {day}", start_date=soon(day), is_free=True)
    EventPageFactory(parent=index, title="Maksullinen", start_date=soon(2), price="5 €")

    def titles(html):
        return re.findall(r'class="event-card__title"><a href="[^"]+">([^<]+)</a>', html)

    first = html_of(client, index.url, free="on")
    assert titles(first) == ["Ilta 1", "Ilta 2"]
    assert 'href="?free=on&amp;page=2" rel="next"' in first
    assert titles(html_of(client, index.url, free="on", page=3)) == ["Ilta 5"]


def test_moved_and_postponed_events_show_their_banners(client, calendars):
    from events.models import EventDateChange

    index = calendars.village_calendars[0]
    weekly = EventPageFactory(
        parent=index, title="Kuoro", start_date=soon(2), frequency="WEEKLY", repeat_count=3,
        publish=False,
    )  # fmt: skip
    weekly.date_changes = [
        EventDateChange(original_date=soon(2), action="moved", new_start_date=soon(3))
    ]
    publish(weekly)
    html = html_of(client, weekly.url)
    banner = re.search(r'<p class="event-banner event-banner--rescheduled".*?</p>', html, re.S)
    from events.wording import sentence_date

    with translation.override("fi"):
        # When it was going to be, and when it is.
        assert f"Siirretty ajasta {date_format(soon(2), 'l')} {sentence_date(soon(2))}" in (
            banner.group(0)
        )
        assert f"aikaan {date_format(soon(3), 'l')} {sentence_date(soon(3))}" in banner.group(0)
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["startDate"].startswith(soon(3).isoformat())
    postponed = EventPageFactory(parent=index, title="Myöhemmin", status="postponed")
    html = html_of(client, postponed.url)
    assert 'class="event-banner event-banner--postponed" role="status"' in html


def test_directory_names_still_in_finnish_are_marked_on_swedish_and_english_pages(
    client, calendars
):
    """A place or organiser without a translation, and an event shown by its Finnish stand-in,
    read in Finnish to a screen reader and say "(in Finnish)" wherever they are listed."""
    from wagtail_localize.synctree import synchronize_tree

    from tests.directory.factories import (
        AssociationFactory,
        DirectoryPageFactory,
        PlaceFactory,
        translate_entry,
    )

    village = calendars.villages[0]
    directory = DirectoryPageFactory(parent=village)
    translate_tree(calendars.home)
    hall = PlaceFactory(name="Seurantalo", slug="seurantalo", villages=[village])
    club = AssociationFactory(name="Nuorisoseura", slug="nuorisoseura", villages=[village])
    index = calendars.village_calendars[0]
    dance = EventPageFactory(
        parent=index, title="Tanssit", place=hall, place_name="", organiser=club,
        start_date=soon(1),
    )  # fmt: skip
    EventPageFactory(parent=index, title="Kerho", place=hall, place_name="", start_date=soon(2))
    fi = Locale.objects.get(language_code="fi")
    hints = {"sv": "(på finska)", "en": "(in Finnish)"}
    for code, hint in hints.items():
        locale = Locale.objects.get(language_code=code)
        translated = translate_page(dance, code, title=f"Dance [{code}]")
        synchronize_tree(fi, locale)  # the club's evening gets a stand-in showing the Finnish

        def finnish(text, code=code, hint=hint):
            marked = f'<span class="untranslated-hint" lang="{code}">{hint}</span>'
            return f'<span lang="fi">{text}</span> {marked}'

        page = html_of(client, translated.url)
        assert finnish("Seurantalo") in page and finnish("Nuorisoseura") in page
        for listing in (index.get_translation(locale).url, village.get_translation(locale).url):
            html = html_of(client, listing)
            assert f">Dance [{code}]</a>" in html, listing  # translated: no hint
            assert f'">{finnish("Kerho")}</a>' in html, listing
            assert f"· {finnish('Seurantalo')}" in html, listing
        month = html_of(client, index.get_translation(locale).url + f"month/{soon(2):%Y/%m}/")
        assert f"{finnish('Kerho')}</a>" in month
        entry = html_of(client, directory.get_translation(locale).url + "paikka/seurantalo/")
        assert f'">{finnish("Kerho")}</a>' in entry
        assert f'">Dance [{code}]</a>' in entry

    # Once the hall is translated, its Swedish name carries no hint; Finnish pages carry none.
    translate_entry(hall, "sv", name="Föreningshuset")
    html = html_of(client, index.get_translation(Locale.objects.get(language_code="sv")).url)
    assert "· Föreningshuset" in html and 'lang="fi">Seurantalo' not in html
    for url in (dance.url, index.url, village.url, directory.url + "paikka/seurantalo/"):
        assert "untranslated-hint" not in html_of(client, url), url
