"""The Directory admin menu: listings with filters and search, drafts and revision history."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from directory.models import Service
from tests.factories import TopicFactory

from .factories import AssociationFactory, ServiceFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("admin", password="x"))
    return client


def listing(client, model="service", **params):
    response = client.get(reverse(f"wagtailsnippets_directory_{model}:list"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_directory_menu_groups_the_three_snippets(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    for model in ("association", "service", "place"):
        assert reverse(f"wagtailsnippets_directory_{model}:list") in html


def test_listing_filters_by_village_kind_and_topic_and_searches(admin_client, region):
    own, other = region.villages
    topic = TopicFactory(name="Liikenne", slug="liikenne")
    ServiceFactory(name="Kyläkauppa", villages=[own])
    ServiceFactory(
        name="Taksi Kuorevesi", villages=[other], kind=Service.Kind.TRANSPORT, topics=[topic]
    )

    html = listing(admin_client, villages=own.pk)
    assert "Kyläkauppa" in html and "Taksi Kuorevesi" not in html
    html = listing(admin_client, kind="transport")
    assert "Taksi Kuorevesi" in html and "Kyläkauppa" not in html
    html = listing(admin_client, topics=topic.pk)
    assert "Taksi Kuorevesi" in html and "Kyläkauppa" not in html
    html = listing(admin_client, q="kauppa")
    assert "Kyläkauppa" in html and "Taksi Kuorevesi" not in html
    assert "Länkipohja" in listing(admin_client)  # the villages column


def test_saving_a_draft_keeps_the_live_version_and_records_history(admin_client, region):
    association = AssociationFactory(name="Seura", slug="seura", villages=[region.villages[0]])
    association.save_revision().publish()
    url = reverse("wagtailsnippets_directory_association:edit", args=[association.pk])
    form = admin_client.get(url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(name="Seura (luonnos)", villages=[region.villages[0].pk], slug="seura")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    association.refresh_from_db()
    assert association.name == "Seura"  # live version unchanged
    assert association.has_unpublished_changes
    assert association.revisions.count() == 2
    history = reverse("wagtailsnippets_directory_association:history", args=[association.pk])
    assert admin_client.get(history).status_code == 200


def test_preview_shows_the_entry_with_its_hours(admin_client, region):
    from .factories import add_hours

    shop = ServiceFactory(name="Esikatselukauppa", slug="esikatselu", villages=[region.villages[0]])
    add_hours(shop, 0, "9:00", "16:00")
    html = shop.make_preview_request().content.decode()
    assert "<h1>Esikatselukauppa</h1>" in html
    assert '<th scope="row">' in html
