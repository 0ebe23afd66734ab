"""Public GET parameters: the bounds every listing, feed and search view reads them through.

An address is anyone's to write (a crawler's, an old bookmark's, an attacker's), so it must never
make a 500, reach a query unbounded or make a cache entry of its own. Pages read their parameters
through a Django form and `valid_data`: a parameter that does not validate is left out, and its
error is shown on the page (components/filter_errors.html) in the visitor's language. Feeds,
which a calendar app reads without showing a page, read theirs with `distinct_values` and answer
400 when there are too many.
"""

import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import dates

# A feed's filter names a few places, organisers or topics; hundreds of values would only make
# an expensive query (SQLite refuses ~450 with "Expression tree is too large").
MAX_VALUES = 20
# No slug, title or name is longer; a longer value cannot match anything.
MAX_VALUE_LENGTH = 255

# The dates a calendar can be asked for. Midnight in Helsinki of date.min (or the day after
# date.max) does not convert to UTC, which made ?start=0001-01-01 a 500; no event is dated
# outside these years either (events.views.month_view uses the same years).
FIRST_DATE = datetime.date(1900, 1, 1)
LAST_DATE = datetime.date(2999, 12, 31)


class TooManyValues(ValueError):
    def __init__(self, name, limit=MAX_VALUES):
        self.name, self.limit = name, limit
        super().__init__(f"{name}: more than {limit} values")

    @property
    def message(self):
        """The explanation in the active language."""
        return gettext("Too many values for “%(name)s”: at most %(limit)s are allowed.") % {
            "name": self.name,
            "limit": self.limit,
        }


def distinct_values(query, name, limit=MAX_VALUES):
    """The distinct non-blank values of parameter `name` of `query` (a QueryDict), stripped.

    A value with a NUL character (which no slug or name holds, and PostgreSQL refuses in a
    query) or longer than MAX_VALUE_LENGTH can match nothing and is left out. Raises
    TooManyValues when more than `limit` remain.
    """
    values = {value.strip() for value in query.getlist(name)}
    values = {v for v in values if v and "\x00" not in v and len(v) <= MAX_VALUE_LENGTH}
    if len(values) > limit:
        raise TooManyValues(name, limit)
    return sorted(values)


class DateField(dates.DateField):
    """A date between FIRST_DATE and LAST_DATE, with a date picker limited to them. It reads
    the Finnish forms too (?start=8.12.2026, home.dates)."""

    default_validators = [MinValueValidator(FIRST_DATE), MaxValueValidator(LAST_DATE)]

    def __init__(self, **kwargs):
        attrs = {"type": "date", "min": FIRST_DATE.isoformat(), "max": LAST_DATE.isoformat()}
        kwargs.setdefault("widget", forms.DateInput(attrs=attrs, format="%Y-%m-%d"))
        super().__init__(**kwargs)

    def bound_data(self, data, initial):
        """A date read from another form shows in the date picker, which takes only ISO."""
        try:
            return self.to_python(data) or data
        except forms.ValidationError:
            return data


class ChoiceField(forms.ChoiceField):
    """A choice whose unknown value is explained without echoing it: an address may hold
    kilobytes of anything."""

    default_error_messages = {
        "invalid_choice": _("This choice is not available, so it was not applied."),
    }


class VillageFilterForm(forms.Form):
    """A listing's village filter: one of `villages` (a region's), or none on a village's own
    listing, where the parameter is ignored."""

    village = ChoiceField(label=_("Village"), required=False)

    def __init__(self, *args, villages=None, **kwargs):
        super().__init__(*args, **kwargs)
        if villages is None:
            del self.fields["village"]
        else:
            self.fields["village"].choices = [("", "")] + [(v.slug, v.title) for v in villages]

    def selected(self, villages):
        """The chosen village of `villages`, or None."""
        slug = valid_data(self).get("village")
        return next((village for village in villages or () if village.slug == slug), None)


def valid_data(form):
    """The cleaned values of the fields of a bound `form` that validated.

    An invalid parameter is left out (its error stays on the form, for the page to show), and
    the valid ones still apply: a mistyped date does not drop the chosen village.
    """
    if not form.is_bound:
        return {}
    form.is_valid()
    return form.cleaned_data
