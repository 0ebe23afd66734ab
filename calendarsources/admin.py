"""The calendar sources in the Wagtail admin, scoped by the role matrix (home.roles).

A user may manage a source when they may add pages to its calendar: Wagtail's page permissions,
which home.roles grants per village (editors) and per region (staff), say who that is, so the
matrix is not written twice. The form offers only those calendars and the user's directory
entries, and its validation refuses any other (a forged POST included).
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import GroupPagePermission
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from home import roles

from .models import CalendarSource


def calendars_for_user(user):
    """The calendar pages (EventIndexPage, Finnish source pages) the user may import into."""
    from wagtail.models import Locale

    from events.models import EventIndexPage

    calendars = EventIndexPage.objects.filter(locale=Locale.get_default())
    if roles.is_unrestricted(user):
        return calendars
    if user is None or not user.is_authenticated or not user.is_active:
        return calendars.none()
    paths = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="add_page"
    ).values_list("page__path", flat=True)
    condition = Q(pk__in=[])
    for path in set(paths):
        condition |= Q(path__startswith=path)
    return calendars.filter(condition)


def sources_for_user(user):
    return CalendarSource.objects.filter(calendar__in=calendars_for_user(user))


class SourcePermissionPolicy(ModelPermissionPolicy):
    """Any action on a source: for whoever may import into its calendar."""

    def user_has_permission(self, user, action):
        # Asked for each action, and by the admin menu on every admin page: once per request's
        # user object (a new one for each request).
        if not hasattr(user, "_may_import_calendars"):
            user._may_import_calendars = calendars_for_user(user).exists()
        return user._may_import_calendars

    def user_has_permission_for_instance(self, user, action, instance):
        return calendars_for_user(user).filter(pk=instance.calendar_id).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return sources_for_user(user)

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)


register_permission_policy(CalendarSource, SourcePermissionPolicy(CalendarSource))


class CalendarSourceForm(WagtailAdminModelForm):
    class Meta:
        model = CalendarSource
        fields = ["name", "calendar", "kind", "url", "filters", "organiser", "default_place",
                  "topics", "publish", "enabled"]  # fmt: skip
        widgets = {"topics": forms.CheckboxSelectMultiple}

    # webcal:// is what calendar apps show; a URLField would refuse it before it is made https.
    url = forms.CharField(
        max_length=1000,
        label=_("address"),
        help_text=CalendarSource._meta.get_field("url").help_text,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Locale

        from directory.models import Association, Place

        user = self.for_user
        default = Locale.get_default()
        self.fields["calendar"].queryset = calendars_for_user(user)
        self.fields["calendar"].label_from_instance = lambda page: (
            f"{page.get_parent().title} / {page.title}"
        )
        self.fields["organiser"].queryset = roles.entries_in_scope(user, Association).filter(
            locale=default
        )
        self.fields["default_place"].queryset = roles.entries_in_scope(user, Place).filter(
            locale=default
        )
        self.fields["topics"].queryset = self.fields["topics"].queryset.filter(locale=default)

    def clean_url(self):
        from .fetch import FetchError, normalise_url

        try:
            return normalise_url(self.cleaned_data["url"])
        except FetchError as error:
            raise forms.ValidationError(error.message) from error

    def clean_filters(self):
        from .linked import filters_error

        value = self.cleaned_data.get("filters", "").strip()
        error = filters_error(value)
        if error:
            raise forms.ValidationError(error)
        return value

    def save(self, commit=True):
        source = super().save(commit=False)
        # A new address, query or calendar: forget the old answer's validators and sync soon.
        if {"url", "calendar", "kind", "filters"} & set(self.changed_data):
            source.etag = source.last_modified = ""
            source.next_sync_at = None
        if commit:
            source.save()
            self.save_m2m()
        return source


class CountsColumn(Column):
    def get_value(self, instance):
        if instance.last_error:
            return _("Error: %(error)s") % {"error": instance.last_error}
        return _("%(new)s new, %(updated)s updated, %(removed)s removed, %(skipped)s skipped") % {
            "new": instance.count_new,
            "updated": instance.count_updated,
            "removed": instance.count_removed,
            "skipped": instance.count_skipped,
        }


class SyncButtonColumn(Column):
    cell_template_name = "calendarsources/sync_button_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        from django.urls import reverse

        context["sync_url"] = reverse("calendar_sources:sync", args=[instance.pk])
        from django.middleware.csrf import get_token

        request = parent_context.get("request")
        context["csrf_token"] = get_token(request) if request else ""
        return context


@require_POST
def sync_now(request, pk):
    """Queue a sync of one source ("Synkronoi nyt"): POST with the CSRF token, for whoever may
    manage the source; the request returns at once, the worker syncs."""
    from .tasks import sync_source_task

    source = get_object_or_404(CalendarSource, pk=pk)
    if not SourcePermissionPolicy(CalendarSource).user_has_permission_for_instance(
        request.user, "change", source
    ):
        raise PermissionDenied
    CalendarSource.objects.filter(pk=source.pk).update(next_sync_at=None)
    sync_source_task.enqueue(source.pk)
    messages.success(
        request,
        _("The sync of “%(name)s” was started; reload the page in a moment.")
        % {"name": source.name},
    )
    return redirect("calendar_sources:index")


class ScopedObjectMixin:
    """Edit, delete and history views find only the user's sources: another village's is a 404."""

    def get_object(self, queryset=None):
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        return get_object_or_404(sources_for_user(self.request.user), pk=pk)


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return sources_for_user(self.request.user).select_related("calendar")


class EditView(ScopedObjectMixin, generic.EditView):
    pass


class DeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class HistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class UsageView(ScopedObjectMixin, usage.UsageView):
    pass


class SkippedEventsPanel(Panel):
    """The last sync's skipped events (UID: reason, the reasons in the editors' language, as the
    sync wrote them), read-only below the form; only when there are some."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "calendarsources/skipped_events_panel.html"

        def is_shown(self):
            return bool(self.instance is not None and self.instance.skipped_details)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            lines = self.instance.skipped_details.splitlines()
            context["lines"] = lines
            context["hidden"] = max(self.instance.count_skipped - len(lines), 0)
            return context


class CalendarSourceViewSet(ModelViewSet):
    model = CalendarSource
    form_fields = CalendarSourceForm.Meta.fields
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    icon = "calendar-alt"
    menu_label = _("Calendar sources")
    menu_order = 310
    add_to_admin_menu = True
    name = "calendar_sources"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        Column("calendar", label=_("calendar"), accessor="calendar"),
        DateColumn("last_synced_at", label=_("last synced")),
        CountsColumn("state", label=_("last sync")),
        SyncButtonColumn("sync", label=""),
    ]
    search_fields = ["name", "url"]

    def get_edit_handler(self):
        # The panels' form is CalendarSourceForm, which narrows the choices to the user's scope.
        from wagtail.admin.panels import FieldPanel, ObjectList

        panels = [FieldPanel(name) for name in CalendarSourceForm.Meta.fields]
        panels.append(SkippedEventsPanel(heading=_("Skipped events")))
        handler = ObjectList(panels, base_form_class=CalendarSourceForm)
        return handler.bind_to_model(CalendarSource)

    def get_urlpatterns(self):
        from django.urls import path

        return [*super().get_urlpatterns(), path("<int:pk>/sync/", sync_now, name="sync")]
