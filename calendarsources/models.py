"""Calendar sources: calendars that associations already keep elsewhere (an ICS address, or a
Linked Events query), synced into EventPages of one of our calendars.

Imported events are keyed by (source, UID) in ImportedEvent, a small mapping model, rather than
by fields on EventPage: the key, the digest of the source's text (so an unchanged event costs no
write) and the removal date are the importer's business, not the page's; the unique constraint
makes a duplicate impossible whatever a sync does; and events/ stays free of importer fields.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import Topic

# Backoff after failed syncs: an hour, doubled per consecutive failure, at most a day.
SYNC_INTERVAL = datetime.timedelta(hours=1)
MAX_BACKOFF = datetime.timedelta(hours=24)


class CalendarSource(models.Model):
    class Kind(models.TextChoices):
        ICS = "ics", _("ICS address")
        LINKED_EVENTS = "linkedevents", _("Linked Events query")

    name = models.CharField(_("name"), max_length=200)
    calendar = models.ForeignKey(
        "events.EventIndexPage",
        verbose_name=_("calendar"),
        on_delete=models.CASCADE,
        related_name="calendar_sources",
        help_text=_("The calendar page the events are added to (a village's or the region's)."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.ICS)
    url = models.URLField(
        _("address"),
        max_length=1000,
        help_text=_(
            "The calendar's public ICS address (https:// or webcal://), or a Linked Events API "
            "address such as https://api.hel.fi/linkedevents/v1/event/."
        ),
    )
    filters = models.CharField(
        _("filters"),
        max_length=500,
        blank=True,
        help_text=_("For Linked Events: for example publisher=ahjo:00001&keyword=yso:p1235."),
    )
    organiser = models.ForeignKey(
        "directory.Association",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    default_place = models.ForeignKey(
        "directory.Place",
        verbose_name=_("default place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For events whose place the source does not give or we cannot match."),
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")
    publish = models.BooleanField(
        _("publish directly"),
        default=True,
        help_text=_("Otherwise new events wait as drafts for an editor to publish them."),
    )
    enabled = models.BooleanField(_("in use"), default=True)

    # State of the last syncs
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    # Digest of the last body read (and of the week): a server without ETag or Last-Modified
    # that sends the same bytes again costs no parsing (see sync.sync_source).
    content_digest = models.CharField(max_length=64, blank=True, editable=False)
    last_synced_at = models.DateTimeField(_("last synced"), null=True, blank=True, editable=False)
    last_attempt_at = models.DateTimeField(null=True, blank=True, editable=False)
    count_new = models.PositiveIntegerField(_("new"), default=0, editable=False)
    count_updated = models.PositiveIntegerField(_("updated"), default=0, editable=False)
    count_removed = models.PositiveIntegerField(_("removed"), default=0, editable=False)
    count_skipped = models.PositiveIntegerField(_("skipped"), default=0, editable=False)
    skipped_details = models.TextField(_("skipped events"), blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    next_sync_at = models.DateTimeField(
        null=True, blank=True, db_index=True, editable=False, help_text="Null: due now."
    )

    class Meta:
        verbose_name = _("calendar source")
        verbose_name_plural = _("calendar sources")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def village(self):
        """The village whose calendar this feeds (None for a region's calendar)."""
        from home.models import VillagePage

        return VillagePage.objects.ancestor_of(self.calendar).first()

    def clean(self):
        super().clean()
        from .fetch import FetchError, normalise_url

        try:
            self.url = normalise_url(self.url)
        except FetchError as error:
            raise ValidationError({"url": error.message}) from error

    def schedule_next(self, failed, now=None):
        now = now or timezone.now()
        if failed:
            self.consecutive_failures += 1
            delay = min(SYNC_INTERVAL * 2 ** (self.consecutive_failures - 1), MAX_BACKOFF)
        else:
            self.consecutive_failures = 0
            delay = SYNC_INTERVAL
        self.next_sync_at = now + delay


class ImportedEvent(models.Model):
    """One event of a source, by its UID, and the page it became."""

    source = models.ForeignKey(CalendarSource, on_delete=models.CASCADE, related_name="events")
    uid = models.CharField(max_length=500)
    page = models.OneToOneField(
        "events.EventPage", on_delete=models.CASCADE, related_name="imported_from"
    )
    # Digest of what the source said (its VEVENTs, as parsed): unchanged means no write.
    digest = models.CharField(max_length=64)
    # Digest of the page's own fields as the last sync wrote them: when they differ, an editor
    # changed the page, and it is detached.
    page_digest = models.CharField(max_length=64, blank=True)
    # When the event disappeared from the source (its page unpublished, shown cancelled).
    removed_at = models.DateTimeField(null=True, blank=True)
    # An editor edited the page: syncs leave it alone from then on (see sync.py).
    detached = models.BooleanField(default=False)
    # A moderated source's revision of the page waiting for approval (see signals.py).
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "uid"], name="imported_event_source_uid")
        ]

    def __str__(self):
        return f"{self.source_id}:{self.uid}"
