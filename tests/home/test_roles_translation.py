"""Editors translate what is theirs through wagtail-localize's admin, and nothing else.

Länkipohja's editor translates a news item, an event and a directory entry into Swedish and
publishes them, through the same addresses the translation editor uses. Kuorevesi's editor and
the other region's staff are refused at every wagtail-localize address for Länkipohja's
translations, and the database shows they changed nothing.
"""

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_factories import ImageFactory
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)

from directory.models import Service
from events.models import EventPage
from home.models import NewsPage, RegionStaff, VillageEditors
from home.translation import translate_page
from tests.directory.factories import ServiceFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import publish

# Helpers ----------------------------------------------------------------------------------------


def member(username, owner):
    user = User.objects.create_user(username, password="x")
    user.groups.add(owner.group)
    return user


def editors_of(village):
    return VillageEditors.objects.get(village_key=village.translation_key)


def swedish():
    return Locale.objects.get(language_code="sv")


def submit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    meta = instance._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, instance.pk],
    )


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])


def translation_into_swedish(instance, language_code="sv"):
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=language_code
    )


def string_url(translation, text):
    segment = translation.source.stringsegment_set.get(string__data=text)
    return reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])


def override_url(translation, path):
    segment = OverridableSegment.objects.get(source=translation.source, context__path=path)
    return reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])


def put_value(client, url, value):
    """A PUT as wagtail-localize's translation editor sends it: the value as form data."""
    return client.put(
        url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
    )


def put_json(client, url, value):
    return client.put(url, {"value": value}, content_type="application/json")


def put_string(client, translation, text, value):
    return put_value(client, string_url(translation, text), value)


def translate_over_http(client, instance, texts, language_code="sv"):
    """Submit `instance` for Swedish (or `language_code`), translate `texts` (source → target),
    publish: as an editor does in the admin. Returns the translated object."""
    assert client.get(submit_url(instance)).status_code == 200
    locale = Locale.objects.get(language_code=language_code)
    response = client.post(submit_url(instance), {"locales": [locale.pk]})
    assert response.status_code == 302, response.content
    translation = translation_into_swedish(instance, language_code)
    for text, value in texts.items():
        assert put_string(client, translation, text, value).status_code in (200, 201)
    target = translation.get_target_instance()
    # wagtail-localize publishes once the transaction commits (the test's never does).
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(edit_url(target), {"action": "publish"})
    assert response.status_code == 302
    return type(target).objects.get(pk=target.pk)


@pytest.fixture
def village(region):
    return region.villages[0]


@pytest.fixture
def swedish_tree(region, village):
    """The Swedish region home, village and news index: the parents a translation goes under."""
    translate_page(region.home, "sv", title="Himos-regionen")
    translate_page(village, "sv", title="Länkipohja")
    translate_page(region.village_news_indexes[0], "sv", title="Nyheter")
    return region


@pytest.fixture
def editor(village):
    return member("toimittaja", editors_of(village))


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def entry(village):
    return publish(ServiceFactory(name="Kyläkauppa", slug="kylakauppa", villages=[village]))


# What editors may translate ---------------------------------------------------------------------


def test_editor_translates_a_news_item_into_swedish_and_publishes_it(editor_client, swedish_tree):
    news = NewsPage.objects.child_of(swedish_tree.village_news_indexes[0]).get()
    target = translate_over_http(editor_client, news, {news.title: "Nyhet från byn"})

    assert target.live and target.locale.language_code == "sv" and target.alias_of_id is None
    assert "Nyhet från byn" in editor_client.get(target.url).content.decode()


def test_editor_translates_an_event_into_swedish_and_publishes_it(
    editor_client, swedish_tree, village
):
    calendar = EventIndexPageFactory(parent=village)
    translate_page(calendar, "sv", title="Evenemang")
    event = EventPageFactory(parent=calendar, title="Kyläjuhla", summary="Tanssia ja kahvia.")
    target = translate_over_http(
        editor_client,
        EventPage.objects.get(pk=event.pk),
        {"Kyläjuhla": "Byfest", "Tanssia ja kahvia.": "Dans och kaffe."},
    )

    assert target.live and target.title == "Byfest" and target.summary == "Dans och kaffe."


def test_editor_translates_a_directory_entry_into_swedish_and_publishes_it(editor_client, entry):
    target = translate_over_http(editor_client, entry, {"Kyläkauppa": "Bybutiken"})

    assert target.live and target.name == "Bybutiken"
    assert list(target.villages.all()) == list(entry.villages.all())


def test_editor_translates_a_news_item_and_an_entry_into_english(
    editor_client, region, village, entry
):
    for page in (region.home, village, region.village_news_indexes[0]):  # the English parents
        translate_page(page, "en", title=f"{page.title} [en]")
    news = NewsPage.objects.child_of(region.village_news_indexes[0]).get()

    english_news = translate_over_http(editor_client, news, {news.title: "Village news"}, "en")
    english_entry = translate_over_http(editor_client, entry, {"Kyläkauppa": "Village shop"}, "en")

    assert english_news.live and english_news.locale.language_code == "en"
    assert "Village news" in editor_client.get(english_news.url).content.decode()
    assert english_entry.live and english_entry.name == "Village shop"


def test_region_staff_translate_an_entry_of_any_village_of_their_region(client, region):
    other_village = region.villages[1]
    entry = publish(ServiceFactory(name="Taksi", slug="taksi", villages=[other_village]))
    staff = RegionStaff.objects.get(region_key=region.home.translation_key)
    client.force_login(member("seutu", staff))

    target = translate_over_http(client, entry, {"Taksi": "Taxi"})

    assert target.name == "Taxi"


def test_region_staff_translate_a_village_page_into_swedish_and_publish_it(client, region):
    kuorevesi = region.villages[1]
    translate_page(region.home, "sv", title="Himos-regionen")  # the Swedish parent
    staff = RegionStaff.objects.get(region_key=region.home.translation_key)
    client.force_login(member("seutu", staff))

    target = translate_over_http(
        client, kuorevesi, {"Elävä kylä järven rannalla.": "En levande by vid sjön."}
    )

    assert target.live and target.locale.language_code == "sv" and target.alias_of_id is None
    client.logout()
    assert "En levande by vid sjön." in client.get(target.url).content.decode()


def test_syncing_a_changed_source_still_works(editor_client, entry):
    target = translate_over_http(editor_client, entry, {"Kyläkauppa": "Bybutiken"})
    entry.description = "Avoinna joka päivä."
    publish(entry)
    source = TranslationSource.objects.get(object_id=entry.translation_key)

    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = editor_client.post(url, {"publish_translations": "on"})

    assert response.status_code == 302
    assert source.stringsegment_set.filter(string__data="Avoinna joka päivä.").exists()
    target = Service.objects.get(pk=target.pk)
    assert target.name == "Bybutiken" and target.description == "Avoinna joka päivä."


# What nobody may do outside their scope -------------------------------------------------------


def foreign_users(region, second_region):
    return {
        "other village's editor": member("kuorevesi", editors_of(region.villages[1])),
        "other region's staff": member(
            "iitti", RegionStaff.objects.get(region_key=second_region.home.translation_key)
        ),
    }


def snippet_state(entry):
    translations = Translation.objects.filter(source__object_id=entry.translation_key)
    return (
        sorted(StringTranslation.objects.values_list("data", flat=True)),
        sorted(translations.values_list("target_locale__language_code", "enabled")),
        sorted(Service.objects.values_list("name", "locale__language_code", "live")),
    )


@pytest.mark.parametrize("who", ["other village's editor", "other region's staff"])
def test_nobody_touches_another_villages_snippet_translation(
    client, editor_client, region, second_region, entry, who
):
    translate_over_http(editor_client, entry, {"Kyläkauppa": "Bybutiken"})
    translation = translation_into_swedish(entry)
    source = translation.source
    client.force_login(foreign_users(region, second_region)[who])
    before = snippet_state(entry)

    po_upload = SimpleUploadedFile("sv.po", str(translation.export_po()).encode())
    responses = {
        "edit string": put_string(client, translation, "Kyläkauppa", "Kaapattu"),
        "PO download": client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ),
        "PO upload": client.post(
            reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": po_upload}
        ),
        "disable": client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk])),
        "sync and publish": client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        ),
        "submit into English": client.post(
            submit_url(entry), {"locales": [Locale.objects.get(language_code="en").pk]}
        ),
        "edit the translation": client.post(
            edit_url(translation.get_target_instance()), {"action": "publish"}
        ),
    }

    for name, response in responses.items():
        assert response.status_code == 403 or (
            response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        ), (name, response.status_code)
    assert "Bybutiken" not in responses["PO download"].content.decode()
    assert snippet_state(entry) == before


def test_nobody_syncs_or_submits_another_villages_page_translation(
    client, editor_client, swedish_tree, second_region
):
    news = NewsPage.objects.child_of(swedish_tree.village_news_indexes[0]).get()
    target = translate_over_http(editor_client, news, {news.title: "Nyhet från byn"})
    translation = translation_into_swedish(news)
    original_title = news.title
    news.title = "Muutettu otsikko"
    publish(news)
    for user in foreign_users(swedish_tree, second_region).values():
        client.force_login(user)
        update = reverse("wagtail_localize:update_translations", args=[translation.source_id])
        assert client.post(update, {"publish_translations": "on"}).status_code == 403
        assert client.post(submit_url(news), {"locales": [swedish().pk]}).status_code == 403
        assert put_string(client, translation, original_title, "x").status_code == 403
    assert Page.objects.get(pk=target.pk).title == "Nyhet från byn"
    assert not translation.source.stringsegment_set.filter(string__data="Muutettu otsikko").exists()


# Every translation editor endpoint, for a page and for a snippet -------------------------------


@pytest.fixture(params=["snippet", "page"])
def owned_translation(request, editor_client, village, swedish_tree):
    """Länkipohja's Swedish translation of a directory entry or of a news item, made over HTTP
    by its editor: (translation, a source text, the path of an overridable field, its value)."""
    if request.param == "snippet":
        entry = publish(
            ServiceFactory(
                name="Kyläkauppa", slug="kylakauppa", villages=[village], email="kauppa@example.fi"
            )
        )
        translate_over_http(editor_client, entry, {"Kyläkauppa": "Bybutiken"})
        return translation_into_swedish(entry), "Kyläkauppa", "email", "butiken@example.fi"
    collection = editors_of(village).collection
    news = NewsPage.objects.child_of(swedish_tree.village_news_indexes[0]).get()
    news.image, news.image_alt = ImageFactory(collection=collection), "Kylänraitti"
    news = publish(news)
    translate_over_http(editor_client, news, {news.title: "Nyhet från byn"})
    swedish_image = ImageFactory(collection=collection)  # the override: another own image
    return translation_into_swedish(news), news.title, "image", str(swedish_image.pk)


def localize_state():
    """Everything a translation endpoint could change: strings, overrides, translations, the
    sources' segments, the pages and entries."""
    return (
        sorted(StringTranslation.objects.values_list("context_id", "locale_id", "data")),
        sorted(SegmentOverride.objects.values_list("context_id", "locale_id", "data_json")),
        sorted(Translation.objects.values_list("pk", "target_locale_id", "enabled")),
        sorted(TranslationSource.objects.values_list("pk", "last_updated_at")),
        sorted(Page.objects.values_list("pk", "title", "slug", "live", "alias_of_id")),
        sorted(Service.objects.values_list("pk", "name", "email", "live")),
    )


def po_file(translation, text, value):
    """The translation's PO file with `text` translated as `value`, as an upload."""
    po = translation.export_po()
    for entry in po:
        if entry.msgid == text:
            entry.msgstr = value
    return SimpleUploadedFile("sv.po", str(po).encode())


def every_translation_request(client, translation, text, field, value):
    """{name: response} of every wagtail-localize address that acts on `translation`."""
    string, override = string_url(translation, text), override_url(translation, field)
    url = {
        name: reverse(f"wagtail_localize:{name}", args=[translation.pk])
        for name in (
            "download_pofile",
            "upload_pofile",
            "stop_translation",
            "machine_translate",
            "preview_translation",
        )
    }
    target = translation.get_target_instance()
    responses = {
        "string PUT": put_value(client, string, "Kaapattu"),
        "string PUT, JSON body": put_json(client, string, "Kaapattu"),
        "string DELETE": client.delete(string),
        "override PUT": put_value(client, override, "kaapattu"),
        "override PUT, JSON body": put_json(client, override, "kaapattu"),
        "override DELETE": client.delete(override),
        "PO download": client.get(url["download_pofile"]),
        "PO upload": client.post(
            url["upload_pofile"], {"file": po_file(translation, text, "Kaapattu")}
        ),
        "machine translation": client.post(url["machine_translate"]),
        "preview": client.get(url["preview_translation"]),
        "disable": client.post(url["stop_translation"]),
        "sync": client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source_id]),
            {"publish_translations": "on"},
        ),
        "publish the translation": client.post(edit_url(target), {"action": "publish"}),
    }
    if isinstance(target, Page):
        convert = reverse("wagtail_localize:convert_to_alias", args=[target.pk])
        responses["convert to alias"] = client.post(convert)
    return responses


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.mark.parametrize("who", ["other village's editor", "other region's staff"])
def test_no_translation_endpoint_changes_another_villages_translation(
    client, region, second_region, owned_translation, who
):
    """Strings and overrides (with the form body the translation editor sends, and with a JSON
    body), PO download and upload, machine translation, preview, disabling, syncing,
    publishing and converting to an alias: each refused, and nothing in the database moves."""
    translation, text, field, value = owned_translation
    put_value(client, override_url(translation, field), value)  # an override to delete
    client.force_login(foreign_users(region, second_region)[who])
    before = localize_state()

    responses = every_translation_request(client, translation, text, field, value)

    assert not [name for name, response in responses.items() if not refused(response)], {
        name: response.status_code for name, response in responses.items()
    }
    assert "Bybutiken" not in responses["PO download"].content.decode()
    assert "Nyhet" not in responses["PO download"].content.decode()
    assert localize_state() == before


def test_the_owner_edits_strings_and_overrides_and_uses_the_po_file(
    editor_client, owned_translation
):
    """The same addresses, as the editor whose translation it is: each one does its work."""
    translation, text, field, value = owned_translation
    string, override = string_url(translation, text), override_url(translation, field)
    sv = translation.target_locale

    def translated():
        return StringTranslation.objects.filter(locale=sv, translation_of__data=text).values_list(
            "data", flat=True
        )

    def overridden():
        return SegmentOverride.objects.filter(
            locale=sv, context__path=field, context__object_id=translation.source.object_id
        ).values_list("data_json", flat=True)

    assert put_value(editor_client, string, "Ny text").status_code == 200
    assert list(translated()) == ["Ny text"]
    assert put_value(editor_client, override, value).status_code == 201
    assert list(overridden()) == [f'"{value}"']
    # A JSON body is not what the editor sends: a clear 400, not a server error; nothing saved.
    for url in (string, override):
        response = put_json(editor_client, url, "x")
        assert response.status_code == 400 and "value" in response.content.decode()
    assert list(translated()) == ["Ny text"] and list(overridden()) == [f'"{value}"']
    assert editor_client.delete(override).status_code == 200 and not overridden().exists()
    assert editor_client.delete(string).status_code == 200 and not translated().exists()

    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = editor_client.post(upload, {"file": po_file(translation, text, "Från filen")})
    assert response.status_code == 302 and list(translated()) == ["Från filen"]
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    assert 'msgstr "Från filen"' in editor_client.get(download).content.decode()
    assert editor_client.post(upload).status_code == 400  # no file: told so, not a server error

    stop = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    assert editor_client.post(stop).status_code == 302
    assert not Translation.objects.get(pk=translation.pk).enabled


# Done means -------------------------------------------------------------------------------------


def test_lankipohja_editor_writes_translates_and_gets_approved_without_the_superuser(
    client, swedish_tree, village, django_capture_on_commit_callbacks
):
    """A Länkipohja editor writes a news item and an event, sends them for moderation, regional
    staff approve them, and the editor translates them into Swedish: all over HTTP, no
    superuser anywhere."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    calendar = EventIndexPageFactory(parent=village)
    translate_page(calendar, "sv", title="Evenemang")
    news_index = swedish_tree.village_news_indexes[0]
    editor = member("toimittaja", editors_of(village))
    staff = member("seutu", RegionStaff.objects.get(region_key=swedish_tree.home.translation_key))
    assert not (editor.is_superuser or staff.is_superuser)

    client.force_login(editor)
    news_data = {
        "title": "Kyläkokous",
        "slug": "kylakokous",
        "date": "2030-05-01",
        "lead": "Tervetuloa kyläkokoukseen.",
        "image": "",
        "image_alt": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
        "action-submit": "submit",
    }
    event_data = {
        "title": "Kyläjuhla",
        "slug": "kylajuhla",
        "summary": "Tanssia ja kahvia.",
        "start_date": "2030-06-06",
        "start_time": "18:00",
        "end_time": "22:00",
        "status": "scheduled",
        "frequency": "",
        "interval": "1",
        "place_name": "Kylätalo",
        "description": streamfield([]),
        "date_changes": inline_formset([]),
        "comments": inline_formset([]),
        "action-submit": "submit",
    }
    for model, parent, data in (
        ("home/newspage", news_index, news_data),
        ("events/eventpage", calendar, event_data),
    ):
        response = client.post(f"/admin/pages/add/{model}/{parent.pk}/", nested_form_data(data))
        assert response.status_code == 302, response.context and response.context["form"].errors
    news = NewsPage.objects.get(slug="kylakokous", locale__language_code="fi")
    event = EventPage.objects.get(slug="kylajuhla", locale__language_code="fi")
    assert not news.live and not event.live
    assert news.workflow_in_progress and event.workflow_in_progress

    client.force_login(staff)
    for page in (news, event):
        task_state = page.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
        )
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, {"comment": "Hyvä!"}).status_code == 302
    news, event = NewsPage.objects.get(pk=news.pk), EventPage.objects.get(pk=event.pk)
    assert news.live and event.live

    client.force_login(editor)
    swedish_news = translate_over_http(client, news, {"Kyläkokous": "Bymöte"})
    swedish_event = translate_over_http(
        client, event, {"Kyläjuhla": "Byfest", "Tanssia ja kahvia.": "Dans och kaffe."}
    )

    client.logout()
    for page, text in ((swedish_news, "Bymöte"), (swedish_event, "Dans och kaffe.")):
        assert page.live and page.locale.language_code == "sv"
        response = client.get(page.url)
        assert response.status_code == 200 and text in response.content.decode()
