import pytest
from django.core.cache import cache

from tests.events.factories import EventIndexPageFactory


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def calendars(region):
    """A calendar in the region and in every village (region.event_index, .village_calendars)."""
    region.event_index = EventIndexPageFactory(parent=region.home)
    region.village_calendars = [EventIndexPageFactory(parent=v) for v in region.villages]
    return region
