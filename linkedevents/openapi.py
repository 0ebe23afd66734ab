"""The API's own OpenAPI 3.0 description, served at /linkedevents/v1/openapi.json.

Written from what the views answer (linkedevents.events, .directory) and the field names of the
Linked Events swagger 2.0 definition (Metatavu/linkedevents-client, linked-events.swagger.yaml).
"""

from django.urls import reverse

from home.site_urls import absolute_url

from . import params

STRING = {"type": "string"}
NULLABLE_STRING = {"type": "string", "nullable": True}
MULTILINGUAL = {
    "type": "object",
    "nullable": True,
    "properties": {code: STRING for code in ("fi", "sv", "en")},
    "additionalProperties": False,
}
REF = {"type": "object", "required": ["@id"], "properties": {"@id": STRING}}
TIME = {"type": "string", "nullable": True, "description": "UTC with Z; a date for all-day"}
LD = {"@id": STRING, "@context": STRING, "@type": STRING}

PLACE = {
    "type": "object",
    "required": ["id", "@id", "name", "position", "data_source"],
    "properties": {
        **LD,
        "id": {"type": "string", "pattern": "^[a-z]*:[0-9]+$"},
        "data_source": STRING,
        "publisher": NULLABLE_STRING,
        "name": MULTILINGUAL,
        "description": MULTILINGUAL,
        "street_address": MULTILINGUAL,
        "address_locality": MULTILINGUAL,
        "info_url": MULTILINGUAL,
        "telephone": MULTILINGUAL,
        "postal_code": NULLABLE_STRING,
        "address_country": STRING,
        "email": NULLABLE_STRING,
        "position": {
            "type": "object",
            "nullable": True,
            "required": ["type", "coordinates"],
            "properties": {
                "type": {"type": "string", "enum": ["Point"]},
                "coordinates": {"type": "array", "items": {"type": "number"}},
            },
        },
        "created_time": NULLABLE_STRING,
        "last_modified_time": NULLABLE_STRING,
    },
}
KEYWORD = {
    "type": "object",
    "required": ["id", "@id", "name", "data_source"],
    "properties": {
        **LD,
        "id": {"type": "string", "pattern": "^[a-z]*:[0-9]+$"},
        "data_source": STRING,
        "name": MULTILINGUAL,
    },
}
ORGANIZATION = {
    "type": "object",
    "required": ["id", "@id", "name", "data_source"],
    "properties": {
        **LD,
        "id": {"type": "string", "pattern": "^[a-z]*:[0-9]+$"},
        "data_source": STRING,
        "name": STRING,
        "classification": STRING,
        "parent_organization": NULLABLE_STRING,
        "sub_organizations": {"type": "array", "items": STRING},
    },
}
LANGUAGE = {
    "type": "object",
    "required": ["id", "name"],
    "properties": {"id": STRING, "@id": STRING, "name": MULTILINGUAL},
}
EVENT = {
    "type": "object",
    "required": ["id", "@id", "name", "location", "start_time", "keywords", "event_status"],
    "properties": {
        **LD,
        "id": {"type": "string", "pattern": "^[a-z]*:[0-9]+$"},
        "data_source": STRING,
        "publisher": NULLABLE_STRING,
        "name": MULTILINGUAL,
        "short_description": MULTILINGUAL,
        "description": MULTILINGUAL,
        "info_url": MULTILINGUAL,
        "provider": MULTILINGUAL,
        # anyOf, not oneOf: an embedded place or keyword has an @id too, so it is also a REF
        # (with oneOf every answer with include=location or include=keywords failed the document).
        "location": {
            "nullable": True,
            "anyOf": [REF, {"$ref": "#/components/schemas/Place"}],
        },
        "location_extra_info": MULTILINGUAL,
        "keywords": {
            "type": "array",
            "items": {"anyOf": [REF, {"$ref": "#/components/schemas/Keyword"}]},
        },
        "offers": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "is_free": {"type": "boolean"},
                    "price": MULTILINGUAL,
                    "info_url": MULTILINGUAL,
                    "description": MULTILINGUAL,
                },
            },
        },
        "images": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["url"],
                "properties": {"url": STRING, "name": STRING, "alt_text": STRING},
            },
        },
        "event_status": {
            "type": "string",
            "enum": ["EventScheduled", "EventCancelled", "EventPostponed", "EventRescheduled"],
        },
        "start_time": TIME,
        "end_time": TIME,
        # An event embedded with include=super_event / sub_events is an object with an @id too.
        "super_event": {"allOf": [REF], "nullable": True},
        "super_event_type": {"type": "string", "nullable": True, "enum": ["recurring", None]},
        "sub_events": {"type": "array", "items": REF},
        "created_time": NULLABLE_STRING,
        "last_modified_time": NULLABLE_STRING,
        "date_published": NULLABLE_STRING,
    },
}


def listing(schema):
    return {
        "type": "object",
        "required": ["meta", "data"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["count", "next", "previous"],
                "properties": {
                    "count": {"type": "integer"},
                    "next": NULLABLE_STRING,
                    "previous": NULLABLE_STRING,
                },
            },
            "data": {"type": "array", "items": {"$ref": f"#/components/schemas/{schema}"}},
        },
    }


def query(name, description, schema=None):
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema or STRING}  # fmt: skip


PAGE = [
    query("page", "Page number, from 1", {"type": "integer", "minimum": 1}),
    query(
        "page_size",
        f"Items per page; more than {params.MAX_PAGE_SIZE} is served as {params.MAX_PAGE_SIZE}",
        {"type": "integer", "minimum": 1, "maximum": params.MAX_PAGE},
    ),
]
ID_PATH = {"name": "id", "in": "path", "required": True, "schema": STRING}
ERROR = {
    "description": "A parameter that does not parse",
    "content": {"application/json": {"schema": {
        "type": "object", "required": ["detail"], "properties": {"detail": STRING},
    }}},
}  # fmt: skip
NOT_FOUND = {**ERROR, "description": "Not found (or not public)"}


def ok(schema, description):
    return {"description": description,
            "content": {"application/json": {"schema": schema}}}  # fmt: skip


def list_path(schema, extra=()):
    return {"get": {
        "parameters": [*PAGE, *extra],
        "responses": {"200": ok(listing(schema), "A page"), "400": ERROR, "404": NOT_FOUND},
    }}  # fmt: skip


def detail_path(schema, extra=()):
    return {"get": {
        "parameters": [ID_PATH, *extra],
        "responses": {"200": ok({"$ref": f"#/components/schemas/{schema}"}, "One object"),
                      "400": ERROR, "404": NOT_FOUND},
    }}  # fmt: skip


INCLUDE = query(
    "include",
    "Comma-separated: location, keywords, sub_events (a super event's sub events in full), "
    "super_event (a sub event's super event in full)",
)
EVENT_FILTERS = [
    query("start", "ISO date or date-time, today or now: events not ended by then"),
    query("end", "ISO date or date-time, today or now: events begun by then"),
    query("days", "Events of today and the next days", {"type": "integer", "minimum": 1}),
    query("keyword", "Comma-separated keyword ids"),
    query("location", "Comma-separated place ids"),
    query(
        "publisher",
        "Comma-separated organization ids: a village or the region (kylatori:<number>, its "
        "events and those of its associations) or an association (yhdistys:<number>)",
    ),
    query("text", "Text in a name, short description or place name"),
    query("last_modified_since", "ISO date or date-time"),
    query("super_event", "Comma-separated event ids, or none (no sub events)"),
    query("super_event_type", "recurring, none", STRING),
    query("recurring", "super or sub", {"type": "string", "enum": ["super", "sub"]}),
    query(
        "sort",
        "start_time, end_time, last_modified_time; - for descending",
        {
            "type": "string",
            "enum": [value for value, _label in params.sort_choices(params.EVENT_SORTS)],
        },
    ),
    INCLUDE,
]


def document(request):
    base = absolute_url(request, reverse("linkedevents:root"))[:-1]
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Kylätori Linked Events API",
            "version": "v1",
            "description": "Read-only, compatible with the Linked Events information API.",
        },
        "servers": [{"url": base}],
        "paths": {
            "/event/": list_path("Event", EVENT_FILTERS),
            "/event/{id}/": detail_path("Event", [INCLUDE]),
            "/place/": list_path(
                "Place",
                [
                    query("text", "Text in a name"),
                    query(
                        "sort",
                        "id, name, street_address, postal_code",
                        {
                            "type": "string",
                            "enum": [v for v, _l in params.sort_choices(params.PLACE_SORTS)],
                        },
                    ),
                ],
            ),
            "/place/{id}/": detail_path("Place"),
            "/keyword/": list_path("Keyword", [query("text", "Text in a name")]),
            "/keyword/{id}/": detail_path("Keyword"),
            "/organization/": list_path("Organization", [query("text", "Text in a name")]),
            "/organization/{id}/": detail_path("Organization"),
            "/language/": list_path("Language"),
            "/language/{id}/": detail_path("Language"),
        },
        "components": {
            "schemas": {
                "Event": EVENT,
                "Place": PLACE,
                "Keyword": KEYWORD,
                "Organization": ORGANIZATION,
                "Language": LANGUAGE,
            }
        },
    }
