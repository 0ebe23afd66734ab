"""A dashboard for each role (issue 11 item 6), over HTTP: a village editor's links, drafts and
untranslated pages; regional staff's publishing per village and moderation queue; nothing of
another village or region; a fixed number of queries."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import PageLogEntry

from home.translation import translate_page
from tests.conftest import translate_tree
from tests.directory.factories import ServiceFactory
from tests.events.factories import EventIndexPageFactory
from tests.factories import NewsPageFactory
from tests.helpers import editors_group, member, signed_in, staff_group, text
from tests.home.test_roles import submit_for_moderation

DASHBOARD = reverse("wagtailadmin_home")


def dashboard(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response


def shown(response):
    """The page's text, without its scripts and templates (which only JavaScript shows)."""
    markup = re.sub(r"<(script|template)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return text(markup)


def panel(response, panel_id):
    """The text of one dashboard panel (Wagtail's {% panel %} makes a section with the id)."""
    markup = response.content.decode()
    match = re.search(rf'<section[^>]*id="{panel_id}-section".*?</section>', markup, re.S)
    assert match, f"no panel {panel_id}"
    return text(match.group(0))


@pytest.fixture
def editor(region):
    return member("toimittaja", editors_group(region.villages[0]))


@pytest.fixture
def staff(region):
    return member("seutu", staff_group(region))


@pytest.fixture
def villages(region):
    """Länkipohja and Kuorevesi, each with a calendar, translated into sv and en."""
    for village in region.villages:
        EventIndexPageFactory(parent=village)
    translate_tree(region.home)
    return region.villages


def save_draft(page, user, title):
    page.title = title
    return page.save_revision(user=user)


def test_village_editor_sees_their_village_drafts_and_untranslated_pages(
    client, region, villages, editor
):
    own, other = villages
    own_index, other_index = region.village_news_indexes
    untranslated = NewsPageFactory(parent=own_index, title="Vain suomeksi")
    NewsPageFactory(parent=other_index, title="Kuoreveden oma uutinen")
    news = own_index.get_children().filter(locale=own.locale).first().specific
    save_draft(news, editor, "Toimittajan luonnos")
    colleague = member("kuorevesi", editors_group(other))
    save_draft(other_index.get_children().first().specific, colleague, "Kuoreveden luonnos")
    shop = ServiceFactory(name="Kyläkauppa", villages=[own])
    shop.name = "Kyläkauppa (luonnos)"
    shop.save_revision(user=editor)

    response = dashboard(signed_in(client, editor))
    markup = response.content.decode()

    links = panel(response, "village-links")
    assert "Oma kylä" in links and "Länkipohja" in links
    for label in ("Kylän sivut", "Tapahtumakalenteri", "Lisää tapahtuma", "Palvelut", "Paikat"):
        assert label in links
    calendar = own.get_children().type(EventIndexPageFactory._meta.model).get()
    assert reverse("wagtailadmin_explore", args=[own.pk]) in markup
    assert reverse("wagtailadmin_explore", args=[calendar.pk]) in markup
    assert reverse("wagtailadmin_pages:add_subpage", args=[calendar.pk]) in markup
    services = reverse("wagtailsnippets_directory_service:list") + f"?villages={own.pk}"
    assert services in markup

    drafts = panel(response, "own-drafts")
    assert "Luonnoksesi" in drafts
    assert "Toimittajan luonnos" in drafts and "Kyläkauppa (luonnos)" in drafts
    assert "Kuoreveden luonnos" not in markup

    missing = panel(response, "untranslated-pages")
    assert "Vain suomeksi" in missing and "fi · sv, en puuttuvat" in missing
    assert "Yhteensä 1 sivu." in missing
    assert "Kuoreveden oma uutinen" not in markup and "Kuorevesi" not in shown(response)
    assert untranslated.title not in panel(response, "own-drafts")


def test_village_editor_dashboard_in_swedish(client, region, villages, editor):
    NewsPageFactory(parent=region.village_news_indexes[0], title="Vain suomeksi")
    response = dashboard(signed_in(client, editor, "sv"))
    links = panel(response, "village-links")
    assert "Din by" in links and "Länkipohja [sv]" in links  # the village page in Swedish
    assert "Byns sidor" in links and "Evenemangskalender" in links and "Tjänster" in links
    missing = panel(response, "untranslated-pages")
    assert "Sidor som saknar en språkversion" in missing
    assert "fi · sv, en saknas" in missing and "Totalt 1 sida." in missing


def test_an_untranslated_calendar_is_reached_through_the_finnish_one(client, region, editor):
    village = region.villages[0]
    calendar = EventIndexPageFactory(parent=village)
    for page in (region.home, village):
        translate_page(page, "sv", title=f"{page.title} [sv]")
    response = dashboard(signed_in(client, editor, "sv"))
    assert "Länkipohja [sv]" in panel(response, "village-links")
    assert reverse("wagtailadmin_explore", args=[calendar.pk]) in response.content.decode()


def test_nobody_but_a_superuser_gets_the_installations_page_count(client, region, editor, staff):
    for user in (editor, staff):
        response = dashboard(signed_in(client, user))
        items = response.context["site_summary"].summary_items
        assert not any(isinstance(item, PagesSummaryItem) for item in items)


def publish(page, days_ago=0):
    revision = page.save_revision()
    revision.publish()
    if days_ago:
        PageLogEntry.objects.filter(page=page, action="wagtail.publish").update(
            timestamp=timezone.now() - timedelta(days=days_ago)
        )


def test_region_staff_see_publishing_per_village_and_the_regions_moderation_queue(
    client, region, second_region, staff, editor
):
    own_index, other_index = region.village_news_indexes
    for index in range(2):
        publish(NewsPageFactory(parent=own_index, title=f"Länkipohja {index}"))
    publish(NewsPageFactory(parent=other_index, title="Kuorevesi vanha"), days_ago=40)
    kuorevesi_news = NewsPageFactory(parent=other_index, title="Kuorevesi uusi")
    publish(kuorevesi_news)
    translate_page(kuorevesi_news, "sv", title="Kuorevesi ny")  # a Swedish publication counts
    publish(NewsPageFactory(parent=second_region.village_news_indexes[0], title="Kausala"))
    news = own_index.get_children().first()
    submit_for_moderation(signed_in(client, editor), news, "Länkipohjan korjaus")

    dashboard(client)  # shows the editor's "sent for review" message, once
    response = dashboard(signed_in(client, staff))
    publishing = panel(response, "region-publishing")
    assert "Julkaistu viimeisten 30 päivän aikana" in publishing
    assert re.search(r"Kuorevesi 2 ", publishing), publishing
    assert re.search(r"Länkipohja 2 ", publishing), publishing
    assert "Kausala" not in shown(response) and "Radansuu" not in shown(response)
    assert "Länkipohjan korjaus" in panel(response, "awaiting-review")

    other_staff = member("iitti", staff_group(second_region))
    response = dashboard(signed_in(client, other_staff))
    assert "Länkipohjan korjaus" not in response.content.decode()
    publishing = panel(response, "region-publishing")
    assert re.search(r"Kausala 1 ", publishing) and "Länkipohja" not in publishing


def test_an_editor_sees_their_villages_moderation_queue_only(client, region, editor):
    kuorevesi = member("kuorevesi", editors_group(region.villages[1]))
    colleague = member("kollega", editors_group(region.villages[0]))
    submit_for_moderation(
        signed_in(client, kuorevesi),
        region.village_news_indexes[1].get_children().first(),
        "Kuoreveden korjaus",
    )
    submit_for_moderation(
        signed_in(client, colleague),
        region.village_news_indexes[0].get_children().first(),
        "Länkipohjan korjaus",
    )
    dashboard(client)  # shows the submitters' "sent for review" messages, once
    response = dashboard(signed_in(client, editor))
    assert "Länkipohjan korjaus" in panel(response, "awaiting-review")
    assert "Kuoreveden korjaus" not in response.content.decode()
    # Regional staff have no village panels of their own.
    staff_response = dashboard(signed_in(client, member("seutu", staff_group(region))))
    assert 'id="village-links-section"' not in staff_response.content.decode()


def count(client):
    client.get(DASHBOARD)  # warm-up
    with CaptureQueriesContext(connection) as captured:
        assert client.get(DASHBOARD).status_code == 200
    return len(captured)


def test_dashboard_queries_do_not_grow_with_pages_drafts_or_publications(
    client, region, villages, editor, staff, django_assert_max_num_queries
):
    own_index, other_index = region.village_news_indexes

    def add(start, number):
        for index in range(start, start + number):
            page = NewsPageFactory(parent=own_index, title=f"Uutinen {index}")
            publish(page)
            save_draft(page, editor, f"Luonnos {index}")
            publish(NewsPageFactory(parent=other_index, title=f"Kuorevesi {index}"))

    add(0, 2)
    editor_client = signed_in(client, editor)
    small_editor = count(editor_client)
    small_staff = count(signed_in(client, staff))
    add(2, 12)
    assert count(signed_in(client, editor)) == small_editor
    assert count(signed_in(client, staff)) == small_staff
    with django_assert_max_num_queries(60):
        dashboard(signed_in(client, editor))
