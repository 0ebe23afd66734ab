"""Date and time fields that read what Finns type, for the admin and the public filters alike.

The formats themselves are the active language's input formats (kylatori/formats/). Two forms
no strptime format reads well are made readable first, here: "klo 18.30" (or Swedish "kl.
18.30"), and a two-digit year, which is this century's (8.12.26 is 2026; strptime's %y would
make 8.12.69 the year 1969). Text that still cannot be read is a field error saying what to
type, never replaced by another value.
"""

import re

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

# "klo"/"kl."/"kl" before a time, alone or after a date: "klo 18", "8.12.2026 kl. 18.30".
CLOCK_WORD = re.compile(r"(?:^|(?<=\s))(?:klo|kl\.?)(?:\s+|(?=\d))", re.IGNORECASE)
# A day, a month and a two-digit year, then the end or a space: "8.12.26", "8.12.26 18".
TWO_DIGIT_YEAR = re.compile(r"^(\d{1,2}([./])\d{1,2}\2)(\d{2})(?=\s|$)")


def normalise(text, starts_with_date=True):
    """`text` with single spaces, without a clock word, and with a four-digit year if it
    `starts_with_date` (a time such as 18.30.00 has no year)."""
    text = CLOCK_WORD.sub("", " ".join(text.split())).strip()
    return TWO_DIGIT_YEAR.sub(r"\g<1>20\3", text) if starts_with_date else text


class FinnishInput:
    """Reads normalised text with the field's own input formats."""

    starts_with_date = True

    def to_python(self, value):
        if isinstance(value, str):
            value = normalise(value, self.starts_with_date)
        return super().to_python(value)


class DateField(FinnishInput, forms.DateField):
    default_error_messages = {"invalid": _("Enter a date such as 8.12.2026.")}


class TimeField(FinnishInput, forms.TimeField):
    starts_with_date = False
    default_error_messages = {"invalid": _("Enter a time such as 18 or 18.30.")}


class DateTimeField(FinnishInput, forms.DateTimeField):
    default_error_messages = {"invalid": _("Enter a date and time such as 8.12.2026 18.30.")}


def use_in_admin():
    """Every date, time and date-time field of the admin's model forms uses these fields, with
    Wagtail's own picker widgets (pages, snippets and their inline panels)."""
    from wagtail.admin import widgets
    from wagtail.admin.forms.models import register_form_field_override

    for model_field, form_field, widget in (
        (models.DateField, DateField, widgets.AdminDateInput),
        (models.TimeField, TimeField, widgets.AdminTimeInput),
        (models.DateTimeField, DateTimeField, widgets.AdminDateTimeInput),
    ):
        register_form_field_override(
            model_field, override={"form_class": form_field, "widget": widget}
        )
