"""Faster opening hours in the admin (issue 11, item 5): week templates to start from, and
buttons that copy a day's hours to the other days (kylatori/static/js/opening-hours-admin.js).

The panel stands before the weekly hours' inline panel; the script fills that panel's rows the
way an editor would (Wagtail's own add and delete buttons), so nothing is stored until the entry
is saved, and the server checks the rows as it checks typed ones.
"""

import json

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

# (label, [(first weekday, last weekday, opens, closes), ...]); weekdays 0 = Monday.
WEEK_TEMPLATES = [
    (_("Mon–Fri 9–16"), [(0, 4, "09:00", "16:00")]),
    (_("Mon–Fri 8–16, Sat 10–14"), [(0, 4, "08:00", "16:00"), (5, 5, "10:00", "14:00")]),
    (_("Mon–Fri 9–17"), [(0, 4, "09:00", "17:00")]),
    (_("Mon–Sat 9–21, Sun 12–21"), [(0, 5, "09:00", "21:00"), (6, 6, "12:00", "21:00")]),
    (_("Every day 8–22"), [(0, 6, "08:00", "22:00")]),
]


def template_rows(spans):
    """One row per weekday: [[weekday, "09.00", "16.00"], ...] in the admin's time format."""
    return [
        [day, opens.replace(":", "."), closes.replace(":", ".")]
        for first, last, opens, closes in spans
        for day in range(first, last + 1)
    ]


class WeekTemplatePanel(Panel):
    """A week template chooser and the copy buttons' texts, for the inline panel after it."""

    def __init__(self, relation_name="weekly_hours", **kwargs):
        super().__init__(**kwargs)
        self.relation_name = relation_name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "relation_name": self.relation_name}

    class BoundPanel(Panel.BoundPanel):
        template_name = "directory/admin/week_template_panel.html"

        @property
        def media(self):
            return forms.Media(js=["js/opening-hours-admin.js"])

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            templates = [
                {"label": str(label), "rows": template_rows(spans)}
                for label, spans in WEEK_TEMPLATES
            ]
            context.update(
                prefix=self.panel.relation_name,
                templates=templates,
                templates_json=json.dumps([t["rows"] for t in templates]),
            )
            return context
