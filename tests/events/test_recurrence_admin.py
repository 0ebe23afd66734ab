"""Recurrence you can see (issue 11, item 4): the editor previews the dates a rule gives, lists
the coming dates on the edit view, cancels or moves one with a reason, and residents see the
reason on the event's page and in the calendar feed."""

import datetime
import re

import pytest
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, TranslationSource

from events.models import EventDateChange, EventPage
from tests.events.factories import EventPageFactory
from tests.events.helpers import get_feed, html_of, soon, vevents
from tests.helpers import denied, editors_group, member

PREVIEW = "/admin/events/preview-dates/"


def next_weekday(code):
    """The first date from tomorrow on that is the weekday `code` (0 = Monday)."""
    day = soon(1)
    return day + datetime.timedelta(days=(code - day.weekday()) % 7)


def fi(day):
    return f"{day.day}.{day.month}.{day.year}"


@pytest.fixture
def editor(calendars):
    return member("toimittaja", editors_group(calendars.villages[0]))


@pytest.fixture
def weekly(calendars):
    """A weekly choir on Tuesdays, ten times, in the first village."""
    return EventPageFactory(
        parent=calendars.village_calendars[0],
        title="Kuoro",
        start_date=next_weekday(1),
        frequency="WEEKLY",
        weekdays="TU",
        repeat_count=10,
    )


def preview(client, **params):
    return client.get(PREVIEW, params)


def listed_dates(html):
    return re.findall(r'<span class="event-dates-admin__when">(.*?)</span>', html)


def test_preview_lists_the_next_dates_of_the_typed_rule_in_finnish(client, editor):
    client.force_login(editor)
    tuesday = next_weekday(1)
    response = preview(
        client,
        start_date=fi(tuesday),  # as a Finn types it
        start_time="klo 18",
        frequency="WEEKLY",
        interval="1",
        weekdays=["TU", "TH"],
        repeat_count="3",
    )
    assert response.status_code == 200
    dates = listed_dates(response.content.decode())
    thursday = tuesday + datetime.timedelta(days=2)
    assert dates == [
        f"tiistai {fi(tuesday)} klo 18",
        f"torstai {fi(thursday)} klo 18",
        f"tiistai {fi(tuesday + datetime.timedelta(days=7))} klo 18",
    ]
    # Every other week, with no end: eight dates, fourteen days apart.
    response = preview(
        client, start_date=fi(tuesday), start_time="18", frequency="WEEKLY", interval="2"
    )
    dates = listed_dates(response.content.decode())
    assert len(dates) == 8
    assert dates[1] == f"tiistai {fi(tuesday + datetime.timedelta(days=14))} klo 18"


def test_preview_says_in_finnish_what_it_cannot_read(client, editor):
    client.force_login(editor)
    response = preview(client, start_date="32.13.2026", start_time="18", frequency="WEEKLY")
    assert response.status_code == 200
    assert "Kirjoita päivämäärä muodossa 8.12.2026." in response.content.decode()
    # A weekly rule without the first date's weekday: the form's own error.
    response = preview(
        client,
        start_date=fi(next_weekday(1)),
        start_time="18",
        frequency="WEEKLY",
        weekdays="MO",
    )
    html = response.content.decode()
    assert "Valitse myös ensimmäisen päivän viikonpäivä." in html
    assert listed_dates(html) == []


def test_preview_needs_an_admin_user_and_a_page_the_user_may_edit(client, calendars, weekly):
    rule = {"start_date": fi(next_weekday(1)), "start_time": "18", "frequency": "WEEKLY"}
    response = preview(client, **rule)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    other = member("naapuri", editors_group(calendars.villages[1]))
    client.force_login(other)
    assert preview(client, **rule).status_code == 200  # the rule alone reads no object
    assert denied(preview(client, **rule, page=weekly.pk))


def test_edit_view_lists_the_coming_dates_with_cancel_and_move(client, editor, weekly):
    client.force_login(editor)
    html = client.get(f"/admin/pages/{weekly.pk}/edit/").content.decode()
    dates = listed_dates(html)
    assert len(dates) == 8 and dates[0] == f"tiistai {fi(weekly.start_date)} klo 18"
    key = weekly.start_date.isoformat()
    assert f'value="cancel:{key}"' in html and f'value="move:{key}"' in html
    assert "Peru" in html and "Siirrä" in html
    # The section is open, in plain Finnish.
    assert "Toistoväli" in html and "Joka*" not in html and "1 = " not in html
    assert "Lisää muutettava päivä" in html
    assert 'aria-live="polite" data-event-dates-list' in html


def change(client, page, action, day, **fields):
    key = day.isoformat()
    data = {"change": f"{action}:{key}"}
    data.update({f"occurrence-{key}-{name}": value for name, value in fields.items()})
    return client.post(f"/admin/events/{page.pk}/change-date/", data)


def test_editor_cancels_a_date_with_a_reason_and_residents_see_it(client, editor, weekly):
    client.force_login(editor)
    second = weekly.start_date + datetime.timedelta(days=7)
    response = change(client, weekly, "cancel", second, reason="Kylätalo on remontissa.")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{weekly.pk}/edit/"
    messages = client.get(response["Location"]).content.decode()
    assert f"{fi(second)} on peruttu" in messages and "julkaistu" in messages
    # Published at once (the page had nothing else unpublished), through a revision.
    weekly.refresh_from_db()
    assert not weekly.has_unpublished_changes
    assert [(c.original_date, c.action, c.reason) for c in weekly.date_changes.all()] == [
        (second, "cancelled", "Kylätalo on remontissa.")
    ]
    client.logout()
    html = html_of(client, weekly.url)
    dates = re.search(r'<ul class="event-dates">(.*?)</ul>', html, re.S).group(1)
    assert "peruttu</strong>: Kylätalo on remontissa." in dates
    calendar = get_feed(client, f"/fi/calendar/event/{weekly.translation_key}.ics")
    (override,) = [e for e in vevents(calendar) if "RECURRENCE-ID" in e]
    assert str(override["STATUS"]) == "CANCELLED"
    assert override.decoded("RECURRENCE-ID").date() == second
    assert str(override["DESCRIPTION"]).startswith("Peruttu: Kylätalo on remontissa.")
    assert str(override["COMMENT"]) == "Kylätalo on remontissa."


def test_editor_moves_a_date_and_restores_it(client, editor, weekly):
    client.force_login(editor)
    second = weekly.start_date + datetime.timedelta(days=7)
    moved_to = second + datetime.timedelta(days=1)
    response = change(
        client, weekly, "move", second, reason="Sali on varattu.", new_date=fi(moved_to),
        new_time="klo 17.30",
    )  # fmt: skip
    assert response.status_code == 302
    (moved,) = EventPage.objects.get(pk=weekly.pk).date_changes.all()
    assert (moved.action, moved.new_start_date, moved.new_start_time) == (
        "moved",
        moved_to,
        datetime.time(17, 30),
    )
    html = html_of(client, weekly.url)
    assert "Sali on varattu." in html
    calendar = get_feed(client, f"/fi/calendar/event/{weekly.translation_key}.ics")
    (override,) = [e for e in vevents(calendar) if "RECURRENCE-ID" in e]
    assert str(override["DESCRIPTION"]).startswith("Siirretty: Sali on varattu.")
    change(client, weekly, "restore", second)
    assert not EventPage.objects.get(pk=weekly.pk).date_changes.exists()


def test_a_date_the_rule_does_not_give_or_unreadable_input_changes_nothing(client, editor, weekly):
    client.force_login(editor)
    revisions = weekly.revisions.count()
    wednesday = weekly.start_date + datetime.timedelta(days=1)
    response = change(client, weekly, "cancel", wednesday, reason="x")
    assert "Tapahtuma ei toistu tänä päivänä" in client.get(response["Location"]).content.decode()
    response = change(client, weekly, "move", weekly.start_date, new_date="huomenna")
    assert "Kirjoita päivämäärä muodossa" in client.get(response["Location"]).content.decode()
    response = change(client, weekly, "move", weekly.start_date)  # no new date or time
    assert response.status_code == 302
    assert (
        client.post(f"/admin/events/{weekly.pk}/change-date/", {"change": "x"}).status_code == 302
    )
    assert weekly.revisions.count() == revisions
    assert not EventDateChange.objects.exists()


def test_another_villages_editor_cannot_cancel_or_move(client, calendars, weekly):
    other = member("naapuri", editors_group(calendars.villages[1]))
    client.force_login(other)
    for action in ("cancel", "move", "restore"):
        assert denied(change(client, weekly, action, weekly.start_date, new_date=fi(soon(30))))
    assert client.get(f"/admin/events/{weekly.pk}/change-date/").status_code == 405
    # Not an event: no such address (a 404, which LocaleMiddleware first tries under /fi/).
    response = change(client, Page.objects.get(pk=calendars.home.pk), "cancel", soon(1))
    assert response.status_code == 404 or response["Location"].startswith("/fi/admin/events/")
    assert not EventDateChange.objects.exists()
    assert weekly.revisions.count() == 1


def test_an_unpublished_draft_keeps_the_change_in_the_draft(client, editor, weekly):
    client.force_login(editor)
    draft = weekly.get_latest_revision_as_object()
    draft.title = "Kuoro (luonnos)"
    draft.save_revision(user=editor)
    response = change(client, weekly, "cancel", weekly.start_date, reason="Sairastapaus.")
    assert "luonnokseen" in client.get(response["Location"]).content.decode()
    live = EventPage.objects.get(pk=weekly.pk)
    assert live.title == "Kuoro" and not live.date_changes.exists()
    latest = live.get_latest_revision_as_object()
    assert latest.title == "Kuoro (luonnos)"
    assert [c.reason for c in latest.date_changes.all()] == ["Sairastapaus."]


def test_the_translation_editor_offers_no_schedule_codes(weekly):
    source, _created = TranslationSource.get_or_create_from_instance(weekly)
    paths = set(
        OverridableSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    assert not paths & {"weekdays", "frequency", "status", "interval", "start_date"}


def test_a_page_locked_by_someone_else_keeps_its_dates(client, calendars, editor, weekly):
    other = member("toinen", editors_group(calendars.villages[0]))
    weekly.locked, weekly.locked_by = True, other
    weekly.save(update_fields=["locked", "locked_by"])
    client.force_login(editor)
    response = change(client, weekly, "cancel", weekly.start_date, reason="x")
    assert "Sivu on lukittu" in client.get(response["Location"]).content.decode()
    assert not EventDateChange.objects.exists()
