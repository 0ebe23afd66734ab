"""A Linked Events query as a calendar source: Helsinki's API answer (written to its published
format, two pages), served over HTTP and synced into our events in fi, sv and en."""

import datetime
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.models import Locale

from calendarsources.models import CalendarSource, ImportedEvent
from calendarsources.sync import sync_source
from events.models import EventOccurrence, EventPage
from events.schedule import TZ
from tests.calendarsources.conftest import FILES
from tests.directory.factories import PlaceFactory

HELSINKI = "https://api.hel.fi"


def answer(server, number, replace=()):
    body = (FILES / f"linkedevents-page{number}.json").read_text().replace(HELSINKI, server.base)
    for old, new in replace:
        body = body.replace(old, new)
    return body.encode()


def serve(server, pages):
    """Serve `pages` (bodies) at /linkedevents/v1/event/, by the query's page number."""

    def route(handler):
        query = parse_qs(urlsplit(handler.path).query)
        number = int(query.get("page", ["1"])[0])
        body = pages[number - 1]
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server.json("/linkedevents/v1/event/", route)
    return server.url("/linkedevents/v1/")


def add_source(calendar, url, **options):
    options.setdefault("filters", "publisher=ahjo:u4804001010&keyword=yso:p4354")
    return CalendarSource.objects.create(
        name="Kirjaston tapahtumat", calendar=calendar, url=url, kind="linkedevents", **options
    )


def page_of(source, uid, language="fi"):
    page = ImportedEvent.objects.get(source=source, uid=uid).page
    if language == "fi":
        return page
    return EventPage.objects.get(
        translation_key=page.translation_key, locale__language_code=language
    )


@pytest.fixture
def library(calendars):
    return PlaceFactory(
        name="Länkipohjan kirjasto", slug="kirjasto", villages=calendars.villages[:1]
    )


@pytest.fixture
def synced(calendars, server, library):
    url = serve(server, [answer(server, 1), answer(server, 2)])
    source = add_source(calendars.village_calendars[0], url)
    counts = sync_source(source)
    source.refresh_from_db()
    assert counts is not None, source.last_error
    return source


def dates(page):
    return [
        (o.start.astimezone(TZ).replace(tzinfo=None), o.status)
        for o in EventOccurrence.objects.filter(event=page).order_by("start")
    ]


def test_the_query_is_read_page_by_page_with_the_sources_filters(synced, server):
    paths = [path for path, _headers in server.requests]
    assert len(paths) == 2
    first = parse_qs(urlsplit(paths[0]).query)
    assert first["publisher"] == ["ahjo:u4804001010"] and first["keyword"] == ["yso:p4354"]
    assert first["include"] == ["location"] and first["page_size"] == ["100"]
    assert "start" in first  # not the source's whole past
    assert parse_qs(urlsplit(paths[1]).query)["page"] == ["2"]  # meta.next followed
    # Five events; the postponed one without a date yet has nothing to show.
    assert (synced.count_new, synced.count_skipped) == (5, 0), synced.skipped_details


def test_times_places_offers_and_text(synced, library):
    story = page_of(synced, "helsinki:agbtd5xfiu")
    # 15:00Z in February is 17:00 in Helsinki.
    assert (story.start_date, story.start_time, story.end_time) == (
        datetime.date(2027, 2, 3), datetime.time(17), datetime.time(19)
    )  # fmt: skip
    assert story.place_id == library.pk and story.place_name == ""
    assert story.summary == "Satuja koko perheelle."
    text = str(story.description)
    assert "Tervetuloa satutuokioon!" in text and "<strong>" not in text
    assert "https://kirjasto.example/satutuokio" in text
    assert story.is_free and story.organiser_name == "Länkipohjan kirjasto"
    midsummer = page_of(synced, "helsinki:agbtd6juhla")
    assert midsummer.all_day and (midsummer.start_date, midsummer.end_date) == (
        datetime.date(2027, 6, 18), datetime.date(2027, 6, 20)
    )  # fmt: skip
    assert midsummer.place_id is None and midsummer.place_name == "Kuoreveden seurantalo"
    assert (midsummer.street_address, midsummer.postal_code, midsummer.address_locality) == (
        "Seurantie 4", "35300", "Kuorevesi"
    )  # fmt: skip
    assert float(midsummer.latitude) == pytest.approx(61.9702)
    assert not midsummer.is_free and midsummer.price == "10 €, lapset 5 €"
    assert midsummer.registration_url == "https://liput.example/juhannus"
    concert = page_of(synced, "helsinki:agbtd7peru")
    # Summer time: 14:00Z is 17:00.
    assert concert.status == EventPage.Status.CANCELLED and concert.start_time == datetime.time(17)
    assert concert.place_name == "Koulun juhlasali"
    visit = page_of(synced, "helsinki:agbtd8siir")
    assert visit.status == EventPage.Status.RESCHEDULED
    assert (visit.start_date, visit.start_time) == (datetime.date(2027, 3, 20), datetime.time(12))


def test_a_recurring_super_event_is_one_event_with_its_sub_events_dates(synced):
    dance = page_of(synced, "helsinki:agbtsuper1")
    assert not ImportedEvent.objects.filter(uid__startswith="helsinki:agbtsub").exists()
    assert (dance.frequency, dance.weekdays) == ("WEEKLY", "TU")
    assert dates(dance) == [
        (datetime.datetime(2027, 1, 12, 14), "scheduled"),
        (datetime.datetime(2027, 1, 19, 14), "cancelled"),
        (datetime.datetime(2027, 1, 26, 15), "rescheduled"),  # that date later
    ]


def test_swedish_and_english_texts_are_translations_the_rest_aliases(synced, calendars, client):
    story_sv = page_of(synced, "helsinki:agbtd5xfiu", "sv")
    assert story_sv.alias_of_id is None and story_sv.title == "Sagostund"
    assert story_sv.summary == "Sagor för hela familjen."
    assert "Välkommen till sagostunden!" in str(story_sv.description)
    sv_calendar = calendars.village_calendars[0].get_translation(
        Locale.objects.get(language_code="sv")
    )
    assert story_sv.get_parent().pk == sv_calendar.pk
    assert page_of(synced, "helsinki:agbtd5xfiu", "en").title == "Story time"
    midsummer_sv = page_of(synced, "helsinki:agbtd6juhla", "sv")
    assert midsummer_sv.title == "Midsommarfest" and midsummer_sv.price == "10 €, barn 5 €"
    midsummer_en = page_of(synced, "helsinki:agbtd6juhla", "en")
    assert midsummer_en.alias_of_id == page_of(synced, "helsinki:agbtd6juhla").pk
    # In the Swedish and English calendars, as visitors read them.
    sv_month = client.get(sv_calendar.url + "month/2027/06/").content.decode()
    assert "Midsommarfest" in sv_month
    en_calendar = calendars.village_calendars[0].get_translation(
        Locale.objects.get(language_code="en")
    )
    en_month = client.get(en_calendar.url + "month/2027/06/").content.decode()
    assert "Juhannusjuhlat" in en_month  # no English text: the Finnish page's stand-in
    response = client.get(story_sv.url)
    assert response.status_code == 200 and "Sagostund" in response.content.decode()


def test_a_resync_updates_follows_the_status_and_never_duplicates(synced, server):
    pages_before = EventPage.objects.count()
    assert sync_source(synced).updated == 0  # the same answer: nothing written
    changed = answer(
        server,
        1,
        [('"Satutuokio"', '"Satutuokio ja askartelu"'), ('"Sagostund"', '"Sagostund och pyssel"')],
    )
    data = json.loads(changed)
    visit = next(e for e in data["data"] if e["id"] == "helsinki:agbtd8siir")
    # The author's visit is postponed, its new date not known yet.
    visit.update(event_status="EventPostponed", start_time=None, end_time=None)
    serve(server, [json.dumps(data).encode(), answer(server, 2)])
    counts = sync_source(synced)
    assert (counts.new, counts.updated, counts.removed) == (0, 1, 0)
    assert EventPage.objects.count() == pages_before
    assert page_of(synced, "helsinki:agbtd5xfiu").title == "Satutuokio ja askartelu"
    assert page_of(synced, "helsinki:agbtd5xfiu", "sv").title == "Sagostund och pyssel"
    for language in ("fi", "sv", "en"):
        postponed = page_of(synced, "helsinki:agbtd8siir", language)
        assert postponed.status == EventPage.Status.POSTPONED
        assert postponed.start_date == datetime.date(2027, 3, 20)  # its dates kept
    # An event gone from the answer is cancelled in every language.
    serve(server, [json.dumps(data).encode(), answer(server, 2).replace(b"agbtsuper1", b"other")])
    counts = sync_source(synced)
    assert counts.removed == 1
    for language in ("fi", "sv", "en"):
        assert page_of(synced, "helsinki:agbtsuper1", language).status == "cancelled"


def test_a_capped_answer_imports_what_it_read_and_removes_nothing(synced, server, settings):
    settings.CALENDAR_SOURCES_LINKED_EVENTS_MAX_PAGES = 1
    serve(server, [answer(server, 1, [("Satutuokio", "Satutunti")]), answer(server, 2)])
    counts = sync_source(synced)
    assert (counts.updated, counts.removed) == (1, 0)
    assert page_of(synced, "helsinki:agbtsuper1").status == "scheduled"


def test_our_own_api_imported_back_is_recognised_and_skipped(calendars, server, client, library):
    from tests.events.factories import EventPageFactory

    EventPageFactory(parent=calendars.village_calendars[0], title="Kyläkokous")
    ours = client.get("/linkedevents/v1/event/", {"include": "location"}, HTTP_HOST="localhost")
    data = ours.json()
    assert data["data"] and data["data"][0]["data_source"] == "kylatori"
    helsinki = json.loads(answer(server, 1))["data"][0]
    data["data"].append(helsinki)
    data["meta"]["next"] = None
    url = serve(server, [json.dumps(data).encode()])
    source = add_source(calendars.village_calendars[1], url, filters="")
    counts = sync_source(source)
    assert counts.new == 1  # Helsinki's event; ours is not imported into the other village
    assert list(ImportedEvent.objects.values_list("uid", flat=True)) == [helsinki["id"]]
    assert EventPage.objects.filter(title="Kyläkokous", locale__language_code="fi").count() == 1


def test_a_next_page_on_another_host_or_no_json_is_an_error(calendars, server):
    ours = server.base.encode() + b"/linkedevents/v1/event/?include"
    body = answer(server, 1).replace(ours, b"https://evil.example/linkedevents/v1/event/?include")
    url = serve(server, [body])
    source = add_source(calendars.village_calendars[0], url)
    assert sync_source(source) is None
    source.refresh_from_db()
    assert "toisella palvelimella" in source.last_error
    assert not ImportedEvent.objects.exists()
    server.ics("/linkedevents/v1/event/", "BEGIN:VCALENDAR")
    assert sync_source(source) is None
    source.refresh_from_db()
    assert "Linked Events" in source.last_error and source.consecutive_failures == 2
