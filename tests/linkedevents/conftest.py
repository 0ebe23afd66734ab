import datetime

import pytest

from tests.directory.factories import AssociationFactory, DirectoryPageFactory, PlaceFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import TopicFactory

API = "/linkedevents/v1"


# The feeds' fixture: every test starts and ends with an empty cache (the API's answers).
from tests.events.conftest import clear_cache  # noqa: E402, F401


@pytest.fixture
def content(region):
    """A village with a directory place, an organiser, a topic, a one-off and a weekly event."""
    village = region.villages[0]
    region.topic = TopicFactory(name="Liikunta", slug="liikunta")
    region.directory = DirectoryPageFactory(parent=village)
    region.place = PlaceFactory(
        villages=[village], name="Kylätalo", slug="kylatalo", latitude=61.9, longitude=24.1
    )
    region.association = AssociationFactory(villages=[village], name="Kyläyhdistys")
    region.calendar = EventIndexPageFactory(parent=village)
    today = datetime.date.today()
    region.single = EventPageFactory(
        parent=region.calendar,
        title="Kyläkokous",
        summary="Tervetuloa kokoukseen.",
        start_date=today + datetime.timedelta(days=3),
        place=region.place,
        organiser=region.association,
        price="5 €",
        publish=False,
    )
    region.single.topics.add(region.topic)
    region.single.save_revision().publish()
    region.weekly = EventPageFactory(
        parent=region.calendar,
        title="Lentopallo",
        start_date=today + datetime.timedelta(days=1),
        frequency="WEEKLY",
        repeat_count=4,
        is_free=True,
    )
    return region


def get(client, path, **params):
    return client.get(API + path, params, HTTP_HOST="localhost")
