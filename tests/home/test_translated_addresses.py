"""Translated addresses: the calendar and search in each language's words, and the other
languages' words leading there (home.translated_addresses)."""

import pytest
from wagtail.models import PageViewRestriction

from home.translation import translate_page
from tests.events.factories import EventIndexPageFactory, EventPageFactory


def get(client, address):
    return client.get(address, HTTP_HOST="localhost")


@pytest.fixture
def calendar(region):
    """A village calendar whose Swedish and English translations have their own slugs."""
    village = region.villages[0]
    index = EventIndexPageFactory(parent=village)
    EventPageFactory(parent=index, title="Kylätanssit", slug="kylatanssit")
    for code in ("sv", "en"):
        translate_page(region.home, code)
        translate_page(village, code)
    translate_page(index, "sv", title="Evenemang", slug="evenemang")
    translate_page(index, "en", title="Events", slug="events")
    for code in ("sv", "en"):
        translate_page(index.get_children().get().specific, code)
    return index


@pytest.mark.parametrize(
    ("address", "target"),
    [
        ("/sv/haku/?q=bibliotek", "/sv/sok/?q=bibliotek"),
        ("/en/haku/", "/en/search/"),
        ("/fi/search/?q=kirjasto&kind=news", "/fi/haku/?q=kirjasto&kind=news"),
        ("/en/sok/", "/en/search/"),
    ],
)
def test_search_has_its_address_in_each_language_and_the_others_lead_there(
    client, region, address, target
):
    response = get(client, address)
    assert response.status_code == 301
    assert response["Location"] == target
    page = get(client, target)
    assert page.status_code == 200
    assert f'<html lang="{target[1:3]}"' in page.content.decode()


def test_the_search_form_in_the_header_goes_to_the_languages_own_address(client, calendar):
    html = get(client, calendar.get_translation(_locale("sv")).url).content.decode()
    assert 'action="/sv/sok/"' in html


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_a_calendar_address_in_finnish_words_leads_to_the_swedish_calendar(client, calendar):
    village = calendar.get_parent()
    base = f"/sv/{village.slug}/"
    assert get(client, base + "evenemang/").status_code == 200
    for asked, target in [
        ("tapahtumat/", "evenemang/"),
        ("tapahtumat/month/2026/12/?village=x", "evenemang/month/2026/12/?village=x"),
        ("tapahtumat/feed.ics", "evenemang/feed.ics"),
        ("tapahtumat/kylatanssit/", "evenemang/kylatanssit/"),
    ]:
        response = get(client, base + asked)
        assert (response.status_code, response["Location"]) == (301, base + target), asked
        assert get(client, base + target).status_code == 200, target
    # English words in Finnish, and Swedish in English, too.
    response = get(client, f"/fi/{village.slug}/events/")
    assert response["Location"] == f"/fi/{village.slug}/{calendar.slug}/"
    response = get(client, f"/en/{village.slug}/evenemang/")
    assert response["Location"] == f"/en/{village.slug}/events/"


def test_unknown_and_private_addresses_stay_not_found(client, calendar):
    village = calendar.get_parent()
    assert get(client, f"/sv/{village.slug}/ei-ole/").status_code == 404
    # Under a page that is found, what follows is the Swedish page's to answer: its not found.
    response = get(client, f"/sv/{village.slug}/tapahtumat/ei-ole/")
    assert response["Location"] == f"/sv/{village.slug}/evenemang/ei-ole/"
    assert get(client, response["Location"]).status_code == 404
    assert get(client, "/sv/haku/extra/").status_code == 404
    # A private page's translated address is not given away by a redirect.
    swedish = calendar.get_translation(_locale("sv"))
    PageViewRestriction.objects.create(
        page=swedish, restriction_type=PageViewRestriction.PASSWORD, password="salainen"
    )
    assert get(client, f"/sv/{village.slug}/tapahtumat/").status_code == 404
