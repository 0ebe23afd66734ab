"""Until an editor approves it, a submitted event is nowhere the public looks: not in the
calendars, their feeds, the Linked Events API nor search; another village's editor never sees
it in the admin."""

import datetime
import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.models import EventPage
from tests.submissions.conftest import form_data, submit_url


def coming(days=10):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return f"{day.day}.{day.month}.{day.year}"


def send(client, calendar, title):
    response = client.post(submit_url(calendar), form_data(title=title, start_date=coming()))
    assert response.status_code == 302
    message = mail.outbox[-1]
    return re.search(r"https?://[^/]+(/\S+/submit/confirm/)\?token=(\S+)", message.body).groups()


def public_surfaces(client, calendars):
    calendar = calendars.village_calendars[0]
    texts = [
        client.get(calendar.url).content.decode(),
        client.get(calendars.event_index.url).content.decode(),
        client.get(calendar.url + "feed.ics").content.decode(),
        client.get(calendars.event_index.url + "feed.ics").content.decode(),
        client.get(f"/fi/calendar/{calendar.translation_key}.ics").content.decode(),
        client.get("/linkedevents/v1/event/", HTTP_HOST="localhost").content.decode(),
        client.get("/linkedevents/v1/event/", {"text": "Salakokous"}).content.decode(),
    ]
    html = client.get("/fi/haku/", {"q": "Salakokous"}).content.decode()
    texts.append(html.split('class="search-results"', 1)[1] if "search-results" in html else "")
    return texts


def test_unconfirmed_and_unapproved_events_are_not_public(client, calendars):
    calendar = calendars.village_calendars[0]
    send(client, calendar, "Vahvistamaton")
    path, token = send(client, calendar, "Salakokous")
    assert client.post(path, {"token": token}).status_code == 200
    page = EventPage.objects.get(title="Salakokous")
    assert page.workflow_in_progress and not page.live

    surfaces = public_surfaces(client, calendars)
    assert not any("Salakokous" in text or "Vahvistamaton" in text for text in surfaces)
    search = client.get("/fi/haku/", {"q": "Vahvistamaton"}).content.decode()
    assert "search-results" not in search
    assert client.get(page.url or f"{calendar.url}{page.slug}/").status_code == 404
    assert (
        client.get(f"/linkedevents/v1/event/kylatori:{page.pk}/", HTTP_HOST="localhost").status_code
        == 404
    )

    # Another village's editor: not on the dashboard, not editable.
    client.force_login(calendars.other_editor)
    assert "Salakokous" not in client.get(reverse("wagtailadmin_home")).content.decode()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code in (302, 403)
    # The village's own editor sees it.
    client.force_login(calendars.editor)
    assert "Salakokous" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200

    # Approved, it is everywhere (so the checks above could have found it).
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert client.post(url, {"comment": ""}).status_code == 302
    client.logout()
    surfaces = public_surfaces(client, calendars)
    assert all("Salakokous" in text for text in surfaces)
    assert not any("Vahvistamaton" in text for text in surfaces)
