"""The event editor's admin views: the dates a rule gives (a preview while it is typed), and
cancelling or moving one date of a repeating event from its edit view.

Both answer under /admin/ (events.wagtail_hooks), so only signed-in admin users reach them.
The preview reads nothing but the posted rule, and a page's date changes only when the user may
edit that page (home.roles); a change is made to the page's latest revision and goes through
Wagtail's revisions, published at once when the page was live with nothing else unpublished, and
then in the page's published translations too (events.services), as they share its dates.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from home import dates
from home.roles import can_edit_object

from . import schedule, services, wording
from .models import WEEKDAYS, EventDateChange, EventPage, WeekdaysFormField

PREVIEW_DATES = 8


def date_rows(event, actions=False, limit=PREVIEW_DATES):
    """The next `limit` dates of `event` (saved or not) as the panel lists them; empty when the
    schedule is incomplete or wrong (the form's errors say why)."""
    if not event.start_date or not (event.all_day or event.start_time):
        return []
    if event.schedule_errors():
        return []
    now = timezone.now()
    upcoming = [occ for occ in schedule.occurrences(event) if occ.end >= now][:limit]
    rows = []
    for occ in upcoming:
        original = timezone.localdate(occ.original_start or occ.start)
        rows.append(
            {
                "when": wording.sentence_date(original)
                if occ.all_day
                else wording.moment(occ.original_start or occ.start),
                "key": original.isoformat(),
                "status": occ.status,
                "moved_to": wording.moved_text(occ) if occ.original_start else "",
                "reason": occ.reason,
            }
        )
    return rows


class RuleForm(forms.Form):
    """The rule fields of the event form, read as the admin reads them (Finnish dates too)."""

    start_date = dates.DateField()
    start_time = dates.TimeField(required=False)
    end_time = dates.TimeField(required=False)
    all_day = forms.BooleanField(required=False)
    frequency = forms.ChoiceField(choices=EventPage.Frequency.choices, required=False)
    interval = forms.IntegerField(min_value=1, max_value=999, required=False)
    weekdays = WeekdaysFormField(choices=WEEKDAYS, required=False)
    repeat_until = dates.DateField(required=False)
    repeat_count = forms.IntegerField(
        min_value=1, max_value=schedule.MAX_OCCURRENCES, required=False
    )

    def event(self):
        """An unsaved event with the rule (never stored), or None with the form's errors."""
        if not self.is_valid():
            return None
        fields = dict(self.cleaned_data)
        fields["interval"] = fields["interval"] or 1
        event = EventPage(**fields)
        for name, error in event.schedule_errors().items():
            self.add_error(name if name in self.fields else None, error)
        return None if self.errors else event


def editable_event_or_404(user, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, EventPage):
        raise Http404
    if not can_edit_object(user, page):
        raise PermissionDenied
    return page


@require_GET
def preview_dates(request):
    """The next dates of the rule in the query (an HTML fragment for the live region)."""
    form = RuleForm(request.GET)
    event = form.event()
    if event is None:
        errors = [str(error) for error in form.errors.values() for error in error]
        # A 200: half-typed input is the normal state of a live preview, not a bad request.
        html = render_to_string("events/admin/preview_errors.html", {"errors": errors}, request)
        return HttpResponse(html)
    if not event.frequency:
        rows = date_rows(event)
    else:
        changes = []
        page_id = request.GET.get("page", "")
        if page_id.isdigit():
            # The page's own changed dates, so the preview marks them as the panel does.
            page = editable_event_or_404(request.user, int(page_id))
            changes = list(page.get_latest_revision_as_object().date_changes.all())
        event.date_changes = changes
        rows = date_rows(event)
    html = render_to_string(
        "events/admin/upcoming_dates_list.html", {"rows": rows, "actions": False}, request
    )
    return HttpResponse(html)


class DateChangeForm(forms.Form):
    reason = forms.CharField(max_length=200, required=False, label=gettext_lazy("Reason"))
    new_date = dates.DateField(required=False, label=gettext_lazy("New date"))
    new_time = dates.TimeField(required=False, label=gettext_lazy("New start time"))


ACTIONS = {"cancel": EventDateChange.Action.CANCELLED, "move": EventDateChange.Action.MOVED}


@require_POST
def change_date(request, page_id):
    """Cancel, move or restore one date ("cancel:2026-12-08") of a repeating event."""
    page = editable_event_or_404(request.user, page_id)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    perms = page.permissions_for_user(request.user)
    if perms.page_locked():
        messages.error(request, _("The page is locked: its dates cannot be changed now."))
        return redirect(edit_url)
    action, _sep, key = request.POST.get("change", "").partition(":")
    try:
        day = datetime.date.fromisoformat(key)
    except ValueError:
        day = None
    event = page.get_latest_revision_as_object()
    start, _end = schedule.first_span(event)
    rule = schedule.rule_for(event)
    original = datetime.datetime.combine(day, start.time()) if day else None
    if action not in (*ACTIONS, "restore") or rule is None or original not in rule:
        messages.error(request, _("The event does not repeat on this date."))
        return redirect(edit_url)
    form = DateChangeForm(request.POST, prefix=f"occurrence-{key}")
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(edit_url)
    data = form.cleaned_data
    changes = [c for c in event.date_changes.all() if c.original_date != day]
    if action != "restore":
        change = EventDateChange(
            original_date=day,
            action=ACTIONS[action],
            new_start_date=data["new_date"] if action == "move" else None,
            new_start_time=data["new_time"] if action == "move" else None,
            reason=data["reason"],
        )
        try:
            change.clean()
        except forms.ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(edit_url)
        changes.append(change)
    event.date_changes = changes
    # Published at once only when that publishes nothing but this change.
    publish = page.live and not page.has_unpublished_changes and perms.can_publish()
    revision = event.save_revision(user=request.user, log_action=True)
    translated = []
    if publish:
        revision.publish(user=request.user)
        # The Swedish and English pages and feeds show the change now, not at the next sync.
        translated = services.publish_date_changes_in_translations(event, request.user)
    when = wording.sentence_date(day)
    done = {
        "cancel": _("The date %(date)s is cancelled.") % {"date": when},
        "move": _("The date %(date)s is moved.") % {"date": when},
        "restore": _("The date %(date)s is restored.") % {"date": when},
    }[action]
    if publish and translated:
        messages.success(
            request, done + " " + _("The change is published, in its translations too.")
        )
    elif publish:
        messages.success(request, done + " " + _("The change is published."))
    else:
        messages.success(
            request,
            done + " " + _("The change is saved in the draft: publish the page to show it."),
        )
    return redirect(edit_url)


def urlpatterns():
    from django.urls import path

    return [
        path("events/preview-dates/", preview_dates, name="events_preview_dates"),
        path("events/<int:page_id>/change-date/", change_date, name="events_change_date"),
    ]
