"""The submitter's personal data (issue 13, item 5): seen only by the village's editors and its
region's staff, deleted N days after the event or when the editors reject it, and exported or
deleted for one person on request (manage.py submitter_data)."""

import datetime
import json
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from events.models import EventPage
from submissions.models import Submission
from tests.submissions.conftest import form_data, submit_url
from tests.submissions.test_flow import coming, confirm


def send(client, calendar, confirmed=True, **fields):
    fields.setdefault("start_date", coming()[1])
    response = client.post(submit_url(calendar), form_data(**fields))
    assert response.status_code == 302, response.content.decode()[:2000]
    if confirmed:
        confirm(client, mail.outbox[-1])
    return Submission.objects.order_by("-pk").first()


def at_noon(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def daily():
    out = StringIO()
    call_command("extend_event_horizon", stdout=out)
    return out.getvalue()


# Who sees the submitter --------------------------------------------------------------------------


def test_the_villages_editor_and_the_regions_staff_see_the_submitter_no_one_else(
    client, calendars, second_region
):
    from django.contrib.auth.models import User

    from home.models import RegionStaff

    calendar = calendars.village_calendars[0]
    submission = send(client, calendar)
    send(client, calendar, confirmed=False, title="Vahvistamaton", email="toinen@example.fi")
    detail = reverse("kylatori_submission", args=[submission.pk])
    listing = reverse("kylatori_submissions")
    for user in (calendars.editor, calendars.staff):
        client.force_login(user)
        html = client.get(listing).content.decode()
        assert "Joulumyyjäiset" in html and "Maija Meikäläinen" in html
        assert 'href="mailto:maija@example.fi"' in html and 'href="tel:0401234567"' in html
        assert "Vahvistamaton" not in html and "toinen@example.fi" not in html
        html = client.get(detail).content.decode()
        assert "Maija Meikäläinen" in html and "040 123 4567" in html and "Länkipohja" in html
        # The event's edit view links to its submitter.
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[submission.page_id]))
        assert detail in edit.content.decode()
    other_staff = User.objects.create_user("iitti", password="x")
    other_staff.groups.add(
        RegionStaff.objects.get(region_key=second_region.home.translation_key).group
    )
    for user in (calendars.other_editor, other_staff):
        client.force_login(user)
        html = client.get(listing).content.decode()
        assert client.get(listing).status_code == 200
        assert "Maija" not in html and "Joulumyyjäiset" not in html
        # A 404, which LocaleMiddleware first redirects to the same address under /fi/.
        assert client.get(detail, follow=True).status_code == 404
    # Signed in without any village: no menu item, no listing.
    nobody = User.objects.create_user("kukaan", password="x")
    from django.contrib.auth.models import Permission

    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    for url in (listing, detail):  # Wagtail answers a PermissionDenied with the dashboard
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert listing not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.logout()
    assert client.get(detail).status_code == 302  # to the login page


def make_submissions(calendar, count):
    from tests.events.factories import EventPageFactory

    for number in range(count):
        event = EventPageFactory(parent=calendar, title=f"Ilmoitettu {number}")
        Submission.objects.create(
            calendar=calendar,
            village_key=calendar.get_parent().translation_key,
            language="fi",
            status=Submission.Status.IN_MODERATION,
            event={"title": event.title, "start_date": str(event.start_date)},
            page=event if number % 2 else None,
            name=f"Ilmoittaja {number}",
            email=f"ilmoittaja{number}@example.fi",
        )


@pytest.mark.parametrize("count", [2, 10])
def test_the_listing_does_not_fan_out(client, calendars, django_assert_max_num_queries, count):
    make_submissions(calendars.village_calendars[0], count)
    client.force_login(calendars.staff)
    with django_assert_max_num_queries(20):
        html = client.get(reverse("kylatori_submissions")).content.decode()
    assert f"Ilmoittaja {count - 1}" in html and "Ilmoitettu 0" in html


# Deleted after the event --------------------------------------------------------------------------


def test_contact_details_are_kept_on_day_30_after_the_event_and_gone_on_day_31(
    client, calendars, act
):
    calendar = calendars.village_calendars[0]
    day, typed = coming(5)
    submission = send(client, calendar, start_date=typed)
    act(calendars.editor, submission.page, "approve")
    page = EventPage.objects.get(pk=submission.page_id)
    assert page.live
    with time_machine.travel(at_noon(day + datetime.timedelta(days=30)), tick=False):
        assert "0 deleted after the event" in daily()
        assert Submission.objects.filter(email="maija@example.fi").exists()
    with time_machine.travel(at_noon(day + datetime.timedelta(days=31)), tick=False):
        assert "1 deleted after the event" in daily()
    assert not Submission.objects.exists()
    assert not Submission.objects.filter(email__iexact="maija@example.fi").exists()
    page = EventPage.objects.get(pk=page.pk)
    assert page.live and "Joulumyyjäiset" in client.get(page.url).content.decode()


def test_a_weekly_event_counts_from_its_last_date(client, calendars, act):
    calendar = calendars.village_calendars[0]
    day, typed = coming(3)
    last = day + datetime.timedelta(weeks=4)
    submission = send(
        client,
        calendar,
        start_date=typed,
        repeats_weekly="on",
        repeat_until=f"{last.day}.{last.month}.{last.year}",
    )
    act(calendars.staff, submission.page, "approve")
    with time_machine.travel(at_noon(day + datetime.timedelta(days=31)), tick=False):
        daily()  # 31 days after the first date: the event still goes on
    assert Submission.objects.filter(pk=submission.pk).exists()
    with time_machine.travel(at_noon(last + datetime.timedelta(days=30)), tick=False):
        daily()
    assert Submission.objects.filter(pk=submission.pk).exists()
    with time_machine.travel(at_noon(last + datetime.timedelta(days=31)), tick=False):
        daily()
    assert not Submission.objects.filter(pk=submission.pk).exists()
    assert EventPage.objects.get(pk=submission.page_id).live


def test_a_draft_counts_from_the_dates_the_editor_gave_it(client, calendars):
    """An editor moves the unapproved draft a month later: its latest revision's date counts."""
    calendar = calendars.village_calendars[0]
    day, typed = coming(3)
    submission = send(client, calendar, start_date=typed)
    draft = submission.page.get_latest_revision_as_object()
    draft.start_date = day + datetime.timedelta(days=40)
    draft.save_revision()
    with time_machine.travel(at_noon(day + datetime.timedelta(days=31)), tick=False):
        daily()
    assert Submission.objects.filter(pk=submission.pk).exists()
    with time_machine.travel(at_noon(day + datetime.timedelta(days=71)), tick=False):
        daily()
    assert not Submission.objects.filter(pk=submission.pk).exists()
    assert EventPage.objects.filter(pk=submission.page_id).exists()


# Deleted on rejection --------------------------------------------------------------------------


def test_requesting_changes_keeps_the_details_until_the_draft_is_deleted(client, calendars, act):
    # "Request changes" (Wagtail's one negative action) goes to the submitter, who may answer:
    # the address stays. Deleting the draft is the rejection for good: the details go with it.
    calendar = calendars.village_calendars[0]
    submission = send(client, calendar)
    kept = send(client, calendar, title="Toinen tapahtuma", email="pekka@example.fi")
    act(calendars.editor, submission.page, "reject")
    submission.refresh_from_db()
    assert submission.email == "maija@example.fi"
    EventPage.objects.get(pk=submission.page_id).delete()
    submission.refresh_from_db()
    assert (submission.name, submission.email, submission.phone) == ("", "", "")
    assert submission.page_id is None
    assert Submission.objects.get(pk=kept.pk).email == "pekka@example.fi"
    client.force_login(calendars.editor)
    html = client.get(reverse("kylatori_submission", args=[submission.pk])).content.decode()
    assert "Yhteystiedot poistettu" in html and "maija" not in html.lower()


def test_a_draft_left_waiting_for_changes_loses_the_details_after_the_days(client, calendars, act):
    calendar = calendars.village_calendars[0]
    submission = send(client, calendar)
    act(calendars.editor, submission.page, "reject")
    now = timezone.now()
    with time_machine.travel(now + datetime.timedelta(days=29), tick=False):
        assert "contact details of 0 rejected erased" in daily()
    assert Submission.objects.get(pk=submission.pk).email == "maija@example.fi"
    with time_machine.travel(now + datetime.timedelta(days=31), tick=False):
        assert "contact details of 1 rejected erased" in daily()
    assert not Submission.objects.filter(email="maija@example.fi").exists()
    assert EventPage.objects.filter(pk=submission.page_id).exists()


# GDPR requests ------------------------------------------------------------------------------------


def test_export_lists_every_submission_of_the_address_whatever_its_case(client, calendars):
    lankipohja, kuorevesi = calendars.village_calendars
    send(client, lankipohja, email="Maija@Example.fi")
    send(client, kuorevesi, title="Kevätsiivous", email="maija@example.fi", place="")
    send(client, kuorevesi, title="Muiden", email="pekka@example.fi")
    out = StringIO()
    call_command("submitter_data", "export", "MAIJA@example.FI", stdout=out)
    data = json.loads(out.getvalue())
    found = {(row["event"]["title"], row["village"], row["email"]) for row in data["submissions"]}
    assert found == {
        ("Joulumyyjäiset", "Länkipohja", "Maija@Example.fi"),
        ("Kevätsiivous", "Kuorevesi", "maija@example.fi"),
    }
    row = data["submissions"][0]
    assert row["name"] == "Maija Meikäläinen" and row["phone"] == "040 123 4567"
    assert row["event_page"]["published"] is False


def test_delete_removes_the_persons_data_and_keeps_published_events(client, calendars, act):
    calendar = calendars.village_calendars[0]
    published = send(client, calendar)
    act(calendars.editor, published.page, "approve")
    # The same place and day as the published one: past the form's warning.
    draft = send(client, calendar, title="Luonnos", email="MAIJA@example.fi", same_day_ok="on")
    send(client, calendar, confirmed=False, title="Vahvistamaton", same_day_ok="on")
    other = send(client, calendar, title="Muiden", email="pekka@example.fi", same_day_ok="on")
    out = StringIO()
    call_command("submitter_data", "delete", "maija@example.fi", stdout=out)
    assert "Deleted 3 submission(s)" in out.getvalue()
    assert "1 unpublished draft(s) deleted, 1 published event(s) kept" in out.getvalue()
    assert list(Submission.objects.all()) == [other]
    assert EventPage.objects.get(pk=published.page_id).live
    assert not EventPage.objects.filter(pk=draft.page_id).exists()
    out = StringIO()
    call_command("submitter_data", "export", "maija@example.fi", stdout=out)
    assert json.loads(out.getvalue())["submissions"] == []


@pytest.mark.parametrize("address", ["", "ei osoite", "a@b@c"])
def test_an_address_that_is_no_address_is_refused(db, address):
    with pytest.raises(CommandError, match="Not an e-mail address"):
        call_command("submitter_data", "export", address)


# The demo's privacy notice --------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, words",
    [
        (
            "fi",
            [
                "Tapahtumailmoitukset",
                "puhelinnumero",
                "45 päivän kuluttua",
                "alueen toimitus",
                "poistavat tapahtuman julkaisematta",
            ],
        ),
        (
            "sv",
            [
                "Evenemangsanmälningar",
                "telefonnummer",
                "45 dagar efter",
                "regionens redaktion",
                "raderar evenemanget utan att publicera",
            ],
        ),
        (
            "en",
            [
                "Event submissions",
                "phone number",
                "45 days after",
                "region's staff",
                "delete the event without publishing it",
            ],
        ),
    ],
)
def test_the_demo_privacy_notice_tells_what_is_kept_who_sees_it_and_for_how_long(
    settings, language, words
):
    from home.demo.content import privacy_notice

    settings.KYLATORI_SUBMISSION_CONTACT_DAYS = 45
    names = {"fi": "Seutu", "sv": "Regionen", "en": "The region"}
    notice = privacy_notice(names, "Kyläyhdistys ry", "tietosuoja@example.fi")[language]
    text = json.dumps(notice["body"], ensure_ascii=False)
    for word in words:
        assert word in text
    # How to ask for a copy or deletion: the controller's address.
    assert text.count("tietosuoja@example.fi") >= 3
