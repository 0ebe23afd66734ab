"""References are checked on the server: an editor saves only what they may choose.

A Länkipohja editor's forms refuse Kuorevesi's directory entries and media whatever id is
posted (the chooser's narrowing is no protection against a hand-made POST), with an error in
the editor's language; and the public never sees an entry that is a draft in the directory.
"""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile
from wagtail_factories import ImageFactory

from events.models import EventPage
from home.models import NewsPage, VillageEditors
from tests.directory.factories import AssociationFactory, PlaceFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import publish
from tests.helpers import news_form

FOREIGN = "Vieraskylän salainen"


@pytest.fixture
def setting(region):
    own, other = region.villages
    own_editors = VillageEditors.objects.get(village_key=own.translation_key)
    other_editors = VillageEditors.objects.get(village_key=other.translation_key)
    user = get_user_model().objects.create_user("toimittaja", password="x")
    user.groups.add(own_editors.group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fi"
    profile.save()
    return {
        "user": user,
        "calendar": EventIndexPageFactory(parent=own),
        "news_index": region.village_news_indexes[0],
        "own_place": PlaceFactory(name="Oma kylätalo", villages=[own]),
        "own_association": AssociationFactory(name="Oma seura", villages=[own]),
        "own_image": ImageFactory(title="Oma kuva", collection=own_editors.collection),
        "other_place": PlaceFactory(name=f"{FOREIGN} talo", villages=[other], live=False),
        "other_association": AssociationFactory(name=f"{FOREIGN} seura", villages=[other]),
        "other_image": ImageFactory(title=f"{FOREIGN} kuva", collection=other_editors.collection),
        "other_document": get_document_model().objects.create(
            title=f"{FOREIGN} pöytäkirja", collection=other_editors.collection
        ),
    }


def event_form(**fields):
    data = {
        "title": "Kesäjuhla",
        "slug": "kesajuhla",
        "summary": "Tervetuloa.",
        "start_date": "2027-06-20",
        "start_time": "18:00",
        "status": "scheduled",
        "interval": "1",
        "place": "",
        "organiser": "",
        "image": "",
        "image_alt": "",
        "description": streamfield([]),
        "date_changes": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def add_event(client, calendar, **fields):
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", calendar.pk])
    return client.post(url, event_form(**fields))


def add_news(client, index, **fields):
    url = reverse("wagtailadmin_pages:add", args=["home", "newspage", index.pk])
    return client.post(url, news_form(**fields))


def errors(response):
    assert response.status_code == 200, "the form should come back with errors"
    return {name: " ".join(messages) for name, messages in response.context["form"].errors.items()}


def test_event_refuses_another_villages_place_and_organiser(client, setting):
    client.force_login(setting["user"])
    response = add_event(
        client,
        setting["calendar"],
        place=setting["other_place"].pk,
        organiser=setting["other_association"].pk,
    )
    found = errors(response)
    assert found["place"] == "Valitse oman kyläsi tai alueesi kohde."
    assert found["organiser"] == "Valitse oman kyläsi tai alueesi kohde."
    assert not EventPage.objects.filter(slug="kesajuhla").exists()


def test_event_accepts_own_villages_place_organiser_and_image(client, setting):
    client.force_login(setting["user"])
    response = add_event(
        client,
        setting["calendar"],
        place=setting["own_place"].pk,
        organiser=setting["own_association"].pk,
        image=setting["own_image"].pk,
        image_alt="Juhlakansaa",
    )
    assert response.status_code == 302
    event = EventPage.objects.get(slug="kesajuhla", locale__language_code="fi")
    assert (event.place, event.organiser, event.image) == (
        setting["own_place"],
        setting["own_association"],
        setting["own_image"],
    )


def test_news_refuses_another_villages_image_in_field_and_body(client, setting):
    client.force_login(setting["user"])
    other = setting["other_image"].pk
    found = errors(add_news(client, setting["news_index"], image=other, image_alt="Kuva"))
    assert found["image"] == "Valitse kuva omista kokoelmistasi."
    body = streamfield([("image", {"image": other, "caption": ""})])
    found = errors(add_news(client, setting["news_index"], body=body))
    assert "body" in found
    assert not NewsPage.objects.filter(slug="uutinen-x").exists()


def test_news_refuses_a_link_to_another_villages_document(client, setting):
    client.force_login(setting["user"])
    link = f'<p><a linktype="document" id="{setting["other_document"].pk}">pöytäkirja</a></p>'
    body = streamfield([("paragraph", rich_text(link))])
    found = errors(add_news(client, setting["news_index"], body=body))
    assert found["body"] == "Teksti viittaa kuvaan tai asiakirjaan, joka ei ole kokoelmissasi."


def test_swedish_editor_reads_the_error_in_swedish(client, setting):
    UserProfile.objects.filter(user=setting["user"]).update(preferred_language="sv")
    client.force_login(setting["user"])
    response = add_event(client, setting["calendar"], place=setting["other_place"].pk)
    assert "place" in errors(response)
    assert "Välj en post i din egen by eller region." in response.content.decode()


def test_association_refuses_another_villages_logo_and_meeting_place(client, setting, region):
    client.force_login(setting["user"])
    response = client.post(
        reverse("wagtailsnippets_directory_association:add"),
        {
            "name": "Uusi seura",
            "slug": "uusi-seura",
            "villages": [region.villages[0].pk],
            "logo": setting["other_image"].pk,
            "meeting_place": setting["other_place"].pk,
        },
    )
    found = errors(response)
    assert found["logo"] == "Valitse kuva omista kokoelmistasi."
    assert found["meeting_place"] == "Valitse oman kyläsi tai alueesi kohde."


def test_a_reference_set_by_regional_staff_survives_the_editors_save(client, setting):
    """The editor may keep what is there; only a new foreign choice is refused."""
    event = EventPageFactory(
        parent=setting["calendar"], slug="kesajuhla", organiser=setting["other_association"]
    )
    client.force_login(setting["user"])
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    response = client.post(
        url, event_form(organiser=setting["other_association"].pk, summary="Uusi kuvaus.")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.summary == "Uusi kuvaus." and event.organiser == setting["other_association"]
    found = errors(client.post(url, event_form(place=setting["other_place"].pk)))
    assert "place" in found


def test_superuser_chooses_anything(client, setting):
    admin = get_user_model().objects.create_superuser("admin", password="x")
    client.force_login(admin)
    other = {"place": setting["other_place"].pk, "image": setting["other_image"].pk}
    response = add_event(client, setting["calendar"], image_alt="Kuva", **other)
    assert response.status_code == 302


def test_public_event_shows_nothing_of_a_draft_place_or_organiser(client, setting):
    place = setting["other_place"]  # a draft: never published
    organiser = AssociationFactory(
        name=f"{FOREIGN} kerho",
        email="salainen@example.fi",
        url="https://salainen.example.fi/",
        villages=place.villages.all(),
        live=False,
    )
    Place = type(place)
    Place.objects.filter(pk=place.pk).update(street_address="Piilotie 9")
    event = EventPageFactory(
        parent=setting["calendar"],
        slug="juhla",
        place=place,
        organiser=organiser,
        place_name="Kylän kenttä",
        street_address="Kenttätie 1",
    )
    page = client.get(event.url)
    ical = client.get(event.url + "ical/")
    assert page.status_code == 200 and ical.status_code == 200
    html, calendar = page.content.decode(), ical.content.decode()
    for text in (html, calendar):
        for secret in (FOREIGN, "Piilotie", "salainen@example.fi", "salainen.example.fi"):
            assert secret not in text
    assert "Kylän kenttä" in html and "Kylän kenttä" in calendar
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["location"]["name"] == "Kylän kenttä"
    assert "organizer" not in data


def test_unpublishing_a_place_takes_it_out_of_the_events_feed(client, setting):
    place = setting["own_place"]
    event = EventPageFactory(parent=setting["calendar"], slug="juhla", place=place, place_name="")
    assert "Oma kylätalo" in client.get(event.url + "ical/").content.decode()
    place = publish(place)
    place.unpublish()
    assert "Oma kylätalo" not in client.get(event.url + "ical/").content.decode()


def test_collections_are_not_shared_by_default(setting):
    # The fixture's premise: the two villages' media live in separate collections.
    assert Collection.objects.filter(name__in=["Länkipohja", "Kuorevesi"]).count() == 2


def test_admin_api_and_choosers_answer_with_own_media_and_entries_only(client, setting):
    client.force_login(setting["user"])
    listing = client.get("/admin/api/main/images/").content.decode()
    assert "Oma kuva" in listing and FOREIGN not in listing
    own, other = setting["own_image"].pk, setting["other_image"].pk
    assert client.get(f"/admin/api/main/images/{own}/").status_code == 200
    document = setting["other_document"].pk
    chosen = "/admin/snippets/choose/directory/place/chosen/{}/"
    assert client.get(chosen.format(setting["own_place"].pk)).status_code == 200
    for url in (
        f"/admin/api/main/images/{other}/",
        f"/admin/api/main/documents/{document}/",
        chosen.format(setting["other_place"].pk),
    ):
        # Not found (Django's LocaleMiddleware may redirect a 404 to a language prefix).
        response = client.get(url)
        assert response.status_code in (302, 404) and FOREIGN not in response.content.decode()


# Rich text links to pages -------------------------------------------------------------------------


def page_link(page, text="katso tästä"):
    return streamfield(
        [("paragraph", rich_text(f'<p><a linktype="page" id="{page.pk}">{text}</a></p>'))]
    )


@pytest.fixture
def linked_pages(region, second_region):
    from tests.factories import NewsPageFactory

    other_index = region.village_news_indexes[1]
    return {
        "draft": NewsPageFactory(parent=other_index, title="Salainen luonnos", live=False),
        "private": NewsPageFactory(parent=other_index, title="Yksityinen uutinen"),
        "public": NewsPageFactory(parent=other_index, title="Julkinen uutinen"),
        "foreign": NewsPageFactory(
            parent=second_region.village_news_indexes[0], title="Iitin uutinen"
        ),
    }


def restrict(page):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=page, restriction_type="login")


@pytest.mark.parametrize("target", ["draft", "private", "foreign"])
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_news_refuses_a_link_to_a_hidden_or_foreign_page(
    client, setting, linked_pages, target, language
):
    restrict(linked_pages["private"])
    UserProfile.objects.filter(user=setting["user"]).update(preferred_language=language)
    client.force_login(setting["user"])
    response = add_news(client, setting["news_index"], body=page_link(linked_pages[target]))
    with translation.override(language):  # the editor's language, as the admin renders it
        found = errors(response)
    message = {
        "fi": "Teksti linkittää sivuun, joka ei ole julkinen tai on oman alueesi ulkopuolella.",
        "sv": "Texten länkar till en sida som inte är offentlig eller som ligger utanför din "
        "region.",
        "en": "The text links to a page that is not public or lies outside your region.",
    }[language]
    assert found["body"] == message
    assert not NewsPage.objects.filter(slug="uutinen-x").exists()


def test_news_links_to_a_public_page_of_the_region_and_to_own_draft(client, setting, linked_pages):
    from tests.factories import NewsPageFactory

    own_draft = NewsPageFactory(parent=setting["news_index"], title="Oma luonnos", live=False)
    client.force_login(setting["user"])
    for number, target in enumerate([linked_pages["public"], own_draft]):
        response = add_news(
            client, setting["news_index"], slug=f"linkki-{number}", body=page_link(target)
        )
        assert response.status_code == 302, errors(response)


def test_public_rendering_shows_no_address_of_a_draft_or_restricted_page(
    client, setting, linked_pages
):
    """Links saved before the check, or whose page was unpublished or restricted since."""
    from tests.factories import NewsPageFactory

    restrict(linked_pages["private"])
    body = [
        ("paragraph", f'<p><a linktype="page" id="{linked_pages[name].pk}">linkki {name}</a></p>')
        for name in ("draft", "private", "public")
    ]
    news = NewsPageFactory(parent=setting["news_index"], title="Linkit", body=body)
    html = client.get(news.url).content.decode()
    for name in ("draft", "private"):
        assert f"linkki {name}" in html  # the writer's words stay
        assert linked_pages[name].slug not in html
    assert f'<a href="{linked_pages["public"].url}">linkki public</a>' in html
