"""A resident's event submission: what they typed, who they are, and where it stands.

The event's fields wait here (`event`, as the form cleaned them) until the submitter confirms
their e-mail address; only then does the submission become a draft EventPage in the village's
calendar, in moderation (submissions.moderation). The submitter's name, e-mail and phone stay
on this model, never on the page: nothing of them is published.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubmissionQuerySet(models.QuerySet):
    def pending(self):
        """Awaiting the submitter's confirmation, or the editors' decision (its draft page is
        not live yet)."""
        return self.filter(
            Q(status=Submission.Status.UNCONFIRMED)
            | Q(status=Submission.Status.IN_MODERATION, page__live=False)
        )

    def expired(self, now=None):
        """Unconfirmed for longer than KYLATORI_SUBMISSION_CONFIRM_WITHIN."""
        now = now or timezone.now()
        return self.filter(
            status=Submission.Status.UNCONFIRMED,
            created_at__lt=now - settings.KYLATORI_SUBMISSION_CONFIRM_WITHIN,
        )


class Submission(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
        IN_MODERATION = "in_moderation", _("Sent to the editors")

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    calendar = models.ForeignKey(
        "events.EventIndexPage",
        verbose_name=_("calendar"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The village's translation key: the same for the village in every language.
    village_key = models.UUIDField(db_index=True)
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    event = models.JSONField(_("event"), help_text="The event's fields as the form cleaned them.")
    page = models.OneToOneField(
        "events.EventPage",
        verbose_name=_("event page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )
    # The image, re-encoded without metadata (submissions.images), until it becomes a Wagtail
    # image in the village's collection on confirmation; under a random name.
    image = models.FileField(_("image"), upload_to="submissions/", blank=True)
    image_alt = models.CharField(_("image alt text"), max_length=250, blank=True)
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("event submission")
        verbose_name_plural = _("event submissions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.event.get('title', '')} ({self.get_status_display()})"
