"""A moderated source's events wait in the village's moderation workflow; a source that
publishes directly publishes them. Reviewers approve them in the admin, in every language."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from calendarsources.models import CalendarSource, ImportedEvent
from calendarsources.sync import sync_source
from events.models import EventOccurrence, EventPage
from home.models import VillageEditors
from tests.calendarsources.conftest import FILES
from tests.calendarsources.test_linked_events import answer, serve
from tests.helpers import editors_group, member


def approve(client, page):
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def family(page):
    """The page in fi, sv and en, by language."""
    pages = EventPage.objects.filter(translation_key=page.translation_key).select_related("locale")
    return {p.locale.language_code: p for p in pages}


@pytest.fixture
def reviewer(calendars):
    from home.roles import ensure_village_editors

    ensure_village_editors(calendars.villages[0])
    return member("hyvaksyja", editors_group(calendars.villages[0]))


def test_a_moderated_sources_events_reach_the_villages_moderation_queue(
    calendars, server, client, reviewer
):
    url = server.file("/tb.ics", "thunderbird.ics")
    source = CalendarSource.objects.create(
        name="Lukupiiri", calendar=calendars.village_calendars[0], url=url, publish=False
    )
    sync_source(source)
    pages = list(EventPage.objects.filter(imported_from__source=source))
    assert len(pages) == 2 and not any(page.live for page in pages)
    workflow = VillageEditors.objects.get(
        village_key=calendars.villages[0].translation_key
    ).workflow
    assert {state.workflow_id for state in WorkflowState.objects.all()} == {workflow.pk}
    assert all(page.workflow_in_progress for page in pages)
    client.force_login(reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Odottaa tarkastustasi" in dashboard
    assert "Lukupiiri" in dashboard and "Kesäteatteri" in dashboard
    # Not in the public calendar before it is approved, in any language.
    reading = next(page for page in pages if page.title == "Lukupiiri")
    assert not EventOccurrence.objects.filter(event__translation_key=reading.translation_key)

    response = approve(client, reading)
    assert response.status_code == 302
    published = family(reading)
    assert set(published) == {"fi", "sv", "en"}
    assert all(page.live for page in published.values())
    assert all(EventOccurrence.objects.filter(event=page).exists() for page in published.values())
    assert client.get(published["sv"].url).status_code == 200

    # A change at the source: the live page stays as it was, the change waits for approval.
    body = (
        (FILES / "thunderbird.ics").read_text().replace("SUMMARY:Lukupiiri", "SUMMARY:Kirjapiiri")
    )
    server.ics("/tb.ics", body)
    assert sync_source(source).updated == 1
    live = EventPage.objects.get(pk=reading.pk)
    assert live.title == "Lukupiiri" and live.workflow_in_progress
    assert "Kirjapiiri" in client.get(reverse("wagtailadmin_home")).content.decode()
    approve(client, live)
    assert {page.title for page in family(reading).values()} == {"Kirjapiiri"}
    # The approved change is the source's, not an editor's: the event stays attached.
    server.ics("/tb.ics", body.replace("SUMMARY:Kirjapiiri", "SUMMARY:Lukupiiri taas"))
    assert sync_source(source).updated == 1
    assert not ImportedEvent.objects.get(page=reading).detached


def test_linked_events_translations_are_published_with_the_approved_page(
    calendars, server, client, reviewer, settings
):
    url = serve(server, [answer(server, 1), answer(server, 2)])
    source = CalendarSource.objects.create(
        name="Kirjasto", calendar=calendars.village_calendars[0], url=url, kind="linkedevents",
        publish=False,
    )  # fmt: skip
    sync_source(source)
    story = ImportedEvent.objects.get(uid="helsinki:agbtd5xfiu").page
    drafts = family(story)
    assert drafts["sv"].alias_of_id is None and not drafts["sv"].live
    client.force_login(reviewer)
    approve(client, story)
    published = family(story)
    assert all(page.live for page in published.values())
    assert published["sv"].title == "Sagostund" and published["en"].title == "Story time"


def test_a_source_that_publishes_directly_starts_no_workflow(calendars, server):
    url = server.file("/tb.ics", "thunderbird.ics")
    source = CalendarSource.objects.create(
        name="Lukupiiri", calendar=calendars.village_calendars[0], url=url, publish=True
    )
    sync_source(source)
    pages = EventPage.objects.filter(translation_key__in=EventPage.objects.filter(
        imported_from__source=source).values("translation_key"))  # fmt: skip
    assert pages.count() == 6 and all(page.live for page in pages)
    assert not WorkflowState.objects.exists()
