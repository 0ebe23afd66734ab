"""What the editors decide reaches the submitter, and what the submitter asks reaches the
editors, over HTTP in fi, sv and en: approval (the public page and the feeds), "Request
changes" with a comment, a change asked from the status page, and a published event's
cancellation through moderation (STATUS:CANCELLED in the feeds only once approved)."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventPage
from tests.submissions.conftest import form_data, submit_url

# The submitter's mails and pages, in the language the event was written in.
TEXTS = {
    "fi": {
        "approved": "Tapahtumasi on julkaistu: Kyläkävely",
        "rejected": "Tapahtumaasi ei julkaistu sellaisenaan: Kyläkävely",
        "cancelled": "Tapahtumasi on peruttu: Kyläkävely",
        "comment": "Toimittajien kommentti",
        "sent": "Viestisi lähetettiin kylän toimittajille",
        "cancel_requested": "pyyntösi perua se odottaa kylän toimittajia",
    },
    "sv": {
        "approved": "Ditt evenemang är publicerat: Kyläkävely",
        "rejected": "Ditt evenemang publicerades inte som det är: Kyläkävely",
        "cancelled": "Ditt evenemang är inställt: Kyläkävely",
        "comment": "Redaktörernas kommentar",
        "sent": "Ditt meddelande skickades till byns redaktörer",
        "cancel_requested": "din begäran om att ställa in det väntar på byns redaktörer",
    },
    "en": {
        "approved": "Your event is published: Kyläkävely",
        "rejected": "Your event is not published as it is: Kyläkävely",
        "cancelled": "Your event is cancelled: Kyläkävely",
        "comment": "The editors' comment",
        "sent": "Your message was sent to the village's editors",
        "cancel_requested": "your request to cancel it is waiting for the village's editors",
    },
}


def coming(days=20):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return f"{day.day}.{day.month}.{day.year}"


def local_path(link):
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def links(message):
    found = re.findall(r"https?://\S+/submit/(?:confirm|status)/\?token=\S+", message.body)
    return {("confirm" if "/confirm/" in link else "status"): local_path(link) for link in found}


def post(client, path, **data):
    address, token = path.split("?token=")
    return client.post(address, {"token": token, **data})


def to_submitter():
    return [m for m in mail.outbox if m.to == ["maija@example.fi"]]


def to_reviewers():
    return [m for m in mail.outbox if m.to != ["maija@example.fi"]]


@pytest.fixture
def calendar_in(calendars):
    def calendar(language):
        fi = calendars.village_calendars[0]
        if language == "fi":
            return fi
        from tests.conftest import translate_tree

        translate_tree(calendars.home)
        return fi.get_translation(Locale.objects.get(language_code=language)).specific

    return calendar


def sent_and_confirmed(client, calendar):
    response = client.post(submit_url(calendar), form_data(title="Kyläkävely", start_date=coming()))
    assert response.status_code == 302
    paths = links(mail.outbox[-1])
    assert post(client, paths["confirm"]).status_code == 200
    mail.outbox.clear()
    return paths, EventPage.objects.get(title="Kyläkävely")


def feeds(client, calendars, calendar):
    """The village calendar's feed and the region calendar's, in the event's language."""
    region = calendars.event_index.get_translation(calendar.locale)
    return [
        client.get(calendar.url + "feed.ics").content.decode(),
        client.get(region.url + "feed.ics").content.decode(),
    ]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_approved_then_cancelled_through_moderation(client, calendars, calendar_in, act, language):
    texts = TEXTS[language]
    calendar = calendar_in(language)
    paths, page = sent_and_confirmed(client, calendar)

    act(calendars.editor, page, "approve")
    [approved] = to_submitter()
    assert approved.subject == texts["approved"]
    page = EventPage.objects.get(pk=page.pk)
    assert page.get_full_url() in approved.body
    html_part, mimetype = approved.alternatives[0]
    assert mimetype == "text/html" and f'href="{page.get_full_url()}"' in html_part
    assert client.get(page.url).status_code == 200
    assert "Kyläkävely" in client.get(calendar.url).content.decode()
    for feed in feeds(client, calendars, calendar):
        assert "SUMMARY:Kyläkävely" in feed and "STATUS:CANCELLED" not in feed

    # The submitter asks to cancel it: nothing changes in public until an editor approves.
    mail.outbox.clear()
    response = post(client, paths["status"], action="cancel")
    assert texts["cancel_requested"] in response.content.decode()
    assert {m.to[0] for m in to_reviewers()} == {"toimittaja@example.com", "seutu@example.com"}
    page = EventPage.objects.get(pk=page.pk)
    assert page.live and page.status == EventPage.Status.SCHEDULED and page.workflow_in_progress
    for feed in feeds(client, calendars, calendar):
        assert "SUMMARY:Kyläkävely" in feed and "STATUS:CANCELLED" not in feed
    # A second press starts nothing more.
    assert post(client, paths["status"], action="cancel").status_code == 200

    mail.outbox.clear()
    act(calendars.editor, page, "approve")
    [cancelled] = to_submitter()
    assert cancelled.subject == texts["cancelled"]
    assert EventPage.objects.get(pk=page.pk).status == EventPage.Status.CANCELLED
    for feed in feeds(client, calendars, calendar):
        assert "STATUS:CANCELLED" in feed
    assert "Ask to cancel" not in post(client, paths["status"]).content.decode()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_changes_requested_reach_the_submitter_and_their_answer_the_editors(
    client, calendars, calendar_in, act, language
):
    texts = TEXTS[language]
    calendar = calendar_in(language)
    paths, page = sent_and_confirmed(client, calendar)

    act(calendars.editor, page, "reject", comment="Lisää alkamisaika <b>ja</b> paikka.")
    [rejected] = to_submitter()
    assert rejected.subject == texts["rejected"]
    assert "Lisää alkamisaika <b>ja</b> paikka." in rejected.body
    html_part = rejected.alternatives[0][0]
    assert "Lisää alkamisaika &lt;b&gt;ja&lt;/b&gt; paikka." in html_part
    status = client.get(paths["status"]).content.decode()
    assert texts["comment"] in status and "&lt;b&gt;ja&lt;/b&gt;" in status
    assert not EventPage.objects.get(pk=page.pk).live

    mail.outbox.clear()
    response = post(client, paths["status"], action="change", message="Alkaa klo 18, kylätalolla.")
    assert texts["sent"] in response.content.decode()
    reviewers = to_reviewers()
    assert {m.to[0] for m in reviewers} == {"toimittaja@example.com", "seutu@example.com"}
    assert all("Alkaa klo 18, kylätalolla." in m.body for m in reviewers)
    # The submitter's text is text in the HTML part, and ends as it began in the plain one.
    mail.outbox.clear()
    post(client, paths["status"], action="change", message="<script>x()</script>\u202e!")
    assert len(to_reviewers()) == 2
    for m in to_reviewers():
        assert "<script>x()</script>!" in m.body and "\u202e" not in m.body
        assert "&lt;script&gt;" in m.alternatives[0][0] and "<script>" not in m.alternatives[0][0]
    assert all("maija@example.fi" in m.body for m in reviewers)  # to answer the submitter
    assert "naapuri@example.com" not in {m.to[0] for m in mail.outbox}


def test_an_empty_or_too_long_change_request_is_an_error_and_nothing_is_sent(client, calendars):
    paths, page = sent_and_confirmed(client, calendars.village_calendars[0])
    for message in ("", "x" * 2001):
        response = post(client, paths["status"], action="change", message=message)
        assert response.status_code == 200
        assert 'class="error"' in response.content.decode()
    assert not mail.outbox


def test_change_requests_are_limited(client, calendars, settings):
    settings.KYLATORI_SUBMISSION_LIMIT = 2
    paths, page = sent_and_confirmed(client, calendars.village_calendars[0])
    for _ in range(2):
        post(client, paths["status"], action="change", message="Muutos.")
    sent = len(mail.outbox)
    response = post(client, paths["status"], action="change", message="Muutos.")
    assert "Olet lähettänyt monta viestiä" in response.content.decode()
    assert len(mail.outbox) == sent


def test_an_unpublished_event_cannot_be_cancelled_through_moderation(client, calendars):
    paths, page = sent_and_confirmed(client, calendars.village_calendars[0])
    html = post(client, paths["status"], action="cancel").content.decode()
    assert not to_reviewers()
    assert "Kylän toimittajat tarkistavat sitä" in html
    assert EventPage.objects.get(pk=page.pk).status == EventPage.Status.SCHEDULED
