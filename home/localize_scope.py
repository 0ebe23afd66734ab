"""wagtail-localize's admin endpoints, checked per object against home.roles.

wagtail-localize checks page translations per page, but snippet translations only by model
permission (`user_can_edit_snippet_type`), and its submit and sync views only ask for
`wagtail_localize.submit_translation`: any editor could rewrite, download, disable, submit or
publish another village's translations. This middleware refuses, before the view runs, every
request to a wagtail-localize address whose object (a translation, a translation source, a page
or a snippet) the user may not edit.

Why a middleware: it reads only what the URL resolver reports (the "wagtail_localize" namespace
and the keyword arguments of the pattern), which is wagtail-localize's public URL interface, so
it neither depends on the names of its internal functions (as patching `user_can_edit_instance`
would) nor on the order in which apps register admin URLs (as shadowing its patterns would). A
pattern with an argument it does not know is refused to everyone but superusers, so a new
endpoint in a later wagtail-localize fails closed until it is looked at here.

wagtail-localize also reads form fields without asking whether they were sent (the value of a
string or override its editor PUTs as form data, the PO upload's file): a request without one,
such as a JSON body, gets a 400 naming the field instead of a server error.
"""

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from .roles import can_edit_object, is_unrestricted

NAMESPACE = "wagtail_localize"
# The snippet chooser API lists objects rather than changing one: what it may show is narrowed
# with the admin's other listings, not refused here.
LISTINGS = {"snippets_api_listing", "snippets_api_detail"}
# Arguments that only pick a part of an object already checked (a string of the translation, a
# preview mode).
PARTS = {"string_segment_id", "overridable_segment_id", "mode"}


def translation_objects(translation):
    """The source and (if made already) the target of a translation."""
    yield translation.source.get_source_instance()
    try:
        yield translation.get_target_instance()
    except ObjectDoesNotExist:
        pass


def objects_of(kwargs):
    """The objects a wagtail-localize URL acts on, from the pattern's keyword arguments."""
    kwargs = {name: value for name, value in kwargs.items() if name not in PARTS}
    if "translation_id" in kwargs:
        translation = Translation.objects.filter(pk=kwargs.pop("translation_id")).first()
        if translation is None:
            raise Http404
        yield from translation_objects(translation)
    if "translation_source_id" in kwargs:
        source = TranslationSource.objects.filter(pk=kwargs.pop("translation_source_id")).first()
        if source is None:
            raise Http404
        yield source.get_source_instance()
        for translation in source.translations.filter(enabled=True):
            yield from translation_objects(translation)
    if "page_id" in kwargs:
        page = Page.objects.filter(pk=kwargs.pop("page_id")).first()
        if page is None:
            raise Http404
        yield page
    if {"app_label", "model_name", "pk"} <= kwargs.keys():
        try:
            model = apps.get_model(kwargs.pop("app_label"), kwargs.pop("model_name"))
        except LookupError:
            raise Http404 from None
        instance = model._default_manager.filter(pk=kwargs.pop("pk")).first()
        if instance is None:
            raise Http404
        yield instance
    if kwargs:
        raise PermissionDenied  # an argument this module does not know: fail closed


def is_localize(request):
    match = request.resolver_match
    return match is not None and NAMESPACE in match.namespaces


class LocalizeScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_localize(request) or request.resolver_match.url_name in LISTINGS:
            return None
        user = request.user
        if not user.is_authenticated or is_unrestricted(user):
            return None  # the admin's own login check answers the anonymous
        for instance in objects_of(view_kwargs):
            if not can_edit_object(user, instance):
                raise PermissionDenied
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, MultiValueDictKeyError) and is_localize(request):
            message = _("The field “%(field)s” is missing: send it as form data.")
            return HttpResponseBadRequest(message % {"field": exception.args[0]})
        return None
