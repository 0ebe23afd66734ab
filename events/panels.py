"""The event editor's "next dates" panel: what the rule gives, with cancel and move actions.

Rendered by the server from the version being edited, so it works without JavaScript; with it,
kylatori/static/js/events-admin.js asks events.admin_views.preview_dates for the
dates of the rule as it is being typed and puts them in the same live region.
"""

from django.urls import reverse
from wagtail.admin.panels import Panel


class UpcomingDatesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/upcoming_dates_panel.html"

        @property
        def media(self):
            from django import forms

            return forms.Media(
                js=["js/events-admin.js"],
                css={"all": ["css/events-admin.css"]},
            )

        def get_context_data(self, parent_context=None):
            from .admin_views import date_rows

            context = super().get_context_data(parent_context)
            event = self.instance
            saved = bool(event.pk)
            context.update(
                rows=date_rows(event, actions=saved),
                actions=saved,
                preview_url=reverse("events_preview_dates"),
                change_url=reverse("events_change_date", args=[event.pk]) if saved else "",
                page_id=event.pk or "",
            )
            return context
