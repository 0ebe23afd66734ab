"""The Linked Events API over HTTP: fields, languages, recurrence, filters, errors, visibility."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from home.translation import translate_page
from linkedevents import params as api_params
from tests.directory.factories import PlaceFactory, translate_entry
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import TopicFactory
from tests.linkedevents.conftest import API, get

TODAY = datetime.date.today()
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def utc(day, hour):
    """Helsinki's `hour` on `day` as the API writes it: UTC with a Z (two hours' difference in
    winter, three in summer: the tests' days follow today)."""
    local = datetime.datetime.combine(day, datetime.time(hour), HELSINKI)
    return utc_time(local)


def utc_time(moment):
    """An aware moment as the API writes it: UTC with a Z, in whole seconds."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def events(client, **params):
    response = get(client, "/event/", **params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def by_name(data):
    return {event["name"]["fi"]: event for event in data["data"]}


def test_event_fields_ids_times_and_references(client, content):
    data = events(client, include="location,keywords")
    assert data["meta"] == {"count": 6, "next": None, "previous": None}
    meeting = next(e for e in data["data"] if e["name"]["fi"] == "Kyläkokous")
    assert meeting["id"] == f"kylatori:{content.single.pk}"
    assert meeting["@id"] == f"http://localhost/linkedevents/v1/event/kylatori:{content.single.pk}/"
    assert meeting["@context"] == "http://schema.org" and meeting["@type"] == "Event/LinkedEvent"
    # 18:00-20:00 in Helsinki, written in UTC with a Z.
    day = TODAY + datetime.timedelta(days=3)
    assert meeting["start_time"] == utc(day, 18)
    assert meeting["end_time"] == utc(day, 20)
    assert meeting["event_status"] == "EventScheduled"
    assert meeting["short_description"] == {"fi": "Tervetuloa kokoukseen."}
    assert meeting["info_url"]["fi"].endswith("/fi/lankipohja/tapahtumat/kylakokous/")
    assert meeting["location"]["name"] == {"fi": "Kylätalo"}
    assert meeting["location"]["position"] == {"type": "Point", "coordinates": [24.1, 61.9]}
    assert meeting["keywords"][0]["name"] == {"fi": "Liikunta"}
    assert meeting["offers"][0]["is_free"] is False
    assert meeting["offers"][0]["price"] == {"fi": "5 €"}
    assert meeting["provider"] == {"fi": "Kyläyhdistys"}
    # Run by an association: it publishes the event (the village would otherwise).
    assert meeting["publisher"] == f"yhdistys:{content.association.pk}"
    volleyball = next(e for e in data["data"] if e["name"]["fi"] == "Lentopallo")
    assert volleyball["publisher"] == f"kylatori:{content.villages[0].pk}"
    assert meeting["data_source"] == "kylatori"
    assert meeting["last_modified_time"].endswith("Z") and meeting["date_published"]
    plain = events(client)["data"]
    meeting = next(e for e in plain if e["name"]["fi"] == "Kyläkokous")
    assert meeting["location"] == {
        "@id": f"http://localhost/linkedevents/v1/place/kylatori:{content.place.pk}/"
    }
    assert set(meeting["keywords"][0]) == {"@id"}


def test_an_events_image_is_the_size_its_page_shows_at_an_absolute_address(client, content):
    photo = ImageFactory(title="Kyläkokous 2026", file__width=3000, file__height=2000)
    content.single.image = photo
    content.single.image_alt = "Väkeä kylätalon salissa"
    content.single.save_revision().publish()
    meeting = get(client, f"/event/kylatori:{content.single.pk}/").json()
    [image] = meeting["images"]
    assert image["name"] == "Kyläkokous 2026"
    assert image["alt_text"] == "Väkeä kylätalon salissa"
    # Made on publish: the 960 pixels wide rendition the event page shows, not the original.
    rendition = photo.renditions.get()
    assert (rendition.width, rendition.height) == (960, 640)
    assert image["url"] == f"http://localhost{rendition.file.url}"
    assert by_name(events(client))["Kyläkokous"]["images"] == [image]


def test_all_day_events_are_written_as_dates(client, content):
    EventPageFactory(
        parent=content.calendar,
        title="Kyläjuhla",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=TODAY,
        end_date=TODAY + datetime.timedelta(days=2),
    )
    EventPageFactory(
        parent=content.calendar,
        title="Talkoot",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=TODAY,
    )
    found = by_name(events(client))
    assert found["Kyläjuhla"]["start_time"] == TODAY.isoformat()
    assert found["Kyläjuhla"]["end_time"] == (TODAY + datetime.timedelta(days=2)).isoformat()
    assert found["Talkoot"]["start_time"] == TODAY.isoformat()
    assert found["Talkoot"]["end_time"] is None


def test_languages_only_those_that_exist_and_ids_stable_across_edits(client, content):
    before = events(client)
    number = f"kylatori:{content.single.pk}"
    translate_page(content.single, "sv", title="Bystämma", summary="Välkommen.")
    content.single.title = "Kyläkokous (muutettu)"
    content.single.save_revision().publish()
    after = events(client)
    assert sorted(e["id"] for e in before["data"]) == sorted(e["id"] for e in after["data"])
    meeting = next(e for e in after["data"] if e["id"] == number)
    assert meeting["name"] == {"fi": "Kyläkokous (muutettu)", "sv": "Bystämma"}
    assert meeting["short_description"] == {"fi": "Tervetuloa kokoukseen.", "sv": "Välkommen."}
    assert set(meeting["info_url"]) == {"fi", "sv"}
    assert "/sv/" in meeting["info_url"]["sv"]
    assert "en" not in meeting["name"]


def test_recurring_event_is_a_super_event_with_sub_events(client, content):
    data = events(client, super_event_type="recurring")
    assert data["meta"]["count"] == 1
    super_event = data["data"][0]
    assert super_event["super_event_type"] == "recurring"
    assert len(super_event["sub_events"]) == 4
    first = get(client, super_event["sub_events"][0]["@id"].split("/v1")[1]).json()
    assert first["super_event"] == {"@id": super_event["@id"]}
    assert first["start_time"] == utc(TODAY + datetime.timedelta(days=1), 18)
    assert super_event["start_time"] == first["start_time"]
    assert super_event["end_time"] == utc(TODAY + datetime.timedelta(days=22), 20)
    subs = events(client, super_event=super_event["id"])
    assert {e["id"] for e in subs["data"]} == {
        ref["@id"].split("/")[-2] for ref in super_event["sub_events"]
    }
    top = events(client, super_event="none")
    assert {e["name"]["fi"] for e in top["data"]} == {"Kyläkokous", "Lentopallo"}
    assert events(client, recurring="super")["meta"]["count"] == 1
    assert events(client, recurring="sub")["meta"]["count"] == 5
    # Filters that together leave no kind of event: an empty page, not an error.
    for contradiction in (
        {"recurring": "super", "super_event_type": "none"},
        {"recurring": "sub", "super_event_type": "recurring"},
        {"recurring": "super", "super_event": super_event["id"]},
        {"super_event_type": "recurring", "super_event": super_event["id"]},
    ):
        empty = events(client, **contradiction, include="location,keywords")
        assert empty == {"meta": {"count": 0, "next": None, "previous": None}, "data": []}


def test_include_sub_events_and_super_event_embed_the_full_objects(client, content):
    """As Linked Events' include: a super event's sub events, and a sub event's super event,
    written in full, each as its own address writes it."""
    super_id = f"kylatori:{content.weekly.pk}"
    plain_super = events(client, recurring="super")["data"][0]
    plain_subs = events(client, super_event=super_id, sort="start_time")["data"]
    assert len(plain_subs) == 4 and all(set(ref) == {"@id"} for ref in plain_super["sub_events"])
    embedded = events(client, recurring="super", include="sub_events")["data"][0]
    assert embedded["sub_events"] == plain_subs
    assert embedded["sub_events"][0]["name"] == {"fi": "Lentopallo"}
    assert {key: value for key, value in embedded.items() if key != "sub_events"} == {
        key: value for key, value in plain_super.items() if key != "sub_events"
    }
    subs = events(client, super_event=super_id, sort="start_time", include="super_event")["data"]
    assert [sub["super_event"] for sub in subs] == [plain_super] * 4
    detail = get(client, f"/event/{plain_subs[1]['id']}/", include="super_event").json()
    assert detail["super_event"] == plain_super
    assert detail["start_time"] == plain_subs[1]["start_time"]
    # Both at once: each embeds the other's id only, not again in full.
    both = events(client, recurring="super", include="sub_events,super_event")["data"][0]
    assert both["sub_events"] == plain_subs
    one_off = events(client, super_event="none", recurring="sub", include="super_event")["data"]
    assert [event["super_event"] for event in one_off] == [None]


def test_moved_and_cancelled_dates_keep_their_ids_and_carry_their_status(client, content):
    weekly = content.weekly
    second = weekly.start_date + datetime.timedelta(days=7)
    third = weekly.start_date + datetime.timedelta(days=14)
    weekly.date_changes.create(original_date=second, action="cancelled")
    weekly.date_changes.create(
        original_date=third, action="moved", new_start_date=third + datetime.timedelta(days=1)
    )
    weekly.save_revision().publish()
    subs = {e["id"]: e for e in events(client, super_event=f"kylatori:{weekly.pk}")["data"]}
    cancelled = subs[f"kylatori:{weekly.pk}{second:%Y%m%d}"]
    moved = subs[f"kylatori:{weekly.pk}{third:%Y%m%d}"]
    assert cancelled["event_status"] == "EventCancelled"
    assert moved["event_status"] == "EventRescheduled"
    assert moved["start_time"].startswith(str(third + datetime.timedelta(days=1)))


def test_filters(client, content):
    meeting = f"kylatori:{content.single.pk}"
    assert [e["id"] for e in events(client, keyword=f"kylatori:{content.topic.pk}")["data"]] == [
        meeting
    ]
    assert [e["id"] for e in events(client, location=f"kylatori:{content.place.pk}")["data"]] == [
        meeting
    ]
    assert events(client, publisher=f"kylatori:{content.villages[1].pk}")["meta"]["count"] == 0
    assert events(client, publisher=f"kylatori:{content.villages[0].pk}")["meta"]["count"] == 6
    assert events(client, publisher=f"kylatori:{content.home.pk}")["meta"]["count"] == 6
    association = f"yhdistys:{content.association.pk}"
    assert [e["id"] for e in events(client, publisher=association)["data"]] == [meeting]
    assert events(client, publisher=f"yhdistys:{content.villages[0].pk}")["meta"]["count"] == 0
    assert [e["id"] for e in events(client, text="KYLÄKOK")["data"]] == [meeting] or [
        e["id"] for e in events(client, text="kyläkok")["data"]
    ] == [meeting]
    day3 = TODAY + datetime.timedelta(days=3)
    only = events(client, start=day3.isoformat(), end=day3.isoformat(), recurring="sub")
    assert [e["id"] for e in only["data"]] == [meeting]
    assert events(client, days=1, super_event="none")["meta"]["count"] == 1  # the weekly one
    assert events(client, start="now")["meta"]["count"] == 6
    assert events(client, end="today")["meta"]["count"] == 0
    ordered = events(client, sort="start_time", super_event="none")["data"]
    assert [e["name"]["fi"] for e in ordered] == ["Lentopallo", "Kyläkokous"]
    ordered = events(client, sort="-end_time", super_event="none")["data"]
    assert [e["name"]["fi"] for e in ordered] == ["Lentopallo", "Kyläkokous"]
    future = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)).isoformat()
    assert events(client, last_modified_since=future)["meta"]["count"] == 0


def test_text_matches_the_description_in_every_language_the_public_sees(client, content):
    """Linked Events' `text` searches the description too: a word only there finds the event,
    in Finnish and in a Swedish translation, with letters such as ä; a draft's does not."""
    single, weekly = content.single, content.weekly
    single.description = [("paragraph", RichText("<p>Tule <b>savusaunaan</b> järven rantaan.</p>"))]
    single.save_revision().publish()
    translate_page(weekly, "sv", title="Volleyboll", description=[
        ("paragraph", RichText("<p>Spelet pågår i skolans gymnastiksal.</p>"))
    ])  # fmt: skip
    weekly.description = [("paragraph", RichText("<p>Luonnos: kuutamouinti.</p>"))]
    weekly.save_revision()  # a draft: not what the public sees
    meeting = f"kylatori:{single.pk}"
    assert [e["id"] for e in events(client, text="savusauna")["data"]] == [meeting]
    assert [e["id"] for e in events(client, text="järven")["data"]] == [meeting]
    assert "savusaunaan" in events(client, text="savusauna")["data"][0]["description"]["fi"]
    swedish = events(client, text="gymnastiksal", recurring="super")["data"]
    assert [e["id"] for e in swedish] == [f"kylatori:{weekly.pk}"]
    assert events(client, text="pågår", recurring="super")["meta"]["count"] == 1
    assert events(client, text="kuutamouinti")["meta"]["count"] == 0


def test_pagination(client, content):
    first = events(client, page_size=2, sort="start_time")
    assert first["meta"]["count"] == 6 and len(first["data"]) == 2
    assert first["meta"]["previous"] is None
    second = get(client, first["meta"]["next"].split("/v1")[1]).json()
    assert second["meta"]["previous"] and {e["id"] for e in second["data"]}.isdisjoint(
        {e["id"] for e in first["data"]}
    )
    assert get(client, "/event/", page=99).status_code == 404
    # More than 100 a page is served as 100, as Linked Events' pagination does.
    capped = events(client, page_size=500)
    assert len(capped["data"]) == 6 and capped["meta"]["next"] is None
    form = api_params.EventListForm(QueryDict("page_size=500"))
    assert api_params.read(form)["page_size"] == 100


@pytest.mark.parametrize(
    "name,value",
    [
        ("start", "eilen"),
        ("end", "2026-13-40"),
        ("start", "0001-01-01"),
        ("days", "0"),
        ("days", "9" * 5000),
        ("keyword", "yso:p1235"),
        ("location", "kylatori:x"),
        ("sort", "name"),
        ("recurring", "both"),
        ("include", "everything"),
        ("page", "-1"),
        ("page_size", "0"),
        ("page_size", "9" * 30),
        ("text", "\x00"),
        ("super_event_type", "umbrella"),
        ("keyword", ",".join(f"kylatori:{n}" for n in range(30))),
        ("format", "xml"),
        ("publisher", "ahjo:00001x"),
        ("publisher", "kylatori:1,helsinki"),
        ("last_modified_since", "yesterday"),
        ("last_modified_since", "2026-02-30T10:00:00Z"),
        ("super_event", "kylatori:"),
        ("super_event", "all"),
        ("start", "now!"),
        ("days", "seven"),
        ("text", "x" * 300),
        ("sort", "-name"),
    ],
)
def test_bad_values_are_400_with_a_json_error(client, content, name, value):
    response = get(client, "/event/", **{name: value})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert name in response.json()["errors"]
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "path,name,value",
    [
        ("/place/", "sort", "start_time"),
        ("/place/", "page_size", "0"),
        ("/keyword/", "text", "\x00"),
        ("/keyword/", "page", "x"),
        ("/organization/", "sort", "founding_date"),
        ("/language/", "page_size", "-5"),
        ("/event/kylatori:1/", "include", "everything"),
    ],
)
def test_bad_values_of_the_other_endpoints_are_400_too(client, content, path, name, value):
    response = get(client, path, **{name: value})
    assert response.status_code == 400
    assert name in response.json()["errors"]


def test_error_in_the_language_asked_for(client, content):
    for language, words in (
        ("fi", "Anna päivämäärä"),
        ("sv", "Ange ett datum"),
        ("en", "Give a date"),
    ):
        response = client.get(
            "/linkedevents/v1/event/?start=eilen",
            HTTP_HOST="localhost",
            HTTP_ACCEPT_LANGUAGE=language,
        )
        assert response.status_code == 400
        assert words in response.json()["errors"]["start"][0]


def test_unknown_parameter_names_are_ignored_as_in_linked_events(client, content):
    assert events(client, division="malmi", show_all_places="1")["meta"]["count"] == 6


def test_days_with_start_is_refused(client, content):
    assert get(client, "/event/", days=3, start="today").status_code == 400


def test_drafts_restricted_pages_aliases_and_other_regions_are_not_shown(
    client, content, second_region
):
    draft = EventPageFactory(parent=content.calendar, title="Luonnos", publish=False)
    private = EventPageFactory(parent=content.calendar, title="Yksityinen")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden_calendar = EventIndexPageFactory(parent=content.villages[1])
    below = EventPageFactory(parent=hidden_calendar, title="Salainen")
    PageViewRestriction.objects.create(page=hidden_calendar, restriction_type="login")
    foreign_calendar = EventIndexPageFactory(parent=second_region.villages[0])
    foreign = EventPageFactory(parent=foreign_calendar, title="Iitin tapahtuma")
    names = {e["name"]["fi"] for e in events(client)["data"]}
    assert names == {"Kyläkokous", "Lentopallo"}
    for page in (draft, private, below, foreign):
        assert get(client, f"/event/kylatori:{page.pk}/").status_code == 404
    other = client.get("/linkedevents/v1/event/", HTTP_HOST="iitti.localhost").json()
    assert {e["name"]["fi"] for e in other["data"]} == {"Iitin tapahtuma"}
    for language in ("fi", "sv", "en"):
        translate_page(content.villages[0], language) if language != "fi" else None
    translate_page(private, "sv", title="Privat")
    assert "Privat" not in str(events(client)["data"])
    # A place of the other region is not found here.
    assert get(client, f"/place/kylatori:{content.place.pk}/").status_code == 200
    assert (
        client.get(
            f"/linkedevents/v1/place/kylatori:{content.place.pk}/", HTTP_HOST="iitti.localhost"
        ).status_code
        == 404
    )


def test_read_only_cors_head_etag(client, content):
    response = get(client, "/event/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"
    etag = response["ETag"]
    again = client.get("/linkedevents/v1/event/", HTTP_HOST="localhost", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    head = client.head("/linkedevents/v1/event/", HTTP_HOST="localhost")
    assert head.status_code == 200 and head.content == b""
    preflight = client.options(
        "/linkedevents/v1/event/",
        HTTP_HOST="localhost",
        HTTP_ORIGIN="https://tapahtumat.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    # As a browser's request would be checked: no CSRF token, so the middleware must not be
    # the one answering (its 403 is HTML, without the CORS headers a client could read).
    strict = Client(enforce_csrf_checks=True)
    for method in ("post", "put", "patch", "delete"):
        refused = getattr(strict, method)("/linkedevents/v1/event/", HTTP_HOST="localhost")
        assert refused.status_code == 405
        assert refused["Allow"] == "GET, HEAD, OPTIONS"
        assert refused["Content-Type"] == "application/json"
        assert refused["Access-Control-Allow-Origin"] == "*"
    # An address below the API that names nothing is the API's JSON 404, not a site page.
    for path in ("/linkedevents/v1/nothing/", "/linkedevents/v1/event/kylatori:1/extra/"):
        missing = strict.get(path, HTTP_HOST="localhost")
        assert missing.status_code == 404, path
        assert missing["Content-Type"] == "application/json"
        assert missing["Access-Control-Allow-Origin"] == "*"
        assert missing.json()["detail"]
    # A change shows at once: the cache key holds the calendar generation.
    EventPageFactory(parent=content.calendar, title="Uusi")
    assert (
        client.get(
            "/linkedevents/v1/event/", HTTP_HOST="localhost", HTTP_IF_NONE_MATCH=etag
        ).status_code
        == 200
    )


def test_places_keywords_organizations_languages(client, content):
    place = get(client, "/place/").json()["data"][0]
    assert place["id"] == f"kylatori:{content.place.pk}"
    assert place["info_url"]["fi"].endswith("/fi/lankipohja/hakemisto/paikka/kylatalo/")
    assert place["postal_code"] == "35400"
    assert get(client, f"/place/kylatori:{content.place.pk}/").json()["name"] == {"fi": "Kylätalo"}
    keyword = get(client, f"/keyword/kylatori:{content.topic.pk}/").json()
    assert keyword["name"] == {"fi": "Liikunta"}
    orgs = {o["name"]: o for o in get(client, "/organization/").json()["data"]}
    assert orgs["Länkipohja"]["parent_organization"] == orgs["Himoksen seutu"]["@id"]
    # The associations that run the region's events are organizations too, below their village.
    association = orgs["Kyläyhdistys"]
    assert association["id"] == f"yhdistys:{content.association.pk}"
    assert association["classification"] == "association"
    assert association["parent_organization"] == orgs["Länkipohja"]["@id"]
    assert orgs["Länkipohja"]["sub_organizations"] == [association["@id"]]
    assert get(client, association["@id"].split("/v1")[1]).json() == association
    assert get(client, f"/organization/yhdistys:{content.villages[0].pk}/").status_code == 404
    languages = get(client, "/language/").json()["data"]
    assert [lang["id"] for lang in languages] == ["fi", "sv", "en"]
    assert get(client, "/language/sv/").json()["name"]["fi"] == "ruotsi"
    assert get(client, "/place/kylatori:999999/").status_code == 404
    assert get(client, "/event/nonsense/").status_code == 404


def test_keyword_and_place_names_in_the_languages_they_are_translated_into(client, content):
    """A topic translated into Swedish and English, a place into Swedish only: each name holds
    those languages with their text and no other, at its address, in its list and embedded in
    an event; a name in any of its languages finds it."""
    for code, name in (("sv", "Idrott"), ("en", "Sports")):
        translation = content.topic.copy_for_translation(Locale.objects.get(language_code=code))
        translation.name = name
        translation.save()
    translate_entry(content.place, "sv", name="Bygdegården", street_address="Byvägen 2")
    keyword, place = f"kylatori:{content.topic.pk}", f"kylatori:{content.place.pk}"
    topic_names = {"fi": "Liikunta", "sv": "Idrott", "en": "Sports"}
    place_names = {"fi": "Kylätalo", "sv": "Bygdegården"}
    assert get(client, f"/keyword/{keyword}/").json()["name"] == topic_names
    assert [k["name"] for k in get(client, "/keyword/").json()["data"]] == [topic_names]
    written = get(client, f"/place/{place}/").json()
    assert written["name"] == place_names
    assert written["street_address"] == {"fi": "Seuratie 2", "sv": "Byvägen 2"}
    assert [p["name"] for p in get(client, "/place/").json()["data"]] == [place_names]
    meeting = get(client, f"/event/kylatori:{content.single.pk}/", include="location,keywords")
    assert meeting.json()["location"]["name"] == place_names
    assert meeting.json()["keywords"][0]["name"] == topic_names
    assert [k["id"] for k in get(client, "/keyword/", text="SPORTS").json()["data"]] == [keyword]
    assert [p["id"] for p in get(client, "/place/", text="bygdegård").json()["data"]] == [place]


def test_comma_separated_filter_values_are_a_union(client, content):
    """keyword=a,b, location=a,b and publisher=a,b: the events of any of them. An id of
    nothing adds nothing; an id that cannot be one is a 400 with a JSON error."""
    weekly = content.weekly
    sauna = PlaceFactory(villages=[content.villages[0]], name="Rantasauna", slug="rantasauna")
    culture = TopicFactory(name="Kulttuuri", slug="kulttuuri")
    weekly.place = sauna
    weekly.topics.add(culture)
    weekly.save_revision().publish()
    other_calendar = EventIndexPageFactory(parent=content.villages[1])
    EventPageFactory(parent=other_calendar, title="Kuoreveden kirppis")

    def top(**params):  # the events themselves, not each date of the weekly one
        return {e["name"]["fi"] for e in events(client, super_event="none", **params)["data"]}

    topics = f"kylatori:{content.topic.pk},kylatori:{culture.pk}"
    assert top(keyword=f"kylatori:{content.topic.pk}") == {"Kyläkokous"}
    assert top(keyword=topics) == {"Kyläkokous", "Lentopallo"}
    assert top(keyword=f"{topics},kylatori:999999") == {"Kyläkokous", "Lentopallo"}
    places = f"kylatori:{content.place.pk}, kylatori:{sauna.pk}"
    assert top(location=f"kylatori:{sauna.pk}") == {"Lentopallo"}
    assert top(location=places) == {"Kyläkokous", "Lentopallo"}
    # Repeated parameters are joined, as a comma list.
    repeated = get(
        client,
        f"/event/?super_event=none&location=kylatori:{content.place.pk}"
        f"&location=kylatori:{sauna.pk}",
    )
    assert {e["name"]["fi"] for e in repeated.json()["data"]} == {"Kyläkokous", "Lentopallo"}
    villages = [f"kylatori:{village.pk}" for village in content.villages]
    association = f"yhdistys:{content.association.pk}"
    assert top(publisher=villages[1]) == {"Kuoreveden kirppis"}
    assert top(publisher=f"{association},{villages[1]}") == {"Kyläkokous", "Kuoreveden kirppis"}
    assert top(publisher=",".join(villages)) == {"Kyläkokous", "Lentopallo", "Kuoreveden kirppis"}
    assert top(publisher=f"{association},yhdistys:999999") == {"Kyläkokous"}
    for name, value in [
        ("keyword", f"kylatori:{content.topic.pk},yso:p1235"),
        ("keyword", f"kylatori:{content.topic.pk},,kylatori:"),
        ("location", f"kylatori:{sauna.pk},tprek:8100"),
        ("location", f"kylatori:{sauna.pk},kylatori:1x"),
        ("publisher", f"{association},{villages[1]},ahjo:00001"),
        ("publisher", f"{villages[0]},yhdistys:"),
    ]:
        response = get(client, "/event/", **{name: value})
        assert response.status_code == 400, (name, value)
        assert response["Content-Type"] == "application/json"
        assert list(response.json()["errors"]) == [name]


def test_last_modified_since_lists_what_was_published_after_it(client, content):
    """An event republished after the moment is listed, one last published before it is not:
    the moment in UTC with a Z, with an offset, and without one (Helsinki time). The moment is
    an hour after the first publishes and an hour before the republish, so that reading any of
    its forms in another zone (two hours or more off) lists both events or neither."""
    weekly, edited = content.weekly, content.single
    weekly.refresh_from_db()
    published = weekly.last_published_at
    republished = (published + datetime.timedelta(hours=2)).replace(microsecond=0)
    with time_machine.travel(republished, tick=False):
        edited.summary = "Tervetuloa kokoukseen, esityslista liitteenä."
        edited.save_revision().publish()
    moment = (published + datetime.timedelta(hours=1)).replace(microsecond=0)
    for since in [
        utc_time(moment),
        moment.astimezone(datetime.timezone(datetime.timedelta(hours=5))).isoformat(),
        moment.astimezone(HELSINKI).replace(tzinfo=None).isoformat(),
    ]:
        listed = events(client, last_modified_since=since)["data"]
        assert [e["id"] for e in listed] == [f"kylatori:{edited.pk}"], since
        assert listed[0]["last_modified_time"] == utc_time(republished)
    # From the moment of the republish itself, not a second after it.
    assert events(client, last_modified_since=utc_time(republished))["meta"]["count"] == 1
    a_second_later = utc_time(republished + datetime.timedelta(seconds=1))
    assert events(client, last_modified_since=a_second_later)["meta"]["count"] == 0
    # From before the first publishes: both events, and each date of the weekly one.
    assert events(client, last_modified_since=utc_time(published))["meta"]["count"] == 6


def test_a_postponed_event_says_so_and_stays_listed_from_a_start(client, content):
    """Postponed (no new date yet): the list and the detail say EventPostponed, and `start`
    without `end` still lists it after its old date, as Linked Events does; with an `end` it is
    left out as a scheduled event would be. A rescheduled event says EventRescheduled, at every
    date of a repeating one."""
    single, weekly = content.single, content.weekly
    number = f"kylatori:{single.pk}"
    after_it = (single.start_date + datetime.timedelta(days=1)).isoformat()
    assert number not in {e["id"] for e in events(client, start=after_it)["data"]}
    single.status = "postponed"
    single.save_revision().publish()
    assert by_name(events(client))["Kyläkokous"]["event_status"] == "EventPostponed"
    assert get(client, f"/event/{number}/").json()["event_status"] == "EventPostponed"
    listed = events(client, start=after_it, super_event="none")["data"]
    assert {e["id"]: e["event_status"] for e in listed} == {
        number: "EventPostponed",
        f"kylatori:{weekly.pk}": "EventScheduled",
    }
    later = (single.start_date + datetime.timedelta(days=30)).isoformat()
    bounded = events(client, start=after_it, end=later)["data"]
    assert number not in {e["id"] for e in bounded} and bounded
    weekly.status = "rescheduled"
    weekly.save_revision().publish()
    dates = events(client, super_event=f"kylatori:{weekly.pk}")["data"]
    assert [e["event_status"] for e in dates] == ["EventRescheduled"] * 4
    detail = get(client, f"/event/kylatori:{weekly.pk}/").json()
    assert detail["event_status"] == "EventRescheduled"


LAST = []


def count_queries(client, **params):
    from django.core.cache import cache

    cache.clear()  # the API's cache, and Wagtail's site root paths: both measured alike
    with CaptureQueriesContext(connection) as queries:
        response = get(client, "/event/", **params)
    LAST.append(queries.captured_queries)
    assert response.status_code == 200
    return len(queries), response.json()["meta"]["count"]


def test_queries_do_not_grow_with_the_page(client, content):
    """No N+1 over languages, places, keywords, organisers or sub events."""
    params = {"page_size": 100, "include": "location,keywords"}
    translate_page(content.single, "sv", title="Bystämma")
    small, small_count = count_queries(client, **params)
    for number in range(12):
        page = EventPageFactory(
            parent=content.calendar,
            title=f"Lisä {number}",
            place=content.place,
            organiser=content.association,
            frequency="WEEKLY" if number % 3 == 0 else "",
            repeat_count=3,
            publish=False,
        )
        page.topics.add(content.topic)
        page.save_revision().publish()
        if number % 2:
            translate_page(page, "sv", title=f"Extra {number}")
    large, large_count = count_queries(client, **params)
    assert large_count > small_count + 20
    assert large <= small, (small, large)
    assert large <= 29, large  # 29 measured: 5 for the rows, the rest for what they refer to


def add_events(content, number_of_events):
    """Published events at the place, by the association, with a topic; every fourth weekly and
    every third translated into Swedish. Returns the Swedish pages."""
    swedish = []
    for number in range(number_of_events):
        page = EventPageFactory(
            parent=content.calendar,
            title=f"Lisä {number}",
            place=content.place,
            organiser=content.association,
            frequency="WEEKLY" if number % 4 == 0 else "",
            repeat_count=2,
            publish=False,
        )
        page.topics.add(content.topic)
        page.save_revision().publish()
        if number % 3 == 0:
            swedish.append(translate_page(page, "sv", title=f"Extra {number}"))
    return swedish


def test_queries_are_the_same_for_10_and_100_events_a_page(client, content):
    """The query count is constant: a page of 100 asks as many queries as a page of 10."""
    add_events(content, 14)
    include = "location,keywords"
    ten, count = count_queries(client, page_size=10, include=include)
    hundred, _count = count_queries(client, page_size=100, include=include)
    assert count > 20
    assert ten == hundred, (ten, hundred)
    upcoming = {"include": include, "start": "today", "sort": "start_time"}
    assert (
        count_queries(client, page_size=10, **upcoming)[0]
        == count_queries(client, page_size=100, **upcoming)[0]
    )
    # Embedding the sub events of the super events and the super events of the sub events.
    embedding = {"include": f"{include},sub_events,super_event"}
    ten, _count = count_queries(client, page_size=10, **embedding)
    hundred, _count = count_queries(client, page_size=100, **embedding)
    assert ten == hundred, (ten, hundred)
    data = get(client, "/event/", page_size=100, **embedding).json()["data"]
    assert any(event["sub_events"] and "name" in event["sub_events"][0] for event in data)
    assert any(event["super_event"] and "name" in event["super_event"] for event in data)


def test_text_filter_of_places_keywords_and_organizations(client, content):
    def names(path, text):
        return [item["name"] for item in get(client, path, text=text).json()["data"]]

    assert names("/place/", "KYLÄTA") == [{"fi": "Kylätalo"}]
    assert names("/place/", "uimahalli") == []
    assert names("/keyword/", "liikun") == [{"fi": "Liikunta"}]
    assert names("/keyword/", "kulttuuri") == []
    assert "Länkipohja" in names("/organization/", "länki")
    assert "Himoksen seutu" not in names("/organization/", "länki")


def english(client, path, **params):
    return client.get(API + path, params, HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.parametrize(
    "path,form",
    [
        ("/event/yhdistys:12/", "kylatori:<number>"),
        ("/event/kylatori:abc/", "kylatori:<number>"),
        ("/place/tprek:12/", "kylatori:<number>"),
        ("/keyword/yso:p1235/", "kylatori:<number>"),
        ("/organization/yhdistys:abc/", "yhdistys:<number>"),
        ("/organization/ahjo:12/", "yhdistys:<number>"),
        ("/language/de/", "fi, sv or en"),
    ],
)
def test_an_address_whose_id_cannot_be_one_says_what_an_id_there_looks_like(
    client, content, path, form
):
    response = english(client, path)
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert form in detail
    if path.startswith("/organization/"):
        assert "kylatori:<number>" in detail  # a village's or the region's
    elif path.startswith(("/event/", "/place/", "/keyword/")):
        assert "yhdistys" not in detail
    # A well-formed id of nothing is a plain 404.
    assert english(client, "/place/kylatori:999999/").json()["detail"] == "Not found."


def test_a_bad_organization_id_of_a_filter_names_both_forms_in_the_language_asked_for(
    client, content
):
    response = english(client, "/event/", publisher="yhdistys:abc")
    assert response.status_code == 400
    assert "yhdistys:<number>" in response.json()["errors"]["publisher"][0]
    assert "yhdistys" not in english(client, "/event/", keyword="yhdistys:12").json()["detail"]
    finnish = get(client, "/organization/yhdistys:abc/").json()["detail"]
    assert "kylatori:<numero>" in finnish and "yhdistys:<numero>" in finnish
    swedish = client.get(
        API + "/organization/yhdistys:abc/", HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="sv"
    ).json()["detail"]
    assert "yhdistys:<nummer>" in swedish


def listed_as_detailed(client, **params):
    """The list's events, each checked against its detail address (worked out from the pages
    themselves, not the stored list rows)."""
    data = events(client, page_size=100, **params)["data"]
    for event in data:
        assert get(client, f"/event/{event['id']}/").json() == event
    return data


def test_the_list_follows_publishing_unpublishing_and_deleting_an_events_pages(client, content):
    number = f"kylatori:{content.single.pk}"
    swedish = translate_page(content.single, "sv", title="Bystämma")

    def meeting():
        return [e for e in listed_as_detailed(client) if e["id"] == number]

    [event] = meeting()
    assert event["name"] == {"fi": "Kyläkokous", "sv": "Bystämma"}
    # The latest publish of any language is the event's.
    assert event["last_modified_time"] == swedish.last_published_at.astimezone(
        datetime.UTC
    ).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert events(client)["data"][0]["id"] == number  # the newest first
    content.single.refresh_from_db()
    content.single.unpublish()
    [event] = meeting()  # the Swedish page is the event now, under the same id
    assert event["name"] == {"sv": "Bystämma"}
    swedish.delete()
    assert meeting() == []
    content.single.save_revision().publish()
    [event] = meeting()
    assert event["name"] == {"fi": "Kyläkokous"}


def test_an_event_with_a_page_the_public_may_not_see_shows_only_its_public_pages(client, content):
    number = f"kylatori:{content.weekly.pk}"
    swedish = translate_page(content.weekly, "sv", title="Volleyboll")
    PageViewRestriction.objects.create(page=swedish, restriction_type="login")
    weekly = [e for e in listed_as_detailed(client, recurring="super") if e["id"] == number]
    assert [e["name"] for e in weekly] == [{"fi": "Lentopallo"}]
    subs = listed_as_detailed(client, super_event=number)
    assert len(subs) == 4 and all(e["name"] == {"fi": "Lentopallo"} for e in subs)
    # The source hidden, the Swedish page public: the event is the Swedish page's.
    PageViewRestriction.objects.filter(page=swedish).delete()
    PageViewRestriction.objects.create(page=content.weekly, restriction_type="login")
    weekly = [e for e in listed_as_detailed(client, recurring="super") if e["id"] == number]
    assert [e["name"] for e in weekly] == [{"sv": "Volleyboll"}]
    assert events(client, text="Lentopallo")["meta"]["count"] == 0
    assert events(client, text="Volleyboll")["meta"]["count"] == 5


def test_queries_stay_the_same_with_an_event_the_public_sees_in_part(client, content):
    """An event with a hidden page is worked out from its pages: in as many queries for a page
    of 10 as of 100."""
    for swedish in add_events(content, 12):
        PageViewRestriction.objects.create(page=swedish, restriction_type="login")
    include = "location,keywords"
    ten, count = count_queries(client, page_size=10, include=include)
    hundred, _count = count_queries(client, page_size=100, include=include)
    assert count > 15
    assert ten == hundred, (ten, hundred)
    assert hundred <= 29, hundred


def test_answers_about_today_follow_the_clock_past_midnight(client, content):
    # Lentopallo repeats weekly from tomorrow, its first date tomorrow at 18-20. Asked just
    # before and just after the next midnight, "from today" loses that date, though nothing
    # changed (the cache's generation is the same, its hour not over).
    tomorrow = TODAY + datetime.timedelta(days=1)
    late = datetime.datetime.combine(tomorrow, datetime.time(23, 58), HELSINKI)
    query = {"start": "today", "recurring": "sub", "page_size": 100}

    def dates():
        return {(e["name"]["fi"], e["start_time"][:10]) for e in events(client, **query)["data"]}

    with time_machine.travel(late, tick=False):
        before = dates()
    with time_machine.travel(late + datetime.timedelta(minutes=3), tick=False):
        after = dates()
    assert before - after == {("Lentopallo", utc(tomorrow, 18)[:10])}
    assert after < before
