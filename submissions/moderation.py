"""A confirmed submission becomes a draft EventPage in moderation, and mails about it.

The draft goes into the submission's calendar (the village's, in the language the event was
written in) and is submitted to the workflow Wagtail finds for it: the village's moderation
workflow (home.roles.ensure_village_workflow), whose reviewers are the village's editors and
its region's staff. Starting it sends Wagtail's own notification e-mail to them, and puts the
event on their dashboards ("Awaiting your review").
"""

import datetime
import html

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.files.images import ImageFile
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from wagtail.models import Page, WorkflowState
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from events.models import EventPage
from home.models import Topic
from home.site_urls import absolute_url

from .models import Submission

CONFIRM_SALT = "submissions.confirm"
STATUS_SALT = "submissions.status"
# The private status link works this long (the submission itself may be deleted sooner).
STATUS_MAX_AGE = datetime.timedelta(days=365)
SUMMARY_LENGTH = 400


def confirm_token(submission):
    return signing.dumps(str(submission.key), salt=CONFIRM_SALT)


def submission_for_token(token):
    """The unconfirmed or confirmed submission a confirmation link names, or None when the link
    is tampered with, or older than KYLATORI_SUBMISSION_CONFIRM_WITHIN."""
    max_age = settings.KYLATORI_SUBMISSION_CONFIRM_WITHIN
    try:
        key = signing.loads(token or "", salt=CONFIRM_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    return Submission.objects.filter(key=key).select_related("calendar").first()


def status_token(submission):
    return signing.dumps(str(submission.key), salt=STATUS_SALT)


def submission_for_status_token(token):
    """The submission a status link names, or None for a tampered, expired or deleted one."""
    try:
        key = signing.loads(token or "", salt=STATUS_SALT, max_age=STATUS_MAX_AGE)
    except signing.BadSignature:
        return None
    return Submission.objects.filter(key=key).select_related("calendar", "page").first()


def link(request, calendar, route, token):
    """The absolute address of the calendar's `route` with `token`; without a request (mail
    sent from a workflow signal) on the calendar's Site."""
    if request is None:
        base = calendar.get_full_url()
    else:
        base = absolute_url(request, calendar.get_url(request))
    return f"{base}{calendar.reverse_subpage(route)}?token={token}"


def status_url(request, submission):
    return link(request, submission.calendar, "submit_status", status_token(submission))


def status_of(submission):
    """Where the submission stands, as the submitter is told: "unconfirmed", "in_moderation",
    "published", "cancel_requested" (a cancellation waiting for the editors), "cancelled" or
    "not_published" (sent back, or deleted by the editors)."""
    if submission.status == Submission.Status.UNCONFIRMED:
        return "unconfirmed"
    page = submission.page
    if page is None:
        return "not_published"
    if page.live:
        if page.status == EventPage.Status.CANCELLED:
            return "cancelled"
        return "cancel_requested" if cancellation_requested(page) else "published"
    return "in_moderation" if page.workflow_in_progress else "not_published"


def editors_comment(submission):
    """The comment of the editor who last sent the event back, while it is sent back."""
    page = submission.page
    if page is None:
        return ""
    state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return ""
    return state.current_task_state.comment if state.current_task_state else ""


@transaction.atomic
def withdraw(submission):
    """Withdraw a submission that is not published: its draft page (with its workflow) and the
    submission, contact details included, are deleted. False for a published event."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    page = submission.page
    if page is not None and page.live:
        return False
    if page is not None:
        page.delete()
    submission.delete()
    return True


def confirm_hours():
    return int(settings.KYLATORI_SUBMISSION_CONFIRM_WITHIN.total_seconds() // 3600)


def confirm_url(request, submission):
    return link(request, submission.calendar, "submit_confirm", confirm_token(submission))


def send(name, language, to, context):
    """The e-mail `name` (templates submissions/email/<name>_subject.txt, _body.txt and
    _body.html) in `language`, as plain text with an HTML alternative."""
    with translation.override(language):
        subject = render_to_string(f"submissions/email/{name}_subject.txt", context).strip()
        text = render_to_string(f"submissions/email/{name}_body.txt", context)
        html_body = render_to_string(
            f"submissions/email/{name}_body.html", {**context, "subject": subject}
        )
    message = EmailMultiAlternatives(subject, text, None, to)
    message.attach_alternative(html_body, "text/html")
    message.send()


def send_to_submitter(name, submission, request=None, **context):
    """The e-mail `name` to the submitter, in the language the event was written in."""
    with translation.override(submission.language):
        context = {
            "submission": submission,
            "title": submission.event["title"],
            "calendar": submission.calendar,
            "status_url": status_url(request, submission),
            **context,
        }
    send(name, submission.language, [submission.email], context)


def send_confirmation(request, submission):
    """The e-mail with the confirmation link, in the language the event was written in."""
    send_to_submitter(
        "confirm",
        submission,
        request,
        confirm_url=confirm_url(request, submission),
        hours=confirm_hours(),
    )


# What the editors decide, told to the submitter (submissions.signals) ----------------------


def submission_of(workflow_state):
    """The submission whose event page `workflow_state` moderates, or None."""
    if workflow_state.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return None  # a snippet's workflow
    return (
        Submission.objects.filter(page_id=workflow_state.object_id)
        .select_related("calendar", "page")
        .first()
    )


def tell_approved(workflow_state):
    """Approved: the event is published (or, a cancellation approved, marked cancelled)."""
    submission = submission_of(workflow_state)
    if submission is None:
        return
    page = EventPage.objects.filter(pk=submission.page_id).first()
    if page is None or not page.live:
        return
    name = "cancelled" if page.status == EventPage.Status.CANCELLED else "approved"
    send_to_submitter(name, submission, page_url=page.get_full_url())


def tell_rejected(task_state):
    """Sent back ("Request changes", Wagtail's only action besides approving): the editor's
    comment, and whether the event (or its cancellation) waits for the submitter's answer."""
    submission = submission_of(task_state.workflow_state)
    if submission is None:
        return
    page = EventPage.objects.filter(pk=submission.page_id).first()
    if page is None:
        return
    send_to_submitter(
        "rejected",
        submission,
        comment=task_state.comment or "",
        live=page.live,
        cancellation=page.live and cancellation_requested(page),
    )


# What the submitter asks from the status page ----------------------------------------------


def reviewers(page):
    """The active users with an e-mail address who may moderate `page` in its workflow."""
    workflow = page.get_workflow()
    if workflow is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__groupapprovaltask__workflow_tasks__workflow=workflow,
            groups__groupapprovaltask__active=True,
        )
        .exclude(email="")
        .distinct()
    )


def tell_reviewers(request, submission, kind, message=""):
    """E-mail the village's reviewers (each in their admin language) what the submitter asks:
    `kind` "change" (with the submitter's `message`) or "cancel"."""
    page = submission.page
    context = {
        "kind": kind,
        "message": message,
        "title": page.title,
        "submitter": submission.name,
        "email": submission.email,
        "edit_url": absolute_url(request, reverse("wagtailadmin_pages:edit", args=[page.pk])),
    }
    by_language = {}
    for user in reviewers(page):
        language = UserProfile.get_for_user(user).get_preferred_language()
        by_language.setdefault(language, []).append(user.email)
    for language, addresses in by_language.items():
        for address in addresses:  # one message each: reviewers do not see each other
            send("reviewers_request", language, [address], context)
    return bool(by_language)


def cancellation_requested(page):
    """Whether `page`'s latest revision, waiting in moderation, marks the event cancelled."""
    if not page.workflow_in_progress:
        return False
    latest = page.get_latest_revision_as_object()
    return latest.status == EventPage.Status.CANCELLED and page.status != latest.status


@transaction.atomic
def request_cancellation(submission):
    """The published event's cancellation, to moderation: a revision that marks it cancelled,
    submitted to the village's workflow; published (the feeds then say STATUS:CANCELLED) when
    an editor approves it. False when the event is not live, already cancelled, or in
    moderation already."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.page_id is None:
        return False
    page = EventPage.objects.get(pk=submission.page_id)
    workflow = page.get_workflow()
    if (
        not page.live
        or page.status == EventPage.Status.CANCELLED
        or page.workflow_in_progress
        or workflow is None
    ):
        return False
    draft = page.get_latest_revision_as_object()
    draft.status = EventPage.Status.CANCELLED
    draft.save_revision(log_action=True)
    workflow.start(page, user=None)
    return True


def paragraphs(text):
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def description_blocks(text):
    """The description as paragraphs of rich text, the visitor's text escaped."""
    return [
        ("paragraph", RichText("<p>" + html.escape(part).replace("\n", "<br/>") + "</p>"))
        for part in paragraphs(text)
    ]


def event_page(data):
    """An unsaved EventPage of the submission's fields."""

    def day(value):
        return datetime.date.fromisoformat(value) if value else None

    def time(value):
        return datetime.time.fromisoformat(value) if value else None

    first = paragraphs(data["description"])
    page = EventPage(
        title=data["title"],
        summary=Truncator(first[0] if first else data["title"]).chars(SUMMARY_LENGTH),
        description=description_blocks(data["description"]),
        start_date=day(data["start_date"]),
        start_time=time(data["start_time"]),
        end_time=time(data["end_time"]),
        all_day=data["all_day"],
        frequency=EventPage.Frequency.WEEKLY if data["repeats_weekly"] else "",
        repeat_until=day(data["repeat_until"]),
        place_id=data["place"],
        place_name=data["place_name"],
        street_address=data["street_address"],
        postal_code=data["postal_code"],
        address_locality=data["address_locality"],
        organiser_id=data["organiser"],
        organiser_name=data["organiser_name"],
        is_free=data["is_free"],
        price=data["price"],
        registration_url=data["registration_url"],
        live=False,
    )
    # Topic objects, not ids: modelcluster keeps them on the unsaved page (ids would go to
    # Django's manager, which needs the page saved first).
    page.topics.set(Topic.objects.filter(pk__in=data["topics"]))
    return page


def village_image(submission):
    """The submission's image as a Wagtail image in the village's media collection, where the
    village's editors (and no one else's) may use, edit or delete it."""
    from wagtail.images import get_image_model

    from home.models import VillageEditors

    editors = VillageEditors.objects.filter(village_key=submission.village_key).first()
    image_model = get_image_model()
    fields = {"title": submission.event["title"][:255], "description": submission.image_alt}
    if editors is not None:
        fields["collection"] = editors.collection
    with submission.image.open("rb") as source:
        image = image_model(file=ImageFile(source, name=submission.image.name), **fields)
        image.save()
    return image


@transaction.atomic
def confirm(submission):
    """Confirm `submission` (once): its draft event page, submitted to the village's workflow.
    Returns the page."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != Submission.Status.UNCONFIRMED:
        return submission.page
    calendar = submission.calendar
    page = event_page(submission.event)
    if submission.image:
        page.image = village_image(submission)
        page.image_alt = submission.image_alt
    calendar.add_child(instance=page)
    page.save_revision(log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)
    submission.page = page
    submission.status = Submission.Status.IN_MODERATION
    submission.confirmed_at = timezone.now()
    if submission.image:
        submission.image.delete(save=False)  # one copy: the Wagtail image's
    submission.save(update_fields=["page", "status", "confirmed_at", "image"])
    return page


def delete_expired(now=None):
    """Delete the submissions left unconfirmed too long; how many."""
    count, _rows = Submission.objects.expired(now).delete()
    return count
