import datetime
import time

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from events.models import EventPage
from home.models import RegionStaff, VillageEditors
from submissions import spam
from tests.directory.factories import AssociationFactory, PlaceFactory
from tests.events.factories import EventIndexPageFactory


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def member(username, group):
    user = User.objects.create_user(username, email=f"{username}@example.com", password="x")
    user.groups.add(group)
    return user


def editors_group(village):
    return VillageEditors.objects.get(village_key=village.translation_key).group


@pytest.fixture
def calendars(region):
    """Calendars in the region and its villages, each village with a place and an association
    of its own directory, and an editor (with an e-mail address) per village."""
    region.event_index = EventIndexPageFactory(parent=region.home)
    region.village_calendars = [EventIndexPageFactory(parent=v) for v in region.villages]
    lankipohja, kuorevesi = region.villages
    region.place = PlaceFactory(name="Seurantalo", slug="seurantalo", villages=[lankipohja])
    region.other_place = PlaceFactory(name="Kuoreveden kirkko", slug="kirkko", villages=[kuorevesi])
    region.association = AssociationFactory(name="Länkipohjan Nuorisoseura", villages=[lankipohja])
    region.other_association = AssociationFactory(name="Kuoreveden Martat", villages=[kuorevesi])
    region.editor = member("toimittaja", editors_group(lankipohja))
    region.other_editor = member("naapuri", editors_group(kuorevesi))
    region.staff = member(
        "seutu", RegionStaff.objects.get(region_key=region.home.translation_key).group
    )
    return region


@pytest.fixture
def act(client, django_capture_on_commit_callbacks):
    """act(user, page, action, comment=""): a reviewer's workflow action on the draft in the
    Wagtail admin ("approve", or "reject": request changes), its mails sent once committed."""

    def act(user, page, action, comment=""):
        client.force_login(user)
        state = EventPage.objects.get(pk=page.pk).current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"comment": comment})
        client.logout()
        assert response.status_code == 302, response.content.decode()[:2000]

    return act


def form_data(**fields):
    """A submission as a resident fills it in, the form opened a minute ago."""
    data = {
        "title": "Joulumyyjäiset",
        "description": "Leivonnaisia ja käsitöitä.\n\nTervetuloa koko perhe!",
        # A month ahead, as Finns type it (8.12.2026): the form refuses a date that has passed.
        "start_date": "{0.day}.{0.month}.{0.year}".format(
            timezone.localdate() + datetime.timedelta(days=30)
        ),
        "start_time": "klo 18",
        "end_time": "20",
        "place": "",
        "place_name": "Kylätalo",
        "street_address": "Kylätie 1",
        "postal_code": "35400",
        "address_locality": "Länkipohja",
        "organiser": "",
        "organiser_name": "Kyläyhdistys",
        "price": "5 €",
        "registration_url": "",
        "name": "Maija Meikäläinen",
        "email": "maija@example.fi",
        "phone": "040 123 4567",
        "consent": "on",
        "homepage": "",
        "started": spam.started_token(time.time() - 60),
    }
    data.update(fields)
    return {name: value for name, value in data.items() if value is not None}


def submit_url(index):
    return index.url + "submit/"
