"""Opening-hours status as a visitor reads it, at frozen Helsinki times."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine
from django.utils import timezone, translation

from directory.hours import DatedHours, OpeningHours, Range

HELSINKI = ZoneInfo("Europe/Helsinki")


def at(*args):
    return time_machine.travel(datetime(*args, tzinfo=HELSINKI), tick=False)


def status_text(hours, language="en"):
    with translation.override(language):
        return hours.status(timezone.now()).text


def shop():
    """Mon–Fri 9–16, Sat 10–14, Sunday closed."""
    weekly = {day: [Range(time(9), time(16))] for day in range(5)}
    weekly[5] = [Range(time(10), time(14))]
    return OpeningHours(weekly=weekly)


def test_open_on_an_ordinary_weekday_says_when_it_closes():
    with at(2025, 6, 4, 11, 0):  # Wednesday
        assert status_text(shop()) == "Open, closes 16:00"
        # Times go through Django's localisation (kylatori/formats): English on the 24-hour
        # clock, Finnish and Finland-Swedish with a dot.
        assert "16.00" in status_text(shop(), "fi")
        assert "16.00" in status_text(shop(), "sv")


def test_before_opening_says_it_opens_today():
    with at(2025, 6, 4, 7, 30):
        assert status_text(shop()) == "Closed, opens 09:00"


def test_after_closing_says_it_opens_tomorrow():
    with at(2025, 6, 4, 17, 0):
        assert status_text(shop()) == "Closed, opens tomorrow 09:00"


def test_closed_on_sunday_says_closed_today_and_opens_monday_morning():
    with at(2025, 6, 8, 12, 0):  # Sunday
        assert status_text(shop()) == "Closed today, opens tomorrow 09:00"


def test_saturday_afternoon_names_the_weekday_it_opens():
    with at(2025, 6, 7, 15, 0):  # Saturday after closing, Sunday closed
        assert status_text(shop()) == "Closed, opens Monday 09:00"


def test_several_ranges_a_day():
    hours = OpeningHours(weekly={2: [Range(time(9), time(12)), Range(time(17), time(20))]})
    with at(2025, 6, 4, 13, 0):
        assert status_text(hours) == "Closed, opens 17:00"
    with at(2025, 6, 4, 18, 0):
        assert status_text(hours) == "Open, closes 20:00"


def test_range_past_midnight_is_open_after_midnight_and_closes_that_night():
    bar = OpeningHours(weekly={4: [Range(time(20), time(2))]})  # Friday 20–02
    with at(2025, 6, 6, 23, 0):  # Friday night
        assert status_text(bar) == "Open, closes tomorrow 02:00"
    with at(2025, 6, 7, 1, 30):  # Saturday 01.30, still Friday's range
        assert status_text(bar) == "Open, closes 02:00"
    with at(2025, 6, 7, 2, 30):
        assert status_text(bar) == "Closed today, opens Friday 20:00"


def test_dated_exception_closes_a_normal_day_with_its_reason():
    hours = shop()
    hours.exceptions = [DatedHours(date(2025, 6, 2), date(2025, 6, 6), note="Inventaario")]
    with at(2025, 6, 4, 11, 0):
        status = hours.status(timezone.now())
        assert not status.is_open
        assert status.reason == "Inventaario"
        with translation.override("en"):
            assert hours.status(timezone.now()).text == "Closed today, opens Saturday 10:00"


def test_dated_exception_with_different_hours():
    hours = shop()
    hours.exceptions = [
        DatedHours(
            date(2025, 6, 4), date(2025, 6, 4), closed=False, ranges=(Range(time(12), time(14)),)
        )
    ]
    with at(2025, 6, 4, 11, 0):
        assert status_text(hours) == "Closed, opens 12:00"
    with at(2025, 6, 4, 15, 0):
        assert status_text(hours) == "Closed, opens tomorrow 09:00"


def test_closed_on_a_finnish_public_holiday_when_so_marked():
    # Independence Day, Saturday 6 December 2025.
    hours = shop()
    with at(2025, 12, 6, 11, 0):
        assert status_text(hours) == "Open, closes 14:00"
        hours.closed_on_holidays = True
        status = hours.status(timezone.now())
        assert not status.is_open
        assert status_text(hours) == "Closed today, opens Monday 09:00"
        with translation.override("fi"):
            assert hours.status(timezone.now()).reason == "Itsenäisyyspäivä"


def test_midsummer_eve_and_day_are_both_closed():
    hours = shop()
    hours.closed_on_holidays = True
    with at(2025, 6, 19, 17, 0):  # Thursday before Midsummer Eve (Fri 20 June 2025)
        assert status_text(hours) == "Closed, opens Monday 09:00"


def test_spring_forward_night_range_past_midnight():
    # Last Sunday of March 2025: clocks go from 03.00 to 04.00 in Helsinki.
    club = OpeningHours(weekly={5: [Range(time(22), time(5))]})  # Saturday 22–05
    with at(2025, 3, 30, 2, 30):
        assert status_text(club) == "Open, closes 05:00"
    with at(2025, 3, 30, 4, 30):  # 4.30 summer time, an hour after 2.30 winter time
        assert status_text(club) == "Open, closes 05:00"
    with at(2025, 3, 30, 5, 0):
        assert status_text(club) == "Closed today, opens Saturday 22:00"


def test_fall_back_night_range_past_midnight():
    # Last Sunday of October 2025: clocks go from 04.00 back to 03.00.
    club = OpeningHours(weekly={5: [Range(time(22), time(4))]})
    with at(2025, 10, 26, 3, 30):
        assert status_text(club) == "Open, closes 04:00"
    with at(2025, 10, 26, 4, 15):
        assert status_text(club) == "Closed today, opens Saturday 22:00"


def test_dst_weekend_keeps_regular_morning_hours():
    with at(2025, 3, 30, 23, 0):  # Sunday night after spring forward
        assert status_text(shop()) == "Closed today, opens tomorrow 09:00"
    with at(2025, 3, 31, 9, 0):
        assert status_text(shop()) == "Open, closes 16:00"
    with at(2025, 10, 27, 8, 59):
        assert status_text(shop()) == "Closed, opens 09:00"


def test_week_lists_seven_days_with_exceptions_and_holidays():
    hours = shop()
    hours.closed_on_holidays = True
    hours.exceptions = [DatedHours(date(2025, 12, 8), date(2025, 12, 8), note="Huolto")]
    week = hours.week(date(2025, 12, 5))  # Friday
    assert [day.date.day for day in week] == [5, 6, 7, 8, 9, 10, 11]
    assert week[0].ranges == (Range(time(9), time(16)),)
    assert week[1].is_closed and week[1].is_exception  # Independence Day
    assert week[2].is_closed and not week[2].is_exception  # Sunday
    assert week[3].is_closed and week[3].reason == "Huolto"


def test_no_hours_means_no_status():
    assert OpeningHours().status(timezone.now()) is None
