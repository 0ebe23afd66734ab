"""The admin shows each user only what lies in their scope (home.roles): media, drafts, names.

Wagtail checks permissions where an object is changed, but several read-only addresses list or
show objects of every village:

- the admin API's images and documents endpoints filter only by the public's collection view
  restrictions: scoped endpoints replace them (`construct_admin_api`);
- the page chooser lists every page, drafts included: other villages' drafts are left out
  (`construct_page_chooser_queryset`), and a live page the user may not edit shows its live
  title, not that of a newer draft (Wagtail shows `draft_title`); its "chosen" answer for a
  list of ids names only pages the chooser would list;
- wagtail-localize's snippet API lists and shows every snippet: narrowed per entry;
- the site history report names other villages' editors (ours also says which village each
  entry is about, and shows an editing session's autosaves as one edit), the page types report
  other villages' drafts (and live pages by their drafts' titles), and wagtail-localize's
  translations report every translation: narrowed subclasses;
- bulk-action confirmations name the selected objects the user may not act on (templates/
  wagtailadmin/bulk_actions/confirmation/list_items_with_no_access.html says that there are some
  instead);
- the page move confirmation shows any two pages' titles to anyone: refused unless the move is
  allowed (`before_move_page`).

The hooks are registered in home/wagtail_hooks.py; the narrowed views replace Wagtail's at the
same addresses through `urlpatterns` below, which kylatori/urls.py puts before the admin's.
"""

import json
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.views import chooser
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import ModelLogEntry, Page, PageLogEntry
from wagtail.permissions import policy_registry
from wagtail_localize.views import report as localize_report
from wagtail_localize.views import snippets_api

from . import roles
from .admin_lists import PageTranslationStatusColumn, search_pages


def in_collections(queryset, user):
    """Images or documents of the collections in the user's scope (all for a superuser)."""
    if roles.is_unrestricted(user):
        return queryset
    return queryset.filter(collection__in=roles.collections_in_scope(user))


def scoped_entries(queryset, user):
    """Directory entries in the user's scope; other models unchanged."""
    from directory.models import DirectoryEntry

    if issubclass(queryset.model, DirectoryEntry):
        return roles.narrow_entries(queryset, user)
    return queryset


def visible_pages(queryset, user):
    """Live pages, and drafts only where the user works (pages they may explore)."""
    if roles.is_unrestricted(user):
        return queryset
    explorable = policy_registry.get_by_type(Page).explorable_instances(user)
    return queryset.filter(Q(live=True) | Q(pk__in=explorable.values("pk")))


def live_title_unless_editable(page, user):
    """`page`, its newest draft's title (`draft_title`, which the admin shows) replaced by the
    live title when `user` may not edit it: a live page of another village is shown as the public
    sees it, not with the title its editors are still working on."""
    if page.live and page.draft_title != page.title and not can_edit_page(user, page):
        page.draft_title = page.title
    return page


def can_edit_page(user, page):
    return page.permissions_for_user(user).can_edit()


class ScopedPageTitleColumn(chooser.PageTitleColumn):
    def get_cell_context_data(self, instance, parent_context):
        live_title_unless_editable(instance, parent_context["request"].user)
        return super().get_cell_context_data(instance, parent_context)


class ScopedParentPageColumn(chooser.ParentPageColumn):
    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if context.get("raw_value"):
            live_title_unless_editable(context["raw_value"], parent_context["request"].user)
        return context


SCOPED_COLUMNS = {
    chooser.PageTitleColumn: ScopedPageTitleColumn,
    chooser.ParentPageColumn: ScopedParentPageColumn,
}


class ScopedColumnsMixin:
    """The page chooser's title and parent columns, showing drafts' titles only to their editors;
    after the title, the languages each page exists in."""

    @property
    def columns(self):
        columns = super().columns
        # The subclasses add no state: Wagtail's columns are re-classed rather than rebuilt.
        for column in columns:
            column.__class__ = SCOPED_COLUMNS.get(type(column), type(column))
        title = next(i for i, column in enumerate(columns) if column.name == "title")
        columns.insert(title + 1, PageTranslationStatusColumn())
        return columns


class ScopedBrowseView(ScopedColumnsMixin, chooser.BrowseView):
    """At the root, Wagtail lists every language's region home pages unless a language is
    chosen: the admin language's are shown (the Finnish where it has none), and Wagtail's
    language selector offers the others."""

    def get(self, request, parent_page_id=None):
        if "locale" not in request.GET:
            request.GET = request.GET.copy()
            request.GET["locale"] = root_listing_language()
        return super().get(request, parent_page_id)


def root_listing_language():
    language = translation.get_language() or settings.LANGUAGE_CODE
    at_root = Page.objects.filter(depth=2, locale__language_code=language)
    return language if at_root.exists() else settings.LANGUAGE_CODE


class ScopedSearchView(ScopedColumnsMixin, chooser.SearchView):
    """Wagtail's chooser search (its `get`, one step changed): a page is found by any of its
    translations' titles and listed once, in the admin language (home.admin_lists)."""

    def get(self, request):
        self.i18n_enabled = True
        self.is_multiple_choice = request.GET.get("multiple")
        page_type_string = request.GET.get("page_type") or chooser.base_page_type_string
        try:
            desired_classes = chooser.page_models_from_string(page_type_string)
        except (ValueError, LookupError) as e:
            raise Http404 from e

        pages = Page.objects.all()
        for hook in hooks.get_hooks("construct_page_chooser_queryset"):
            pages = hook(pages, request)

        search_form = SearchForm(request.GET)
        if search_form.is_valid() and search_form.cleaned_data["q"]:
            pages = pages.exclude(depth=1).type(*desired_classes)  # never the root
            pages = search_pages(pages, search_form.cleaned_data["q"])
            pages = pages.select_related("locale").specific().order_by("title", "pk")
        else:
            pages = pages.none()

        pages = Paginator(pages, per_page=25).get_page(request.GET.get("p"))
        for page in pages:
            page.can_choose = True
            page.is_parent_page = False
        table = chooser.PageChooserTable(self.columns, pages, show_locale_labels=True)
        context = {
            "searchform": search_form,
            "table": table,
            "pages": pages,
            "page_type_string": page_type_string,
        }
        return TemplateResponse(
            request,
            "wagtailadmin/chooser/_search_results.html",
            chooser.shared_context(request, context),
        )


class ScopedChosenMultipleView(chooser.ChosenMultipleView):
    """Wagtail answers with the title of any page id it is given: only those the chooser lists."""

    def get(self, request):
        pks = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        pages = visible_pages(Page.objects.filter(pk__in=pks), request.user).specific()
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": live_title_unless_editable(page, request.user).draft_title,
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ]
        return self.render_chosen_response(result)


class ScopedExternalLinkView(chooser.ExternalLinkView):
    """A pasted address of a live page becomes a link to it, or a question whether to make it
    one: the page is named as the user may see it, not by its newer draft's title."""

    def post(self, request):
        response = super().post(request)
        data = json.loads(response.content)
        found = data.get("internal") or data.get("result")  # the confirmation's, or the link's
        if not isinstance(found, dict) or "adminTitle" not in found:
            return response
        page = Page.objects.filter(pk=found["id"]).first()
        draft_title = found["adminTitle"]
        title = live_title_unless_editable(page, request.user).draft_title if page else ""
        if title == draft_title:
            return response
        found["adminTitle"] = title
        if data.get("html"):  # the confirmation names the page in its text
            data["html"] = data["html"].replace(escape(draft_title), escape(title))
        return JsonResponse(data)


class ScopedImagesAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return in_collections(super().get_queryset(), self.request.user)


class ScopedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return in_collections(super().get_queryset(), self.request.user)


class ScopedSnippetAPIViewSet(snippets_api.SnippetViewSet):
    def get_queryset(self):
        return scoped_entries(super().get_queryset(), self.request.user)


def visible_model_log_entries(queryset, user):
    """Log entries of models, without those about directory entries outside the user's scope."""
    from directory.models import ENTRY_MODELS

    if roles.is_unrestricted(user):
        return queryset
    for model in ENTRY_MODELS.values():
        own = [str(pk) for pk in roles.entries_in_scope(user, model).values_list("pk", flat=True)]
        content_type = ContentType.objects.get_for_model(model)
        queryset = queryset.exclude(Q(content_type=content_type) & ~Q(object_id__in=own))
    return queryset


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        # The "user" filter's choices: whoever wrote a log entry the user may see.
        from django.contrib.auth import get_user_model

        user = self.request.user
        ids = set(PageLogEntry.objects.viewable_by_user(user).get_user_ids())
        models = ModelLogEntry.objects.viewable_by_user(user)
        ids |= set(visible_model_log_entries(models, user).get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


def villages_of_log_entries(entries, user):
    """Set `village` on each log entry (one page of the report): the names, in the user's
    language, of the villages in their scope that its page lies in or its directory entry
    belongs to; empty for anything else. Three queries and one per directory model."""
    from django.utils.translation import get_language

    from directory.models import ENTRY_MODELS

    from .admin_lists import shown_row, villages_by_key

    keys = roles.village_keys_for_user(user)
    if keys is None:
        from .models import VillagePage

        keys = set(VillagePage.objects.values_list("translation_key", flat=True))
    rows = villages_by_key(keys)
    names = {key: shown_row(villages, get_language()).title for key, villages in rows.items()}
    prefixes = {village.path: key for key, villages in rows.items() for village in villages}
    lengths = sorted({len(path) for path in prefixes})
    pages = [entry.page_id for entry in entries if isinstance(entry, PageLogEntry)]
    paths = dict(Page.objects.filter(pk__in=pages).values_list("pk", "path"))
    by_object = defaultdict(set)
    for model in ENTRY_MODELS.values():
        content_type = ContentType.objects.get_for_model(model)
        ids = [
            entry.object_id
            for entry in entries
            if isinstance(entry, ModelLogEntry) and entry.content_type_id == content_type.pk
        ]
        if not ids:
            continue
        through = model.villages.through
        field = f"{model._meta.model_name}_id"
        for pk, key in through.objects.filter(**{f"{field}__in": ids}).values_list(
            field, "villagepage__translation_key"
        ):
            if key in names:
                by_object[(content_type.pk, str(pk))].add(names[key])
    for entry in entries:
        if isinstance(entry, PageLogEntry):
            path = paths.get(entry.page_id, "")
            found = {prefixes.get(path[:length]) for length in lengths} - {None}
            entry.village = ", ".join(sorted(names[key] for key in found))
        else:
            entry.village = ", ".join(sorted(by_object[(entry.content_type_id, entry.object_id)]))
    return entries


def one_entry_per_editing_session(queryset):
    """Autosave writes an edit entry every few seconds. Wagtail gives the entries of one editing
    session (one revision) the same uuid, and an object's history shows the latest of them only
    (`latest_by_uuid_and_action`); here, across objects, the latest per uuid, action and object,
    so that a bulk action's entries, which share one request's uuid, stay one per object."""
    model = queryset.model
    fields = {field.name for field in model._meta.get_fields()}
    if "page" in fields:
        same_object = {"page_id": OuterRef("page_id")}
    elif "object_id" in fields:
        same_object = {
            "content_type_id": OuterRef("content_type_id"),
            "object_id": OuterRef("object_id"),
        }
    else:
        return queryset
    latest = (
        model._default_manager.filter(
            uuid=OuterRef("uuid"), action=OuterRef("action"), **same_object
        )
        .order_by("-timestamp", "-id")
        .values("id")[:1]
    )
    return queryset.filter(Q(uuid__isnull=True) | Q(id=Subquery(latest)))


class ScopedLogEntriesView(LogEntriesView):
    filterset_class = ScopedSiteHistoryFilterSet
    results_template_name = "home/reports/site_history_results.html"
    # The CSV and XLSX downloads have the listing's village column, after the name.
    list_export = [*LogEntriesView.list_export]
    list_export.insert(list_export.index("label") + 1, "village")
    export_headings = {**LogEntriesView.export_headings, "village": gettext_lazy("Village")}

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is ModelLogEntry:
            queryset = visible_model_log_entries(queryset, self.request.user)
        return one_entry_per_editing_session(queryset)

    def decorate_paginated_queryset(self, queryset):
        entries = super().decorate_paginated_queryset(queryset)
        return villages_of_log_entries(entries, self.request.user)


class ScopedPageTypesUsageReportView(PageTypesUsageReportView):
    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        ids = [item.last_edited_page.pk for item in page_types if item.last_edited_page]
        visible = set(
            visible_pages(Page.objects.filter(pk__in=ids), self.request.user).values_list(
                "pk", flat=True
            )
        )
        user = self.request.user
        for item in page_types:
            if item.last_edited_page and item.last_edited_page.pk not in visible:
                item.last_edited_page = None
            elif item.last_edited_page:
                live_title_unless_editable(item.last_edited_page, user)
        return page_types


def translation_keys_in_scope(user):
    """Translation keys of the pages the user may edit and of the entries in their scope."""
    from directory.models import ENTRY_MODELS

    pages = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
    keys = set(pages.values_list("translation_key", flat=True))
    for model in ENTRY_MODELS.values():
        keys |= set(roles.entries_in_scope(user, model).values_list("translation_key", flat=True))
    return keys


class ScopedTranslationsReportView(localize_report.TranslationsReportView):
    def get_queryset(self):
        queryset = super().get_queryset()
        if roles.is_unrestricted(self.request.user):
            return queryset
        keys = translation_keys_in_scope(self.request.user)
        return queryset.filter(source__object_id__in=keys)


def refuse_move_out_of_scope(request, page, destination):
    """Wagtail's move confirmation shows both pages before checking anything."""
    from django.core.exceptions import PermissionDenied

    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


def admin_view(view):
    return never_cache(require_admin_access(view))


_snippets = "localize/api/snippets/<slug:app_label>/<slug:model_name>/"
# The narrowed views, at the addresses of those they replace (Wagtail's names still reverse to
# these addresses).
urlpatterns = [
    path("choose-page/", admin_view(ScopedBrowseView.as_view())),
    path("choose-page/<int:parent_page_id>/", admin_view(ScopedBrowseView.as_view())),
    path("choose-page/search/", admin_view(ScopedSearchView.as_view())),
    path("choose-page/chosen-multiple/", admin_view(ScopedChosenMultipleView.as_view())),
    path("choose-external-link/", admin_view(ScopedExternalLinkView.as_view())),
    path(_snippets, admin_view(ScopedSnippetAPIViewSet.as_view({"get": "list"}))),
    path(f"{_snippets}<str:pk>/", admin_view(ScopedSnippetAPIViewSet.as_view({"get": "retrieve"}))),
    path("reports/site-history/", admin_view(ScopedLogEntriesView.as_view())),
    path(
        "reports/site-history/results/",
        admin_view(ScopedLogEntriesView.as_view(results_only=True)),
    ),
    path("reports/page-types-usage/", admin_view(ScopedPageTypesUsageReportView.as_view())),
    path(
        "reports/page-types-usage/results/",
        admin_view(ScopedPageTypesUsageReportView.as_view(results_only=True)),
    ),
    path("localize/reports/translations/", admin_view(ScopedTranslationsReportView.as_view())),
    path(
        "localize/reports/translations/results/",
        admin_view(ScopedTranslationsReportView.as_view(results_only=True)),
    ),
]
