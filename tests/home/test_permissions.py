"""Per-village editors work in their own village, in every language, and nowhere else.

Every check goes through Wagtail's admin views with the test client, logged in as a volunteer
editor of Länkipohja (village A; not a superuser). Kuorevesi (village B) and the region's own
pages (home, region news index, accessibility statement) must stay out of their reach.
"""

from io import BytesIO, StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_factories import ImageFactory

from home.models import NewsIndexPage, NewsPage, StandardPage, VillageEditors
from home.translation import translate_page

Image = get_image_model()


# Helpers ----------------------------------------------------------------------------------------


def editors_of(village):
    return VillageEditors.objects.select_related("group", "collection").get(
        village_key=village.translation_key
    )


def village_translations(village):
    return Page.objects.filter(translation_key=village.translation_key)


def page_form(page=None, **fields):
    """POST data for the admin's add/edit page form, asking to publish.

    One payload serves every page type of ours: a form ignores the fields it does not have.
    """
    data = {
        "title": page.title if page else "",
        "slug": page.slug if page else "",
        "date": "2025-05-01",
        "lead": "Kylällä tapahtuu.",
        "intro": "",
        "image": "",
        "image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Tervetuloa mukaan!</p>"))]),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(fields)
    return nested_form_data(data)


def add_url(parent, model=NewsPage):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def tree_state():
    """Everything an editor's action could change, for every page in the tree."""
    return list(
        Page.objects.order_by("pk").values_list(
            "pk",
            "path",
            "title",
            "draft_title",
            "slug",
            "live",
            "has_unpublished_changes",
            "live_revision_id",
            "latest_revision_id",
            "locked",
        )
    )


def assert_denied(response):
    """Wagtail refuses with 403 or, in most page views, a redirect to the dashboard."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")


def assert_published(response):
    """A successful publish redirects to a page listing in the explorer, not to the dashboard."""
    assert response.status_code == 302, response.context and response.context.get("form").errors
    assert response.url != reverse("wagtailadmin_home")


# Fixtures ---------------------------------------------------------------------------------------


@pytest.fixture
def village_a(region):
    return region.villages[0]


@pytest.fixture
def news_a(region):
    return NewsPage.objects.child_of(region.village_news_indexes[0]).get()


@pytest.fixture
def editor(village_a):
    user = User.objects.create_user("toimittaja", password="x")
    user.groups.add(editors_of(village_a).group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def swedish(region, news_a):
    """Swedish translations of the region home, village A and its news page (parents first)."""
    translate_page(region.home, "sv", title="Himos-regionen")
    translate_page(region.villages[0], "sv", title="Länkipohja [sv]")
    return translate_page(news_a, "sv", title="Nyhet från Länkipohja")


# The group and collection of a village ----------------------------------------------------------


def test_new_village_gets_its_own_editor_group_and_collection(region, village_a):
    village_b = region.villages[1]
    a, b = editors_of(village_a), editors_of(village_b)
    assert a.group != b.group and a.collection != b.collection
    assert a.group.name == "Länkipohja: toimittajat"
    assert a.group.permissions.filter(codename="access_admin").exists()
    assert set(
        GroupPagePermission.objects.filter(group=a.group).values_list(
            "page_id", "permission__codename"
        )
    ) == {
        (village_a.pk, codename)
        for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
    }
    assert set(
        GroupCollectionPermission.objects.filter(group=a.group).values_list(
            "collection_id", "permission__codename"
        )
    ) == {
        (a.collection.pk, codename)
        for codename in (
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        )
    }


def test_village_translations_are_covered_by_the_same_group(region, village_a):
    for code in ("sv", "en"):
        translate_page(region.home, code, title=f"Himos [{code}]")
        translate_page(village_a, code, title=f"Länkipohja [{code}]")

    translations = village_translations(village_a)
    assert set(translations.values_list("locale__language_code", flat=True)) == {"fi", "sv", "en"}
    group = editors_of(village_a).group
    covered = GroupPagePermission.objects.filter(group=group, permission__codename="publish_page")
    assert set(covered.values_list("page_id", flat=True)) == set(
        translations.values_list("pk", flat=True)
    )
    assert VillageEditors.objects.filter(village_key=village_a.translation_key).count() == 1


def test_setup_village_editors_recreates_missing_editors_and_is_idempotent(region, village_a):
    translate_page(region.home, "sv", title="Himos-regionen")
    translate_page(village_a, "sv", title="Länkipohja [sv]")
    b_before = editors_of(region.villages[1])
    VillageEditors.objects.filter(village_key=village_a.translation_key).delete()

    out = StringIO()
    call_command("setup_village_editors", stdout=out)

    assert "Länkipohja [sv]" in out.getvalue()
    a = editors_of(village_a)
    covered = GroupPagePermission.objects.filter(group=a.group, permission__codename="change_page")
    assert set(covered.values_list("page_id", flat=True)) == set(
        village_translations(village_a).values_list("pk", flat=True)
    )
    assert GroupCollectionPermission.objects.filter(
        group=a.group, collection=a.collection, permission__codename="add_image"
    ).exists()
    assert editors_of(region.villages[1]) == b_before

    def counts():
        return [
            model.objects.count()
            for model in (
                VillageEditors,
                Group,
                Collection,
                GroupPagePermission,
                GroupCollectionPermission,
            )
        ]

    before = counts()
    call_command("setup_village_editors", stdout=StringIO())
    assert counts() == before


# What an editor may do in their own village -----------------------------------------------------


def test_editor_opens_add_form_and_publishes_news_in_own_village(editor_client, editor, region):
    index = region.village_news_indexes[0]
    assert editor_client.get(add_url(index)).status_code == 200

    response = editor_client.post(add_url(index), page_form(title="Kyläkokous", slug="kylakokous"))

    assert_published(response)
    news = NewsPage.objects.child_of(index).get(slug="kylakokous")
    assert news.live and news.owner == editor
    assert "Tervetuloa mukaan!" in str(news.body)


def test_editor_edits_and_publishes_news_in_own_village(editor_client, news_a):
    assert editor_client.get(edit_url(news_a)).status_code == 200

    response = editor_client.post(edit_url(news_a), page_form(news_a, title="Uusi otsikko"))

    assert_published(response)
    news_a.refresh_from_db()
    assert news_a.title == "Uusi otsikko" and news_a.live and not news_a.has_unpublished_changes


def test_editor_edits_and_publishes_in_swedish_translation_of_own_village(editor_client, swedish):
    response = editor_client.post(edit_url(swedish), page_form(swedish, title="Ny rubrik"))
    assert_published(response)
    swedish.refresh_from_db()
    assert swedish.title == "Ny rubrik" and swedish.live

    index = swedish.get_parent()
    assert editor_client.get(add_url(index)).status_code == 200
    response = editor_client.post(add_url(index), page_form(title="Bymöte", slug="bymote"))
    assert_published(response)
    news = NewsPage.objects.child_of(index).get(slug="bymote")
    assert news.live and news.locale.language_code == "sv"


# What an editor may not do ----------------------------------------------------------------------

# Pages outside village A, by name: (how to find it in the `region` fixture).
TARGETS = {
    "village B": lambda r: r.villages[1],
    "village B news index": lambda r: r.village_news_indexes[1],
    "village B news": lambda r: r.village_news_indexes[1].get_children().get(),
    "region home": lambda r: r.home,
    "region news index": lambda r: r.news_index,
    "region standard page": lambda r: r.home.get_children().get(slug="saavutettavuus"),
}


def edit_and_publish(client, page):
    page = page.specific
    return [
        client.get(edit_url(page)),
        client.post(edit_url(page), page_form(page, title="Kaapattu")),
    ]


def add_child(client, parent):
    model = NewsPage if parent.specific_class is NewsIndexPage else StandardPage
    url = add_url(parent, model)
    return [client.get(url), client.post(url, page_form(title="Kaapattu", slug="kaapattu"))]


def delete(client, page):
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    return [client.get(url), client.post(url)]


def unpublish(client, page):
    url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    return [client.get(url), client.post(url)]


def lock(client, page):
    return [client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))]


DENIED = [
    *[(edit_and_publish, target) for target in TARGETS],
    (add_child, "village B"),
    (add_child, "village B news index"),
    (add_child, "region home"),
    (add_child, "region news index"),
    (delete, "village B"),
    (delete, "village B news"),
    (delete, "region news index"),
    (delete, "region standard page"),
    (unpublish, "village B news"),
    (unpublish, "region standard page"),
    (lock, "village B news"),
]


@pytest.mark.parametrize(
    "action, target", DENIED, ids=[f"{action.__name__} {target}" for action, target in DENIED]
)
def test_editor_cannot_touch_pages_outside_own_village(editor_client, region, action, target):
    page = TARGETS[target](region)
    before = tree_state()

    for response in action(editor_client, page):
        assert_denied(response)

    assert tree_state() == before


def test_region_staff_could_do_what_the_editor_was_denied(client, region):
    """The denied edits above fail for want of permission, not because of a bad form."""
    client.force_login(User.objects.create_superuser("seutu", password="x"))
    for target, find in TARGETS.items():
        page = find(region).specific
        response = client.post(edit_url(page), page_form(page, title=f"{target}: muokattu"))
        assert_published(response)
        page.refresh_from_db()
        assert page.title == f"{target}: muokattu" and page.live


def move(client, page, destination):
    # Wagtail 8 shows the move confirmation page to anyone and checks permissions when the move
    # is confirmed (MovePageAction), so the POST is what must be refused.
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
    return [client.post(url)]


@pytest.mark.parametrize(
    "source, destination",
    [(0, 1), (1, 0)],
    ids=["own news into village B", "village B news into own village"],
)
def test_editor_cannot_move_news_between_villages(editor_client, region, source, destination):
    page = region.village_news_indexes[source].get_children().get()
    before = tree_state()

    for response in move(editor_client, page, region.village_news_indexes[destination]):
        assert_denied(response)

    assert tree_state() == before


def test_editor_cannot_move_own_news_to_region_level(editor_client, region, news_a):
    before = tree_state()
    for response in move(editor_client, news_a, region.news_index):
        assert_denied(response)
    assert tree_state() == before


def test_editor_cannot_edit_village_b_in_swedish(editor_client, region, swedish):
    news_b_sv = translate_page(
        region.village_news_indexes[1].get_children().get(), "sv", title="Nyhet från Kuorevesi"
    )
    before = tree_state()
    for response in edit_and_publish(editor_client, news_b_sv):
        assert_denied(response)
    assert tree_state() == before


def test_editor_cannot_delete_own_village(editor_client, village_a):
    before = tree_state()
    for response in delete(editor_client, village_a):
        assert_denied(response)
    assert tree_state() == before


def test_editor_cannot_delete_own_village_before_it_has_sections(editor_client, village_a):
    # A new translation of a village has no pages under it yet, like a newly created village.
    fresh = translate_page(village_a, "en", title="Länkipohja [en]")
    assert fresh.is_leaf()
    before = tree_state()
    for response in delete(editor_client, fresh):
        assert_denied(response)
    assert tree_state() == before


# Media ------------------------------------------------------------------------------------------


def upload(name):
    buffer = BytesIO()
    PILImage.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_editor_uploads_images_only_into_own_collection(editor_client, region, village_a):
    own = editors_of(village_a).collection
    other = editors_of(region.villages[1]).collection
    url = reverse("wagtailimages:add")

    # With one collection to offer, Wagtail leaves the choice out of the form altogether.
    soup = BeautifulSoup(editor_client.get(url).content, "html.parser")
    offered = {option["value"] for option in soup.select('select[name="collection"] option')}
    assert str(other.pk) not in offered

    response = editor_client.post(
        url, {"title": "Kylätalo", "file": upload("kylatalo.png"), "collection": other.pk}
    )
    assert response.status_code == 302
    assert Image.objects.get(title="Kylätalo").collection == own


def test_image_chooser_offers_only_own_collection(editor_client, region, village_a):
    ImageFactory(title="Länkipohjan kuva", collection=editors_of(village_a).collection)
    ImageFactory(title="Kuoreveden kuva", collection=editors_of(region.villages[1]).collection)

    html = editor_client.get(reverse("wagtailimages_chooser:choose")).json()["html"]

    assert "Länkipohjan kuva" in html
    assert "Kuoreveden kuva" not in html
