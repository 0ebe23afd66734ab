"""Hostile but valid text in every text field of the form, the whole way: confirmed, approved,
then read where the public and the editors read it (page, feeds, the Linked Events API, the
admin). The fuzz test (tests/test_fuzz_public.py) sends hostile values that the form refuses;
this one sends what it must accept and keep as text."""

import icalendar
from django.core import mail

from events.models import EventPage
from submissions.models import Submission
from tests.submissions.test_privacy import send

SCRIPT = "<script>alert('x')</script>"
FIELDS = {
    "title": f"Joulu {SCRIPT}",
    "description": f'Tervetuloa! <img src=x onerror="alert(1)"> {SCRIPT}\n\nToinen kappale.',
    "place_name": "Kylätalo\r\nSTATUS:CANCELLED",
    "street_address": 'Kylätie 1 "><b>',
    "organiser_name": "Yhdistys & Co \u202eesrever",
    "price": "5 € <i>tai</i> 3 €",
    "registration_url": "https://kyla.example/?a=1&b=<2>",
    "name": f"Maija {SCRIPT}",
}


def test_hostile_text_in_every_field_stays_text_on_every_surface(client, calendars, act):
    calendar = calendars.village_calendars[0]
    submission = send(client, calendar, **FIELDS)
    assert submission.page is not None, "the form refused text it must accept"
    act(calendars.editor, submission.page, "approve")
    page = EventPage.objects.get(pk=submission.page_id)
    assert page.live and SCRIPT in page.title  # kept as typed: text, escaped on output

    html = client.get(page.url).content.decode()
    # No tag of the visitor's reaches the page: each is text (escaped in HTML, \u003C in the
    # page's JSON-LD).
    for tag in ("<script>alert", "<img src=x", '"><b>', "<i>tai</i>"):
        assert tag not in html, tag
    assert "<h1>Joulu &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</h1>" in html
    assert "Kylätie 1 &quot;&gt;&lt;b&gt;" in html

    feed = client.get(calendar.url + "feed.ics")
    assert feed.status_code == 200
    parsed = icalendar.Calendar.from_ical(feed.content)
    [event] = [e for e in parsed.walk("VEVENT") if SCRIPT in str(e["SUMMARY"])]
    # The line break in the place is one value's text, never a line of its own.
    assert str(event.get("STATUS", "CONFIRMED")) != "CANCELLED"
    assert sum(1 for e in parsed.walk("VEVENT") if e.get("STATUS") == "CANCELLED") == 0

    api = client.get("/linkedevents/v1/event/", HTTP_HOST="localhost").json()
    [found] = [e for e in api["data"] if SCRIPT in e["name"]["fi"]]
    assert "<script" not in found["description"]["fi"]

    client.force_login(calendars.editor)
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "<script>alert" not in edit
    detail = client.get(f"/admin/event-submissions/{submission.pk}/").content.decode()
    assert "<script>alert" not in detail and "Maija &lt;script&gt;" in detail
    html_mails = [m.alternatives[0][0] for m in mail.outbox if m.alternatives]
    assert html_mails and not any("<script>alert" in body for body in html_mails)
    assert Submission.objects.get(pk=submission.pk).name == FIELDS["name"]
