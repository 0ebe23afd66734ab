"""Helpers that tests of several apps share: the roles' groups and members, signing in with an
admin language, the admin's news form, and reading what an admin page shows."""

import html
import re

from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from home.models import RegionStaff, VillageEditors


def editors_group(village):
    return VillageEditors.objects.get(village_key=village.translation_key).group


def staff_group(region):
    return RegionStaff.objects.get(region_key=region.home.translation_key).group


def member(username, group):
    user = User.objects.create_user(username, password="x")
    user.groups.add(group)
    return user


def denied(response):
    """Wagtail refuses with 403 or, for a PermissionDenied in the admin, a redirect to the
    dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def signed_in(client, user, language="fi"):
    """`client` signed in as `user`, whose admin language is `language`."""
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    client.force_login(user)
    return client


def news_form(**fields):
    """The admin's form for a news page, as an editor publishes it: `fields` replace the
    defaults (a title, a slug, a date and a lead; no image, body or comments)."""
    data = {
        "title": "Uutinen",
        "slug": "uutinen-x",
        "date": "2027-05-01",
        "lead": "Kylällä tapahtuu.",
        "image": "",
        "image_alt": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
        **fields,
    }
    return nested_form_data(data)


def text(markup):
    """The text of HTML as a reader sees it: tags gone, entities read, white space folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def rows(markup):
    """The text of each row of the first table's body (none without a table)."""
    body = re.search(r"<tbody>(.*?)</tbody>", markup, re.S)
    return [text(row) for row in re.findall(r"<tr.*?</tr>", body.group(1), re.S)] if body else []
