"""Who sent an event, and how to reach them: "Tapahtumailmoitukset" in the admin menu.

The village's editors, its region's staff and superusers see the confirmed submissions of their
villages (home.roles.submissions_in_scope): the event, the submitter's name, e-mail address and
phone, and whether the details were already deleted (submissions.privacy). The event's edit view
links here from its header ("…" menu). Every id is looked up within that scope, so another
village's submission is a 404 and is in no listing.
"""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from home import roles
from home.models import VillagePage

from .privacy import has_contact


def scoped_view(view):
    """Admin access, and work in some village (or a superuser); nothing is cached."""

    def checked(request, *args, **kwargs):
        if not roles.can_see_submissions(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(require_admin_access(checked))


class SubmissionsMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.can_see_submissions(request.user)


def menu_item():
    return SubmissionsMenuItem(
        gettext_lazy("Event submissions"),
        reverse("kylatori_submissions"),
        icon_name="mail",
        order=640,
    )


def header_button(page, user):
    """The event's edit view: a link to its submitter, for those who may see them."""
    submission = roles.submissions_in_scope(user).filter(page_id=page.pk).only("pk").first()
    if submission is None:
        return None
    return Button(
        gettext_lazy("Submitter's contact details"),
        reverse("kylatori_submission", args=[submission.pk]),
        icon_name="user",
        priority=80,
    )


def village_titles(keys):
    """{village key: title} in the default language (Finnish), or the first there is."""
    titles = {}
    rows = VillagePage.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "title", "locale__language_code"
    )
    for key, title, language in rows:
        if key not in titles or language == "fi":
            titles[key] = title
    return titles


def described(submissions):
    """The submissions with what the templates show: village, title, phone link, details kept."""
    titles = village_titles({submission.village_key for submission in submissions})
    for submission in submissions:
        submission.village_title = titles.get(submission.village_key, "")
        page = submission.page
        submission.title = page.draft_title if page else submission.event.get("title", "")
        submission.tel = re.sub(r"[^\d+]", "", submission.phone)
        submission.has_contact = has_contact(submission)
    return submissions


@scoped_view
def index(request):
    submissions = described(
        list(roles.submissions_in_scope(request.user).select_related("page").order_by("-pk"))
    )
    return TemplateResponse(
        request,
        "submissions/admin/index.html",
        {"submissions": submissions, "contact_days": settings.KYLATORI_SUBMISSION_CONTACT_DAYS},
    )


@scoped_view
def detail(request, submission_id):
    submission = get_object_or_404(
        roles.submissions_in_scope(request.user).select_related("page"), pk=submission_id
    )
    described([submission])
    page = submission.page
    can_edit = page is not None and page.permissions_for_user(request.user).can_edit()
    return TemplateResponse(
        request,
        "submissions/admin/detail.html",
        {
            "submission": submission,
            "can_edit": can_edit,
            "contact_days": settings.KYLATORI_SUBMISSION_CONTACT_DAYS,
        },
    )


# Registered by submissions/wagtail_hooks.py (register_admin_urls), under /admin/.
urlpatterns = [
    path("event-submissions/", index, name="kylatori_submissions"),
    path("event-submissions/<int:submission_id>/", detail, name="kylatori_submission"),
]
