"""The search page finds what residents type, in their language and region, and stays current."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from wagtail.models import Locale, PageViewRestriction

from home.models import NewsPage
from home.translation import translate_page
from search.models import SearchDocument
from tests.conftest import translate_tree
from tests.directory.factories import AssociationFactory, DirectoryPageFactory, ServiceFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import NewsPageFactory, StandardPageFactory, publish

from .conftest import search

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def news(index, title, lead="Kylällä tapahtuu.", **fields):
    return publish(NewsPageFactory(parent=index, title=title, lead=lead, **fields))


@pytest.fixture
def meeting(region):
    return news(
        region.village_news_indexes[0],
        "Kyläyhdistyksen syyskokous kylätalolla",
        lead="Syyskokous valitsee hallituksen ensi vuodelle.",
    )


def test_inflected_query_finds_the_base_form_in_a_compound(client, meeting):
    for query in ("yhdistykset", "kyläyhdistys", "syyskokoukseen", "kylätalo"):
        response, titles = search(client, query)
        assert titles == ["Kyläyhdistyksen syyskokous kylätalolla"], query


def test_result_shows_type_village_date_and_highlighted_excerpt(client, meeting):
    response, titles = search(client, "hallitus")
    html = response.content.decode()
    assert "1 tulos haulla ”hallitus”" in html
    assert "<span>Uutinen</span> · <span>Länkipohja</span>" in html
    assert f'datetime="{meeting.date:%Y-%m-%d}"' in html
    assert "valitsee <mark>hallituksen</mark> ensi" in html


def test_results_are_limited_to_the_visitors_language(client, meeting):
    translate_page(
        meeting, "sv", title="Byaföreningens höstmöte", lead="Höstmötet väljer styrelse."
    )
    assert search(client, "yhdistys", language="sv")[1] == []
    assert search(client, "förening", language="sv")[1] == ["Byaföreningens höstmöte"]
    assert search(client, "förening", language="fi")[1] == []


def test_untranslated_page_is_not_found_as_finnish_text_in_swedish(client, meeting):
    # Its Swedish stand-in (an alias) shows the Finnish text: not a Swedish result.
    assert search(client, "syyskokous", language="sv")[1] == []


def test_results_are_limited_to_the_region_of_the_address(client, region, second_region):
    news(region.village_news_indexes[0], "Pilkkikilpailu Länkipohjassa")
    news(second_region.village_news_indexes[0], "Pilkkikilpailu Kausalassa")
    assert search(client, "pilkkikilpailu")[1] == ["Pilkkikilpailu Länkipohjassa"]
    assert search(client, "pilkkikilpailu", host="iitti.localhost")[1] == [
        "Pilkkikilpailu Kausalassa"
    ]


def test_village_and_type_filters_narrow_the_results(client, region):
    first, second = region.village_news_indexes
    news(first, "Talkoot rannalla")
    news(second, "Talkoot koululla")
    StandardPageFactory(parent=region.villages[1], title="Talkoohistoriaa")
    publish(region.villages[1].get_children().last().specific)
    assert len(search(client, "talkoot")[1]) == 3
    kuorevesi = region.villages[1].slug
    assert sorted(search(client, "talkoot", village=kuorevesi)[1]) == [
        "Talkoohistoriaa",
        "Talkoot koululla",
    ]
    assert search(client, "talkoot", village=kuorevesi, kind="news")[1] == ["Talkoot koululla"]
    # Unknown filter values are ignored rather than an error.
    assert len(search(client, "talkoot", village="nowhere", kind="<script>")[1]) == 3


def test_title_matches_rank_before_mentions_in_the_text(client, region):
    index = region.village_news_indexes[0]
    news(index, "Kesäkuun tapahtumia", lead="Ohjelmassa myös pesäpallo.")
    news(index, "Pesäpallo-ottelu lauantaina")
    assert search(client, "pesäpalloa")[1] == ["Pesäpallo-ottelu lauantaina", "Kesäkuun tapahtumia"]


def test_when_no_result_has_every_word_those_with_some_are_shown(client, meeting):
    response, titles = search(client, "syyskokous hiihtokilpailu")
    assert titles == ["Kyläyhdistyksen syyskokous kylätalolla"]
    assert "nämä tulokset sisältävät jotkin niistä" in response.content.decode()


def test_directory_entries_are_found_and_link_to_their_page(client, region):
    village = region.villages[0]
    DirectoryPageFactory(parent=village)
    service = ServiceFactory(
        name="Kirjastoauto, Länkipohjan pysäkki",
        slug="kirjastoauto",
        description="Kirjastoauto pysähtyy kylätalon pihassa.",
        villages=[village],
        live=False,
    )
    publish(service)
    response, titles = search(client, "kirjasto")
    assert titles == ["Kirjastoauto, Länkipohjan pysäkki"]
    assert 'href="/fi/lankipohja/hakemisto/palvelu/kirjastoauto/"' in response.content.decode()
    assert client.get("/fi/lankipohja/hakemisto/palvelu/kirjastoauto/").status_code == 200


def test_directory_entry_leaves_the_index_when_unpublished_or_deleted(client, region):
    DirectoryPageFactory(parent=region.villages[0])
    club = publish(
        AssociationFactory(name="Metsästysseura Erä", villages=[region.villages[0]], live=False)
    )
    assert search(client, "metsästys")[1] == ["Metsästysseura Erä"]
    club.unpublish()
    assert search(client, "metsästys")[1] == []
    publish(club).delete()
    assert search(client, "metsästys")[1] == []
    assert not SearchDocument.objects.filter(title="Metsästysseura Erä").exists()


def test_event_shows_its_next_date(client, region):
    calendar = EventIndexPageFactory(parent=region.villages[0])
    with time_machine.travel(datetime.datetime(2026, 6, 3, 12, 0, tzinfo=HELSINKI), tick=False):
        EventPageFactory(
            parent=calendar,
            title="Lukupiiri",
            start_date=datetime.date(2026, 5, 18),  # Mondays
            frequency="WEEKLY",
            repeat_count=10,
        )
        response, titles = search(client, "lukupiirissä")
    assert titles == ["Lukupiiri"]
    html = response.content.decode()
    assert 'seuraavaksi <time datetime="2026-06-08">' in html


def test_unpublished_deleted_and_private_pages_leave_the_results(client, region, meeting):
    assert search(client, "syyskokous")[1]
    meeting.unpublish()
    assert search(client, "syyskokous")[1] == []
    meeting = publish(meeting)
    PageViewRestriction.objects.create(page=meeting, restriction_type="login")
    assert search(client, "syyskokous")[1] == []
    PageViewRestriction.objects.filter(page=meeting).delete()
    assert search(client, "syyskokous")[1]
    meeting.delete()
    assert search(client, "syyskokous")[1] == []


def test_moved_page_is_found_in_its_new_village(client, region, meeting):
    kuorevesi = region.villages[1].slug
    assert search(client, "syyskokous", village=kuorevesi)[1] == []
    meeting.move(region.village_news_indexes[1], pos="last-child")
    response, titles = search(client, "syyskokous", village=kuorevesi)
    assert titles == ["Kyläyhdistyksen syyskokous kylätalolla"]
    assert "/fi/kuorevesi/uutiset/" in response.content.decode()


def test_renamed_village_changes_the_result_address(client, region, meeting):
    village = region.villages[0]
    village.slug = "lankipohjan-kyla"
    publish(village)
    response, _ = search(client, "syyskokous")
    assert "/fi/lankipohjan-kyla/uutiset/" in response.content.decode()


def test_update_index_rebuilds_the_same_index(client, meeting, region):
    before = search(client, "yhdistykset")[1]
    SearchDocument.objects.all().delete()
    assert search(client, "yhdistykset")[1] == []
    call_command("update_index", verbosity=0)
    assert search(client, "yhdistykset")[1] == before


@pytest.mark.parametrize(
    "query",
    [
        '"kylä',
        "kylä AND OR NOT",
        "-kylä +talo* ~1 ^2 (a:b) [x TO y]",
        "'; DROP TABLE search_searchterm; --",
        "%_%",
        "\x00\x07\x1b[2J kylä",
        "!!! ??? ...",
        "kylä " * 2_000,
        "ö" * 10_000,
        "\u202e\u200b",
        "🎉 kylätalo 🎉",
    ],
)
def test_hostile_queries_answer_with_results_or_a_message(client, meeting, query):
    response, titles = search(client, query)
    html = response.content.decode()
    assert 'role="status"' in html
    assert "<script" not in html.split("<main", 1)[1].lower()


def test_empty_result_explains_what_to_try(client, meeting, region):
    response, titles = search(
        client, "purjelentokone", kind="news", village=region.villages[0].slug
    )
    html = response.content.decode()
    assert titles == []
    assert "Hae kaikista kylistä ja kaikista tyypeistä" in html
    assert "?q=purjelentokone" in html


def test_search_box_is_in_the_header_of_every_page(client, region):
    html = client.get(region.home.url, HTTP_HOST="localhost").content.decode()
    assert 'role="search"' in html and 'action="/fi/haku/"' in html


@pytest.mark.parametrize(
    ("language", "heading", "label"),
    [("fi", "Haku", "Hakusana"), ("sv", "Sök", "Sökord"), ("en", "Search", "Search for")],
)
def test_search_page_speaks_the_visitors_language(client, region, language, heading, label):
    html = search(client, "", language=language)[0].content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'<label for="search-q">{label}</label>' in html


def test_results_page_query_count_does_not_grow_with_the_results(
    client, region, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = region.village_news_indexes[0]
    counts = []
    for size in (15, 60):
        for number in range(len(counts) * 15, size):
            news(index, f"Kylätalon tapahtuma {number}", lead="Tervetuloa kylätalolle.")
        search(client, "kylätalo")  # fills the per-process caches (site, content types)
        with django_assert_max_num_queries(24), CaptureQueriesContext(connection) as queries:
            response, titles = search(client, "kylätalo")
        assert len(titles) == 12  # a full page of results, whatever the total
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_translated_page_is_found_in_its_language(client, meeting):
    locale = Locale.objects.get(language_code="en")
    translate_page(meeting, "en", title="Village association autumn meeting", lead="Board vote.")
    assert search(client, "meetings", language="en")[1] == ["Village association autumn meeting"]
    english = NewsPage.objects.get(locale=locale, translation_key=meeting.translation_key)
    english.unpublish()
    assert search(client, "meetings", language="en")[1] == []


def translate_with_wagtail_localize(instance, language_code, translations):
    """Translate `instance` as an editor does in wagtail-localize: strings, then publish."""
    from wagtail_localize.models import StringTranslation, TranslationSource

    source, _ = TranslationSource.get_or_create_from_instance(instance)
    locale = Locale.objects.get(language_code=language_code)
    for segment in source.stringsegment_set.select_related("string"):
        if segment.string.data in translations:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=translations[segment.string.data],
            )
    source.create_or_update_translation(locale, fallback=True, copy_parent_pages=True)


def test_entry_translated_in_wagtail_localize_is_found_in_its_language(
    client, region, django_capture_on_commit_callbacks
):
    DirectoryPageFactory(parent=region.villages[0])
    translate_tree(region.home, ["sv"])  # the Swedish tree the entry is shown in
    club = publish(
        AssociationFactory(name="Länkipohjan metsästysseura", villages=[region.villages[0]])
    )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        translate_with_wagtail_localize(
            club, "sv", {"Länkipohjan metsästysseura": "Jaktföreningen i Länkipohja"}
        )
    response, titles = search(client, "jaktförening", language="sv")
    assert titles == ["Jaktföreningen i Länkipohja"]
    assert "/sv/" in response.content.decode().split("search-result__title", 1)[1][:80]
    assert search(client, "metsästysseurat")[1] == ["Länkipohjan metsästysseura"]


def test_page_translated_in_wagtail_localize_is_found_in_its_language(
    client, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_wagtail_localize(
            meeting, "en", {"Kyläyhdistyksen syyskokous kylätalolla": "Autumn meeting"}
        )
    assert search(client, "meeting", language="en")[1] == ["Autumn meeting"]


def test_empty_swedish_result_offers_the_finnish_pages(client, meeting):
    response, titles = search(client, "syyskokous", language="sv")
    assert titles == []
    assert 'href="/fi/haku/?q=syyskokous" hreflang="fi"' in response.content.decode()
    assert "Sök bland sidorna på finska" in response.content.decode()
    assert search(client, "syyskokous")[1] == ["Kyläyhdistyksen syyskokous kylätalolla"]
