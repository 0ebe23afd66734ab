"""The public submission form: an event, its place and organiser, and who sends it.

Every choice is checked on the server (DESIGN.md: choosers narrowing a list is convenience, the
form's validation is the rule): a village of this region only, on the region calendar; a place
and an organiser only among the published directory entries of the chosen village. Dates and
times read what Finns type (home.dates), and the schedule is checked by EventPage's own rules.
"""

import datetime

from django import forms
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from directory.models import Association, Place
from events.models import EventIndexPage, EventOccurrence, EventPage
from home import dates
from home.forms import TopicChoicesMixin
from home.models import Topic
from home.roles import entries_of_villages
from home.visibility import public

from . import images, spam

# Which field of the form an error of EventPage.schedule_errors() belongs to.
SCHEDULE_FIELDS = {
    "start_date": "start_date",
    "start_time": "start_time",
    "end_date": "end_time",
    "end_time": "end_time",
    "repeat_until": "repeat_until",
    "repeat_count": "repeat_until",
    "frequency": "repeat_until",
}


# The largest primary key a database column holds: a bigger number is no choice, not a query
# (SQLite refuses to bind it: a 500).
MAX_PK = 2**63 - 1


def is_pk(value):
    text = str(value).strip()
    return text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= MAX_PK


class BoundedModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not is_pk(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value or ():
            if not is_pk(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class EntryChoiceField(BoundedModelChoiceField):
    """A published directory entry, named in the visitor's language (`names`)."""

    def __init__(self, *args, names=None, **kwargs):
        self.names = names or {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return self.names.get(obj.translation_key, obj.name)


def calendars_of_villages(index):
    """{village: its public calendar in the index's language} for the region calendar `index`:
    the villages of its region that have a calendar, by title (one query for the calendars)."""
    region = index.scope
    calendars = {}
    in_language = EventIndexPage.objects.filter(locale_id=index.locale_id, alias_of__isnull=True)
    for calendar in public(in_language).filter(
        path__startswith=region.path, depth=region.depth + 2
    ):
        calendars.setdefault(calendar.path[: -EventIndexPage.steplen], calendar)
    return {v: calendars[v.path] for v in index.villages() if v.path in calendars}


def entry_names(model, entries, language_code):
    """{translation key: name} of the entries' published translations in the language."""
    keys = [entry.translation_key for entry in entries]
    return dict(
        model.objects.filter(
            translation_key__in=keys, locale__language_code=language_code, live=True
        ).values_list("translation_key", "name")
    )


class SubmissionForm(TopicChoicesMixin, forms.Form):
    template_name = "submissions/form.html"

    village = forms.TypedChoiceField(
        label=_("Village"),
        coerce=int,
        error_messages={
            "required": _("Choose a village of this region."),
            "invalid_choice": _("Choose a village of this region."),
        },
    )
    title = forms.CharField(label=_("Name of the event"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happens, for whom. The first paragraph is shown in the calendar."),
    )
    start_date = dates.DateField(
        label=_("Date"), help_text=_("For example 8.12.2026."), widget=forms.TextInput
    )
    all_day = forms.BooleanField(label=_("Lasts all day"), required=False)
    start_time = dates.TimeField(
        label=_("Starts at"),
        required=False,
        help_text=_("For example 18 or 18.30."),
        widget=forms.TextInput,
    )
    end_time = dates.TimeField(
        label=_("Ends at"), required=False, help_text=_("Optional."), widget=forms.TextInput
    )
    repeats_weekly = forms.BooleanField(label=_("Repeats every week"), required=False)
    repeat_until = dates.DateField(
        label=_("Last date"),
        required=False,
        help_text=_("For an event that repeats weekly."),
        widget=forms.TextInput,
    )
    place = EntryChoiceField(
        label=_("Place"),
        queryset=Place.objects.none(),
        required=False,
        empty_label=_("Another place (type it below)"),
    )
    place_name = forms.CharField(label=_("Name of the place"), max_length=200, required=False)
    street_address = forms.CharField(label=_("Street address"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=10, required=False)
    address_locality = forms.CharField(
        label=_("Post office / municipality"), max_length=100, required=False
    )
    organiser = EntryChoiceField(
        label=_("Organiser"),
        queryset=Association.objects.none(),
        required=False,
        empty_label=_("Another organiser (type it below)"),
    )
    organiser_name = forms.CharField(
        label=_("Name of the organiser"), max_length=200, required=False
    )
    is_free = forms.BooleanField(label=_("Free of charge"), required=False)
    price = forms.CharField(
        label=_("Price"), max_length=200, required=False, help_text=_("For example 5 €.")
    )
    registration_url = forms.URLField(
        label=_("Registration link"),
        max_length=200,
        required=False,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
    )
    topics = BoundedModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    image = forms.FileField(
        label=_("Image"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_(
            "Optional: one JPEG, PNG or WebP image. If the form shows problems, choose the "
            "image again."
        ),
    )
    image_alt = forms.CharField(
        label=_("What the image shows"),
        max_length=250,
        required=False,
        help_text=_("For people who cannot see the image. Required with an image."),
    )
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm the event."),
    )
    phone = forms.CharField(
        label=_("Your phone number"),
        max_length=40,
        required=False,
        help_text=_("Optional: for the editors, if they have questions."),
    )
    consent = forms.BooleanField(label=_("I agree that my details are handled for this event."))
    # Shown only with the warning about another event at the same place on the same day.
    same_day_ok = forms.BooleanField(
        label=_("I checked: mine is another event, send it anyway"), required=False
    )
    # The honeypot: hidden by the stylesheet, shown (and explained) only when filled in.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, index, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("started", spam.started_token())
        super().__init__(*args, **kwargs)
        self.index = index
        self.spam_refused = False
        self.honeypot_filled = False
        self.same_day_titles = []
        if index.is_region_index:
            self.calendars = calendars_of_villages(index)
            self.fields["village"].choices = [("", _("Choose a village"))] + [
                (village.pk, village.title) for village in self.calendars
            ]
            village_keys = [village.translation_key for village in self.calendars]
        else:
            del self.fields["village"]
            self.calendars = {index.scope: index}
            village_keys = [index.scope.translation_key]
        language = get_language()
        default = Locale.get_default()
        for name, model in (("place", Place), ("organiser", Association)):
            entries = list(
                entries_of_villages(
                    model.objects.filter(locale=default, live=True), village_keys
                ).order_by("name")
            )
            field = self.fields[name]
            field.queryset = model.objects.filter(pk__in=[entry.pk for entry in entries])
            field.names = entry_names(model, entries, language)
            field.error_messages["invalid_choice"] = (
                _("Choose a place of this village, or type the place below.")
                if name == "place"
                else _("Choose an organiser of this village, or type its name below.")
            )

    # Cleaning -----------------------------------------------------------------------------

    def clean_homepage(self):
        value = self.cleaned_data.get("homepage", "")
        if value:
            self.honeypot_filled = True
            raise forms.ValidationError(
                _("This field must be left empty: empty it and send the form again.")
            )
        return value

    def clean_started(self):
        seconds = spam.seconds_since_started(self.cleaned_data.get("started"))
        if seconds is None:
            # Hand out a fresh form time, so that the next try is accepted.
            self.data = self.data.copy()
            self.data["started"] = spam.started_token()
            self.spam_refused = True
            raise forms.ValidationError(
                _("The form was open for too long. Check the details and send it again.")
            )
        if spam.too_fast(seconds):
            self.spam_refused = True
            raise forms.ValidationError(
                _(
                    "The form was sent within seconds of opening it, faster than a person "
                    "types. Check the details and send it again."
                )
            )
        return self.cleaned_data["started"]

    def clean_start_date(self):
        value = self.cleaned_data["start_date"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The date has passed: give the date of a coming event."))
        return value

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return images.clean_image(upload) if upload else None

    def clean_village(self):
        pk = self.cleaned_data["village"]
        village = next((v for v in self.calendars if v.pk == pk), None)
        if village is None:
            raise forms.ValidationError(_("Choose a village of this region."))
        return village

    def clean(self):
        cleaned = super().clean()
        village = cleaned.get("village") if self.index.is_region_index else self.index.scope
        if village:
            cleaned["calendar"] = self.calendars[village]
            for name, message in (
                ("place", _("This place is not in the chosen village's directory.")),
                ("organiser", _("This organiser is not in the chosen village's directory.")),
            ):
                entry = cleaned.get(name)
                if entry and village.translation_key not in {
                    v.translation_key for v in entry.villages.all()
                }:
                    self.add_error(name, message)
        if not cleaned.get("place") and "place" not in self.errors:
            for name, message in (
                ("place_name", _("Choose a place above, or type the place's name here.")),
                ("street_address", _("Type the place's street address.")),
            ):
                if not cleaned.get(name):
                    self.add_error(name, message)
        if cleaned.get("place"):
            for name in ("place_name", "street_address", "postal_code", "address_locality"):
                cleaned[name] = ""
        if cleaned.get("organiser"):
            cleaned["organiser_name"] = ""
        if cleaned.get("image") and not cleaned.get("image_alt"):
            self.add_error("image_alt", _("Describe the image for people who cannot see it."))
        if cleaned.get("is_free"):
            cleaned["price"] = ""
        if cleaned.get("all_day"):
            cleaned["start_time"] = cleaned["end_time"] = None
        if cleaned.get("repeats_weekly") and not cleaned.get("repeat_until"):
            if "repeat_until" not in self.errors:
                self.add_error("repeat_until", _("Give the last date of the weekly event."))
        if not cleaned.get("repeats_weekly"):
            cleaned["repeat_until"] = None
        if cleaned.get("start_date"):
            self.check_schedule(cleaned)
        if not self.errors and not cleaned.get("same_day_ok"):
            self.warn_of_same_day(cleaned)
        return cleaned

    def warn_of_same_day(self, cleaned):
        """A warning, which the submitter may confirm past, when a published public event is
        already at the same place on the same day (drafts and private events are not told)."""
        self.same_day_titles = same_day_titles(cleaned)
        if self.same_day_titles:
            self.add_error(
                "same_day_ok",
                _(
                    "The calendar already has an event at the same place on the same day: "
                    "%(titles)s. If yours is another event, tick this box and send the form "
                    "again."
                )
                % {"titles": ", ".join(f"“{title}”" for title in self.same_day_titles)},
            )

    def check_schedule(self, cleaned):
        """EventPage's own rules for dates and repetition (one place for them)."""
        page = EventPage(**self.schedule_fields(cleaned))
        for field, error in page.schedule_errors().items():
            name = SCHEDULE_FIELDS.get(field, "start_date")
            if name not in self.errors:
                self.add_error(name, error)

    @staticmethod
    def schedule_fields(cleaned):
        return {
            "start_date": cleaned["start_date"],
            "start_time": cleaned.get("start_time"),
            "end_time": cleaned.get("end_time"),
            "all_day": bool(cleaned.get("all_day")),
            "frequency": EventPage.Frequency.WEEKLY if cleaned.get("repeats_weekly") else "",
            "interval": 1,
            "repeat_until": cleaned.get("repeat_until"),
        }

    # What is kept --------------------------------------------------------------------------

    def event_data(self):
        """The event's fields as JSON, for the Submission until it is confirmed."""
        cleaned = self.cleaned_data

        def iso(value):
            return value.isoformat() if isinstance(value, datetime.date | datetime.time) else None

        return {
            "title": cleaned["title"],
            "description": cleaned["description"],
            "start_date": iso(cleaned["start_date"]),
            "start_time": iso(cleaned.get("start_time")),
            "end_time": iso(cleaned.get("end_time")),
            "all_day": bool(cleaned.get("all_day")),
            "repeats_weekly": bool(cleaned.get("repeats_weekly")),
            "repeat_until": iso(cleaned.get("repeat_until")),
            "place": cleaned["place"].pk if cleaned.get("place") else None,
            "place_name": cleaned.get("place_name", ""),
            "street_address": cleaned.get("street_address", ""),
            "postal_code": cleaned.get("postal_code", ""),
            "address_locality": cleaned.get("address_locality", ""),
            "organiser": cleaned["organiser"].pk if cleaned.get("organiser") else None,
            "organiser_name": cleaned.get("organiser_name", ""),
            "is_free": bool(cleaned.get("is_free")),
            "price": cleaned.get("price", ""),
            "registration_url": cleaned.get("registration_url", ""),
            "topics": [topic.pk for topic in cleaned.get("topics", [])],
        }

    # Rendering -----------------------------------------------------------------------------

    def event_fieldsets(self):
        """The fields in the groups the template shows them in."""
        groups = [
            (_("The event"), ["village", "title", "description"]),
            (
                _("When"),
                [
                    "start_date",
                    "all_day",
                    "start_time",
                    "end_time",
                    "repeats_weekly",
                    "repeat_until",
                ],
            ),
            (
                _("Where"),
                ["place", "place_name", "street_address", "postal_code", "address_locality"]
                + (["same_day_ok"] if self.same_day_titles or self.data.get("same_day_ok") else []),
            ),
            (_("Organiser"), ["organiser", "organiser_name"]),
            (_("Price and registration"), ["is_free", "price", "registration_url"]),
            (_("Image"), ["image", "image_alt"]),
            (_("Topics"), ["topics"]),
            (_("About you (not published)"), ["name", "email", "phone"]),
        ]
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in groups
            if any(name in self.fields for name in names)
        ]

    def summary_errors(self):
        """(field id or None, label, message) of every error, in the order of the form."""
        items = [(None, "", error) for error in self.non_field_errors()]
        for field in self:
            for error in field.errors:
                items.append((field.id_for_label or field.auto_id, field.label, error))
        return items


class ChangeRequestForm(forms.Form):
    """The submitter's message to the village's editors, from the private status page."""

    message = forms.CharField(
        label=_("What should be changed?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The village's editors get your message by e-mail and change the event."),
    )


def same_day_titles(cleaned):
    """The titles of the published, public events at the submission's place (the directory
    entry, or a typed name or street address) on its first day, in any language (one title
    per event, the page's language preferred)."""
    place = cleaned.get("place")
    if place:
        at_place = Q(place__translation_key=place.translation_key)
    else:
        at_place = Q(place_name__iexact=cleaned["place_name"]) | Q(
            place__name__iexact=cleaned["place_name"]
        )
        if cleaned.get("street_address"):
            at_place |= Q(street_address__iexact=cleaned["street_address"])
    events = public(EventPage.objects.live()).filter(at_place)
    rows = (
        EventOccurrence.objects.filter(event__in=events, start__date=cleaned["start_date"])
        .exclude(status=EventPage.Status.CANCELLED)
        .values_list("event__translation_key", "event__title", "event__locale__language_code")
        .order_by("start")[:50]
    )
    language = get_language()
    titles = {}
    for key, title, code in rows:
        if key not in titles or code == language:
            titles[key] = title
    return list(titles.values())[:5]
