"""Editors create events in the admin: the schedule fields, weekday checkboxes, changed dates."""

import datetime
import re

from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventOccurrence, EventPage


def test_editor_creates_a_weekly_event_with_a_cancelled_date(client, calendars):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    index = calendars.village_calendars[0]
    url = f"/admin/pages/add/events/eventpage/{index.pk}/"
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Kuoro",
            "slug": "kuoro",
            "summary": "Laulamme.",
            "start_date": "2027-01-06",
            "start_time": "18:00",
            "end_time": "20:00",
            "status": "scheduled",
            "frequency": "WEEKLY",
            "interval": "1",
            "weekdays": ["WE", "FR"],
            "repeat_count": "6",
            "place_name": "Kylätalo",
            "description": streamfield([]),
            "date_changes": inline_formset(
                [{"original_date": "2027-01-08", "action": "cancelled"}]
            ),
            "action-publish": "publish",
        }
    )
    data["weekdays"] = ["WE", "FR"]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="kuoro", locale__language_code="fi")
    assert event.live and event.weekdays == "WE,FR"
    dates = [
        (o.start.astimezone(datetime.UTC).date().isoformat(), o.status)
        for o in EventOccurrence.objects.filter(event=event)
    ]
    assert dates[:3] == [
        ("2027-01-06", "scheduled"),
        ("2027-01-08", "cancelled"),
        ("2027-01-13", "scheduled"),
    ]
    assert len(dates) == 6
    edit = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert edit.count('name="weekdays"') == 7
    assert len(re.findall(r'<input[^>]*name="weekdays" value="(?:WE|FR)"[^>]*checked', edit)) == 2
    # wagtail-localize keeps Swedish and English stand-ins (aliases) of an untranslated page:
    # they are in those calendars too, with the Finnish text and their own address.
    for alias in EventPage.objects.filter(alias_of=event):
        assert EventOccurrence.objects.filter(event=alias).count() == 6
        feed = client.get(
            f"/{alias.locale.language_code}/calendar/event/{alias.translation_key}.ics"
        )
        assert feed.status_code == 200 and b"SUMMARY:Kuoro" in feed.content


def test_weekly_rule_must_include_the_first_weekday(calendars):
    import pytest
    from django.core.exceptions import ValidationError

    event = EventPage(
        title="x",
        slug="x",
        summary="x",
        start_date=datetime.date(2027, 1, 6),  # a Wednesday
        start_time=datetime.time(18),
        frequency="WEEKLY",
        weekdays="MO",
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "weekdays" in error.value.message_dict


def test_preview_of_a_new_event_shows_its_draft_dates(client, calendars):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    index = calendars.village_calendars[0]
    url = f"/admin/pages/add/events/eventpage/{index.pk}/preview/"
    data = nested_form_data(
        {
            "title": "Luonnos",
            "slug": "luonnos",
            "summary": "Vielä luonnos.",
            "start_date": "2030-06-05",
            "start_time": "18:00",
            "status": "scheduled",
            "frequency": "WEEKLY",
            "interval": "1",
            "repeat_count": "3",
            "description": streamfield([]),
            "date_changes": inline_formset([]),
        }
    )
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Luonnos" in html and html.count("2030-06-") >= 3
    assert not EventOccurrence.objects.exists()


def test_a_changed_date_must_be_a_date_of_the_rule(client, calendars):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    index = calendars.village_calendars[0]
    url = f"/admin/pages/add/events/eventpage/{index.pk}/"

    def post(original_date):
        data = nested_form_data(
            {
                "title": "Kuoro",
                "slug": "kuoro",
                "summary": "Laulamme.",
                "start_date": "2027-01-06",  # a Wednesday, weekly, four times
                "start_time": "18:00",
                "status": "scheduled",
                "frequency": "WEEKLY",
                "interval": "1",
                "repeat_count": "4",
                "description": streamfield([]),
                "date_changes": inline_formset(
                    [{"original_date": original_date, "action": "excluded"}]
                ),
                "action-publish": "publish",
            }
        )
        return client.post(url, data)

    for wrong in ("2027-01-07", "2027-02-03"):  # a Thursday; the fifth Wednesday
        response = post(wrong)
        assert response.status_code == 200
        (change,) = response.context["form"].formsets["date_changes"].forms
        assert "original_date" in change.errors
        assert "Tapahtuma ei toistu tänä päivänä." in response.content.decode()  # admin in fi
    assert not EventPage.objects.filter(slug="kuoro").exists()
    assert post("2027-01-27").status_code == 302
    fi = EventOccurrence.objects.filter(event__slug="kuoro", event__locale__language_code="fi")
    assert fi.count() == 3
