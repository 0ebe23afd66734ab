"""manage.py calendar_sources add|list|sync|remove, as an operator uses it."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from calendarsources.models import CalendarSource, ImportedEvent
from events.models import EventPage
from tests.factories import TopicFactory


def run(*args):
    out = StringIO()
    call_command("calendar_sources", *args, stdout=out, stderr=out)
    return out.getvalue()


def test_add_list_sync_and_remove(calendars, server):
    topic = TopicFactory(slug="kulttuuri")
    url = server.file("/tb.ics", "thunderbird.ics").replace("http://", "webcal://")
    # webcal:// is https://, which the test server does not speak: give the http address.
    added = run("add", "--village", "lankipohja", "--url", url.replace("webcal://", "http://"),
                "--name", "Lukupiiri", "--topic", "kulttuuri", "--moderate")  # fmt: skip
    source = CalendarSource.objects.get()
    assert f"Added source {source.pk}" in added
    assert source.calendar_id == calendars.village_calendars[0].pk
    assert not source.publish and list(source.topics.all()) == [topic]
    assert "Lukupiiri" in run("list") and "never" in run("list")
    assert "new 2" in run("sync")
    pages = EventPage.objects.filter(imported_from__source=source)
    assert pages.count() == 2 and not pages.filter(live=True).exists()  # drafts to moderate
    assert all(page.has_unpublished_changes for page in pages)
    assert set(pages.first().topics.all()) == {topic}
    assert "Removed 1 sources." in run("remove", str(source.pk))
    assert EventPage.objects.filter(pk__in=[p.pk for p in pages]).count() == 2  # pages stay
    assert not ImportedEvent.objects.exists()


def test_add_refuses_a_bad_address_or_an_unknown_village(calendars):
    with pytest.raises(CommandError, match="webcal"):
        run("add", "--village", "lankipohja", "--url", "ftp://example.org/x.ics")
    with pytest.raises(CommandError, match="No village"):
        run("add", "--village", "atlantis", "--url", "https://example.org/x.ics")


def test_add_a_linked_events_query(calendars):
    added = run("add", "--village", "lankipohja", "--linked-events",
                "--url", "https://api.hel.fi/linkedevents/v1/",
                "--filters", "publisher=ahjo:u4804001010&keyword=yso:p4354")  # fmt: skip
    source = CalendarSource.objects.get()
    assert f"Added source {source.pk}" in added and source.kind == "linkedevents"
    assert "[publisher=ahjo:u4804001010&keyword=yso:p4354]" in run("list")
    with pytest.raises(CommandError, match="nimi=arvo"):
        run("add", "--village", "lankipohja", "--linked-events", "--url",
            "https://api.hel.fi/linkedevents/v1/", "--filters", "page=2")  # fmt: skip


def test_sync_and_list_print_the_skipped_events(calendars, server, settings):
    from tests.calendarsources.test_hostile_sources import calendar, event

    settings.CALENDAR_SOURCES_MAX_EVENTS = 1
    body = calendar(event("eka"), event("bad-date", start="2027-13-45T99"), event("toka"))
    url = server.ics("/skip.ics", body)
    CalendarSource.objects.create(name="Lähde", calendar=calendars.village_calendars[0], url=url)
    synced = run("sync")
    assert "new 1" in synced and "skipped 2" in synced
    assert "skipped bad-date: " in synced and "DTSTART" in synced
    assert "skipped toka: Lähteessä on yli 1 tapahtumaa" in synced
    listed = run("list")
    assert "skipped bad-date: " in listed and "skipped toka: " in listed
