"""The admin names nothing of another village's drafts or editors (issue 9, "What was found" 4).

A Länkipohja editor asks, over HTTP, every read-only address that answers with an object's name
for the ids of Kuorevesi's (same region) and Kausala's (other region) objects: the snippet
chooser's "chosen" answers, wagtail-localize's snippet API, the bulk-action confirmations, the
site history report and the page chooser. Each foreign object is a draft (or a live one with a
newer draft) whose name, and whose editor's name, carry a marker that no answer may contain;
the editor's own objects are shown, so that the marker check proves something.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from directory.models import ENTRY_MODELS, Place
from home.models import VillageEditors
from home.roles import ensure_village_workflow
from tests.directory.factories import AssociationFactory, PlaceFactory, ServiceFactory
from tests.factories import NewsPageFactory, publish

FACTORIES = (PlaceFactory, AssociationFactory, ServiceFactory)


def village_objects(village, name):
    """A village's editor, draft entries, a draft news item and a live one with a newer draft
    title, each named with `name` (a marker for foreign villages)."""
    editors = VillageEditors.objects.get(village_key=village.translation_key)
    user = get_user_model().objects.create_user(
        f"toimittaja-{village.slug}", password="x", first_name=f"{name}Etunimi", last_name="Kylä"
    )
    user.groups.add(editors.group)
    index = village.get_children().first().specific  # the village's news index
    draft = NewsPageFactory(parent=index, title=f"{name}Luonnos", live=False)
    draft.save_revision(user=user)
    live = publish(NewsPageFactory(parent=index, title=f"{name}Julkinen", live=False))
    live.title = f"{name}Muokkaus"  # a newer draft: Wagtail keeps its title in draft_title
    live.save_revision(user=user, log_action=True)
    entries = {}
    for factory in FACTORIES:
        entry = factory(name=f"{name}{factory._meta.model.__name__}", villages=[village])
        entry.live = False
        entry.save()
        entry.save_revision(user=user, log_action=True)
        entries[type(entry)] = entry
    # In the reports: the draft awaits approval, the live page is locked, an entry is being
    # translated into Swedish.
    ensure_village_workflow(village).start(draft, user)
    Page.objects.filter(pk=live.pk).update(locked=True, locked_by=user, locked_at=timezone.now())
    source, _ = TranslationSource.get_or_create_from_instance(entries[Place])
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="sv")
    )
    translation.save_target(user=user, publish=False)
    return {"user": user, "draft": draft, "live": live, "entries": entries}


@pytest.fixture
def world(region, second_region):
    return {
        "own": village_objects(region.villages[0], "Oma"),
        "foreign": [
            village_objects(region.villages[1], "Vieras"),
            village_objects(second_region.villages[0], "Kaukainen"),
        ],
    }


# What a foreign village's objects may not show: everything but a live page's published title.
FOREIGN_MARKERS = [
    f"{name}{kind}"
    for name in ("Vieras", "Kaukainen")
    for kind in ("Etunimi", "Luonnos", "Muokkaus", *(m.__name__ for m in ENTRY_MODELS.values()))
]


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


def assert_names_no_foreign_object(response):
    text = body(response)
    shown = [marker for marker in FOREIGN_MARKERS if marker in text]
    assert not shown, (shown, [text[max(0, text.find(m) - 300) : text.find(m) + 50] for m in shown])
    return text


@pytest.fixture
def editor_client(client, world):
    client.force_login(world["own"]["user"])
    return client


def model_path(model):
    return f"{model._meta.app_label}/{model._meta.model_name}"


def test_snippet_chooser_chosen_answers_name_only_own_entries(editor_client, world):
    for model in ENTRY_MODELS.values():
        chooser = f"/admin/snippets/choose/{model_path(model)}/"
        own = world["own"]["entries"][model]
        response = editor_client.get(f"{chooser}chosen/{own.pk}/")
        assert response.status_code == 200 and response.json()["result"]["string"] == own.name
        ids = [own.pk] + [village["entries"][model].pk for village in world["foreign"]]
        for pk in ids[1:]:
            response = editor_client.get(f"{chooser}chosen/{pk}/")
            assert response.status_code in (302, 404)
            assert_names_no_foreign_object(response)
        query = "&".join(f"id={pk}" for pk in ids)
        response = editor_client.get(f"{chooser}chosen-multiple/?{query}")
        assert [item["string"] for item in response.json()["result"]] == [own.name]


def test_localize_snippet_api_lists_and_shows_only_own_entries(editor_client, world):
    for model in ENTRY_MODELS.values():
        api = f"/admin/localize/api/snippets/{model_path(model)}/"
        own = world["own"]["entries"][model]
        listing = editor_client.get(api)
        assert own.name in assert_names_no_foreign_object(listing)
        assert editor_client.get(f"{api}{own.pk}/").json()["title"] == own.name
        for village in world["foreign"]:
            response = editor_client.get(f"{api}{village['entries'][model].pk}/")
            assert response.status_code in (302, 404)
            assert_names_no_foreign_object(response)


def test_bulk_action_confirmations_name_only_own_objects(editor_client, world):
    own = world["own"]
    for model in ENTRY_MODELS.values():
        ids = [own["entries"][model].pk] + [v["entries"][model].pk for v in world["foreign"]]
        url = reverse("wagtail_bulk_action", args=(*model_path(model).split("/"), "delete"))
        response = editor_client.get(url + "?" + "&".join(f"id={pk}" for pk in ids))
        assert response.status_code == 200
        assert own["entries"][model].name in assert_names_no_foreign_object(response)
    pages = [own["draft"], own["live"]]
    pages += [village[key] for village in world["foreign"] for key in ("draft", "live")]
    for action in ("delete", "unpublish", "move"):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
        response = editor_client.get(url + "?" + "&".join(f"id={page.pk}" for page in pages))
        assert response.status_code == 200
        text = assert_names_no_foreign_object(response)
        assert "OmaMuokkaus" in text and (action == "unpublish" or "OmaLuonnos" in text)


def test_site_history_names_no_foreign_editor_or_draft(editor_client, world):
    report = reverse("wagtailadmin_reports:site_history")
    own = world["own"]
    for url in (report, report + "results/", report + "?export=csv"):
        text = assert_names_no_foreign_object(editor_client.get(url))
        assert "OmaEtunimi" in text and own["entries"][Place].name in text
    for village in world["foreign"]:
        response = editor_client.get(report, {"user": village["user"].pk})
        assert_names_no_foreign_object(response)


def test_page_chooser_shows_another_villages_page_as_published_not_its_draft(editor_client, world):
    own = world["own"]
    for village, name in zip(world["foreign"], ("Vieras", "Kaukainen"), strict=True):
        parent = village["live"].get_parent()
        browse = editor_client.get(reverse("wagtailadmin_choose_page_child", args=[parent.pk]))
        assert f"{name}Julkinen" in assert_names_no_foreign_object(browse)  # as published
    search = editor_client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Vieras"})
    assert "VierasJulkinen" in assert_names_no_foreign_object(search)
    ids = [own["draft"].pk] + [v[key].pk for v in world["foreign"] for key in ("draft", "live")]
    chosen = editor_client.get(
        reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": ids}
    ).json()["result"]
    titles = sorted(page["adminTitle"] for page in chosen)
    assert titles == ["KaukainenJulkinen", "OmaLuonnos", "VierasJulkinen"]
    # The editor's own page shows the draft they are working on.
    browse = editor_client.get(
        reverse("wagtailadmin_choose_page_child", args=[own["live"].get_parent().pk])
    )
    assert "OmaMuokkaus" in body(browse)


def test_admin_search_and_reports_list_only_what_the_user_may_see(editor_client, world):
    search = reverse("wagtailadmin_pages:search")
    for query in ("Vieras", "Kaukainen", "Luonnos", "Muokkaus"):
        assert_names_no_foreign_object(editor_client.get(search, {"q": query}))
    assert "OmaLuonnos" in body(editor_client.get(search, {"q": "Oma"}))
    reports = {
        "wagtailadmin_reports:workflow": "OmaLuonnos",
        "wagtailadmin_reports:workflow_tasks": "OmaLuonnos",
        "wagtailadmin_reports:locked_pages": "OmaMuokkaus",
        "wagtailadmin_reports:aging_pages": "OmaMuokkaus",
        "wagtailadmin_reports:page_types_usage": None,
        "wagtail_localize:translations_report": "OmaPlace",
    }
    for name, own in reports.items():
        response = editor_client.get(reverse(name))
        assert response.status_code == 200, name
        text = assert_names_no_foreign_object(response)
        assert own is None or own in text, name


def test_a_pasted_address_of_another_villages_page_is_named_as_published(editor_client, world):
    """The link chooser turns a pasted address of a page into a link to it, with its title."""
    live = world["foreign"][0]["live"]
    url = reverse("wagtailadmin_choose_page_external_link")
    response = editor_client.post(
        url, {"external-link-chooser-url": live.full_url, "external-link-chooser-link_text": ""}
    )
    result = response.json()["result"]
    assert result["id"] == live.pk and result["adminTitle"] == "VierasJulkinen"


def test_the_question_whether_to_link_another_villages_page_names_it_as_published(
    editor_client, world
):
    """An address with a query string asks first whether to link the page: in those words too,
    the published title."""
    live = world["foreign"][0]["live"]
    url = reverse("wagtailadmin_choose_page_external_link")
    response = editor_client.post(url, {"external-link-chooser-url": live.full_url + "?kampanja=1"})
    data = response.json()
    assert data["step"] == "confirm_external_to_internal"
    assert data["internal"]["adminTitle"] == "VierasJulkinen"
    assert "VierasJulkinen" in assert_names_no_foreign_object(response)
