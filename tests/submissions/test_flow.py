"""A resident's event, over HTTP: the form, the e-mail, the confirmation, moderation, the public.

Himoksen seutu (the `region` fixture) has Länkipohja and Kuorevesi; each has a calendar, a place
and an association of its own (tests/submissions/conftest.py).
"""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.models import EventPage
from submissions.models import Submission
from tests.submissions.conftest import form_data, submit_url


def coming(days=30):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return day, f"{day.day}.{day.month}.{day.year}"  # as Finns type it: 8.12.2026


def confirm_link(message):
    return re.search(r"https?://\S+/submit/confirm/\?token=\S+", message.body).group(0)


def path_of(link):
    return link.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def submit(client, index, **fields):
    response = client.post(submit_url(index), form_data(**fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == index.get_url().removeprefix("http://localhost") + "submit/sent/"
    return response


def confirm(client, message):
    path = path_of(confirm_link(message))
    page = client.get(path)
    assert page.status_code == 200
    token = path.split("token=", 1)[1]
    return client.post(path.split("?", 1)[0], {"token": token})


def test_calendar_and_event_pages_link_to_the_form(client, calendars):
    calendar = calendars.village_calendars[0]
    html = client.get(calendar.url).content.decode()
    assert f'href="{calendar.url}submit/"' in html and "Ilmoita tapahtuma" in html
    region_html = client.get(calendars.event_index.url).content.decode()
    assert f'href="{calendars.event_index.url}submit/"' in region_html
    from tests.events.factories import EventPageFactory

    event = EventPageFactory(parent=calendar)
    assert f'href="{calendar.url}submit/"' in client.get(event.url).content.decode()


def test_resident_submits_confirms_and_the_editor_approves(client, calendars):
    calendar = calendars.village_calendars[0]
    form = client.get(submit_url(calendar))
    assert form.status_code == 200
    html = form.content.decode()
    assert "<h1>Ilmoita tapahtuma</h1>" in html and "Seurantalo" in html
    assert "Kuoreveden kirkko" not in html and "Kuoreveden Martat" not in html

    day, typed = coming()
    submit(client, calendar, start_date=typed, place=str(calendars.place.pk), place_name="")
    [message] = mail.outbox
    assert message.to == ["maija@example.fi"]
    assert message.subject == "Vahvista tapahtumasi: Joulumyyjäiset"
    assert "Hei Maija Meikäläinen" in message.body
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.UNCONFIRMED and submission.page is None
    assert not EventPage.objects.filter(title="Joulumyyjäiset").exists()

    mail.outbox.clear()
    response = confirm(client, message)
    assert response.status_code == 200
    assert "lähetettiin toimittajille" in response.content.decode()
    page = EventPage.objects.get(title="Joulumyyjäiset")
    assert not page.live and page.get_parent().pk == calendar.pk
    assert page.locale.language_code == "fi"
    assert (page.start_date, page.start_time, page.end_time) == (
        day,
        datetime.time(18),
        datetime.time(20),
    )
    assert page.place == calendars.place and page.organiser_name == "Kyläyhdistys"
    assert page.summary == "Leivonnaisia ja käsitöitä."
    assert page.workflow_in_progress
    # Wagtail's notification reaches the village's editor and the region's staff, no one else.
    notified = {address for m in mail.outbox for address in m.to}
    assert {"toimittaja@example.com", "seutu@example.com"} <= notified
    assert "naapuri@example.com" not in notified
    # Nothing of the submitter is on the page.
    revision_text = page.get_latest_revision().content.__repr__()
    assert "maija@example.fi" not in revision_text and "040 123 4567" not in revision_text

    # The editor sees it on the dashboard, and approves it.
    client.force_login(calendars.editor)
    assert "Joulumyyjäiset" in client.get(reverse("wagtailadmin_home")).content.decode()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert client.post(url, {"comment": ""}).status_code == 302
    client.logout()

    page = EventPage.objects.get(pk=page.pk)
    assert page.live
    assert "Joulumyyjäiset" in client.get(calendar.url).content.decode()
    feed = client.get(calendar.url + "feed.ics").content.decode()
    assert "SUMMARY:Joulumyyjäiset" in feed
    assert "maija" not in client.get(page.url).content.decode().lower()


def test_the_link_works_once_and_is_refused_when_tampered_with(client, calendars):
    calendar = calendars.village_calendars[0]
    submit(client, calendar, start_date=coming()[1])
    link = path_of(confirm_link(mail.outbox[0]))
    path, token = link.split("?token=")
    for bad in (token[:-2] + "xx", "", "abc:def", token + "0"):
        response = client.get(f"{path}?token={bad}")
        assert response.status_code == 400
        assert "Linkki ei toimi" in response.content.decode()
        assert client.post(path, {"token": bad}).status_code == 400
    # Another calendar's address with a good token: refused too.
    other = calendars.village_calendars[1].url + "submit/confirm/"
    assert client.post(other, {"token": token}).status_code == 400
    assert not EventPage.objects.filter(title="Joulumyyjäiset").exists()
    client.post(path, {"token": token})
    client.post(path, {"token": token})
    assert EventPage.objects.filter(title="Joulumyyjäiset").count() == 1


def test_an_expired_link_is_refused_and_the_command_deletes_the_submission(client, calendars):
    import time_machine
    from django.core.management import call_command

    calendar = calendars.village_calendars[0]
    submit(client, calendar, start_date=coming()[1])
    link = path_of(confirm_link(mail.outbox[0]))
    later = timezone.now() + datetime.timedelta(hours=47)
    with time_machine.travel(later, tick=False):
        call_command("expire_submissions")
        assert Submission.objects.count() == 1
        assert client.get(link).status_code == 200
    with time_machine.travel(later + datetime.timedelta(hours=2), tick=False):
        assert client.get(link).status_code == 400
        call_command("expire_submissions")
    assert Submission.objects.count() == 0
    assert not EventPage.objects.filter(title="Joulumyyjäiset").exists()


def test_a_confirmed_submission_is_not_deleted_by_the_expiry(client, calendars):
    import time_machine
    from django.core.management import call_command

    calendar = calendars.village_calendars[0]
    submit(client, calendar, start_date=coming()[1])
    confirm(client, mail.outbox[0])
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3), tick=False):
        call_command("expire_submissions")
    assert Submission.objects.get().status == Submission.Status.IN_MODERATION


@pytest.mark.parametrize(
    "language, subject, button",
    [
        ("sv", "Bekräfta ditt evenemang: Julmarknad", "Anmäl ett evenemang"),
        ("en", "Confirm your event: Julmarknad", "Submit an event"),
    ],
)
def test_a_submission_in_swedish_or_english_becomes_a_draft_in_that_language(
    client, calendars, language, subject, button
):
    from tests.conftest import translate_tree

    translate_tree(calendars.home)
    from wagtail.models import Locale

    calendar = (
        calendars.village_calendars[0]
        .get_translation(Locale.objects.get(language_code=language))
        .specific
    )
    html = client.get(calendar.url).content.decode()
    assert button in html
    submit(client, calendar, title="Julmarknad", start_date=coming()[1])
    [message] = mail.outbox
    assert message.subject == subject
    assert f"/{language}/" in confirm_link(message)
    confirm(client, message)
    page = EventPage.objects.get(title="Julmarknad")
    assert page.locale.language_code == language and page.get_parent().pk == calendar.pk
    assert page.workflow_in_progress


def test_region_calendar_asks_for_a_village_of_the_region(client, calendars, second_region):
    from tests.events.factories import EventIndexPageFactory

    foreign_calendar = EventIndexPageFactory(parent=second_region.villages[0])
    index = calendars.event_index
    html = client.get(submit_url(index)).content.decode()
    assert "Länkipohja" in html and "Kuorevesi" in html and "Kausala" not in html
    kuorevesi = calendars.villages[1]

    for foreign in (None, second_region.villages[0].pk, index.pk, 999999, "x"):
        response = client.post(
            submit_url(index),
            form_data(start_date=coming()[1], village=None if foreign is None else str(foreign)),
        )
        assert response.status_code == 200
        assert "Valitse tämän seudun kylä" in response.content.decode()
    assert not Submission.objects.exists()

    # A place of another village than the one chosen is refused.
    response = client.post(
        submit_url(index),
        form_data(start_date=coming()[1], village=str(kuorevesi.pk), place=str(calendars.place.pk)),
    )
    assert "Paikka ei ole valitun kylän hakemistossa" in response.content.decode()

    submit(client, index, start_date=coming()[1], village=str(kuorevesi.pk))
    assert Submission.objects.get().calendar_id == calendars.village_calendars[1].pk
    assert foreign_calendar.pk != calendars.village_calendars[1].pk


def test_a_chosen_association_topics_price_and_link_reach_the_draft(client, calendars):
    # What a resident picks from lists, not only what they type: the association of the
    # village's directory, two topics, a price and a registration link.
    from tests.factories import TopicFactory

    calendar = calendars.village_calendars[0]
    music, children = TopicFactory(name="Musiikki"), TopicFactory(name="Lapset")
    form = client.get(submit_url(calendar)).content.decode()
    assert "Musiikki" in form and "Lapset" in form
    submit(
        client,
        calendar,
        organiser=str(calendars.association.pk),
        organiser_name="",
        topics=[str(music.pk), str(children.pk)],
        price="5 €, lapset 2 €",
        registration_url="https://kyla.example/ilmoittaudu",
    )
    assert confirm(client, mail.outbox[-1]).status_code == 200
    draft = Submission.objects.get().page.get_latest_revision_as_object()
    assert set(draft.topics.all()) == {music, children}
    assert draft.organiser == calendars.association
    assert draft.price == "5 €, lapset 2 €" and not draft.is_free
    assert draft.registration_url == "https://kyla.example/ilmoittaudu"
