"""wagtail-localize's translation editor writes its heading ("Suomi to Svenska translation")
and the label of its actions menu ("More actions") in English in its JavaScript bundle; the
editor's page carries their translations in the editor's language and the script that puts
them in place (home.wagtail_hooks.localize_editor_texts, admin-localize-editor.js)."""

import html
import json
import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.home.test_localize_dates import translated  # noqa: F401  (fixture)


def texts_of(response):
    assert response.status_code == 200
    page = response.content.decode()
    assert "js/admin-localize-editor.js" in page
    found = re.search(
        r'<script id="kylatori-localize-texts" type="application/json">(.*?)</script>', page
    )
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.parametrize(
    ("language", "heading", "more_actions"),
    [
        ("fi", "Käännös: {source} → {target}", "Lisää toimintoja"),
        ("sv", "Översättning: {source} → {target}", "Fler åtgärder"),
        ("en", "{source} to {target} translation", "More actions"),
    ],
)
def test_translation_editor_heading_and_menu_label_in_the_editors_language(
    client,
    translated,  # noqa: F811
    language,
    heading,
    more_actions,
):
    editor, translation, _answer = translated
    UserProfile.objects.filter(user=editor).update(preferred_language=language)
    target = translation.get_target_instance()
    texts = texts_of(client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])))
    assert texts == {"heading": heading, "moreActions": more_actions}
