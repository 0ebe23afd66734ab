"""The listing's "open now" filter and the entry's exceptions of the next 60 days, over HTTP, at
frozen Helsinki times (never the hour the tests happen to run at)."""

import re
from datetime import date, datetime

import time_machine
from django.test import override_settings
from wagtail.models import Locale

from .factories import (
    AssociationFactory,
    PlaceFactory,
    ServiceFactory,
    add_exception,
    add_hours,
    translate_entry,
)
from .test_pages import HELSINKI, get

WEDNESDAY_11 = datetime(2025, 6, 4, 11, 0, tzinfo=HELSINKI)


def names(html):
    return re.findall(r'<h3 class="directory-card__title"><a href="[^"]+">(.*?)</a>', html)


@override_settings(KYLATORI_PAGE_SIZE=2)
def test_open_now_lists_what_is_open_at_this_moment_with_other_filters_and_pages(
    client, region, directory
):
    village_dir, _ = directory
    own, other = region.villages
    today = WEDNESDAY_11.date()
    shop = ServiceFactory(name="Auki kauppa", villages=[own])
    add_hours(shop, 2, "9:00", "16:00")
    closed_today = ServiceFactory(name="Inventaariokauppa", villages=[own])
    add_hours(closed_today, 2, "9:00", "16:00")
    add_exception(closed_today, today, note="Inventaario")
    only_today = PlaceFactory(name="Poikkeustalo", villages=[own])
    add_exception(only_today, today, closed=False, opens="10:00", closes="12:00")
    summer = PlaceFactory(name="Pitkä kesä", villages=[own])  # an exception begun days ago
    add_exception(
        summer, date(2025, 6, 1), date(2025, 6, 10), closed=False, opens="8:00", closes="20:00"
    )
    night = ServiceFactory(name="Yötaksi", villages=[own])  # Tuesday 22.00 to Wednesday 12.00
    add_hours(night, 1, "22:00", "12:00")
    ServiceFactory(name="Ei aikoja", villages=[own])
    thursday = PlaceFactory(name="Torstaitalo", villages=[own])
    add_hours(thursday, 3, "9:00", "16:00")
    AssociationFactory(name="Kyläyhdistys", villages=[own])
    elsewhere = ServiceFactory(name="Muun kylän kauppa", villages=[other])
    add_hours(elsewhere, 2, "9:00", "16:00")

    with time_machine.travel(WEDNESDAY_11, tick=False):
        everything = get(client, village_dir.url).content.decode()
        first = get(client, village_dir.url, open="on").content.decode()
        second = get(client, village_dir.url, open="on", page=2).content.decode()
        places = get(client, village_dir.url, open="on", type="paikka").content.decode()

    assert '<label for="directory-open">Avoinna nyt</label>' in everything
    assert 'name="open" value="on">' in everything  # not checked before asking
    assert "4 kohdetta" in first and 'name="open" value="on" checked>' in first
    assert names(first) == ["Auki kauppa", "Pitkä kesä"]
    assert names(second) == ["Poikkeustalo", "Yötaksi"]
    assert "open=on&amp;page=2" in first
    assert first.count("hours-status--open") == 2 and second.count("hours-status--open") == 2
    assert names(places) == ["Pitkä kesä", "Poikkeustalo"]


def test_entry_page_lists_the_exceptions_of_the_next_60_days_in_each_language(
    client, region, translated_directory
):
    village_dir, _ = translated_directory
    shop = ServiceFactory(
        name="Kyläkauppa",
        slug="kauppa",
        villages=[region.villages[0]],
        closed_on_public_holidays=True,
    )
    for weekday in range(6):
        add_hours(shop, weekday, "9:00", "16:00")
    add_exception(shop, date(2025, 11, 15), note="Mennyt")
    add_exception(shop, date(2025, 11, 30), note="Inventaario")  # in ten days
    add_exception(
        shop,
        date(2025, 12, 10),
        date(2025, 12, 12),
        closed=False,
        opens="10:00",
        closes="14:00",
        note="Lyhennetty",
    )
    add_exception(shop, date(2026, 1, 19), note="Liian kaukana")  # the 61st day
    for code in ("sv", "en"):
        translate_entry(shop, code)

    pages = {}
    with time_machine.travel(datetime(2025, 11, 20, 12, 0, tzinfo=HELSINKI), tick=False):
        for code in ("fi", "sv", "en"):
            page = village_dir.get_translation(Locale.objects.get(language_code=code))
            pages[code] = get(client, page.url + "palvelu/kauppa/").content.decode()

    fi, sv, en = pages["fi"], pages["sv"], pages["en"]
    assert "Poikkeukset seuraavien 60 päivän aikana" in fi
    assert "Mennyt" not in fi and "Liian kaukana" not in fi
    assert '<time datetime="2025-11-30">sunnuntai 30. marraskuuta 2025</time>' in fi
    assert "Inventaario" in fi
    assert "10.00–14.00" in fi and "Lyhennetty" in fi
    assert '<time datetime="2025-12-12">perjantai 12. joulukuuta 2025</time>' in fi
    # Public holidays on days it would be open: Independence Day (a Saturday), Christmas Eve.
    assert "Itsenäisyyspäivä" in fi and "Jouluaatto" in fi
    assert "Undantag under de följande 60 dagarna" in sv
    assert "söndag 30 november 2025" in sv and "Självständighetsdagen" in sv
    assert "Exceptions in the next 60 days" in en
    assert "Sunday 30 November 2025" in en and "10:00–14:00" in en
