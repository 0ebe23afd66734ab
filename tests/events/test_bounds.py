"""Editor input that costs the server is bounded: event dates and the number of dates per event."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events import schedule, services
from events.models import EventOccurrence, EventPage
from tests.helpers import signed_in


def admin_client(client, language="fi"):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    return signed_in(client, user, language)


def post_event(client, index, **fields):
    data = {
        "title": "Aamujumppa",
        "slug": "aamujumppa",
        "summary": "Joka aamu.",
        "start_date": "2027-01-04",
        "start_time": "08:00",
        "status": "scheduled",
        "frequency": "DAILY",
        "interval": "1",
        "description": streamfield([]),
        "date_changes": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(fields)
    return client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", nested_form_data(data))


def test_a_date_centuries_ago_is_a_form_error_in_the_editors_language(client, calendars):
    index = calendars.village_calendars[0]
    last = f"31.12.{timezone.localdate().year + 10}"
    response = post_event(admin_client(client), index, start_date="1700-01-01")
    assert response.status_code == 200
    assert response.context["form"].errors["start_date"]
    assert f"Anna päivämäärä väliltä 1.1.2000–{last}." in response.content.decode()
    assert not EventPage.objects.filter(slug="aamujumppa").exists()
    assert not EventOccurrence.objects.exists()


def test_dates_far_ahead_are_refused_too_in_swedish(client, calendars):
    index = calendars.village_calendars[0]
    response = post_event(
        admin_client(client, "sv"),
        index,
        frequency="",
        start_date="2027-01-04",
        end_date="2206-01-04",
        date_changes=inline_formset([]),
    )
    assert response.status_code == 200
    assert "Ange ett datum mellan" in response.content.decode()
    assert not EventPage.objects.filter(slug="aamujumppa").exists()


def test_too_many_dates_is_a_form_error_and_stores_nothing(client, calendars):
    index = calendars.village_calendars[0]
    client = admin_client(client)
    # Daily since 2000 without an end: some 10,000 dates up to the horizon.
    response = post_event(client, index, start_date="2000-01-03")
    assert response.status_code == 200
    (error,) = response.context["form"].errors["frequency"]
    # Grouped as Finnish numbers are, with a no-break space.
    assert error.startswith("Tapahtumalla voi olla enintään 2\xa0000 päivämäärää")
    assert error in response.content.decode()
    response = post_event(client, index, start_date="2027-01-04", repeat_count="2500")
    assert response.context["form"].errors["repeat_count"]
    assert not EventOccurrence.objects.exists()
    # A daily event for the two years of the horizon is fine.
    response = post_event(client, index, start_date=timezone.localdate().isoformat())
    assert response.status_code == 302
    stored = EventOccurrence.objects.filter(event__locale__language_code="fi").count()
    assert 700 < stored <= schedule.MAX_OCCURRENCES


def test_no_stored_rule_materialises_more_than_the_cap(calendars):
    from tests.events.factories import EventPageFactory

    event = EventPageFactory(parent=calendars.village_calendars[0], frequency="DAILY")
    # Written past validation, as an old row or an import might be.
    EventPage.objects.filter(pk=event.pk).update(start_date=datetime.date(1700, 1, 1))
    event = EventPage.objects.get(pk=event.pk)
    services.materialise(event)
    assert EventOccurrence.objects.filter(event=event).count() == schedule.MAX_OCCURRENCES
