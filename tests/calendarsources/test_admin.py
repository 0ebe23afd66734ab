"""The calendar sources in the admin: each editor sees and changes their own village's only."""

import pytest
from django.urls import reverse as django_reverse

from calendarsources.models import CalendarSource
from tests.helpers import denied, editors_group, member, staff_group

INDEX = "calendar_sources:index"


def reverse(name, args=()):
    return django_reverse(name, args=args)


@pytest.fixture
def sources(calendars):
    own, other = calendars.village_calendars
    return (
        CalendarSource.objects.create(
            name="Kyläyhdistyksen kalenteri", calendar=own, url="https://example.org/a.ics",
            last_error="Palvelin ei vastannut ajoissa.",
        ),
        CalendarSource.objects.create(
            name="Naapurikylän kalenteri", calendar=other, url="https://example.org/b.ics"
        ),
    )  # fmt: skip


@pytest.fixture
def editor(calendars):
    return member("toimittaja", editors_group(calendars.villages[0]))


def test_a_village_editor_sees_only_their_villages_sources_in_finnish(client, editor, sources):
    client.force_login(editor)
    response = client.get(reverse(INDEX), HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kyläyhdistyksen kalenteri" in html
    assert "Naapurikylän kalenteri" not in html
    assert "Virhe: Palvelin ei vastannut ajoissa." in html
    assert "Synkronoi nyt" in html
    other = sources[1]
    # Another village's source is not found (Django's LocaleMiddleware first tries the address
    # with a language prefix, which is not found either).
    edit = client.get(reverse("calendar_sources:edit", args=[other.pk]), follow=True)
    assert edit.status_code == 404
    response = client.post(reverse("calendar_sources:sync", args=[other.pk]))
    assert denied(response)
    client.post(reverse("calendar_sources:delete", args=[other.pk]))
    assert CalendarSource.objects.filter(pk=other.pk).exists()


def test_the_calendar_choice_is_checked_on_the_server(client, editor, calendars, sources):
    client.force_login(editor)
    foreign = calendars.village_calendars[1]
    data = {"name": "Uusi", "calendar": foreign.pk, "kind": "ics", "url": "https://example.org/c.ics",
            "publish": "on", "enabled": "on"}  # fmt: skip
    response = client.post(reverse("calendar_sources:add"), data)
    assert response.status_code == 200  # the form again, with the error
    assert not CalendarSource.objects.filter(name="Uusi").exists()
    data["calendar"] = calendars.village_calendars[0].pk
    data["url"] = "file:///etc/passwd"
    client.post(reverse("calendar_sources:add"), data)
    assert not CalendarSource.objects.filter(name="Uusi").exists()
    data["url"] = "webcal://example.org/c.ics"
    response = client.post(reverse("calendar_sources:add"), data)
    assert response.status_code == 302
    assert CalendarSource.objects.get(name="Uusi").url == "https://example.org/c.ics"


def test_sync_now_syncs_in_the_background_and_needs_post(client, editor, sources, server):
    # The tests' task backend runs a queued task at once; production's queues it for the worker.
    source = sources[0]
    CalendarSource.objects.filter(pk=source.pk).update(
        url=server.file("/tb.ics", "thunderbird.ics")
    )
    client.force_login(editor)
    url = reverse("calendar_sources:sync", args=[source.pk])
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    html = response.content.decode()
    assert "synkronointi aloitettiin" in html
    source.refresh_from_db()
    assert source.last_synced_at is not None and source.count_new == 2
    assert "2 uutta, 0 päivitetty, 0 poistettu, 0 ohitettu" in html


def test_regional_staff_see_every_village_and_the_region_calendar(client, calendars, sources):
    staff = member("seutu", staff_group(calendars))
    client.force_login(staff)
    html = client.get(reverse(INDEX)).content.decode()
    assert "Kyläyhdistyksen kalenteri" in html and "Naapurikylän kalenteri" in html
    form = client.get(reverse("calendar_sources:add")).content.decode()
    assert f'value="{calendars.event_index.pk}"' in form


def test_a_linked_events_query_with_its_filters_checked_in_finnish(client, editor, calendars):
    client.force_login(editor)
    data = {"name": "Kirjaston tapahtumat", "calendar": calendars.village_calendars[0].pk,
            "kind": "linkedevents", "url": "https://api.hel.fi/linkedevents/v1/",
            "filters": "publisher", "publish": "on", "enabled": "on"}  # fmt: skip
    response = client.post(reverse("calendar_sources:add"), data, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    assert "Kirjoita suodattimet muodossa nimi=arvo" in response.content.decode()
    data["filters"] = "publisher=ahjo:u4804001010&keyword=yso:p4354"
    assert client.post(reverse("calendar_sources:add"), data).status_code == 302
    source = CalendarSource.objects.get(name="Kirjaston tapahtumat")
    assert (source.kind, source.filters) == ("linkedevents", data["filters"])


def test_the_edit_view_shows_the_skipped_events_in_finnish(client, editor, calendars, server):
    from calendarsources.sync import sync_source
    from tests.calendarsources.test_hostile_sources import calendar, event

    body = calendar(event("hyva"), event("<b>paha</b>", start="2027-13-45T99"))
    source = CalendarSource.objects.create(
        name="Lähde", calendar=calendars.village_calendars[0], url=server.ics("/s.ics", body)
    )
    sync_source(source)
    client.force_login(editor)
    edit = reverse("calendar_sources:edit", args=[source.pk])
    html = client.get(edit, HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "Ohitetut tapahtumat" in html
    assert "&lt;b&gt;paha&lt;/b&gt;: " in html and "<b>paha</b>" not in html  # escaped
    assert "DTSTART" in html
    index = client.get(reverse(INDEX), HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "1 ohitettu" in index
    # A source without skipped events shows no such section.
    CalendarSource.objects.filter(pk=source.pk).update(skipped_details="", count_skipped=0)
    html = client.get(edit, HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "Ohitetut tapahtumat" not in html
