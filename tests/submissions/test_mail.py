"""The submitter's mail through a real SMTP server (aiosmtpd): what a mail client receives,
headers and encodings included (UTF-8 subject with ä ö å, a plain-text and an HTML part)."""

import datetime
import email
import email.policy
import re
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.utils import timezone

from tests.submissions.conftest import form_data, submit_url


class Inbox:
    """aiosmtpd's handler: keeps every message it receives."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"

    def messages(self):
        return [
            email.message_from_bytes(envelope.original_content, policy=email.policy.default)
            for envelope in self.envelopes
        ]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """An SMTP server on a free port, and the site's mail delivered to it over SMTP (through
    home.mail's cleaning step, as in production)."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "home.mail.EmailBackend"
    settings.KYLATORI_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "Kylätori <noreply@example.fi>"
    yield inbox
    controller.stop()


def coming():
    day = timezone.localdate() + datetime.timedelta(days=15)
    return f"{day.day}.{day.month}.{day.year}"


def test_the_confirmation_arrives_over_smtp_in_utf8_with_text_and_html(
    client, calendars, smtp_server
):
    calendar = calendars.village_calendars[0]
    title = "Äitienpäivän kävely Åsan ympäri – <kaikki> tervetulleita"
    response = client.post(submit_url(calendar), form_data(title=title, start_date=coming()))
    assert response.status_code == 302
    assert not mail.outbox  # delivered over SMTP, not to the in-memory outbox

    [envelope] = smtp_server.envelopes
    assert envelope.rcpt_tos == ["maija@example.fi"]
    assert envelope.mail_from == "noreply@example.fi"
    [message] = smtp_server.messages()
    assert message["To"] == "maija@example.fi"
    # (Python's parser keeps the space of the folded first line: strip() as mail clients do.)
    assert message["Subject"].strip() == f"Vahvista tapahtumasi: {title}"
    # On the wire the subject is RFC 2047 encoded UTF-8: ä, ö and å survive any relay.
    # The headers are ASCII on the wire (the body may be 8-bit UTF-8).
    raw = envelope.original_content.split(b"\r\n\r\n", 1)[0].decode("ascii")
    raw_subject = re.search(r"^Subject: (.*(?:\r?\n[ \t].*)*)", raw, re.M).group(1)
    assert "=?utf-8?" in raw_subject.lower() and "ä" not in raw_subject
    assert message["From"] == "Kylätori <noreply@example.fi>"
    assert message.get_content_type() == "multipart/alternative"

    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text.get_content_charset() == html.get_content_charset() == "utf-8"
    link = re.search(r"https?://\S+/submit/confirm/\?token=\S+", text.get_content()).group(0)
    assert "Hei Maija Meikäläinen" in text.get_content() and title in text.get_content()
    html_content = html.get_content()
    assert f'<a href="{link}">' in html_content and 'lang="fi"' in html_content
    # The visitor's text is escaped in the HTML part, not markup.
    assert "&lt;kaikki&gt;" in html_content and "<kaikki>" not in html_content
    assert (
        f"<title>Vahvista tapahtumasi: {title.replace('<', '&lt;').replace('>', '&gt;')}"
        in html_content
    )


def test_editors_decision_arrives_over_smtp(
    client, calendars, smtp_server, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from events.models import EventPage

    calendar = calendars.village_calendars[0]
    client.post(submit_url(calendar), form_data(title="Pöytätennis", start_date=coming()))
    text = smtp_server.messages()[0].get_body(preferencelist=("plain",)).get_content()
    path = "/" + re.search(r"https?://[^/]+/(\S+/submit/confirm/)\?token=(\S+)", text).group(1)
    token = re.search(r"/submit/confirm/\?token=(\S+)", text).group(1)
    client.post(path, {"token": token})
    page = EventPage.objects.get(title="Pöytätennis")
    client.force_login(calendars.editor)
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"comment": "Kerro hinta, kiitos."})
    [rejected] = [m for m in smtp_server.messages() if m["To"] == "maija@example.fi"][1:]
    assert rejected["Subject"].strip() == "Tapahtumaasi ei julkaistu sellaisenaan: Pöytätennis"
    assert "Kerro hinta, kiitos." in rejected.get_body(preferencelist=("plain",)).get_content()
    assert "Kerro hinta, kiitos." in rejected.get_body(preferencelist=("html",)).get_content()
