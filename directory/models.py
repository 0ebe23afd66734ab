"""The village directory: associations, services and places (snippets), and the DirectoryPage.

Every entry is a translatable snippet with drafts and revisions. It belongs to one or more
villages through the Finnish (source) village pages; a translation of an entry keeps pointing at
those, and pages in other languages match villages by translation key.

Field names follow schema.org (and Helsinki Linked Events where they overlap): name,
description, email, telephone, url, street_address, postal_code, address_locality, latitude,
longitude, so that exporting to them is a mapping.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.admin.widgets.slug import SlugInput
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.text import CleanTextMixin

from . import hours as hours_logic
from .forms import DirectoryEntryForm
from .hours_admin import WeekTemplatePanel

EMAIL_HELP = _(
    "A public address of the organisation or a role (chair@, info@), never a private person's "
    "own contact details."
)


def source_villages():
    """Entries point at the Finnish (source) villages and topics; translations share them."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class DirectoryEntry(
    CleanTextMixin, PreviewableMixin, DraftStateMixin, RevisionMixin, TranslatableMixin,
    index.Indexed, ClusterableModel,
):  # fmt: skip
    """Fields shared by associations, services and places."""

    # The segment of the detail address under a directory page: <directory>/<type>/<slug>/.
    type_slug = None
    base_form_class = DirectoryEntryForm

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        help_text=_("The end of the entry's address; the same in every language."),
    )
    description = models.TextField(_("description"), blank=True)
    villages = ParentalManyToManyField(
        "home.VillagePage",
        verbose_name=_("villages"),
        related_name="+",
        limit_choices_to=source_villages,
        help_text=_("The villages this entry belongs to."),
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        verbose_name=_("topics"),
        related_name="+",
        blank=True,
        limit_choices_to=source_villages,
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=EMAIL_HELP)
    telephone = models.CharField(
        _("telephone"),
        max_length=40,
        blank=True,
        help_text=_(
            "A public number of the organisation or a role (the chair, bookings), never a "
            "private person's own number."
        ),
    )
    url = models.URLField(_("website"), blank=True)
    street_address = models.CharField(
        _("street address"),
        max_length=200,
        blank=True,
        help_text=_("The address of the premises; not a private home."),
    )
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    address_locality = models.CharField(_("post office / municipality"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("villages"),
        SynchronizedField("topics"),
        SynchronizedField("email"),
        SynchronizedField("telephone"),
        SynchronizedField("postal_code"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
        index.FilterField("live"),
        # The admin chooser narrows a village editor's search to their entries by id.
        index.FilterField("id"),
    ]

    contact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("email"),
                FieldPanel("telephone"),
                FieldPanel("url"),
            ],
            _("Public contact"),
        ),
    ]
    location_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("address_locality")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            _("Location"),
        ),
    ]
    intro_panels = [
        # The slug follows the name as it is typed (Wagtail's title-to-slug sync), until the
        # entry is published: its address then stays put unless the editor changes it.
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("description"),
        FieldPanel("villages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        abstract = True
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @property
    def entry_type(self):
        return self.type_slug

    @property
    def type_label(self):
        return self._meta.verbose_name

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def osm_url(self):
        if not self.has_location:
            return ""
        lat, lon = self.latitude, self.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"

    def get_preview_template(self, request, mode_name):
        return "directory/entry_preview.html"

    def get_preview_context(self, request, mode_name):
        from django.utils import timezone

        from .pages import hours_context

        context = super().get_preview_context(request, mode_name)
        self.topic_list = list(self.topics.all())
        context["entry"] = self
        if isinstance(self, OpeningHoursMixin):
            context.update(hours_context(self.get_opening_hours(), timezone.now()))
        return context


class OpeningHoursMixin(models.Model):
    """Structured opening hours: weekly ranges and dated exceptions are inline child rows."""

    closed_on_public_holidays = models.BooleanField(
        _("closed on Finnish public holidays"),
        default=False,
        help_text=_("Closed on the holidays of the Finnish calendar, including Midsummer Eve."),
    )
    hours_note = models.CharField(
        _("note on opening hours"),
        max_length=250,
        blank=True,
        help_text=_("For example: the sauna is heated on Saturdays by arrangement."),
    )

    hours_panels = [
        MultiFieldPanel(
            [
                WeekTemplatePanel("weekly_hours"),
                InlinePanel("weekly_hours", label=_("Weekly hours")),
                InlinePanel("hours_exceptions", label=_("Exceptions")),
                FieldPanel("closed_on_public_holidays"),
                FieldPanel("hours_note"),
            ],
            _("Opening hours"),
        )
    ]

    class Meta:
        abstract = True

    def get_opening_hours(self):
        """The hours as plain values (uses prefetched rows if the queryset prefetched them)."""
        weekly = {}
        for row in self.weekly_hours.all():
            weekly.setdefault(row.weekday, []).append(hours_logic.Range(row.opens, row.closes))
        exceptions = [
            hours_logic.DatedHours(
                start=row.start_date,
                end=row.end_date or row.start_date,
                closed=row.closed,
                ranges=() if row.closed else (hours_logic.Range(row.opens, row.closes),),
                note=row.note,
            )
            for row in self.hours_exceptions.all()
        ]
        return hours_logic.OpeningHours(
            weekly=weekly,
            exceptions=exceptions,
            closed_on_holidays=self.closed_on_public_holidays,
            note=self.hours_note,
        )


class WeekdayChoices(models.IntegerChoices):
    MONDAY = 0, pgettext_lazy("weekday", "Monday")
    TUESDAY = 1, pgettext_lazy("weekday", "Tuesday")
    WEDNESDAY = 2, pgettext_lazy("weekday", "Wednesday")
    THURSDAY = 3, pgettext_lazy("weekday", "Thursday")
    FRIDAY = 4, pgettext_lazy("weekday", "Friday")
    SATURDAY = 5, pgettext_lazy("weekday", "Saturday")
    SUNDAY = 6, pgettext_lazy("weekday", "Sunday")


class WeeklyHoursBase(Orderable):
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WeekdayChoices.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(
        _("closes"),
        help_text=_("A time earlier than the opening time means after midnight (22.00–02.00)."),
    )

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        abstract = True


class HoursExceptionBase(CleanTextMixin, Orderable):
    start_date = models.DateField(_("from"))
    end_date = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Leave empty for a single day.")
    )
    closed = models.BooleanField(_("closed"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(
        _("reason"), max_length=120, blank=True, help_text=_("For example: summer break.")
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError(
                _("Give the opening and closing times, or mark the dates as closed.")
            )


class Association(DirectoryEntry):
    """A registered association (yhdistys) or club: village association, sports club..."""

    type_slug = "yhdistys"

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    meeting_place = models.ForeignKey(
        "directory.Place",
        verbose_name=_("meeting place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    override_translatable_fields = DirectoryEntry.override_translatable_fields + [
        SynchronizedField("logo"),
        SynchronizedField("meeting_place"),
    ]

    panels = [
        *DirectoryEntry.intro_panels,
        FieldPanel("logo"),
        FieldPanel("meeting_place"),
        *DirectoryEntry.contact_panels,
        *DirectoryEntry.location_panels,
        PublishingPanel(),
    ]

    class Meta(DirectoryEntry.Meta):
        verbose_name = _("association")
        verbose_name_plural = _("associations")


class Service(OpeningHoursMixin, DirectoryEntry):
    """A shop, health service, transport, accommodation or other business."""

    type_slug = "palvelu"

    class Kind(models.TextChoices):
        SHOP = "shop", _("Shop")
        HEALTH = "health", _("Health and wellbeing")
        TRANSPORT = "transport", _("Transport")
        ACCOMMODATION = "accommodation", _("Accommodation")
        OTHER = "other", _("Other business")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    price_info = models.TextField(_("price information"), blank=True)

    override_translatable_fields = DirectoryEntry.override_translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("closed_on_public_holidays"),
    ]

    panels = [
        *DirectoryEntry.intro_panels[:3],
        FieldPanel("kind"),
        *DirectoryEntry.intro_panels[3:],
        FieldPanel("price_info"),
        *DirectoryEntry.contact_panels,
        *DirectoryEntry.location_panels,
        *OpeningHoursMixin.hours_panels,
        PublishingPanel(),
    ]

    class Meta(DirectoryEntry.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")


class Place(OpeningHoursMixin, DirectoryEntry):
    """A venue: village hall, school, sports field, beach."""

    type_slug = "paikka"

    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free entrance, accessible toilet, induction loop, parking..."),
    )

    override_translatable_fields = DirectoryEntry.override_translatable_fields + [
        SynchronizedField("closed_on_public_holidays"),
    ]

    panels = [
        *DirectoryEntry.intro_panels,
        *DirectoryEntry.location_panels,
        FieldPanel("accessibility"),
        *DirectoryEntry.contact_panels,
        *OpeningHoursMixin.hours_panels,
        PublishingPanel(),
    ]

    class Meta(DirectoryEntry.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")


class ServiceWeeklyHours(WeeklyHoursBase):
    parent = ParentalKey(Service, on_delete=models.CASCADE, related_name="weekly_hours")


class ServiceHoursException(HoursExceptionBase):
    parent = ParentalKey(Service, on_delete=models.CASCADE, related_name="hours_exceptions")


class PlaceWeeklyHours(WeeklyHoursBase):
    parent = ParentalKey(Place, on_delete=models.CASCADE, related_name="weekly_hours")


class PlaceHoursException(HoursExceptionBase):
    parent = ParentalKey(Place, on_delete=models.CASCADE, related_name="hours_exceptions")


ENTRY_MODELS = {model.type_slug: model for model in (Association, Service, Place)}


# The page model lives in pages.py (it needs the entry models above).
from .pages import DirectoryPage  # noqa: E402, F401
