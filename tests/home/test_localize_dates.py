"""wagtail-localize's translation editor dates its translated strings in the editor's language
(home.localize_dates): "Käännetty manuaalisesti 3.12.2026", never "3 December 2026"."""

import datetime
import html
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation

from home.models import NewsPage
from tests.home.test_roles_translation import (
    editors_of,
    member,
    put_string,
    submit_url,
    swedish,
    translation_into_swedish,
)

ENGLISH_MONTH = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def comments(response):
    """The comments under the strings of the translation editor's page (its React props)."""
    assert response.status_code == 200
    props = re.search(r'data-props="([^"]*)"', response.content.decode()).group(1)
    strings = json.loads(html.unescape(props))["initialStringTranslations"]
    return [string["comment"] for string in strings]


@pytest.fixture
def translated(client, region):
    """A news item of Länkipohja submitted for Swedish, its title translated by its editor (on
    3 December 2026, as far as the database knows)."""
    village = region.villages[0]
    news = NewsPage.objects.descendant_of(village).first()
    editor = member("toimittaja", editors_of(village))
    UserProfile.get_for_user(editor)
    client.force_login(editor)
    response = client.post(submit_url(news), {"locales": [swedish().pk]})
    assert response.status_code == 302
    translation = translation_into_swedish(news)
    answer = put_string(client, translation, news.title, "Julbasar")
    assert answer.status_code in (200, 201)
    StringTranslation.objects.update(
        updated_at=datetime.datetime(2026, 12, 3, 10, tzinfo=datetime.UTC)
    )
    return editor, translation, answer


@pytest.mark.parametrize(
    ("language", "comment"),
    [
        ("fi", "Käännetty manuaalisesti 3.12.2026"),
        ("sv", "Manuellt översatt den 3.12.2026"),
        ("en", "Translated manually on 3 Dec 2026"),
    ],
)
def test_translation_editor_dates_strings_in_the_editors_language(
    client, translated, language, comment
):
    editor, translation, _answer = translated
    UserProfile.objects.filter(user=editor).update(preferred_language=language)
    target = translation.get_target_instance()
    shown = comments(client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])))
    assert comment in shown
    assert not any(ENGLISH_MONTH.search(text or "") for text in shown if language != "en")


def test_a_saved_strings_answer_dates_it_in_the_editors_language(client, region):
    # The answer to a saved string carries the comment the editor then sees under it.
    village = region.villages[0]
    news = NewsPage.objects.descendant_of(village).first()
    editor = member("toimittaja", editors_of(village))
    UserProfile.get_for_user(editor)
    UserProfile.objects.filter(user=editor).update(preferred_language="fi")
    client.force_login(editor)
    assert client.post(submit_url(news), {"locales": [swedish().pk]}).status_code == 302
    answer = put_string(client, translation_into_swedish(news), news.title, "Julbasar")
    assert answer.status_code in (200, 201)
    comment = answer.json()["comment"]
    today = timezone.localdate()
    assert comment == f"Käännetty manuaalisesti {today.day}.{today.month}.{today.year}"
