"""What the public may see, on every public surface, in every language (home.visibility).

A Finnish news page and event page are published in a region whose pages have Swedish and
English translations; the two new pages get Swedish and English stand-ins (wagtail-localize
aliases, as for a page made in the admin), which show the Finnish text. When the Finnish page is
made private, or an ancestor of it is, or it is unpublished, its text must leave every listing,
feed, calendar, search result and the sitemap, in Finnish, Swedish and English alike.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.synctree import create_aliases_for_new_page

from home import visibility
from home.translated_addresses import search_addresses
from home.translation import translate_page
from tests.directory.factories import DirectoryPageFactory, PlaceFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import NewsPageFactory, publish

# In the private pages' titles, leads, places and summaries (and so in their addresses); the
# search query is the other word of the titles, which the search page repeats in its box.
SECRET = "quennix"
QUERY = "Zorblat"
LANGUAGES = ("fi", "sv", "en")


@pytest.fixture
def scene(region):
    """The region translated into sv and en, with calendars and a village directory; then a
    Finnish news item and a weekly event at the village hall, each with sv and en aliases."""
    village = region.villages[0]
    region.event_index = EventIndexPageFactory(parent=region.home)
    region.village_calendar = EventIndexPageFactory(parent=village)
    region.directory = DirectoryPageFactory(parent=village)
    for page in (
        region.home,
        village,
        region.news_index,
        region.village_news_indexes[0],
        region.event_index,
        region.village_calendar,
        region.directory,
    ):  # parents first; only what the surfaces need (each translation costs a publish)
        for code in ("sv", "en"):
            translate_page(page, code, title=f"{page.title} [{code}]")
    region.hall = PlaceFactory(name="Seurantalo", slug="seurantalo", villages=[village])
    region.news = publish(
        NewsPageFactory(
            parent=region.village_news_indexes[0],
            title=f"{QUERY} Quennix uutinen",
            lead="Quennix-hallitus kokoontuu.",
        )
    )
    # Weekly: one date last week (the archive), one this month (month view), more to come.
    region.event = EventPageFactory(
        parent=region.village_calendar,
        title=f"{QUERY} Quennix tapahtuma",
        summary="Quennix-kerho kokoontuu.",
        start_date=timezone.localdate() - datetime.timedelta(days=6),
        frequency="WEEKLY",
        repeat_count=4,
        place=region.hall,
    )
    region.event.refresh_from_db()
    for page in (region.news, region.event):
        create_aliases_for_new_page(page)  # what the admin does when a page is created
        assert page.get_translations().filter(alias_of=page, live=True).count() == 2
    return region


def in_language(page, code):
    return page.get_translation(Locale.objects.get(language_code=code)).specific


def surfaces(client, scene):
    """{address: response text} of every public surface, in every language."""
    month = timezone.localdate()
    addresses = ["/sitemap.xml"]
    for code in LANGUAGES:
        home, village = in_language(scene.home, code), in_language(scene.villages[0], code)
        calendars = [
            in_language(scene.event_index, code),
            in_language(scene.village_calendar, code),
        ]
        news_indexes = [
            in_language(scene.news_index, code),
            in_language(scene.village_news_indexes[0], code),
        ]
        event = in_language(scene.event, code)
        addresses += [home.url, village.url, f"{search_addresses()[code]}?q={QUERY}"]
        for index in news_indexes:
            addresses += [index.url, index.url + "feed/"]
        for calendar in calendars:
            addresses += [
                calendar.url,
                calendar.url + "archive/",
                calendar.url + f"month/{month.year}/{month.month}/",
                calendar.url + "feed.ics",
                f"/{code}/calendar/{calendar.translation_key}.ics",
            ]
        addresses += [
            in_language(scene.directory, code).url + "paikka/seurantalo/",  # upcoming events
            event.url,  # JSON-LD
            event.url + "ical/",
            f"/{code}/calendar/event/{event.translation_key}.ics",
            in_language(scene.news, code).url,
        ]
    texts = {}
    for address in addresses:
        response = client.get(address, HTTP_HOST="localhost")
        assert response.status_code in (200, 302, 404), (address, response.status_code)
        # The address asked for comes back (a password form's return address, the language
        # switcher of a "not found" page): it is not the page's text.
        asked = address.lower().removeprefix(f"/{address[1:3]}")
        texts[address] = response.content.decode().lower().replace(asked, "")
    return texts


def showing_secret(client, scene):
    return sorted(address for address, text in surfaces(client, scene).items() if SECRET in text)


def assert_shown_everywhere_first(client, scene):
    # Proves the surfaces are the right ones: before anything is hidden, each shows the text.
    # (A Swedish or English search offers the Finnish results only as a link: not counted.)
    texts = surfaces(client, scene)
    missing = [address for address, text in texts.items() if SECRET not in text]
    assert sorted(missing) == ["/en/search/?q=Zorblat", "/sv/sok/?q=Zorblat"]


def test_a_private_page_is_on_no_surface_in_any_language(client, scene):
    assert_shown_everywhere_first(client, scene)
    PageViewRestriction.objects.create(page=scene.news, restriction_type="password", password="x")
    PageViewRestriction.objects.create(page=scene.event, restriction_type="login")
    assert showing_secret(client, scene) == []
    # The Swedish stand-ins themselves ask for the password, or for a login.
    response = client.get(in_language(scene.news, "sv").url)
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
    assert client.get(in_language(scene.event, "sv").url).status_code == 302


def test_a_private_ancestor_hides_what_is_below_it_in_every_language(client, scene):
    assert_shown_everywhere_first(client, scene)
    for index in (scene.village_news_indexes[0], scene.village_calendar):
        PageViewRestriction.objects.create(page=index, restriction_type="login")
    assert showing_secret(client, scene) == []


def test_an_unpublished_page_takes_its_aliases_off_every_surface(client, scene):
    assert_shown_everywhere_first(client, scene)
    for page in (scene.news, scene.event):
        page.unpublish()  # Wagtail unpublishes the aliases with it
    # An alias left live by other means (an import, a script) is still not shown.
    alias = in_language(scene.news, "sv")
    type(alias).objects.filter(pk=alias.pk).update(live=True)
    assert not visibility.is_public(alias)
    assert visibility.is_public(in_language(scene.villages[0], "sv"))
    assert showing_secret(client, scene) == []


def test_the_language_switcher_does_not_link_to_a_private_translation(client, scene):
    swedish = in_language(scene.news, "sv")
    translate_page(scene.news, "sv", title=f"Hemligt {SECRET}", slug=f"hemligt-{SECRET}")
    finnish_page = client.get(scene.news.url).content.decode()
    assert f"hemligt-{SECRET}" in finnish_page  # the switcher links to the Swedish page
    PageViewRestriction.objects.create(page=swedish, restriction_type="password", password="x")
    finnish_page = client.get(scene.news.url).content.decode()
    assert SECRET in finnish_page.lower()  # the Finnish page's own text
    assert f"hemligt-{SECRET}" not in finnish_page
    # The private page itself still offers its own language, for those who may read it.
    response = client.get(in_language(scene.news, "sv").url)
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
