"""A date cancelled, moved or restored in the Finnish admin (the edit view's list of upcoming
dates) reaches the Swedish translation and the English alias at once, on their pages and in
their feeds; its reason, written in Finnish, says so there ("(på finska)", LANGUAGE=fi)."""

import datetime
import re

import pytest
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from events.models import EventPage
from home.translation import translate_page
from tests.conftest import translate_tree
from tests.events.factories import EventPageFactory
from tests.events.helpers import get_feed, html_of, vevents
from tests.events.test_recurrence_admin import change, next_weekday
from tests.helpers import editors_group, member

REASON = "Kylätalo on remontissa."


@pytest.fixture
def choir(calendars):
    """A weekly choir in Länkipohja, translated into Swedish; English has wagtail-localize's
    alias (the Finnish page under /en/)."""
    translate_tree(calendars.home)
    fi = EventPageFactory(
        parent=calendars.village_calendars[0],
        title="Kuoro",
        start_date=next_weekday(1),
        frequency="WEEKLY",
        weekdays="TU",
        repeat_count=10,
    )
    create_aliases_for_new_page(fi)  # what the admin does when a page is created
    sv = translate_page(fi, "sv", title="Kör", summary="Kören övar.")
    en = EventPage.objects.get(
        translation_key=fi.translation_key, locale=Locale.objects.get(language_code="en")
    )
    assert en.alias_of_id == fi.pk and sv.alias_of_id is None
    return fi, sv, en


@pytest.fixture
def editor(calendars):
    return member("toimittaja", editors_group(calendars.villages[0]))


def dates_list(client, page):
    html = html_of(client, EventPage.objects.get(pk=page.pk).url)
    return re.search(r'<ul class="event-dates">(.*?)</ul>', html, re.S).group(1)


def override_of(client, page, language):
    calendar = get_feed(client, f"/{language}/calendar/event/{page.translation_key}.ics")
    return [event for event in vevents(calendar) if "RECURRENCE-ID" in event]


def test_a_date_cancelled_in_finnish_is_cancelled_in_swedish_and_english_at_once(
    client, choir, editor
):
    fi, sv, en = choir
    second = fi.start_date + datetime.timedelta(days=7)
    client.force_login(editor)
    response = change(client, fi, "cancel", second, reason=REASON)
    assert "myös käännöksissä" in client.get(response["Location"]).content.decode()
    client.logout()

    assert f"peruttu</strong>: {REASON}" in dates_list(client, fi)  # Finnish: no mark
    finnish_mark = f'<span lang="fi">{REASON}</span> <span class="untranslated-hint" lang="sv">'
    swedish = dates_list(client, sv)
    assert "inställt</strong>: " + finnish_mark in swedish and "(på finska)" in swedish
    english = dates_list(client, en)
    assert "cancelled</strong>: " in english and "(in Finnish)" in english

    (override,) = override_of(client, fi, "fi")
    assert str(override["DESCRIPTION"]).startswith(f"Peruttu: {REASON}\n")
    assert "LANGUAGE" not in override["COMMENT"].params
    for language, line in (("sv", "Inställt"), ("en", "Cancelled")):
        (override,) = override_of(client, sv if language == "sv" else en, language)
        assert str(override["STATUS"]) == "CANCELLED"
        assert override.decoded("RECURRENCE-ID").date() == second
        hint = "på finska" if language == "sv" else "in Finnish"
        assert str(override["DESCRIPTION"]).startswith(f"{line}: {REASON} ({hint})")
        assert str(override["COMMENT"]) == REASON
        assert override["COMMENT"].params["LANGUAGE"] == "fi"
    # The Swedish translation got it through a revision of its own, published.
    sv = EventPage.objects.get(pk=sv.pk)
    assert not sv.has_unpublished_changes and sv.title == "Kör"
    assert [(c.original_date, c.action) for c in sv.date_changes.all()] == [(second, "cancelled")]

    # Restored in Finnish: restored in every language.
    client.force_login(editor)
    change(client, fi, "restore", second)
    client.logout()
    for page, language in ((fi, "fi"), (sv, "sv"), (en, "en")):
        assert override_of(client, page, language) == []
    assert "(på finska)" not in dates_list(client, sv)


def test_a_moved_date_reaches_a_translation_with_a_draft_and_keeps_the_draft(client, choir, editor):
    fi, sv, _en = choir
    draft = sv.get_latest_revision_as_object()
    draft.summary = "Kören övar (utkast)."
    draft.save_revision(user=editor)
    client.force_login(editor)
    new_day = fi.start_date + datetime.timedelta(days=1)
    change(
        client, fi, "move", fi.start_date, new_date=f"{new_day.day}.{new_day.month}.{new_day.year}"
    )
    client.logout()
    (override,) = override_of(client, sv, "sv")
    assert override.decoded("DTSTART").date() == new_day
    live = EventPage.objects.get(pk=sv.pk)
    assert live.summary == "Kören övar." and live.has_unpublished_changes
    latest = live.get_latest_revision_as_object()
    assert latest.summary == "Kören övar (utkast)."
    assert [c.action for c in latest.date_changes.all()] == ["moved"]


def test_a_change_kept_in_the_finnish_draft_waits_in_every_language(client, choir, editor):
    fi, sv, _en = choir
    draft = fi.get_latest_revision_as_object()
    draft.title = "Kuoro (luonnos)"
    draft.save_revision(user=editor)
    client.force_login(editor)
    change(client, fi, "cancel", fi.start_date, reason=REASON)
    client.logout()
    for page, language in ((fi, "fi"), (sv, "sv")):
        assert override_of(client, page, language) == []
    assert not EventPage.objects.get(pk=sv.pk).date_changes.exists()
