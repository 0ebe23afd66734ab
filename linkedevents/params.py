"""The query parameters of the Linked Events API, read through Django forms (home.params).

Linked Events ignores parameter names it does not know (clients send `format=json`, `division`,
`show_all_places`...), and so do we: a client written for Helsinki must work unchanged. A known
parameter with a value that does not parse is a 400 with a JSON error in the request's language,
never a 500 and never silently dropped (a client that asks for a date range must not get every
event because of a typo).
"""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.schedule import TZ
from home import params

from . import ids

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# A page number beyond every page is a 404 (as in Linked Events); beyond this it is a 400.
MAX_PAGE = 100_000
MAX_DAYS = 3660
MAX_TEXT = 255
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

INCLUDES = {"location", "keywords", "publisher", "sub_events", "super_event"}
# Embeddings Linked Events knows for fields Kylätori leaves empty: accepted, nothing to embed.
INCLUDES_EMPTY = {"audience", "in_language", "external_links", "images", "offers"}

EVENT_SORTS = ["start_time", "end_time", "last_modified_time"]
PLACE_SORTS = ["id", "name", "street_address", "postal_code"]
NAMED_SORTS = ["id", "name"]


def sort_choices(names):
    return [(prefix + name, prefix + name) for name in names for prefix in ("", "-")]


class LinkedTimeField(forms.CharField):
    """A moment as Linked Events reads `start` and `end`: an ISO 8601 date or date-time, "today"
    or "now". A date-time without an offset is Helsinki time (as Linked Events takes its local
    time). `end_of_day` turns a date (and "today") into the next midnight: `end=2026-12-24`
    includes the 24th. Returns an aware datetime."""

    default_error_messages = {
        "invalid": _(
            "Give a date (2026-12-24), a date and time (2026-12-24T18:00:00Z), “today” or “now”."
        ),
        "out_of_range": _("Give a date between %(first)s and %(last)s."),
    }

    def __init__(self, *, end_of_day=False, **kwargs):
        self.end_of_day = end_of_day
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return None
        if len(value) > 64:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        lowered = value.lower()
        if lowered == "now":
            return timezone.now()
        if lowered == "today":
            return self.day_bound(timezone.localdate())
        if ISO_DATE_RE.match(value):
            try:
                return self.day_bound(datetime.date.fromisoformat(value))
            except ValueError:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid"
                ) from None
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        self.check_range(moment.date())
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=TZ)
        return moment

    def check_range(self, day):
        if not params.FIRST_DATE <= day <= params.LAST_DATE:
            raise forms.ValidationError(
                self.error_messages["out_of_range"],
                code="out_of_range",
                params={
                    "first": params.FIRST_DATE.isoformat(),
                    "last": params.LAST_DATE.isoformat(),
                },
            )

    def day_bound(self, day):
        self.check_range(day)
        if self.end_of_day:
            day += datetime.timedelta(days=1)
        return datetime.datetime.combine(day, datetime.time(), tzinfo=TZ)


class CommaListField(forms.CharField):
    """Comma-separated values (repeated parameters are joined), at most home.params.MAX_VALUES
    distinct ones, each checked by `parse_one`."""

    default_error_messages = {
        "too_many": _("Too many values: at most %(limit)s are allowed."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if len(value) > 4000:
            raise forms.ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"limit": params.MAX_VALUES},
            )
        values = {part.strip() for part in value.split(",")} - {""}
        if len(values) > params.MAX_VALUES:
            raise forms.ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"limit": params.MAX_VALUES},
            )
        return {self.parse_one(part) for part in values}

    def parse_one(self, value):
        return value


# What an id of each kind looks like: the message of a parameter's bad id, and of the 404 of a
# detail address whose id cannot be one (linkedevents.views.one).
ID_FORMS = {
    "event": _("An event id has the form kylatori:<number>, for example kylatori:12."),
    "place": _("A place id has the form kylatori:<number>, for example kylatori:12."),
    "keyword": _("A keyword id has the form kylatori:<number>, for example kylatori:12."),
    "organization": _(
        "An organization id has the form kylatori:<number> (a village or the region) or "
        "yhdistys:<number> (an association), for example yhdistys:12."
    ),
    "language": _("A language id is fi, sv or en."),
}


class IdListField(CommaListField):
    """Ids such as kylatori:12,kylatori:40; with `none=True` also "none" (or "null")."""

    default_error_messages = {
        "invalid_id": _("An id has the form kylatori:<number>, for example kylatori:12."),
    }

    def __init__(self, *, none=False, **kwargs):
        self.none = none
        super().__init__(**kwargs)

    def parse_one(self, value):
        if self.none and value.lower() in ("none", "null"):
            return None
        number = ids.parse(value)
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid_id"], code="invalid_id")
        return number


class OrganizationIdListField(IdListField):
    """Organization ids: kylatori:<number> (a village, the region) or yhdistys:<number>."""

    default_error_messages = {"invalid_id": ID_FORMS["organization"]}

    def parse_one(self, value):
        parsed = ids.parse_organization(value)
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid_id"], code="invalid_id")
        return parsed


class ChoiceListField(CommaListField):
    default_error_messages = {
        "invalid_choice": _("Unknown value. Allowed values: %(choices)s."),
    }

    def __init__(self, *, choices, **kwargs):
        self.allowed = list(choices)
        super().__init__(**kwargs)

    def parse_one(self, value):
        if value.lower() not in self.allowed:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"choices": ", ".join(self.allowed)},
            )
        return value.lower()


class ChoiceField(forms.ChoiceField):
    default_error_messages = {
        "invalid_choice": _("Unknown value. Allowed values: %(choices)s."),
    }

    def validate(self, value):
        if value and not self.valid_value(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"choices": ", ".join(str(key) for key, _label in self.choices if key)},
            )


class TextField(forms.CharField):
    default_error_messages = {"nul": _("The text holds a character that no text can contain.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_TEXT)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if "\x00" in value or any("\ud800" <= char <= "\udfff" for char in value):
            raise forms.ValidationError(self.error_messages["nul"], code="nul")
        return value


class ListForm(forms.Form):
    """What every list endpoint reads: the page and its size, and `format` (json only)."""

    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    # A larger page is served at the cap, as Linked Events' pagination does (Django REST
    # framework's max_page_size): clients written for it ask for more and expect 100.
    page_size = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    format = ChoiceField(required=False, choices=[("", ""), ("json", "json")])

    def __init__(self, query, *args, **kwargs):
        # Repeated parameters: the comma lists join them; single values take the last one.
        data = {}
        for name in self.base_fields:
            values = query.getlist(name)
            if values:
                field = self.base_fields[name]
                data[name] = ",".join(values) if isinstance(field, CommaListField) else values[-1]
        super().__init__(data, *args, **kwargs)

    def clean_page_size(self):
        size = self.cleaned_data["page_size"]
        return min(size, MAX_PAGE_SIZE) if size else size


class DetailForm(ListForm):
    include = ChoiceListField(choices=sorted(INCLUDES | INCLUDES_EMPTY))

    def __init__(self, query, *args, **kwargs):
        super().__init__(query, *args, **kwargs)
        for name in ("page", "page_size"):
            del self.fields[name]


class EventListForm(ListForm):
    include = ChoiceListField(choices=sorted(INCLUDES | INCLUDES_EMPTY))
    start = LinkedTimeField()
    end = LinkedTimeField(end_of_day=True)
    days = forms.IntegerField(required=False, min_value=1, max_value=MAX_DAYS)
    keyword = IdListField()
    location = IdListField()
    publisher = OrganizationIdListField()
    text = TextField()
    last_modified_since = LinkedTimeField()
    super_event = IdListField(none=True)
    super_event_type = ChoiceListField(choices=["recurring", "none", "null"])
    recurring = ChoiceField(required=False, choices=[("", ""), ("super", "super"), ("sub", "sub")])
    sort = ChoiceField(required=False, choices=[("", ""), *sort_choices(EVENT_SORTS)])

    def clean(self):
        data = super().clean()
        if data.get("days") and (data.get("start") or data.get("end")):
            self.add_error("days", _("Give either “days” or “start” and “end”, not both."))
        return data


class PlaceListForm(ListForm):
    text = TextField()
    sort = ChoiceField(required=False, choices=[("", ""), *sort_choices(PLACE_SORTS)])


class NamedListForm(ListForm):
    """Keywords and organizations."""

    text = TextField()
    sort = ChoiceField(required=False, choices=[("", ""), *sort_choices(NAMED_SORTS)])


class BadRequest(Exception):
    """A parameter did not validate: `errors` maps each parameter to its messages."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__(errors)


def read(form):
    """The cleaned data of `form`, or BadRequest with its errors."""
    if not form.is_valid():
        raise BadRequest({name: [str(message) for message in messages]
                          for name, messages in form.errors.items()})  # fmt: skip
    return form.cleaned_data
