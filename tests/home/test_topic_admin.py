"""The topics listing and chooser show each topic once, in the admin's language, with the
languages it exists in (issue 11 item 3, as the directory's lists: home.admin_lists), for every
role that may open them; no English "Locale", no kieliversio column or filter."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import TopicFactory
from tests.helpers import editors_group, member, rows, signed_in, staff_group, text

LISTING = reverse("wagtailsnippets_home_topic:list")
CHOOSER = reverse("wagtailsnippetchoosers_home_topic:choose")
CHOOSER_RESULTS = reverse("wagtailsnippetchoosers_home_topic:choose_results")


@pytest.fixture
def topics(region):
    """Kulttuuri in fi, sv and en; Liikunta in Finnish only."""
    for code in ("sv", "en"):
        Locale.objects.get_or_create(language_code=code)
    culture = TopicFactory(name="Kulttuuri", slug="kulttuuri")
    for code, name in (("sv", "Kultur"), ("en", "Culture")):
        translation = culture.copy_for_translation(Locale.objects.get(language_code=code))
        translation.name = name
        translation.save()
    TopicFactory(name="Liikunta", slug="liikunta")


def test_topics_listing_shows_each_topic_once_in_the_admin_language(client, topics):
    admin = get_user_model().objects.create_superuser("paakayttaja", password="x")
    finnish = signed_in(client, admin, "fi").get(LISTING)
    assert finnish.status_code == 200
    shown = sorted(rows(finnish.content.decode()))
    assert len(shown) == 2  # not a row per language
    assert shown[0].startswith("Kulttuuri") and "fi, sv, en" in shown[0]
    assert shown[1].startswith("Liikunta") and "fi · sv, en puuttuvat" in shown[1]
    page = text(finnish.content.decode())
    for word in ("Locale", "Maa-asetusto", "Kieliversio "):
        assert word not in page  # neither Wagtail's column nor its filter
    assert "Kieliversiot" in page

    swedish = signed_in(client, admin, "sv").get(LISTING).content.decode()
    assert [row.split()[0] for row in sorted(rows(swedish))] == ["Kultur", "Liikunta"]
    assert "Språkversioner" in text(swedish) and "Locale" not in text(swedish)
    # Any translation's name finds the topic, shown in the admin's language.
    found = signed_in(client, admin, "sv").get(LISTING, {"q": "culture"}).content.decode()
    assert [row.split()[0] for row in sorted(rows(found))] == ["Kultur"]


def test_topics_chooser_shows_each_topic_once_and_searches_every_translation(client, topics):
    admin = get_user_model().objects.create_superuser("paakayttaja", password="x")
    markup = signed_in(client, admin, "en").get(CHOOSER).json()["html"]
    assert [row.split()[0] for row in sorted(rows(markup))] == ["Culture", "Liikunta"]
    assert "Locale" not in text(markup) and 'name="locale"' not in markup
    results = signed_in(client, admin, "fi").get(CHOOSER_RESULTS, {"q": "kultur"})
    assert [row.split()[0] for row in sorted(rows(results.content.decode()))] == ["Kulttuuri"]


def test_editors_and_staff_choose_topics_from_one_row_per_topic(client, region, topics):
    # Topics are changed by superusers only (docs/roles.md): editors and staff do not get the
    # listing, and choose topics in their forms, where the chooser shows one row per topic.
    for user in (
        member("toimittaja", editors_group(region.villages[0])),
        member("seutu", staff_group(region)),
    ):
        signed = signed_in(client, user, "sv")
        assert signed.get(LISTING).status_code == 302  # Wagtail's "no permission" redirect
        markup = signed.get(CHOOSER).json()["html"]
        assert [row.split()[0] for row in sorted(rows(markup))] == ["Kultur", "Liikunta"]
        assert "fi · sv, en saknas" in text(markup)
        assert "Locale" not in text(markup) and "Språkversion " not in text(markup)
