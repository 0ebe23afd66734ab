"""Responses checked against the Linked Events definitions, and a Linked Events client's walk.

The JSON Schemas below are written from the "Linked Events information API" swagger 2.0
definition for the 6Aika cities' clients: Metatavu/linkedevents-client, linked-events.swagger.yaml
(definitions meta_definition, event, place, keyword, language, offer, image, id_ref; the list
responses {"meta", "data"}). Swagger 2.0 schemas are JSON Schema draft 4. Departures: Linked
Events itself (City-of-Helsinki/linkedevents, events/serializers.py) writes null for a field with
no value, which the swagger does not say, so objects may be null where Helsinki writes null; and
an all-day event's start_time is a date (EventSerializer.to_representation), not a date-time.

That swagger has no organization/ endpoint: ORGANIZATION is written from Helsinki's own OpenAPI
3.0.1 description of the same API, City-of-Helsinki/api-linked-events, linked-events.swagger.yaml
(components.schemas.organization, answered by /organization/ and /organization/{id}). Departure:
it declares parent_organization, sub_organizations, affiliated_organizations and replaced_by as
organization objects, but Linked Events writes them as the organizations' addresses (URL
strings, hyperlinked fields of its OrganizationSerializer), and so do we.
"""

import datetime

import jsonschema_rs

from home.translation import translate_page
from tests.events.factories import EventPageFactory
from tests.linkedevents.conftest import get

ID_PATTERN = "^[a-z]*:[0-9]+$"  # what clients match ids with (the issue)


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


MULTILINGUAL = nullable({
    "type": "object",
    "properties": {"fi": {"type": "string"}, "sv": {"type": "string"}, "en": {"type": "string"}},
})  # fmt: skip
ID_REF = {"type": "object", "properties": {"@id": {"type": "string"}}, "required": ["@id"]}
META = {
    "type": "object",
    "properties": {
        "count": {"type": "integer"},
        "next": nullable({"type": "string"}),
        "previous": nullable({"type": "string"}),
    },
    "required": ["count", "next", "previous"],
}
IMAGE = {"type": "object", "required": ["url"], "properties": {
    "id": {"type": "integer"}, "name": {"type": "string"}, "url": {"type": "string"},
    "license": {"type": "string"},
}}  # fmt: skip
PLACE = {
    "type": "object",
    "required": ["name", "position"],
    "properties": {
        "id": {"type": "string", "pattern": ID_PATTERN},
        "@id": {"type": "string"},
        "name": MULTILINGUAL,
        "images": {"type": "array", "items": IMAGE},
        "created_time": nullable({"type": "string"}),
        "last_modified_time": nullable({"type": "string"}),
        "info_url": MULTILINGUAL,
        "description": MULTILINGUAL,
        "position": nullable(
            {
                "type": "object",
                "properties": {
                    "coordinates": {"type": "array", "items": {"type": "number"}},
                    "type": {"type": "string", "enum": ["Point"]},
                },
            }
        ),
        "email": nullable({"type": "string"}),
        "telephone": MULTILINGUAL,
        "street_address": MULTILINGUAL,
        "address_locality": MULTILINGUAL,
        "postal_code": nullable({"type": "string"}),
        "address_country": {"type": "string"},
        "deleted": {"type": "boolean"},
        "data_source": {"type": "string"},
        "publisher": nullable({"type": "string"}),
    },
}
KEYWORD = {
    "type": "object",
    "required": ["id", "name", "data_source"],
    "properties": {
        "id": {"type": "string", "pattern": ID_PATTERN},
        "name": MULTILINGUAL,
        "images": {"type": "array", "items": IMAGE},
        "origin_id": {"type": "string"},
        "aggregate": {"type": "boolean"},
        "data_source": {"type": "string"},
        "alt_labels": {"type": "array", "items": {"type": "string"}},
    },
}
LANGUAGE = {"type": "object", "required": ["id", "name"],
            "properties": {"id": {"type": "string"}, "name": MULTILINGUAL}}  # fmt: skip
OFFER = {"type": "object", "properties": {
    "price": MULTILINGUAL, "info_url": MULTILINGUAL, "description": MULTILINGUAL,
    "is_free": {"type": "boolean"},
}}  # fmt: skip
EVENT = {
    "type": "object",
    "required": ["name", "location", "start_time", "keywords", "publication_status"],
    "properties": {
        "id": {"type": "string", "pattern": ID_PATTERN},
        "location": nullable({"anyOf": [PLACE, ID_REF]}),
        "keywords": {"type": "array", "items": {"anyOf": [ID_REF, KEYWORD]}},
        "in_language": {"type": "array", "items": LANGUAGE},
        "super_event": nullable(ID_REF),
        "super_event_type": nullable({"type": "string"}),
        "event_status": {
            "type": "string",
            "enum": [
                "EventScheduled",
                "EventCancelled",
                "EventPostponed",
                "EventRescheduled",
            ],
        },  # fmt: skip
        "publication_status": {"type": "string"},
        "offers": {"type": "array", "items": OFFER},
        "sub_events": {"type": "array", "items": ID_REF},
        "name": MULTILINGUAL,
        "images": {"type": "array", "items": IMAGE},
        "created_time": nullable({"type": "string"}),
        "last_modified_time": nullable({"type": "string"}),
        "info_url": MULTILINGUAL,
        "description": MULTILINGUAL,
        "short_description": MULTILINGUAL,
        "@context": {"type": "string"},
        "@type": {"type": "string"},
        "date_published": nullable({"type": "string"}),
        "provider": MULTILINGUAL,
        "location_extra_info": MULTILINGUAL,
        "start_time": nullable({"type": "string"}),
        "end_time": nullable({"type": "string"}),
        "audience": {"type": "array", "items": KEYWORD},
        "data_source": {"type": "string"},
        "publisher": nullable({"type": "string"}),
    },
}


ORGANIZATION_URL = {"type": "string", "pattern": "^https?://.*/organization/[a-z]*:[0-9]+/$"}
ORGANIZATION = {
    "type": "object",
    "required": ["id", "name", "data_source"],
    "properties": {
        "id": {"type": "string", "maxLength": 255, "pattern": ID_PATTERN},
        "origin_id": {"type": "string", "maxLength": 255},
        "data_source": {"type": "string"},
        "classification": {"type": "string"},
        "name": {"type": "string", "maxLength": 255},
        "founding_date": nullable({"type": "string"}),
        "dissolution_date": nullable({"type": "string"}),
        "parent_organization": nullable(ORGANIZATION_URL),
        "sub_organizations": {"type": "array", "items": ORGANIZATION_URL},
        "affiliated_organizations": {"type": "array", "items": ORGANIZATION_URL},
        "created_time": nullable({"type": "string"}),
        "last_modified_time": nullable({"type": "string"}),
        "replaced_by": nullable(ORGANIZATION_URL),
        "has_regular_users": {"type": "boolean"},
        "is_affiliated": {"type": "boolean"},
    },
}


def listing(item):
    return {"type": "object", "required": ["meta", "data"],
            "properties": {"meta": META, "data": {"type": "array", "items": item}}}  # fmt: skip


def assert_valid(schema, instance):
    validator = jsonschema_rs.Draft4Validator(schema)
    errors = [
        f"{list(error.instance_path)}: {error.message}" for error in validator.iter_errors(instance)
    ]
    assert not errors, errors[:5]


def test_every_endpoint_conforms_to_the_published_definitions(client, content):
    translate_page(content.single, "sv", title="Bystämma", summary="Välkommen.")
    for path, schema in [
        ("/event/", listing(EVENT)),
        ("/event/?include=location,keywords", listing(EVENT)),
        (f"/event/kylatori:{content.single.pk}/", EVENT),
        (f"/event/kylatori:{content.weekly.pk}/?include=location", EVENT),
        ("/place/", listing(PLACE)),
        (f"/place/kylatori:{content.place.pk}/", PLACE),
        ("/keyword/", listing(KEYWORD)),
        (f"/keyword/kylatori:{content.topic.pk}/", KEYWORD),
        ("/language/", listing(LANGUAGE)),
        ("/organization/", listing(ORGANIZATION)),
        (f"/organization/kylatori:{content.home.pk}/", ORGANIZATION),
        (f"/organization/kylatori:{content.villages[0].pk}/", ORGANIZATION),
        (f"/organization/yhdistys:{content.association.pk}/", ORGANIZATION),
    ]:
        response = get(client, path)
        assert response.status_code == 200, path
        assert_valid(schema, response.json())


def test_a_recurring_events_sub_events_and_their_embeddings_conform(client, content):
    """Each sub event's own address (the ids the super event lists), a super event with its sub
    events embedded (include=sub_events) and a sub event with its super event embedded
    (include=super_event): every event among them written as the definitions say."""
    weekly = content.weekly
    weekly.place = content.place  # something to embed in each sub event
    weekly.topics.add(content.topic)
    weekly.save_revision().publish()
    translate_page(weekly, "sv", title="Volleyboll")
    super_id = f"kylatori:{weekly.pk}"
    plain = get(client, f"/event/{super_id}/").json()
    assert_valid(EVENT, plain)
    sub_ids = [ref["@id"].split("/v1")[1] for ref in plain["sub_events"]]
    assert len(sub_ids) == 4
    for path in sub_ids:
        response = get(client, path, include="location,keywords")
        assert response.status_code == 200, path
        sub = response.json()
        assert_valid(EVENT, sub)
        assert sub["super_event"] == {"@id": plain["@id"]}
        assert sub["location"]["name"] == {"fi": "Kylätalo"} and sub["keywords"][0]["name"]
    embedded = get(client, f"/event/{super_id}/", include="sub_events").json()
    assert_valid(EVENT, embedded)
    assert [sub["@id"] for sub in embedded["sub_events"]] == [
        ref["@id"] for ref in plain["sub_events"]
    ]
    for sub in embedded["sub_events"]:
        assert sub["name"] == {"fi": "Lentopallo", "sv": "Volleyboll"}  # in full, not a reference
        assert_valid(EVENT, sub)
    with_super = get(client, sub_ids[0], include="super_event").json()
    assert_valid(EVENT, with_super)
    assert with_super["super_event"]["super_event_type"] == "recurring"
    assert_valid(EVENT, with_super["super_event"])


def test_a_linked_events_clients_walk_in_the_preferred_language(client, content):
    """List places; for one place, page through its events of the next 31 days with
    include=keywords, sorted by start time; read each event's name, short description, times,
    location name and price in the preferred language (falling back to Finnish)."""
    translate_page(content.single, "sv", title="Bystämma", summary="Välkommen.", price="5 euro")
    today = datetime.date.today()
    EventPageFactory(
        parent=content.calendar,
        title="Kirppis",
        summary="Myyjiä tarvitaan.",
        start_date=today + datetime.timedelta(days=10),
        place=content.place,
    )
    EventPageFactory(
        parent=content.calendar,
        title="Myöhemmin",
        place=content.place,
        start_date=today + datetime.timedelta(days=40),
    )
    places = get(client, "/place/").json()["data"]
    place = next(p for p in places if p["name"]["fi"] == "Kylätalo")
    url = f"/event/?location={place['id']}&days=31&include=keywords&sort=start_time&page_size=1"
    seen = []
    while url:
        page = get(client, url.split("/linkedevents/v1")[-1]).json()
        for event in page["data"]:
            pick = lambda field: (field or {}).get("sv") or (field or {}).get("fi")  # noqa: E731
            location = get(client, event["location"]["@id"].split("/v1")[1]).json()
            seen.append((
                pick(event["name"]), pick(event["short_description"]),
                datetime.datetime.fromisoformat(event["start_time"]),
                pick(location["name"]), pick(event["offers"][0]["price"]),
                [keyword["name"]["fi"] for keyword in event["keywords"]],
            ))  # fmt: skip
        url = page["meta"]["next"]
    assert [row[:2] + row[3:] for row in seen] == [
        ("Bystämma", "Välkommen.", "Kylätalo", "5 euro", ["Liikunta"]),
        ("Kirppis", "Myyjiä tarvitaan.", "Kylätalo", None, []),
    ]
    assert seen[0][2].tzinfo == datetime.UTC
