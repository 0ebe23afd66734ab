"""The demo reads as real villages: its texts, dates and facts, checked without a database.

seed_demo builds pages from these data (home/demo/content.py, events/demo.py, directory/demo.py);
tests/home/test_seed_demo.py and tests/events/test_demo.py check what it builds.
"""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.utils.text import slugify

from directory.demo import ENTRY_NAMES, entry_names
from events import demo as events_demo
from home.demo import content, facts

# A winter day, a summer day, spring, autumn, and the days around Christmas and New Year.
TODAYS = [
    datetime.date(2026, 12, 1),
    datetime.date(2027, 6, 20),
    datetime.date(2027, 3, 10),
    datetime.date(2027, 9, 1),
    datetime.date(2026, 12, 19),
    datetime.date(2027, 1, 2),
]
VILLAGE_NAMES = list(facts.VILLAGES)


def village(name):
    return SimpleNamespace(title=name, slug=slugify(name))


def strings(value):
    """Every string inside nested dicts, lists and tuples."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def demo_texts():
    yield from strings(content.REGIONS)
    yield from strings(events_demo.EVENTS)
    for name in VILLAGE_NAMES:
        for suffix in ENTRY_NAMES:
            yield from entry_names(village(name), suffix)


def test_no_genitive_is_made_by_adding_an_n():
    """ "Kuorevesin kyläyhdistys" is how a rule would write it; Finnish says Kuoreveden."""
    wrong = {
        f"{name}n": facts.genitive(name)
        for name in VILLAGE_NAMES
        if f"{name}n" != facts.genitive(name)
    }
    assert {"Kuorevesin", "Vuolenkoskin"} <= set(wrong)
    texts = list(demo_texts())
    for constructed, right in wrong.items():
        found = [text for text in texts if re.search(rf"\b{constructed}\b", text)]
        assert not found, f"{constructed} instead of {right}: {found[:3]}"
    assert "Kuoreveden kyläyhdistys" in texts and "Kirjastoauto, Vuolenkosken pysäkki" in texts


def test_each_village_has_its_own_events():
    titles = [
        spec["texts"]["fi"]["title"] for name in VILLAGE_NAMES for spec in events_demo.EVENTS[name]
    ]
    repeated = {title for title in titles if titles.count(title) > 1}
    assert not repeated
    for name in VILLAGE_NAMES:
        specs = events_demo.EVENTS[name]
        assert len(specs) >= 4, name
        assert len({spec["when"][2] for spec in specs}) >= 3, f"{name}: every event at one time"
        assert {spec["at"] for spec in specs} >= {"hall"}, name


def test_every_text_of_every_event_is_translated():
    for name in VILLAGE_NAMES:
        for spec in events_demo.EVENTS[name]:
            texts = spec["texts"]
            for code in ("sv", "en"):
                assert set(texts[code]) == set(texts["fi"]), (spec["slug"], code)
                for field, finnish in texts["fi"].items():
                    # "12 €" reads the same in every language; words do not.
                    if re.search(r"[^\W\d_]", finnish):
                        assert texts[code][field] != finnish, (spec["slug"], code, field)
                    assert field in events_demo.TEXT_FIELDS


def test_every_news_item_and_page_of_every_village_is_translated():
    """No village page is left as a Finnish alias on the Swedish and English sites."""
    checked = 0
    for name, spec in facts.VILLAGES.items():
        for item in spec["news"] + spec.get("pages", []):
            finnish = item["fi"]
            for code in ("sv", "en"):
                where = (name, finnish["title"], code)
                assert code in item, where
                texts = item[code]
                assert set(texts) == set(finnish), where
                assert [block[0] for block in texts["body"]] == [
                    block[0] for block in finnish["body"]
                ], where
                for field, text in finnish.items():
                    if isinstance(text, str) and re.search(r"[^\W\d_]", text):
                        assert texts[field] != text, (*where, field)
                for block, finnish_block in zip(texts["body"], finnish["body"], strict=True):
                    assert block != finnish_block, (*where, finnish_block)
                    if block[0] == "ul":
                        assert len(block[1]) == len(finnish_block[1]), (*where, finnish_block)
                assert slugify(texts.get("slug") or texts["title"]).isascii(), where
                checked += 1
    assert checked == 2 * sum(
        len(spec["news"]) + len(spec.get("pages", [])) for spec in facts.VILLAGES.values()
    )


def test_slugs_are_ascii():
    for name in VILLAGE_NAMES:
        for spec in events_demo.EVENTS[name]:
            assert spec["slug"].isascii() and spec["slug"] == slugify(spec["slug"])
            for code in ("sv", "en"):
                assert slugify(spec["texts"][code]["title"]).isascii()


def test_each_village_has_its_own_postal_code_and_post_office():
    codes = {name: facts.village(name)["postal_code"] for name in VILLAGE_NAMES}
    assert all(re.fullmatch(r"\d{5}", code) for code in codes.values())
    himos = {codes[spec["name"]] for spec in content.HIMOS_VILLAGES}
    iitti = {codes[spec["name"]] for spec in content.IITTI_VILLAGES}
    assert len(himos) > 1 and len(iitti) > 1 and not himos & iitti
    # As Posti has them (see home/demo/content.py): each village's code and post office.
    offices = {name: facts.village(name)["post_office"] for name in VILLAGE_NAMES}
    assert {name: (codes[name], offices[name]) for name in VILLAGE_NAMES} == {
        "Länkipohja": ("35400", "Längelmäki"),
        "Kuorevesi": ("35630", "Kuorevesi"),
        "Halli": ("35600", "Halli"),
        "Koskenpää": ("42440", "Koskenpää"),
        "Kausala": ("47400", "Kausala"),
        "Radansuu": ("47520", "Iitti"),
        "Vuolenkoski": ("19160", "Huutotöyry"),
        "Sitikkala": ("47400", "Kausala"),
    }


def test_the_village_hall_seats_as_many_as_its_page_says():
    for spec in facts.VILLAGES.values():
        for page in spec.get("pages", []):
            for text in strings(page["fi"]):
                if seats := re.search(r"sali noin (\d+) hengelle", text):
                    assert int(seats.group(1)) == facts.village(spec["name"])["hall"]["seats"]


FINNISH_WEEKDAYS = (
    "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"
)  # fmt: skip


def test_the_library_bus_stops_when_the_news_say():
    checked = 0
    for name, spec in facts.VILLAGES.items():
        library = facts.village(name)["library"]
        for news in spec["news"]:
            lead = news["fi"]["lead"]
            if "Kirjastoauto" in news["fi"]["title"] or "kirjastoauto" in lead:
                for weekday, opens, closes in library["hours"]:
                    assert f"{opens}–{closes}" in lead, (name, lead)
                    # "joka keskiviikko", "maanantaisin": the directory's weekday
                    assert FINNISH_WEEKDAYS[weekday] in lead.lower(), (name, weekday, lead)
                checked += 1
    assert checked >= 2


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_news_and_events_give_the_same_dates_in_their_season(today):
    for name, spec in facts.VILLAGES.items():
        for news in spec["news"]:
            assert facts.news_date(name, news, today) <= today, (name, news["fi"]["title"])
        events = {s["slug"]: s for s in events_demo.EVENTS[name]}
        dates = {slug: events_demo.schedule(name, s, today)[1] for slug, s in events.items()}
        for slug, spec_ in events.items():
            if spec_["when"][0] == "happening":
                key = spec_["when"][1]
                assert dates[slug][0] == facts.happening(name, key, today)
    lankipohja = events_demo.schedule("Länkipohja", by_slug("Länkipohja", "syyskokous"), today)
    meeting = lankipohja[1][0]  # "marraskuun viimeisenä tiistaina" in the news
    assert meeting.month == 11 and meeting.weekday() == 1 and meeting.day > 30 - 7
    premiere = events_demo.schedule("Kuorevesi", by_slug("Kuorevesi", "kesateatteri"), today)
    assert premiere[1][0].month == 7  # the summer theatre premieres in summer


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_no_event_over_christmas_or_at_the_same_time_in_the_same_hall(today):
    for name in VILLAGE_NAMES:
        busy = []
        for spec in events_demo.EVENTS[name]:
            fields, dates = events_demo.schedule(name, spec, today)
            for day in dates:
                assert not events_demo.in_holidays(day), (name, spec["slug"], day)
                if fields.get("frequency") == "WEEKLY":
                    assert (
                        not datetime.date(day.year, 6, 1) <= day < datetime.date(day.year, 8, 15)
                        or spec["when"][0] == "weekly_from"
                    ), (name, spec["slug"], day)
            if spec["at"] == "hall" and not fields.get("all_day"):
                busy += [
                    (day, fields["start_time"], fields["end_time"], spec["slug"]) for day in dates
                ]
        busy.sort()
        for (day, _, end, first), (next_day, start, _, second) in zip(busy, busy[1:], strict=False):
            assert day != next_day or end <= start, (name, first, second, day)


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_the_hall_is_open_when_its_events_are_on(today):
    for name in VILLAGE_NAMES:
        weekly, exceptions = events_demo.hall_hours(village(name), today)
        horizon = today + datetime.timedelta(days=events_demo.HALL_HOURS_DAYS)
        for spec in events_demo.EVENTS[name]:
            if spec["at"] != "hall" or spec.get("status") == "cancelled":
                continue
            fields, dates = events_demo.schedule(name, spec, today)
            for day in dates:
                if not today <= day <= horizon:
                    continue
                opened = [(o, c) for start, end, o, c, _ in exceptions if start <= day <= end]
                if fields.get("frequency") == "WEEKLY":
                    opened += [(o, c) for weekday, o, c in weekly if weekday == day.weekday()]
                assert opened, (name, spec["slug"], day)


def by_slug(name, slug):
    return next(spec for spec in events_demo.EVENTS[name] if spec["slug"] == slug)
