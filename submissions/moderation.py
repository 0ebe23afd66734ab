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
from django.core import signing
from django.core.files.images import ImageFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import Truncator
from wagtail.rich_text import RichText

from events.models import EventPage
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


def status_url(request, submission):
    calendar = submission.calendar
    path = calendar.get_url(request) + calendar.reverse_subpage("submit_status")
    return absolute_url(request, f"{path}?token={status_token(submission)}")


def status_of(submission):
    """Where the submission stands, as the submitter is told: "unconfirmed", "in_moderation",
    "published" or "not_published" (rejected, sent back, or deleted by the editors)."""
    if submission.status == Submission.Status.UNCONFIRMED:
        return "unconfirmed"
    page = submission.page
    if page is None:
        return "not_published"
    if page.live:
        return "published"
    return "in_moderation" if page.workflow_in_progress else "not_published"


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
    calendar = submission.calendar
    path = calendar.get_url(request) + calendar.reverse_subpage("submit_confirm")
    return absolute_url(request, f"{path}?token={confirm_token(submission)}")


def send_confirmation(request, submission):
    """The e-mail with the confirmation link, in the language the event was written in."""
    with translation.override(submission.language):
        context = {
            "submission": submission,
            "title": submission.event["title"],
            "calendar": submission.calendar,
            "confirm_url": confirm_url(request, submission),
            "status_url": status_url(request, submission),
            "hours": confirm_hours(),
        }
        subject = render_to_string("submissions/email/confirm_subject.txt", context)
        body = render_to_string("submissions/email/confirm_body.txt", context)
    send_mail(subject.strip(), body, None, [submission.email])


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
    page.topics.set(data["topics"])
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
