"""E-mail's cleaning step (home.mail): every message arrives, on one-line headers, without
controls, and plain text is not HTML-escaped.

The moderation tests go through the admin over HTTP as editors do. Mail lands in Django's
outbox behind home.mail, as it would reach SMTP in production (tests/conftest.py).
"""

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowPage
from wagtail.users.models import UserProfile

from tests.english import english_words
from tests.helpers import editors_group, member
from tests.home.test_roles import news_form

HOSTILE_TASK_NAME = "Länkipohja: hyväksyntä\r\nBcc: vakooja@example.com"


@pytest.fixture
def village(region):
    return region.villages[0]


@pytest.fixture
def news(region):
    return region.village_news_indexes[0].get_children().get()


def person(username, village, first_name, last_name=""):
    user = member(username, editors_group(village))
    user.email = f"{username}@example.com"
    user.first_name, user.last_name = first_name, last_name
    user.save()
    return user


def rename_task(village, name):
    """The village's approval task, named `name`. Wagtail's admin makes a task's name read-only
    once the task exists, but its "add task" form keeps inner line breaks, and home.roles names a
    village's task after the village's title (which an import or text stored before input
    cleaning can carry)."""
    task = WorkflowPage.objects.get(page=village).workflow.tasks.get().specific
    task.name = name
    task.save()


def submit(client, editor, news):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[news.pk])
    response = client.post(url, news_form(news, "action-submit", title="O'Brienin & Co:n kahvila"))
    assert response.status_code == 302


def test_a_line_break_in_the_task_name_no_longer_stops_the_moderation_notification(
    client, village, news
):
    rename_task(village, HOSTILE_TASK_NAME)
    reviewer = person("hyvaksyja", village, "Siobhán", "O'Brien")
    submit(client, person("toimittaja", village, "Toimi"), news)

    [message] = [m for m in mail.outbox if m.to == [reviewer.email]]
    # One subject line that names the task; no header was injected.
    assert "\n" not in message.subject and "\r" not in message.subject
    assert "Länkipohja: hyväksyntä Bcc: vakooja@example.com" in message.subject
    assert "O'Brienin & Co:n kahvila" in message.subject
    parsed = message.message()
    assert parsed["Bcc"] is None and message.recipients() == [reviewer.email]
    assert "vakooja@example.com" not in {r for m in mail.outbox for r in m.recipients()}


def test_plain_text_notifications_show_names_as_written(client, village, news):
    reviewer = person("hyvaksyja", village, "Siobhán", "O'Brien")
    editor = person("toimittaja", village, "D'Arcy", "Mäkelä")
    submit(client, editor, news)
    [submitted] = [m for m in mail.outbox if m.to == [reviewer.email]]
    assert "Siobhán" in submitted.body  # the greeting

    client.force_login(reviewer)
    task_state = news.specific_class.objects.get(pk=news.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[news.pk, "reject", task_state.pk])
    response = client.post(url, {"comment": "Lisää kuva & kellonaika, kiitos"})
    assert response.status_code == 302

    [rejected] = [m for m in mail.outbox if m.to == [editor.email]]
    # The greeting and the rejector's name, as written, not HTML-escaped ("D&#x27;Arcy").
    assert "D'Arcy" in rejected.body
    assert "Siobhán O'Brien" in rejected.body
    assert "Lisää kuva & kellonaika, kiitos" in rejected.body
    assert "&#x27;" not in rejected.body and "&amp;" not in rejected.body


def test_password_reset_mail_arrives_without_invisible_characters(client, region):
    # A username from an import, not the admin's form (which refuses these characters): a
    # right-to-left override would show "toimittaja" reversed in the mail.
    User.objects.create_user("toimi\u202e\x08ttaja", email="toimi@example.com", password="x")
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": "toimi@example.com"})
    assert response.status_code == 302

    [message] = mail.outbox
    assert message.to == ["toimi@example.com"]
    assert "toimittaja" in message.body
    assert "/admin/password_reset/confirm/" in message.body


def test_every_message_is_cleaned_once_whoever_sends_it(db):
    # Code of our own (the coming public-submission confirmations) sends with Django's helpers.
    sent = mail.send_mail(
        "Ilmoitus vastaanotettu:\r\nBcc: vakooja@example.com \u202eTapahtuma",
        "Kiitos!\x01\r\nTapahtuma \ud800odottaa hyväksyntää.\u2028Terveisin\tkylä",
        "kylatori@example.com",
        ["asukas@example.com"],
        html_message="<p>Kiitos!\x1b <b>O'Brien</b>\u202e</p>",
    )
    assert sent == 1
    [message] = mail.outbox
    assert message.subject == "Ilmoitus vastaanotettu: Bcc: vakooja@example.com Tapahtuma"
    assert message.body == "Kiitos!\nTapahtuma odottaa hyväksyntää.\nTerveisin\tkylä"
    assert message.alternatives == [("<p>Kiitos! <b>O'Brien</b></p>", "text/html")]
    assert message.recipients() == ["asukas@example.com"]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_moderation_mail_speaks_the_recipients_language(client, village, news, language):
    # Wagtail's catalogues left these half English ("has been rejected", "The following
    # comment was left") and called a request for changes a rejection ("hylätty").
    reviewer = person("hyvaksyja", village, "Siobhán", "O'Brien")
    editor = person("toimittaja", village, "Toimi")
    for user in (reviewer, editor):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    submit(client, editor, news)
    client.force_login(reviewer)
    task_state = news.specific_class.objects.get(pk=news.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[news.pk, "reject", task_state.pk])
    assert client.post(url, {"comment": "Lisää kuva"}).status_code == 302

    [submitted] = [m for m in mail.outbox if m.to == [reviewer.email]]
    [rejected] = [m for m in mail.outbox if m.to == [editor.email]]
    names = ["Siobhán", "O'Brien", "Toimi", "Länkipohja", "O'Brienin", "Co:n"]
    for message in (submitted, rejected):
        text = f"{message.subject}\n{message.body}"
        assert english_words(text, language, allowed=names) == [], text
    changes_requested = {"fi": "pyydetty muutoksia", "sv": "Ändringar har begärts"}[language]
    assert changes_requested in rejected.subject
    assert {"fi": "Kommentti", "sv": "Kommentar"}[language] in rejected.body
