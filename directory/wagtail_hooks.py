"""Admin for the directory: one "Directory" menu with associations, services and places.

Village editors see, choose and edit only the entries of their own villages (home.roles):
the listing and chooser are narrowed to them, and every view that acts on one entry checks the
permission for that entry, not only for the model. Within that scope the listing and chooser show
each entry once, in the editor's language, with its languages and its live or draft state
(home.admin_lists).
"""

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.admin_lists import (
    OnePerEntryChooserMixin,
    OnePerEntryFilterSet,
    OnePerEntryIndexMixin,
    TranslationStatusColumn,
)
from home.integrity import SaveConflictCreateView, SaveConflictEditView
from home.models import Topic, VillagePage
from home.roles import narrow_entries

from .models import Association, Place, Service


def source_villages(request):
    return VillagePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
        "title"
    )


def source_topics(request):
    return Topic.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("name")


def filterset_for(model):
    attrs = {
        "villages": django_filters.ModelMultipleChoiceFilter(
            label=_("Village"),
            field_name="villages",
            queryset=source_villages,
            widget=forms.CheckboxSelectMultiple,
            distinct=True,
        ),
        "topics": django_filters.ModelMultipleChoiceFilter(
            label=_("Topic"),
            field_name="topics",
            queryset=source_topics,
            widget=forms.CheckboxSelectMultiple,
            distinct=True,
        ),
        "Meta": type("Meta", (), {"model": model, "fields": ["live"]}),
    }
    if model is Service:
        attrs["kind"] = django_filters.MultipleChoiceFilter(
            label=_("Kind"), choices=Service.Kind.choices, widget=forms.CheckboxSelectMultiple
        )
    return type(f"{model.__name__}FilterSet", (OnePerEntryFilterSet,), attrs)


class EntryIndexView(OnePerEntryIndexMixin, snippet_views.IndexView):
    # A search matches an entry by the name or description of any of its translations
    # (home.admin_lists.search_entries); the rows shown stay within the user's scope.
    def scoped(self, queryset):
        return narrow_entries(queryset.prefetch_related("villages"), self.request.user)


def checked(view_class, action):
    """`view_class` that also checks `action` on the one entry it shows (403 otherwise)."""

    def get_object(self, *args, **kwargs):
        instance = super(new_class, self).get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, action, instance
        ):
            raise PermissionDenied
        return instance

    new_class = type(f"Village{view_class.__name__}", (view_class,), {"get_object": get_object})
    return new_class


class EntryChooserMixin(OnePerEntryChooserMixin):
    """The chooser lists what the listing lists: scope, one row per entry, its languages; its
    search finds an entry by any translation's name or description."""

    def scoped(self, queryset):
        return narrow_entries(queryset, self.request.user)


class EntryChooseView(EntryChooserMixin, chooser_views.ChooseView):
    pass


class EntryChooseResultsView(EntryChooserMixin, chooser_views.ChooseResultsView):
    pass


class EntryChosenView(chooser_views.SnippetChosenView):
    # The chooser answers with the entry's name: only for entries the user may choose.
    def get_object(self, pk):
        return narrow_entries(self.model_class.objects.all(), self.request.user).get(pk=pk)


class EntryChosenMultipleView(chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return narrow_entries(super().get_objects(pks), self.request.user)


class EntryChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = EntryChooseView
    choose_results_view_class = EntryChooseResultsView
    chosen_view_class = EntryChosenView
    chosen_multiple_view_class = EntryChosenMultipleView


class VillagesColumn(Column):
    def get_value(self, instance):
        return ", ".join(village.title for village in instance.villages.all())


class EntryViewSet(SnippetViewSet):
    index_view_class = EntryIndexView
    add_view_class = SaveConflictCreateView
    edit_view_class = checked(SaveConflictEditView, "change")
    delete_view_class = checked(snippet_views.DeleteView, "delete")
    history_view_class = checked(snippet_views.HistoryView, "change")
    usage_view_class = checked(snippet_views.UsageView, "change")
    inspect_view_class = checked(snippet_views.InspectView, "view")
    revisions_view_class = checked(snippet_views.PreviewRevisionView, "change")
    revisions_compare_view_class = checked(snippet_views.RevisionsCompareView, "change")
    revisions_unschedule_view_class = checked(snippet_views.RevisionsUnscheduleView, "publish")
    unpublish_view_class = checked(snippet_views.UnpublishView, "publish")
    lock_view_class = checked(snippet_views.LockView, "change")
    unlock_view_class = checked(snippet_views.UnlockView, "change")
    chooser_viewset_class = EntryChooserViewSet
    search_fields = ["name", "description"]
    search_backend_name = None  # ORM search, so that it combines with the village filters
    copy_view_enabled = False

    @property
    def list_display(self):
        columns = ["name", VillagesColumn("villages", label=_("Villages"))]
        if self.model is Service:
            columns.append("kind")
        # Labels given lazily: this list is made once, when the admin's addresses are.
        return [
            *columns,
            TranslationStatusColumn(),
            LiveStatusTagColumn(label=_("Status")),
            UpdatedAtColumn(),
        ]

    @property
    def filterset_class(self):
        return filterset_for(self.model)


class AssociationViewSet(EntryViewSet):
    model = Association
    icon = "group"
    menu_label = _("Associations")


class ServiceViewSet(EntryViewSet):
    model = Service
    icon = "tasks"
    menu_label = _("Services")


class PlaceViewSet(EntryViewSet):
    model = Place
    icon = "home"
    menu_label = _("Places")


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (AssociationViewSet, ServiceViewSet, PlaceViewSet)
    menu_icon = "list-ul"
    menu_label = _("Directory")
    menu_name = "directory"
    menu_order = 250


register_snippet(DirectoryViewSetGroup)
