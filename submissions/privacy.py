"""The submitter's personal data: shown only to those who need it, and kept no longer.

The submitter's name, e-mail address and phone are on the Submission (submissions.models), a
model of its own beside the event page: nothing of them is on the page or its revisions, and
nothing of them is published. home.roles.submissions_in_scope says who may see them (the
village's editors, its region's staff, superusers; submissions/admin_views.py shows them).

They go:

- when the village's editors reject the event: they delete its draft (Wagtail's one negative
  action, "request changes", sends it back to the submitter, who answers from the private page
  and is told of the outcome, so it keeps the address; moderation.py). The three fields are
  blanked as the page goes; the submission stays, so the private page still says the event was
  not published. A draft left waiting for changes loses them KYLATORI_SUBMISSION_CONTACT_DAYS
  days after the request;
- with the whole submission KYLATORI_SUBMISSION_CONTACT_DAYS (30) days after the event's last
  date: a repeating event's last occurrence, as the published page (or, for a draft, its latest
  revision) says; an event that repeats without an end keeps them while it goes on. The event
  page stays, published or not, without them.

`daily()` does both, and deletes the submissions left unconfirmed (moderation.delete_expired):
extend_event_horizon runs it. GDPR requests: `export_for` and `delete_for` one e-mail address
(manage.py submitter_data).
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone

from events.models import EventPage

from .models import Submission


def erase_contact(queryset):
    """Blank the name, e-mail address and phone of the submissions of `queryset`; how many."""
    return queryset.exclude(name="", email="", phone="").update(name="", email="", phone="")


def has_contact(submission):
    return bool(submission.name or submission.email or submission.phone)


# On rejection -----------------------------------------------------------------------------------


@receiver(pre_delete, sender=EventPage)
def on_draft_deleted(sender, instance, **kwargs):
    """An editor deletes a submitted event: the submitter's details go with it (the submission,
    its page link set to nothing, still tells the private page "not published")."""
    erase_contact(Submission.objects.filter(page_id=instance.pk))


def page_ids_of(workflow_states):
    from wagtail.models import Page

    page_type = ContentType.objects.get_for_model(Page)
    ids = workflow_states.filter(base_content_type=page_type).values_list("object_id", flat=True)
    return [int(pk) for pk in ids if pk.isdigit()]


def erase_rejected(today=None):
    """The contact details of the submissions whose draft has waited for changes longer than
    the days they are kept (the submitter did not answer); how many."""
    from wagtail.models import WorkflowState

    today = today or timezone.localdate()
    since = datetime.datetime.combine(
        today - datetime.timedelta(days=settings.KYLATORI_SUBMISSION_CONTACT_DAYS),
        datetime.time(),
        timezone.get_current_timezone(),
    )
    rejected = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_NEEDS_CHANGES, current_task_state__finished_at__lt=since
    )
    return erase_contact(Submission.objects.filter(page_id__in=page_ids_of(rejected)))


# After the event ----------------------------------------------------------------------------------


def last_day(submission):
    """The local date of the event's last occurrence; None for one that repeats without an end.

    The published page's dates while it is live, a draft's latest revision's (editors may have
    changed the dates before approving), and without a page (deleted by the editors) the dates
    the submitter typed.
    """
    from events import schedule

    page = submission.page
    if page is None:
        data = submission.event
        return datetime.date.fromisoformat(data.get("repeat_until") or data["start_date"])
    event = page if page.live else page.get_latest_revision_as_object()
    end = schedule.last_end(event)
    if end is None:
        return None
    end = timezone.localtime(end)
    if event.all_day:  # its end is the next midnight, exclusive
        end -= datetime.timedelta(microseconds=1)
    return end.date()


def past_keeping(today=None):
    """The confirmed submissions whose event ended more than KYLATORI_SUBMISSION_CONTACT_DAYS
    days before `today` (local): the event on 10 December keeps them on 9 January (day 30),
    they go on the 10th."""
    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=settings.KYLATORI_SUBMISSION_CONTACT_DAYS)
    confirmed = Submission.objects.exclude(status=Submission.Status.UNCONFIRMED)
    return [
        submission.pk
        for submission in confirmed.select_related("page")
        if (day := last_day(submission)) is not None and day < limit
    ]


def delete_past(today=None):
    """Delete the submissions `past_keeping` names (their pages stay); how many."""
    count, _rows = Submission.objects.filter(pk__in=past_keeping(today)).delete()
    return count


def daily(today=None):
    """What the daily run deletes: {"unconfirmed": n, "rejected": n, "after the event": n}."""
    from .moderation import delete_expired

    return {
        "unconfirmed": delete_expired(),
        "rejected": erase_rejected(today),
        "after the event": delete_past(today),
    }


# GDPR requests ------------------------------------------------------------------------------------


def submissions_of(email):
    """Every submission with this e-mail address, in any village, whatever its case."""
    return (
        Submission.objects.filter(email__iexact=email.strip())
        .select_related("calendar", "page")
        .order_by("created_at", "pk")
    )


def village_title(submission):
    from home.models import VillagePage

    titles = dict(
        VillagePage.objects.filter(translation_key=submission.village_key).values_list(
            "locale__language_code", "title"
        )
    )
    return titles.get(submission.language) or next(iter(titles.values()), "")


def as_data(submission):
    """One submission as the person's data export shows it."""
    page = submission.page
    return {
        "submitted_at": submission.created_at.isoformat(),
        "confirmed_at": submission.confirmed_at.isoformat() if submission.confirmed_at else None,
        "village": village_title(submission),
        "language": submission.language,
        "status": submission.status,
        "name": submission.name,
        "email": submission.email,
        "phone": submission.phone,
        "event": submission.event,
        "image_alt": submission.image_alt,
        "event_page": None
        if page is None
        else {
            "id": page.pk,
            "title": page.draft_title,
            "published": page.live,
            "url": page.full_url if page.live else None,
        },
    }


def export_for(email):
    return [as_data(submission) for submission in submissions_of(email)]


@transaction.atomic
def delete_for(email):
    """Delete every submission with this e-mail address (contact details, what was typed, an
    image not yet confirmed) and the drafts of those not published; published events stay,
    without the person's data. {"submissions": n, "drafts": n, "published": n}."""
    counts = {"submissions": 0, "drafts": 0, "published": 0}
    for submission in submissions_of(email).select_for_update(of=("self",)):
        page = submission.page
        if page is not None and page.live:
            counts["published"] += 1
        elif page is not None:
            page.delete()
            counts["drafts"] += 1
        submission.delete()
        counts["submissions"] += 1
    return counts
