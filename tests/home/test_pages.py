"""What a visitor sees: every page type in three languages, the switcher, fallbacks, errors."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage, Topic, VillagePage
from home.translation import translate_page
from tests.factories import NewsPageFactory
from tests.helpers import signed_in


def page_in(page, code):
    return page.get_translation(Locale.objects.get(language_code=code))


def test_page_types_only_accept_the_tree_of_the_design(db):
    assert {VillagePage, NewsIndexPage, StandardPage} <= set(HomePage.allowed_subpage_models())
    assert NewsPage not in HomePage.allowed_subpage_models()
    assert VillagePage not in VillagePage.allowed_subpage_models()
    assert VillagePage.allowed_parent_page_models() == [HomePage]
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsPage.allowed_subpage_models() == []
    assert not NewsPage.can_create_at(Page.get_first_root_node())
    assert not VillagePage.can_create_at(NewsIndexPage())
    assert StandardPage.allowed_parent_page_models() == [HomePage, VillagePage, StandardPage]


def test_news_image_requires_alt_text(region):
    from wagtail_factories import ImageFactory

    news = NewsPage.objects.first()
    news.image = ImageFactory()
    news.image_alt = " "
    with pytest.raises(ValidationError) as error:
        news.full_clean()
    assert "image_alt" in error.value.message_dict


@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_every_page_type_renders_in_each_language(client, translated_region, code):
    region = translated_region
    pages = [
        region.home,
        region.villages[0],
        region.news_index,
        region.village_news_indexes[0],
        NewsPage.objects.filter(locale__language_code="fi").first(),
        StandardPage.objects.filter(locale__language_code="fi").first(),
    ]
    for source in pages:
        page = page_in(source, code)
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert page.url.startswith(f"/{code}/")
        assert f'<html lang="{code}">' in html
        title = source.title if code == "fi" else f"{source.title} [{code}]"
        assert f"<h1>{title}</h1>" in html


def test_ui_strings_are_translated(client, translated_region):
    skip_link = {"fi": "Siirry sisältöön", "sv": "Hoppa till innehållet", "en": "Skip to content"}
    for code, text in skip_link.items():
        html = client.get(f"/{code}/").content.decode()
        assert text in html, code


def test_root_redirects_to_the_visitors_language(client, region):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="sv").url == "/sv/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de").url == "/fi/"


def test_language_switcher_leads_to_the_same_page_in_another_language(client, translated_region):
    village = translated_region.villages[0]
    html = client.get(village.url).content.decode()
    for code in ("sv", "en"):
        assert f'href="{page_in(village, code).url}"' in html


def test_switcher_says_when_a_page_has_no_translation_yet(client, region):
    translate_page(region.home, "sv", title="Himos-regionen")
    village = region.villages[0]
    html = client.get(village.url).content.decode()
    # No Swedish village yet: the switcher leads to the Swedish front page and says why.
    assert 'href="/sv/"' in html
    assert "inte översatt: startsidan" in html


def test_untranslated_page_falls_back_visibly_to_finnish(client, region):
    translate_page(region.home, "sv", title="Himos-regionen")
    fi, sv = Locale.objects.get(language_code="fi"), Locale.objects.get(language_code="sv")
    synchronize_tree(fi, sv)  # what wagtail-localize does for a synchronised locale
    news = NewsPage.objects.filter(locale=fi).first()
    alias = news.get_translation(sv)
    response = client.get(alias.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert '<main id="main" tabindex="-1" class="container" lang="fi">' in html
    assert "visas på finska" in html
    assert news.title in html
    # The Finnish page's switcher marks the Swedish link as Finnish text.
    assert "på finska" in client.get(news.url).content.decode()
    # Where it is listed, its title reads in Finnish and says so, in Swedish.
    listing = client.get(alias.get_parent().url).content.decode()
    hint = '<span class="untranslated-hint" lang="sv">(på finska)</span>'
    assert f'<span lang="fi">{news.title}</span> {hint}</a>' in listing


def test_hreflang_alternates_list_real_translations(client, translated_region):
    html = client.get("/fi/").content.decode()
    for code in ("fi", "sv", "en"):
        assert f'<link rel="alternate" hreflang="{code}" href="http://localhost/{code}/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://localhost/fi/">' in html


@pytest.mark.parametrize(
    "code, text",
    [("fi", "Sivua ei löytynyt"), ("sv", "Sidan hittades inte"), ("en", "Page not found")],
)
def test_404_page_is_in_the_visitors_language(client, region, code, text):
    response = client.get(f"/{code}/ei-ole-olemassa/")
    assert response.status_code == 404
    assert text in response.content.decode()


@pytest.mark.parametrize(
    "code, text",
    [("fi", "Jokin meni vikaan"), ("sv", "Något gick fel"), ("en", "Something went wrong")],
)
def test_500_page_is_in_the_visitors_language(region, monkeypatch, code, text):
    from django.test import Client

    if code != "fi":
        translate_page(region.home, code, title=f"Himos [{code}]")

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in a page")

    monkeypatch.setattr(HomePage, "get_context", broken)
    response = Client(raise_request_exception=False).get(f"/{code}/")
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert text in html and f'href="/{code}/"' in html


def test_news_page_shows_its_village_and_topics(client, region):
    from tests.factories import TopicFactory

    topic = TopicFactory(name="Kulttuuri")
    news = NewsPageFactory(parent=region.village_news_indexes[1], title="Kesäteatteri")
    news.topics.add(topic)
    news.save_revision().publish()
    html = client.get(news.url).content.decode()
    assert "Kuorevesi" in html
    assert "Kulttuuri" in html


def test_region_news_index_aggregates_villages_and_filters_by_village(client, region):
    index_url = region.news_index.url
    html = client.get(index_url).content.decode()
    assert "Länkipohja: uutinen 1" in html and "Kuorevesi: uutinen 1" in html
    html = client.get(index_url, {"village": "kuorevesi"}).content.decode()
    assert "Kuorevesi: uutinen 1" in html and "Länkipohja: uutinen 1" not in html


def test_village_news_index_lists_only_its_own_village(client, region):
    html = client.get(region.village_news_indexes[0].url).content.decode()
    assert "Länkipohja: uutinen 1" in html and "Kuorevesi: uutinen 1" not in html


def test_news_listing_paginates(client, region, settings):
    settings.KYLATORI_PAGE_SIZE = 2
    for number in range(3):
        NewsPageFactory(parent=region.village_news_indexes[0], title=f"Lisäuutinen {number}")
    first = client.get(region.news_index.url).content.decode()
    assert 'rel="next"' in first
    third = client.get(region.news_index.url, {"page": 3}).content.decode()
    assert 'aria-current="page"' in third and 'rel="prev"' in third


def test_sitemap_lists_every_language_but_not_aliases(client, region):
    translate_page(region.home, "sv", title="Himos-regionen")
    synchronize_tree(Locale.objects.get(language_code="fi"), Locale.objects.get(language_code="sv"))
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/fi/lankipohja/</loc>" in xml
    assert "<loc>http://localhost/sv/</loc>" in xml
    assert "http://localhost/sv/lankipohja/" not in xml  # an alias showing Finnish text


def test_robots_txt_points_to_the_sitemap(client, region):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    # The Site's address (the default Site for an unknown host), not the request's host.
    assert "Sitemap: http://localhost/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_footer_links_to_accessibility_statement_in_visitors_language(client, translated_region):
    from home.models import SiteSettings

    statement = StandardPage.objects.get(slug="saavutettavuus", locale__language_code="fi")
    settings = SiteSettings.for_site(translated_region.site)
    settings.accessibility_statement = statement
    settings.save()
    html = client.get("/sv/").content.decode()
    assert f'<a href="{page_in(statement, "sv").url}">Tillgänglighetsutlåtande</a>' in html


def test_home_and_village_pages_show_latest_news_with_link_to_all(client, region):
    village_html = client.get(region.villages[0].url).content.decode()
    assert "Länkipohja: uutinen 1" in village_html and "Kuorevesi: uutinen 1" not in village_html
    assert f'href="{region.village_news_indexes[0].url}"' in village_html
    home_html = client.get(region.home.url).content.decode()
    assert "Länkipohja: uutinen 1" in home_html and "Kuorevesi: uutinen 1" in home_html
    assert f'href="{region.villages[1].url}"' in home_html


def test_language_switch_keeps_the_filters_and_page_number(client, translated_region):
    index = translated_region.news_index
    html = client.get(index.url, {"village": "kuorevesi", "page": "1"}).content.decode()
    assert f'href="{page_in(index, "sv").url}?village=kuorevesi&amp;page=1"' in html


def test_village_menu_marks_the_pages_still_shown_in_finnish(client, region):
    from tests.factories import StandardPageFactory

    village = region.villages[0]
    StandardPageFactory(parent=village, title="Kylätalo", show_in_menus=True)
    translate_page(region.home, "sv", title="Himos-regionen")
    translate_page(village, "sv")
    translate_page(region.village_news_indexes[0], "sv", title="Nyheter")
    fi, sv = Locale.objects.get(language_code="fi"), Locale.objects.get(language_code="sv")
    synchronize_tree(fi, sv)  # the hall's page gets a Swedish stand-in showing the Finnish page
    html = client.get(village.get_translation(sv).url).content.decode()
    menu = html[html.index('<nav class="village-nav') :]
    menu = menu[: menu.index("</nav>")]
    # Read in Finnish by a screen reader, and said to be Finnish in Swedish.
    hint = '<span class="untranslated-hint" lang="sv">(på finska)</span>'
    assert f'<span lang="fi">Kylätalo</span> {hint}</a>' in menu
    # The translated news index carries no hint.
    assert ">Nyheter</a>" in menu and menu.count("på finska") == 1


def test_the_images_description_is_the_alt_text_unless_the_page_gives_one(client, region):
    from django.contrib.auth import get_user_model
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
    from wagtail_factories import ImageFactory

    client.force_login(get_user_model().objects.create_superuser("admin", password="x"))
    picture = ImageFactory(title="Laituri", description="Uusi laituri järven rannassa")
    index = region.village_news_indexes[0]

    def publish(slug, alt):
        data = {
            "title": "Laituri valmis",
            "slug": slug,
            "date": "2027-05-01",
            "lead": "Talkoot onnistuivat.",
            "image": picture.pk,
            "image_alt": alt,
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
        response = client.post(
            f"/admin/pages/add/home/newspage/{index.pk}/", nested_form_data(data)
        )
        assert response.status_code == 302
        page = NewsPage.objects.get(slug=slug, locale__language_code="fi")
        html = client.get(page.url, HTTP_HOST="localhost").content.decode()
        return page.image_alt, html

    alt, html = publish("laituri", "")  # typed once, at upload
    assert alt == "Uusi laituri järven rannassa"
    assert 'alt="Uusi laituri järven rannassa"' in html
    alt, html = publish("laituri-2", "Laituri talkoopäivänä")
    assert alt == "Laituri talkoopäivänä" and 'alt="Laituri talkoopäivänä"' in html
    # Neither: still the page's own error.
    picture.description = ""
    picture.save()
    news = NewsPage.objects.get(slug="laituri", locale__language_code="fi")
    news.image_alt = ""
    with pytest.raises(ValidationError):
        news.full_clean()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", ["Kulttuuri", "Liikunta", "Luonto"]), ("sv", ["Idrott", "Kultur", "Natur"])],
)
def test_topics_are_offered_once_each_in_the_editors_language(client, region, language, expected):
    from django.contrib.auth import get_user_model

    from tests.factories import TopicFactory

    for fi, sv, en in [("Kulttuuri", "Kultur", "Culture"), ("Liikunta", "Idrott", "Sports"),
                       ("Luonto", "Natur", "Nature")]:  # fmt: skip
        topic = TopicFactory(name=fi)
        for code, name in (("sv", sv), ("en", en)):
            translation = topic.copy_for_translation(Locale.objects.get(language_code=code))
            translation.name = name
            translation.save()
    user = get_user_model().objects.create_superuser("admin", password="x")
    signed_in(client, user, language)
    index = region.village_news_indexes[0]
    for address in (
        f"/admin/pages/add/home/newspage/{index.pk}/",
        "/admin/snippets/directory/association/add/",
    ):
        html = client.get(address).content.decode()
        boxes = re.findall(
            r'<input type="checkbox" name="topics" value="(\d+)"[^>]*>\s*([^<]+?)\s*</label>', html
        )
        assert [label for _pk, label in boxes] == expected, address
        fi_topics = Topic.objects.filter(locale__language_code="fi")
        assert {int(pk) for pk, _label in boxes} == set(fi_topics.values_list("pk", flat=True))
