"""Events: EventPage (its schedule, place and organiser), the calendar (EventIndexPage), the
materialised occurrences every listing reads, and the serialised iCal text every feed joins.

Times are wall-clock times in Europe/Helsinki (date + time fields), so a weekly event at 18:00
stays at 18:00 across the change to and from summer time; they become aware datetimes only when
occurrences are materialised (events.schedule).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format, number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.models import PageImageMixin, ScopedIndexPage, Topic, VillagePage
from home.text import CleanTextMixin
from home.visibility import AliasSourceRestrictionsMixin

from . import schedule
from .forms import EventPageForm
from .panels import UpcomingDatesPanel

TIME_ZONE = "Europe/Helsinki"

WEEKDAYS = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
WEEKDAY_CODES = [code for code, _label in WEEKDAYS]


def date_range_error(value):
    """A form error for a date outside the range events may have (events.schedule), or None."""
    first, last = schedule.EARLIEST_DATE, schedule.latest_date()
    if value is None or first <= value <= last:
        return None
    return ValidationError(
        _("Give a date between %(first)s and %(last)s."),
        code="date_out_of_range",
        params={
            "first": date_format(first, "SHORT_DATE_FORMAT"),
            "last": date_format(last, "SHORT_DATE_FORMAT"),
        },
    )


class WeekdaysFormField(forms.MultipleChoiceField):
    """Checkboxes for the weekdays of a weekly rule, stored as "MO,WE" (RRULE's BYDAY)."""

    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        if isinstance(value, str):
            return [code for code in value.split(",") if code]
        return value

    def to_python(self, value):
        if isinstance(value, str):
            value = self.prepare_value(value)
        return super().to_python(value)

    def clean(self, value):
        codes = super().clean(value)
        return ",".join(code for code in WEEKDAY_CODES if code in codes)

    def has_changed(self, initial, data):
        return self.prepare_value(initial or "") != self.to_python(data)


class WeekdaysField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return WeekdaysFormField(
            choices=WEEKDAYS,
            required=not self.blank,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
        )


class EventIndexPage(ScopedIndexPage):
    """The calendar of everything below this page's parent: one village, or a whole region."""

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event calendar page")

    @path("")
    def index_view(self, request):
        from .views import calendar_view

        return calendar_view(self, request)

    @path("archive/", name="archive")
    def archive_view(self, request):
        from .views import calendar_view

        return calendar_view(self, request, archive=True)

    @path("month/<int:year>/<int:month>/", name="month")
    def month_view(self, request, year, month):
        from .views import month_view

        return month_view(self, request, year, month)

    @property
    def takes_submissions(self):
        """A calendar not yet translated (a wagtail-localize alias) takes none in its language:
        the draft would be a page below an alias."""
        return not self.alias_of_id

    @property
    def submit_url(self):
        """The address of this calendar's submission form, or None (`takes_submissions`)."""
        return self.url + self.reverse_subpage("submit") if self.takes_submissions else None

    # Residents' event submissions (submissions/, docs/submissions.md).
    @path("submit/", name="submit")
    def submit_view(self, request):
        from submissions.views import submit_view

        return submit_view(self, request)

    @path("submit/sent/", name="submit_sent")
    def submit_sent_view(self, request):
        from submissions.views import sent_view

        return sent_view(self, request)

    @path("submit/confirm/", name="submit_confirm")
    def submit_confirm_view(self, request):
        from submissions.views import confirm_view

        return confirm_view(self, request)

    @path("submit/status/", name="submit_status")
    def submit_status_view(self, request):
        from submissions.views import status_view

        return status_view(self, request)

    # The feed is <this page's address>feed.ics (events.urls: Wagtail serves only addresses made
    # of [\w-]+/ segments) and, stable across renames and moves, /<lang>/calendar/<key>.ics.


class EventPage(
    AliasSourceRestrictionsMixin, CleanTextMixin, RoutablePageMixin, PageImageMixin, Page
):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed")
        RESCHEDULED = "rescheduled", _("Rescheduled")

    class Frequency(models.TextChoices):
        NONE = "", _("Does not repeat")
        DAILY = "DAILY", _("Daily")
        WEEKLY = "WEEKLY", _("Weekly")
        MONTHLY = "MONTHLY", _("Monthly")
        YEARLY = "YEARLY", _("Yearly")

    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences shown in listings.")
    )

    # When (wall-clock time in Europe/Helsinki)
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Only for events lasting several days.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    timezone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=[(TIME_ZONE, TIME_ZONE)],
        default=TIME_ZONE,
        editable=False,
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED
    )

    # Repeats
    frequency = models.CharField(
        _("repeats"), max_length=8, choices=Frequency.choices, default="", blank=True
    )
    # Labels and help in plain words: "Joka* 1 = …" (a label of one word, the asterisk of a
    # required field, then a formula) was what editors met before.
    interval = models.PositiveSmallIntegerField(
        _("repeat interval"),
        default=1,
        help_text=_(
            "Write 1 if the event is every week (or every day, month or year), 2 if every "
            "other week, 3 if every third."
        ),
    )
    weekdays = WeekdaysField(
        _("weekdays"), help_text=_("For an event that repeats weekly: tick the days it is on.")
    )
    repeat_until = models.DateField(
        _("last date"), null=True, blank=True, help_text=_("Or give the number of times.")
    )
    repeat_count = models.PositiveSmallIntegerField(
        _("number of times"),
        null=True,
        blank=True,
        help_text=_("How many times in all, if there is no last date."),
    )

    # Where: a place from the directory, or a one-off place written here
    place = models.ForeignKey(
        "directory.Place",
        verbose_name=_("place in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    place_name = models.CharField(
        _("other place"),
        max_length=200,
        blank=True,
        help_text=_("For a one-off place that is not in the directory."),
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    address_locality = models.CharField(_("post office / municipality"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    # Who, what, how much
    organiser = models.ForeignKey(
        "directory.Association",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organiser_name = models.CharField(
        _("other organiser"),
        max_length=200,
        blank=True,
        help_text=_("When the organiser is not in the directory."),
    )
    organiser_url = models.URLField(_("organiser's website"), blank=True)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    is_free = models.BooleanField(_("free of charge"), default=False)
    price = models.CharField(_("price"), max_length=200, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free entrance, induction loop, seating, assistants welcome..."),
    )
    description = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("all_day"),
                FieldPanel("status"),
            ],
            _("When"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("frequency"), FieldPanel("interval")]),
                FieldPanel("weekdays"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                UpcomingDatesPanel(),
                InlinePanel(
                    "date_changes",
                    heading=_("Changed or cancelled dates"),
                    # Wagtail's button reads "Add <label>": "Lisää muutettava päivä".
                    label=pgettext_lazy("add button", "date to change"),
                ),
            ],
            _("Repeats"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place"),
                FieldPanel("place_name"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("address_locality")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("accessibility"),
            ],
            _("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("organiser_name"), FieldPanel("organiser_url")],
            _("Organiser"),
        ),
        FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
        FieldPanel("registration_url"),
        *PageImageMixin.image_panels,
        FieldPanel("description"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("place_name"),
        index.FilterField("start_date"),
    ]
    # Schedule and numbers are the same in every language; names and texts are translated. The
    # schedule is not even overridable in a translation: wagtail-localize would offer its raw
    # values ("TU", "WEEKLY") to the translator, and a translation on other dates is an error.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "all_day",
            "status",
            "frequency",
            "interval",
            "weekdays",
            "repeat_until",
            "repeat_count",
            "date_changes",
        )
    ] + [
        SynchronizedField(name)
        for name in (
            "place",
            "organiser",
            "postal_code",
            "latitude",
            "longitude",
            "organiser_url",
            "is_free",
            "registration_url",
        )
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm

    class Meta:
        verbose_name = _("event page")

    def clean(self):
        super().clean()
        errors = self.schedule_errors()
        if errors:
            raise ValidationError(errors)

    def schedule_errors(self):
        """What is wrong with the dates and the rule, by field (also the admin's date preview,
        events.admin_views, which checks an unsaved rule with it)."""
        errors = {}
        if not self.all_day and not self.start_time:
            errors["start_time"] = _("Give a start time, or mark the event as lasting all day.")
        if self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The event cannot end before it starts.")
        # Without an end date, an end time before the start time means past midnight.
        if (
            self.end_date == self.start_date
            and self.start_time
            and self.end_time
            and self.end_time < self.start_time
        ):
            errors["end_time"] = _("The event cannot end before it starts.")
        if self.frequency:
            if self.repeat_until and self.repeat_count:
                errors["repeat_count"] = _("Give an end date or a number of times, not both.")
            if self.repeat_until and self.repeat_until < self.start_date:
                errors["repeat_until"] = _("The repetition cannot end before the first date.")
            if self.frequency == self.Frequency.WEEKLY and self.weekdays:
                first = WEEKDAY_CODES[self.start_date.weekday()]
                if first not in self.weekdays.split(","):
                    errors["weekdays"] = _("Include the weekday of the first date.")
        for name in ("start_date", "end_date", "repeat_until"):
            error = date_range_error(getattr(self, name))
            if error and name not in errors:
                errors[name] = error
        if not errors and self.frequency and schedule.too_many_dates(self):
            field = "repeat_count" if self.repeat_count else "repeat_until"
            errors[field if getattr(self, field) else "frequency"] = ValidationError(
                _(
                    "An event can have at most %(max)s dates, and this one would have more. "
                    "Give an earlier end date, fewer times or a longer interval."
                ),
                code="too_many_dates",
                params={"max": number_format(schedule.MAX_OCCURRENCES, force_grouping=True)},
            )
        return errors

    # Derived values used by templates, feeds and JSON-LD ------------------------------------

    @property
    def is_recurring(self):
        return bool(self.frequency)

    @property
    def is_multi_day(self):
        return bool(self.end_date and self.end_date > self.start_date)

    @property
    def location(self):
        """The place as one object (name, address, coordinates); None when none is given."""
        from .schedule import Location

        return Location.for_event(self)

    @property
    def organiser_info(self):
        """The organiser in the current language: name, website and e-mail (or None).

        An organiser that is a draft in the directory is left out, as if none were chosen.
        """
        from home.references import live_entry

        association = live_entry(self.organiser) if self.organiser_id else None
        if association is not None:
            return {
                "name": association.name,
                "url": association.url or self.organiser_url,
                "email": association.email,
                "entry": association,
            }
        if not self.organiser_name:
            return None
        return {"name": self.organiser_name, "url": self.organiser_url, "email": "", "entry": None}

    @cached_property
    def village(self):
        return VillagePage.objects.ancestor_of(self).first()

    def get_context(self, request, *args, **kwargs):
        from .views import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context

    @path("")
    def page_view(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical_view(self, request):
        from .views import event_feed

        return event_feed(request, self)


class EventDateChange(Orderable):
    """One date of a repeating event left out, cancelled or moved."""

    class Action(models.TextChoices):
        EXCLUDED = "excluded", _("Left out (no event that day)")
        CANCELLED = "cancelled", _("Cancelled (shown as cancelled)")
        MOVED = "moved", _("Moved to another time")

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="date_changes")
    original_date = models.DateField(_("date"))
    action = models.CharField(
        _("change"), max_length=10, choices=Action.choices, default=Action.CANCELLED
    )
    new_start_date = models.DateField(_("new date"), null=True, blank=True)
    new_start_time = models.TimeField(_("new start time"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end time"), null=True, blank=True)
    # Shown to residents beside the date, on the event's page and in the calendar feeds. Written
    # once, in Finnish, and synchronised with the dates to every language (the page's
    # `date_changes`), where it is marked as Finnish (events.wording.reason_language). It is not
    # offered for translation: wagtail-localize translates a field of an inline only when the
    # inline model is translatable itself (a translation key and locale per row, paired across
    # the languages), and a date change made from the list of upcoming dates would then reach
    # the Swedish and English pages only once someone translated its reason.
    reason = models.CharField(
        _("reason"),
        max_length=200,
        blank=True,
        help_text=_("Shown beside the date, for example: the hall is being renovated."),
    )

    panels = [
        FieldRowPanel([FieldPanel("original_date"), FieldPanel("action")]),
        FieldRowPanel(
            [FieldPanel("new_start_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]
        ),
        FieldPanel("reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("changed date")
        verbose_name_plural = _("changed dates")

    def clean(self):
        super().clean()
        errors = {}
        for name in ("original_date", "new_start_date"):
            error = date_range_error(getattr(self, name))
            if error:
                errors[name] = error
        if self.action == self.Action.MOVED and not (self.new_start_date or self.new_start_time):
            errors.setdefault("new_start_date", _("Give the new date or time."))
        if errors:
            raise ValidationError(errors)


class EventOccurrence(models.Model):
    """One date of a published event, materialised on publish: what every listing queries."""

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField()
    all_day = models.BooleanField(default=False)
    status = models.CharField(max_length=12, choices=EventPage.Status.choices)
    # For a moved date of a repeating event: when it was originally.
    original_start = models.DateTimeField(null=True, blank=True)
    # Why a date was cancelled or moved (EventDateChange.reason).
    reason = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ["start", "event_id"]
        indexes = [models.Index(fields=["event", "start"])]

    def __str__(self):
        return f"{self.event_id} {self.start:%Y-%m-%d %H:%M}"


class EventListRow(models.Model):
    """One row of the Linked Events API's event list (linkedevents.events), stored when the
    occurrences are: a one-off event ("single", its only date), one date of a repeating event
    ("sub"), or a repeating event as a whole ("super", its first to last date).

    Rows belong to an event (the pages sharing a translation key) and are written for its
    representative, the live page made first, with the latest publish of any live page
    (`modified`), so that a list filters, sorts and slices these indexed columns instead of
    working out every event's representative and time per request. What the public sees is still
    decided when the list is read (home.visibility, on `page`); an event with a live page that
    the public may not see is worked out from its pages then, as before (linkedevents.events).
    Written by events.services.refresh_rows.
    """

    # The event page (as a Page: the visibility check joins the page table alone).
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField(db_index=True)
    kind = models.CharField(max_length=6)  # single, sub or super
    begins = models.DateTimeField()
    ends = models.DateTimeField()
    modified = models.DateTimeField()
    status = models.CharField(max_length=12, choices=EventPage.Status.choices)
    all_day = models.BooleanField(default=False)
    original = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["-modified", "-page", "begins"], name="events_listrow_modified"),
            models.Index(fields=["begins", "page"], name="events_listrow_begins"),
            models.Index(fields=["ends", "page", "begins"], name="events_listrow_ends"),
        ]

    def __str__(self):
        return f"{self.kind} {self.page_id} {self.begins:%Y-%m-%d %H:%M}"


class EventFeedEntry(models.Model):
    """An event page's VEVENT text (with its overrides), serialised on publish.

    A feed joins these texts instead of building 10,000 components per request. The sequence and
    the fingerprint live here, not on the page: publishing an old revision copies the revision's
    fields onto the page, which would turn SEQUENCE back.
    """

    page = models.OneToOneField(
        EventPage, on_delete=models.CASCADE, primary_key=True, related_name="feed_entry"
    )
    published = models.BooleanField(default=True)
    sequence = models.PositiveIntegerField(default=0)
    fingerprint = models.CharField(max_length=64)
    changed_at = models.DateTimeField(help_text="When time, place or status last changed.")
    modified_at = models.DateTimeField(help_text="DTSTAMP: when this text was last written.")
    visible_until = models.DateTimeField(null=True, blank=True, db_index=True)
    url_path = models.TextField(help_text="The page's url_path when the text was written.")
    vevent = models.TextField()

    class Meta:
        verbose_name = "event feed entry"
        verbose_name_plural = "event feed entries"

    def __str__(self):
        return f"feed entry of page {self.page_id}"


class CalendarGeneration(models.Model):
    """The calendar generation: one row, rewritten on every change that any feed may show.

    It is part of every cached feed's key (and so of every 304). It lives in the database, the
    truth every process shares, rather than in the cache: with a per-process cache (local
    memory, each gunicorn worker, the task worker beside `make run`) a publish in one process
    would leave the others serving the old feed, and 304s to it, until the cache expired. And it
    changes in the publishing transaction, so no process can cache a feed built from the old
    rows under the new generation.
    """

    value = models.CharField(max_length=64, help_text="<random hex>-<unix time of the change>")

    def __str__(self):
        return self.value
