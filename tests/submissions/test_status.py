"""The submitter's private status page: reached from the e-mail, it tells where the event
stands and withdraws it while it is not published; a tampered link shows nothing."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.models import EventPage
from submissions.models import Submission
from tests.submissions.conftest import form_data, submit_url


def coming():
    day = timezone.localdate() + datetime.timedelta(days=12)
    return f"{day.day}.{day.month}.{day.year}"


def links(message):
    found = dict(
        re.findall(r"https?://[^/]+(/\S+/submit/(confirm|status)/\?token=\S+)", message.body)
    )
    return {kind: path for path, kind in found.items()}


def send(client, calendar):
    response = client.post(submit_url(calendar), form_data(start_date=coming()))
    assert response.status_code == 302
    return links(mail.outbox[-1])


def confirm(client, path):
    address, token = path.split("?token=")
    assert client.post(address, {"token": token}).status_code == 200


def withdraw(client, path):
    address, token = path.split("?token=")
    return client.post(address, {"token": token, "action": "withdraw"})


@pytest.fixture
def calendar(calendars):
    return calendars.village_calendars[0]


def test_status_page_follows_the_event_to_publication(client, calendars, calendar):
    paths = send(client, calendar)
    html = client.get(paths["status"]).content.decode()
    assert "Odottaa, että vahvistat sen" in html and "Joulumyyjäiset" in html
    assert "maija" not in html.lower()
    confirm(client, paths["confirm"])
    assert "Kylän toimittajat tarkistavat sitä" in client.get(paths["status"]).content.decode()

    page = EventPage.objects.get(title="Joulumyyjäiset")
    client.force_login(calendars.editor)
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    client.post(url, {"comment": ""})
    client.logout()
    html = client.get(paths["status"]).content.decode()
    assert "Julkaistu kalenterissa" in html and "Peru tapahtuma" not in html
    # A published event is not withdrawn from here.
    assert "Julkaistu kalenterissa" in withdraw(client, paths["status"]).content.decode()
    assert EventPage.objects.get(pk=page.pk).live


def test_the_language_links_keep_the_status_link_working(client, calendars, calendar):
    """A submitter who switches the status page to Swedish or English sees the same event
    there, and can withdraw it from there (the links keep the token)."""
    from tests.conftest import translate_tree

    translate_tree(calendars.home)
    paths = send(client, calendar)
    html = client.get(paths["status"]).content.decode()
    switch = dict(re.findall(r'<a href="([^"]+)" lang="(sv|en)" hreflang', html))
    assert set(switch.values()) == {"sv", "en"}
    by_language = {language: address.replace("&amp;", "&") for address, language in switch.items()}
    html = client.get(by_language["sv"]).content.decode()
    assert "Väntar på att du bekräftar det" in html and "Joulumyyjäiset" in html
    response = withdraw(client, by_language["en"])
    assert "The event was withdrawn" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_rejected_event_is_shown_as_not_published(client, calendars, calendar):
    paths = send(client, calendar)
    confirm(client, paths["confirm"])
    page = EventPage.objects.get(title="Joulumyyjäiset")
    client.force_login(calendars.editor)
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.pk])
    client.post(url, {"comment": "Päivä on väärä."})
    client.logout()
    assert "Ei julkaistu" in client.get(paths["status"]).content.decode()


@pytest.mark.parametrize("confirmed", [False, True])
def test_withdrawing_deletes_the_draft_and_the_details(client, calendar, confirmed):
    paths = send(client, calendar)
    if confirmed:
        confirm(client, paths["confirm"])
        assert EventPage.objects.filter(title="Joulumyyjäiset").exists()
    response = withdraw(client, paths["status"])
    assert response.status_code == 200 and "Tapahtuma peruttiin" in response.content.decode()
    assert not Submission.objects.exists()
    assert not EventPage.objects.filter(title="Joulumyyjäiset").exists()
    # The links now show nothing.
    assert client.get(paths["status"]).status_code == 400
    assert client.get(paths["confirm"]).status_code == 400


def test_a_tampered_or_misplaced_status_link_is_refused(client, calendars, calendar):
    paths = send(client, calendar)
    address, token = paths["status"].split("?token=")
    confirm_token = paths["confirm"].split("?token=")[1]
    for bad in (token[:-3] + "abc", confirm_token, "", "x:y"):
        response = client.get(f"{address}?token={bad}")
        assert response.status_code == 400 and "Linkki ei toimi" in response.content.decode()
        assert withdraw(client, f"{address}?token={bad}").status_code == 400
    other = calendars.village_calendars[1].url + "submit/status/"
    assert withdraw(client, f"{other}?token={token}").status_code == 400
    assert Submission.objects.count() == 1
