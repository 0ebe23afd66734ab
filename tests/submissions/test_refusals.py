"""What the form refuses, and that a refusal keeps what was typed and says why.

Spam controls (honeypot, minimum fill time, rate limits, the village's cap), and hostile
choices: another village's place or organiser, a topic that is no topic.
"""

import datetime
import time

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from submissions import spam
from submissions.models import Submission
from tests.submissions.conftest import form_data, submit_url


def coming(days=30):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return f"{day.day}.{day.month}.{day.year}"


def post(client, index, **fields):
    response = client.post(submit_url(index), form_data(**{"start_date": coming(), **fields}))
    return response.status_code, response.content.decode()


def kept_what_was_typed(html):
    return (
        'value="Joulumyyjäiset"' in html
        and "Leivonnaisia ja käsitöitä." in html
        and 'value="maija@example.fi"' in html
    )


def error_summary(html):
    assert 'class="error-summary" role="alert" tabindex="-1" autofocus' in html
    return html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]


@pytest.fixture
def calendar(calendars):
    return calendars.village_calendars[0]


def test_honeypot_filled_is_refused_and_shown_with_the_reason(client, calendar):
    status, html = post(client, calendar, homepage="http://spam.example")
    assert status == 200 and kept_what_was_typed(html)
    summary = error_summary(html)
    assert "Tämä kenttä pitää jättää tyhjäksi" in summary and 'href="#id_homepage"' in summary
    # Shown now (not hidden by the stylesheet), so a person can empty it.
    field = html.split('id="id_homepage"', 1)[0].rsplit("<div", 2)[-2]
    assert "submission-form__hp" not in field
    assert not Submission.objects.exists() and not mail.outbox
    # Hidden while empty.
    assert (
        'class="submission-form__field submission-form__hp"'
        in client.get(submit_url(calendar)).content.decode()
    )


def test_a_form_sent_too_fast_is_refused_then_accepted_later(client, calendar):
    now = time.time()
    started = spam.started_token(now - 1)
    status, html = post(client, calendar, started=started)
    assert status == 200 and kept_what_was_typed(html)
    assert "nopeammin kuin ihminen ehtii kirjoittaa" in error_summary(html)
    assert f'value="{started}"' in html  # the same start time: a retry later is accepted
    assert not Submission.objects.exists()


@pytest.mark.parametrize("started", ["", "123", "abc:def:ghi", "expired"])
def test_a_missing_tampered_or_expired_form_time_is_refused_with_a_fresh_one(
    client, calendar, started
):
    if started == "expired":
        started = spam.started_token(time.time() - spam.STARTED_MAX_AGE - 60)
    status, html = post(client, calendar, started=started)
    assert status == 200 and kept_what_was_typed(html)
    assert "Lomake oli auki liian kauan" in error_summary(html)
    fresh = html.split('name="started" value="', 1)[1].split('"', 1)[0]
    assert fresh != started and spam.seconds_since_started(fresh) is not None
    assert not Submission.objects.exists()


@override_settings(KYLATORI_SUBMISSION_LIMIT=2)
def test_rate_limit_per_address_and_per_email(client, calendar):
    for number in range(2):
        status, _html = post(client, calendar, email=f"eka{number}@example.fi")
        assert status == 302
    status, html = post(client, calendar, email="kolmas@example.fi")
    assert status == 200 and "Yritä myöhemmin uudelleen" in error_summary(html)
    assert 'value="kolmas@example.fi"' in html
    # From another address, the same e-mail address twice more is the limit too.
    other = {"REMOTE_ADDR": "192.0.2.7"}
    for expected in (302, 302, 200):
        response = client.post(
            submit_url(calendar),
            form_data(start_date=coming(), email="sama@example.fi"),
            **other,
        )
        other["REMOTE_ADDR"] = other["REMOTE_ADDR"][:-1] + str(int(other["REMOTE_ADDR"][-1]) + 1)
        assert response.status_code == expected
    assert Submission.objects.count() == 4


@override_settings(KYLATORI_SUBMISSION_PENDING_LIMIT=2)
def test_a_village_takes_a_limited_number_of_pending_submissions(client, calendars):
    calendar, other = calendars.village_calendars
    addresses = iter(f"198.51.100.{n}" for n in range(1, 10))
    for _number in range(2):
        response = client.post(
            submit_url(calendar), form_data(start_date=coming()), REMOTE_ADDR=next(addresses)
        )
        assert response.status_code == 302
    response = client.post(
        submit_url(calendar), form_data(start_date=coming()), REMOTE_ADDR=next(addresses)
    )
    html = response.content.decode()
    assert "monta tapahtumaa tarkistettavana" in error_summary(html) and kept_what_was_typed(html)
    # The other village still takes its own.
    response = client.post(
        submit_url(other), form_data(start_date=coming()), REMOTE_ADDR=next(addresses)
    )
    assert response.status_code == 302


def test_another_villages_place_or_organiser_cannot_be_chosen(client, calendars):
    calendar = calendars.village_calendars[0]
    status, html = post(client, calendar, place=str(calendars.other_place.pk), place_name="")
    assert status == 200 and "Valitse tämän kylän paikka" in error_summary(html)
    status, html = post(client, calendar, organiser=str(calendars.other_association.pk))
    assert "Valitse tämän kylän järjestäjä" in error_summary(html)
    # A draft entry of the village itself is not offered either.
    calendars.place.live = False
    calendars.place.save()
    status, html = post(client, calendar, place=str(calendars.place.pk), place_name="")
    assert "Valitse tämän kylän paikka" in error_summary(html)
    for hostile in ("x", "-1", "99999999999999999999", "1 OR 1=1"):
        status, html = post(client, calendar, place=hostile, organiser=hostile, topics=hostile)
        assert status == 200
    assert not Submission.objects.exists()


def test_errors_are_linked_to_their_fields(client, calendar):
    response = client.post(
        submit_url(calendar),
        form_data(
            title="",
            start_date="31.2.2027",
            start_time="",
            place_name="",
            email="ei-osoite",
            consent=None,
            registration_url="javascript:alert(1)",
        ),
    )
    html = response.content.decode()
    summary = error_summary(html)
    for name in ("title", "start_date", "place_name", "email", "consent", "registration_url"):
        assert f'href="#id_{name}"' in summary, name
        assert f'id="id_{name}_error"' in html, name
        field = (
            html.split(f'id="id_{name}"', 1)[0].rsplit("<", 1)[1]
            + html.split(f'id="id_{name}"', 1)[1].split(">", 1)[0]
        )
        assert "aria-invalid" in field and f"id_{name}_error" in field, name
    assert "8.12.2026" in summary  # what to type, in the date field's message
    form = html.split('class="submission-form"', 1)[1]
    assert 'value="javascript:' in form  # kept as typed, to be corrected, and never a link
    assert 'href="javascript:' not in html


def test_finnish_dates_times_and_the_schedule_rules(client, calendar):
    status, html = post(client, calendar, start_time="", all_day=None)
    assert status == 200 and "Anna alkamisaika" in error_summary(html)
    status, html = post(client, calendar, start_time="kello kuusi")
    assert "Kirjoita kellonaika muodossa 18 tai 18.30." in error_summary(html)
    status, html = post(client, calendar, repeats_weekly="on")
    assert "Anna viikoittaisen tapahtuman viimeinen päivä" in error_summary(html)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    status, html = post(client, calendar, start_date=f"{yesterday:%d.%m.%Y}")
    assert status == 200 and "Päivä on jo mennyt" in error_summary(html)
    status, _html = post(client, calendar, start_time="18.30", end_time="kl. 21")
    assert status == 302
    submission = Submission.objects.get()
    assert (submission.event["start_time"], submission.event["end_time"]) == (
        "18:30:00",
        "21:00:00",
    )


def test_a_published_event_at_the_same_place_on_the_same_day_is_a_warning(client, calendars):
    """A warning the submitter may confirm past; only published public events count."""
    from events.models import EventPage
    from tests.events.factories import EventPageFactory

    calendar = calendars.village_calendars[0]
    day = timezone.localdate() + datetime.timedelta(days=9)
    typed = f"{day.day}.{day.month}.{day.year}"
    draft = EventPageFactory(
        parent=calendar, title="Salainen luonnos", start_date=day, place=calendars.place
    )
    draft.unpublish()
    fields = {"start_date": typed, "place": str(calendars.place.pk), "place_name": ""}
    response = client.post(submit_url(calendar), form_data(**fields))
    assert response.status_code == 302  # a draft is not told, nor counted
    EventPageFactory(
        parent=calendar, title="Nuorisoseuran disko", start_date=day, place=calendars.place
    )

    response = client.post(submit_url(calendar), form_data(email="toinen@example.fi", **fields))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kalenterissa on jo tapahtuma samassa paikassa samana päivänä" in html
    assert "Nuorisoseuran disko" in html and "Salainen luonnos" not in html
    assert 'href="#id_same_day_ok"' in html and 'name="same_day_ok"' in html
    # Another day, or a typed place elsewhere: no warning.
    other_day = day + datetime.timedelta(days=1)
    other = {**fields, "start_date": f"{other_day.day}.{other_day.month}.{other_day.year}"}
    assert (
        client.post(submit_url(calendar), form_data(email="c@example.fi", **other)).status_code
        == 302
    )
    # The same place typed by name warns too; ticking the box sends it.
    typed_place = {"start_date": typed, "place_name": "seurantalo"}
    assert (
        client.post(
            submit_url(calendar), form_data(email="d@example.fi", **typed_place)
        ).status_code
        == 200
    )
    response = client.post(
        submit_url(calendar), form_data(email="d@example.fi", same_day_ok="on", **typed_place)
    )
    assert response.status_code == 302
    assert EventPage.objects.filter(title="Nuorisoseuran disko", live=True).count() == 1
