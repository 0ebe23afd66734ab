"""A save that the database (or the model's own check at save time) refuses is a form error.

The admin's forms check what they can before saving: a page's slug among its siblings
(Wagtail's page form), a directory entry's slug in its language (directory.forms). Between that
check and the save another request can take the same slug: two autosaves a moment apart, two
editors at once. The database then refuses the row (IntegrityError, the entries' unique
(slug, locale)), or Page.clean() refuses it when the page is saved (ValidationError). Either
was a 500, and "A server error occurred" from autosave.

`SaveConflictMixin` rolls such a save back and validates the form again. That now names the
problem in the editor's language (the slug is taken) without naming what holds it, which may be
another village's entry; if it still finds nothing, the form says that saving met a conflict.
What the editor typed stays in the form, and autosave gets its usual validation error.
"""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.create import CreateView as PageCreateView
from wagtail.admin.views.pages.edit import EditView as PageEditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.snippets.views import snippets as snippet_views

from .page_search import OnePerPageSearchView

SAVE_CONFLICT = _(
    "Saving did not succeed, because something else was saved at the same moment. "
    "Check the form and save again."
)


def state_of(instance):
    """What a save changes on the instance: its fields, id, tree position and ModelState."""
    return {**instance.__dict__, "_state": copy.copy(instance._state)}


def restore(instance, state):
    instance.__dict__.clear()
    instance.__dict__.update(state)


class SaveConflictMixin:
    """For Wagtail's create and edit views of pages and snippets (first in the bases)."""

    def form_valid(self, form):
        before = state_of(form.instance)
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (IntegrityError, ValidationError):
            # The database rolled back; the instance (a new page's id and tree path, say) too.
            restore(form.instance, before)
            form.full_clean()  # Django's full_clean starts from no errors
            if not form.errors:
                form.add_error(None, SAVE_CONFLICT)
            form.restore_required_fields()  # a draft's deferred ones (pages restore them here)
            # Wagtail's generic (snippet) views answer autosave from these; page views need none.
            self.produced_error_code = "validation_error"
            if hasattr(self, "get_error_message"):
                self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class SaveConflictCreateView(SaveConflictMixin, snippet_views.CreateView):
    pass


class SaveConflictEditView(SaveConflictMixin, snippet_views.EditView):
    pass


class SaveConflictPageCreateView(SaveConflictMixin, PageCreateView):
    pass


class SaveConflictPageEditView(SaveConflictMixin, PageEditView):
    pass


class SaveConflictPageViewSet(PageViewSet):
    """Every page type's admin views (registered for Page, after Wagtail's own viewset); its
    page search lists each page once (home.page_search)."""

    add_view_class = SaveConflictPageCreateView
    edit_view_class = SaveConflictPageEditView
    search_view_class = OnePerPageSearchView


TRANSLATION_CONFLICT = _(
    "The translation could not be saved: its slug is already in use in that language. "
    "Change the slug of the original and try again."
)


class TranslationConflictMiddleware:
    """wagtail-localize's admin views: a translation the database refuses is a message.

    A translation keeps its original's slug (a synchronised field of directory entries and
    topics), so where another entry of that language holds the slug already (made in that
    language from the start, perhaps by another village), wagtail-localize's save meets the
    unique (slug, locale): an IntegrityError from the middle of its views, which roll back
    (each writing view is atomic). The editor gets the same page again with a message in their
    admin language that names nothing else. Pages need none of this: Wagtail gives a page's
    translation a free slug among its new siblings.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = request.resolver_match
        if not isinstance(exception, IntegrityError) or match is None:
            return None
        if "wagtail_localize" not in match.namespaces:
            return None
        profile = getattr(request.user, "wagtail_userprofile", None)
        language = profile.get_preferred_language() if profile else translation.get_language()
        with translation.override(language):
            messages.error(request, str(TRANSLATION_CONFLICT))
        return redirect(request.get_full_path())
