"""The event page's admin form: a changed date must be one of the dates the rule gives."""

import datetime
from types import SimpleNamespace

from django.utils.translation import gettext_lazy as _

from home.forms import PageForm

from . import schedule

RULE_FIELDS = ("start_date", "start_time", "all_day", "frequency", "interval", "weekdays")


class EventPageForm(PageForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("date_changes")
        if formset is None or not cleaned.get("frequency") or not cleaned.get("start_date"):
            return cleaned
        if not schedule.EARLIEST_DATE <= cleaned["start_date"] <= schedule.latest_date():
            return cleaned  # the model says so, without walking the rule from the year 1700
        fields = {name: cleaned.get(name) for name in RULE_FIELDS}
        fields.update(repeat_until=cleaned.get("repeat_until"), repeat_count=None)
        if not fields["all_day"] and not fields["start_time"]:
            return cleaned  # the model says what is missing
        rule = schedule.rule_for(SimpleNamespace(end_date=None, end_time=None, **fields))
        time = datetime.time() if fields["all_day"] else fields["start_time"]
        count = cleaned.get("repeat_count")
        dates = list(rule[:count]) if count and not fields["repeat_until"] else rule
        for form in formset.forms:
            day = form.is_valid() and form.cleaned_data.get("original_date")
            if day and not form.cleaned_data.get("DELETE"):
                if datetime.datetime.combine(day, time) not in dates:
                    form.add_error("original_date", _("The event does not repeat on this date."))
        return cleaned
