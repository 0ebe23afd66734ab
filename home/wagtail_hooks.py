from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_scope, dashboard, editors_admin
from .admin_lists import (
    OnePerEntryChooserMixin,
    OnePerEntryIndexMixin,
    TranslationStatusColumn,
)
from .integrity import SaveConflictCreateView, SaveConflictEditView, SaveConflictPageViewSet
from .models import Topic


@hooks.register("register_admin_viewset")  # after Wagtail's own for Page (order -1): replaces it
def page_views_with_save_conflicts():
    return SaveConflictPageViewSet()


# Topics as the directory's entries are listed (home.admin_lists): a row per topic in the admin
# language with the languages it exists in, found by any translation's name; no Locale column.
class TopicIndexView(OnePerEntryIndexMixin, snippet_views.IndexView):
    pass


class TopicChooseView(OnePerEntryChooserMixin, chooser_views.ChooseView):
    pass


class TopicChooseResultsView(OnePerEntryChooserMixin, chooser_views.ChooseResultsView):
    pass


class TopicChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = TopicChooseView
    choose_results_view_class = TopicChooseResultsView


class TopicViewSet(SnippetViewSet):
    model = Topic
    index_view_class = TopicIndexView
    add_view_class = SaveConflictCreateView
    edit_view_class = SaveConflictEditView
    chooser_viewset_class = TopicChooserViewSet
    filterset_class = None  # Wagtail's only filter would be the locale, which picks rows
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 300
    add_to_admin_menu = True
    search_fields = ["name"]
    search_backend_name = None  # the ORM's search, over every translation (search_entries)

    @property
    def list_display(self):
        # Labels given lazily: this list is made once, when the admin's addresses are.
        return ["name", "slug", TranslationStatusColumn()]


register_snippet(TopicViewSet)


# Regional staff manage their villages' editors (home.editors_admin) ------------------------------


@hooks.register("register_admin_urls")
def village_editors_urls():
    return editors_admin.urlpatterns


@hooks.register("register_admin_menu_item")
def village_editors_menu_item():
    return editors_admin.menu_item()


# The admin lists only what lies in the user's scope (home.admin_scope) -------------------------


@hooks.register("construct_admin_api", order=100)  # after Wagtail's images and documents apps
def scope_media_api(router):
    router.register_endpoint("images", admin_scope.ScopedImagesAPIViewSet)
    router.register_endpoint("documents", admin_scope.ScopedDocumentsAPIViewSet)


@hooks.register("construct_page_chooser_queryset")
def hide_other_villages_drafts(pages, request):
    return admin_scope.visible_pages(pages, request.user)


@hooks.register("before_move_page")
def refuse_move_out_of_scope(request, page, destination):
    return admin_scope.refuse_move_out_of_scope(request, page, destination)


@hooks.register("register_rich_text_features", order=1000)
def public_page_links(features):
    """After Wagtail's own: a page link shows no address of a page the public may not see."""
    from .rich_text import PublicPageLinkHandler

    features.register_link_type(PublicPageLinkHandler)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_js():
    """The date pickers leave typed text alone (admin-dates.js); on a phone the editor opens
    with the form, not a side panel (admin-phone.js)."""
    return format_html(
        '<script src="{}"></script><script src="{}"></script>',
        static("js/admin-dates.js"),
        static("js/admin-phone.js"),
    )


@hooks.register("insert_editor_js")
def localize_editor_texts():
    """wagtail-localize's translation editor has two English texts in its bundle, without
    gettext; admin-localize-editor.js puts these translations in their place."""
    texts = {
        "heading": gettext("{source} to {target} translation"),
        "moreActions": gettext("More actions"),
    }
    return format_html(
        '{}<script defer src="{}"></script>',
        json_script(texts, "kylatori-localize-texts"),
        static("js/admin-localize-editor.js"),
    )


# A dashboard for each role (home.dashboard) ------------------------------------------------------


@hooks.register("construct_homepage_panels")
def role_panels(request, panels):
    dashboard.add_role_panels(request, panels)


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail's own
def scoped_summary(request, items):
    dashboard.drop_installation_page_count(request, items)
