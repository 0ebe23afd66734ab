"""Dates and times as Finns type them (issue 11): 8.12.2026, 8.12.26, 18, 18.30, 18:30 and
"klo 18.30" are read in the admin and in the calendar's filters, and what cannot be read is a
field error in the user's language, never another value. English pages write British dates
with a 24-hour clock, Swedish ones the Finland-Swedish forms (issue 12)."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import formats, timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventPage
from home import dates
from home.translation import translate_page
from tests.events.factories import EventPageFactory

# Next year's 8 December, so that the event is always to come and its year always allowed.
YEAR = timezone.localdate().year + 1
DAY = datetime.date(YEAR, 12, 8)
WEEKDAYS = {
    "fi": ["maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"],
    "sv": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


@pytest.mark.parametrize("code", ["fi", "sv", "en"])
@pytest.mark.parametrize(
    "typed", [f"8.12.{YEAR}", f"08.12.{YEAR}", f"8.12.{YEAR % 100}", DAY.isoformat()]
)
def test_date_field_reads_finnish_dates_in_every_language(typed, code):
    with translation.override(code):
        assert dates.DateField().clean(typed) == DAY


@pytest.mark.parametrize(
    "typed", ["18.30", "18:30", "klo 18.30", "Klo 18:30", "kl. 18.30", "klo18.30", "18.30.00"]
)
def test_time_field_reads_finnish_times(typed):
    with translation.override("fi"):
        assert dates.TimeField().clean(typed) == datetime.time(18, 30)
        assert dates.TimeField().clean("klo 18") == datetime.time(18)


def test_a_two_digit_year_is_this_century():
    # strptime's %y makes 69 the year 1969.
    assert dates.DateField().clean("1.1.69") == datetime.date(2069, 1, 1)


def test_date_and_time_together():
    with translation.override("fi"):
        moment = dates.DateTimeField().clean(f"8.12.{YEAR % 100} klo 18.30")
    assert timezone.localtime(moment).replace(tzinfo=None) == datetime.datetime(YEAR, 12, 8, 18, 30)


@pytest.mark.parametrize(
    "field, typed, message",
    [
        (dates.DateField, "31.2.2026", "Kirjoita päivämäärä muodossa 8.12.2026."),
        (dates.DateField, "8.12.", "Kirjoita päivämäärä muodossa 8.12.2026."),
        (dates.DateField, "12/8/2026", "Kirjoita päivämäärä muodossa 8.12.2026."),
        (dates.TimeField, "klo", "Kirjoita kellonaika muodossa 18 tai 18.30."),
        (dates.TimeField, "25.00", "Kirjoita kellonaika muodossa 18 tai 18.30."),
        (dates.TimeField, "puoli seitsemän", "Kirjoita kellonaika muodossa 18 tai 18.30."),
    ],
)
def test_unreadable_text_is_an_error_in_finnish(field, typed, message):
    with translation.override("fi"):
        with pytest.raises(ValidationError) as error:
            field().clean(typed)
        assert error.value.messages == [message]


# The admin ------------------------------------------------------------------------------------


def event_form(**fields):
    return nested_form_data(
        {
            "title": "Joulumyyjäiset",
            "slug": "joulumyyjaiset",
            "summary": "Myyjäiset kylätalolla.",
            "status": "scheduled",
            "interval": "1",
            "place_name": "Kylätalo",
            "description": streamfield([]),
            "date_changes": inline_formset([]),
            **fields,
        }
    )


@pytest.fixture
def admin_add_url(client, calendars):
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "pw"))
    return f"/admin/pages/add/events/eventpage/{calendars.village_calendars[0].pk}/"


def test_editor_saves_an_event_typed_the_finnish_way(client, admin_add_url):
    form = event_form(start_date=f"8.12.{YEAR}", start_time="klo 18.30", end_time="20")
    response = client.post(admin_add_url, form)
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="joulumyyjaiset", locale__language_code="fi")
    assert (event.start_date, event.start_time, event.end_time) == (
        DAY,
        datetime.time(18, 30),
        datetime.time(20),
    )
    # The editor sees the dates again in the form the pickers write.
    edit = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert re.search(rf'name="start_date"[^>]*value="08\.12\.{YEAR}"', edit)
    assert re.search(r'name="start_time"[^>]*value="18\.30"', edit)


def test_unreadable_date_is_a_finnish_field_error_and_the_form_keeps_the_rest(
    client, admin_add_url
):
    form = event_form(start_date=f"32.12.{YEAR}", start_time="klo 18.30", end_time="20")
    response = client.post(admin_add_url, form)
    assert response.status_code == 200
    assert not EventPage.objects.filter(slug="joulumyyjaiset").exists()
    html = response.content.decode()
    assert "Kirjoita päivämäärä muodossa 8.12.2026." in html
    assert re.search(rf'name="start_date"[^>]*value="32\.12\.{YEAR}"', html)  # as typed
    assert re.search(r'name="start_time"[^>]*value="klo 18\.30"', html)
    assert 'value="Joulumyyjäiset"' in html


def test_opening_hours_in_the_admin_read_finnish_times():
    """The directory's inline opening hours are admin model forms too."""
    from wagtail.admin.forms.models import formfield_for_dbfield

    from directory.models import ServiceWeeklyHours

    field = formfield_for_dbfield(ServiceWeeklyHours._meta.get_field("opens"))
    assert isinstance(field, dates.TimeField)
    assert field.clean("klo 9") == datetime.time(9)


# Public pages ---------------------------------------------------------------------------------


@pytest.fixture
def christmas_fair(calendars):
    """An event on DAY at 18.30–20, translated into Swedish and English."""
    event = EventPageFactory(
        parent=calendars.village_calendars[0], title="Joulumyyjäiset", start_date=DAY,
        start_time=datetime.time(18, 30), end_time=datetime.time(20),
    )  # fmt: skip
    return {
        code: translate_page(event, code, title=f"Joulumyyjäiset [{code}]")
        if code != "fi"
        else event
        for code in ("fi", "sv", "en")
    }


def text_of(client, url):
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", "", response.content.decode()).split())


def test_event_pages_write_the_date_and_time_as_each_language_does(client, christmas_fair):
    when = {
        "fi": f"8. joulukuuta {YEAR} klo 18.30–20.00",
        "sv": f"8 december {YEAR} kl. 18.30–20.00",
        "en": f"8 December {YEAR}, 18:30–20:00",  # was "Dec. 8, 2027 at 6:30 p.m.–8 p.m."
    }
    for code, event in christmas_fair.items():
        weekday = WEEKDAYS[code][DAY.weekday()]
        assert f"{weekday} {when[code]}" in text_of(client, event.url), code


ERRORS = {
    "fi": "Kirjoita päivämäärä muodossa 8.12.2026.",
    "sv": "Skriv ett datum, till exempel 8.12.2026.",
    "en": "Enter a date such as 8.12.2026.",
}


def test_calendar_filters_read_finnish_dates_in_every_language(client, christmas_fair):
    for code, event in christmas_fair.items():
        calendar_url = event.get_parent().url
        response = client.get(
            f"{calendar_url}?start=8.12.{YEAR % 100}&end=8.12.{YEAR}", HTTP_HOST="localhost"
        )
        html = response.content.decode()
        assert event.title in html, code
        # The browser's date picker takes only ISO dates: the range chosen shows in it.
        assert f'name="start" value="{DAY.isoformat()}"' in html, code
        assert f'name="end" value="{DAY.isoformat()}"' in html, code
        # An unreadable date is explained on the page in the visitor's language.
        text = text_of(client, f"{calendar_url}?start=8.13.{YEAR}")
        assert ERRORS[code] in text, code
    text = text_of(
        client, f"{christmas_fair['en'].get_parent().url}?start=1.12.{YEAR}&end=2.12.{YEAR}"
    )
    assert f"No events between 1 December {YEAR} and 2 December {YEAR}." in text


@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_what_the_admin_pickers_write_is_read_back_in_every_language(code, settings):
    # Wagtail's own check of this (wagtailadmin.E003) runs only with the old USE_L10N setting.
    for picker, inputs in (
        ("WAGTAIL_DATE_FORMAT", "DATE_INPUT_FORMATS"),
        ("WAGTAIL_TIME_FORMAT", "TIME_INPUT_FORMATS"),
        ("WAGTAIL_DATETIME_FORMAT", "DATETIME_INPUT_FORMATS"),
    ):
        assert getattr(settings, picker) in formats.get_format(inputs, lang=code)


@pytest.mark.parametrize(
    "code, date, short_date, time",
    [
        ("fi", "21. marraskuuta 2026", "1.12.2026", "9.00"),
        ("sv", "21 november 2026", "1.12.2026", "9.00"),
        # Was "Nov. 21, 2026", "12/01/2026" and "9 a.m.".
        ("en", "21 November 2026", "1 Dec 2026", "09:00"),
    ],
)
def test_templates_write_dates_as_each_language_does(code, date, short_date, time):
    from django.template import Context, Template

    template = Template(
        '{{ day|date:"DATE_FORMAT" }}|{{ first|date:"SHORT_DATE_FORMAT" }}|'
        '{{ opens|time:"TIME_FORMAT" }}'
    )
    context = Context(
        {"day": datetime.date(2026, 11, 21), "first": datetime.date(2026, 12, 1),
         "opens": datetime.time(9)}
    )  # fmt: skip
    with translation.override(code):
        assert template.render(context) == f"{date}|{short_date}|{time}"
