"""schemathesis against the API's own OpenAPI document (/linkedevents/v1/openapi.json): for
every operation, generated requests get no 5xx and every response conforms to the document
(status code, content type, body schema). Few examples per operation, to stay fast.

Generated ids name nothing, so the fuzzing only ever meets a detail address's 404: the ids the
lists hold are then asked for at every detail address, through schemathesis' same checks."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

EXAMPLES = 3


@pytest.fixture
def schema():
    return schemathesis.openapi.from_wsgi("/linkedevents/v1/openapi.json", get_wsgi_application())


def test_every_operation_conforms_to_the_served_document(content, schema):
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 10

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            # A string parameter the document leaves open (start="x") is rightly refused (400):
            # only that check is left out; a 5xx or a non-conforming answer still fails.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        check()


# Each detail address and the list whose objects it answers for.
DETAILS = {
    "/event/{id}/": "/event/",
    "/place/{id}/": "/place/",
    "/keyword/{id}/": "/keyword/",
    "/organization/{id}/": "/organization/",
    "/language/{id}/": "/language/",
}
# An event also with everything it can embed (both at once: a super event's sub events, a sub
# event's super event).
EVENT_INCLUDES = ["location,keywords,sub_events,super_event"]


def test_every_detail_operation_conforms_with_the_ids_the_lists_hold(content, schema):
    """The one-off event, the super event, each of its sub events, the place, the keyword, the
    region, the villages, the association and the languages: a 200 at its address, checked by
    every schemathesis check. (Asked through schemathesis alone: Django's test client would
    connect close_old_connections again, see _keep_the_test_connection.)"""
    asked = {}
    for path, list_path in DETAILS.items():
        operation = schema[path]["GET"]
        listed = schema[list_path]["GET"].Case(query={"page_size": 100}).call_and_validate()
        ids = [item["id"] for item in listed.json()["data"]]
        includes = [None, *EVENT_INCLUDES] if path == "/event/{id}/" else [None]
        for id_ in ids:
            for include in includes:
                query = {"include": include} if include else None
                case = operation.Case(path_parameters={"id": id_}, query=query)
                assert case.call_and_validate().status_code == 200, (path, id_, include)
        asked[path] = len(ids)
    # Each kind of object there is, so that no 200 goes unchecked: single, super, 4 sub events.
    assert asked == {
        "/event/{id}/": 6,
        "/place/{id}/": 1,
        "/keyword/{id}/": 1,
        "/organization/{id}/": 4,
        "/language/{id}/": 3,
    }


@pytest.fixture(autouse=True)
def _allow_threads(settings):
    settings.ALLOWED_HOSTS = ["*"]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Keep the test's database connection across the requests, as Django's test client does.
    A bare WSGI application closes old connections when each request starts and finishes
    (close_old_connections). On PostgreSQL that closes the test transaction's connection, and
    the next request answers 500 "the connection is closed"."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
