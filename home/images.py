"""The admin's image preview, bounded in size (one image must not load the server).

Uploads are bounded (WAGTAILIMAGES_MAX_IMAGE_PIXELS and _MAX_UPLOAD_SIZE, settings/base.py), but
/admin/images/<id>/preview/<filter spec>/ makes whatever rendition the address asks for, without
storing it: `width-9999` or `original` of a 50-megapixel photo is encoded at full size on every
request (an 11,000 px image at width-9999 took 7 s and 850 MB). Only Wagtail's "generate URL"
page links to it (it is off here: no public serve view), not the focal point editor or the
choosers, which use stored renditions.

So the preview answers only for results of at most PREVIEW_MAX_SIDE pixels a side; a larger one
is refused (400) before any pixel is decoded: the result's size is computed from the filter and
the image's stored dimensions. (A smaller preview still decodes the whole image once, as every
rendition does: that cost is bounded by the upload limits.) The view replaces Wagtail's at the
same address (kylatori/urls.py puts it first) and then hands over to Wagtail's, which checks
everything else.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext
from wagtail.images import get_image_model
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import Filter
from wagtail.images.views import images as wagtail_images
from wagtail.permissions import policy_registry

from .admin_scope import admin_view

# Larger than any screen shows a preview at, and than any rendition public templates use.
PREVIEW_MAX_SIDE = 2000


def result_size(image, filter_spec):
    """(width, height) of `image` after `filter_spec`, or None for a spec Wagtail refuses."""
    try:
        return Filter(spec=filter_spec).get_transform(image).size
    except (InvalidFilterSpecError, ValueError, ArithmeticError):
        return None


def bad_request(message):
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def preview(request, image_id, filter_spec):
    image = get_object_or_404(get_image_model(), id=image_id)
    # First, as Wagtail's view does: nobody learns anything of an image they may not change.
    policy = policy_registry.get_by_type(type(image))
    if not policy.user_has_permission_for_instance(request.user, "change", image):
        raise PermissionDenied
    size = result_size(image, filter_spec)
    if size is None:
        # Wagtail's view refuses what it cannot parse, but answers 500 to what it cannot size
        # (fill-0x0 divides by zero): both are refused here, in Wagtail's words.
        return bad_request(gettext("The filter options you have selected are not valid."))
    if max(size) > PREVIEW_MAX_SIDE:
        message = gettext(
            "A preview can be at most %(max)s pixels wide and %(max)s pixels high. "
            "Choose a smaller size."
        )
        return bad_request(message % {"max": PREVIEW_MAX_SIDE})
    return wagtail_images.preview(request, image_id, filter_spec)


urlpatterns = [
    path("images/<int:image_id>/preview/<str:filter_spec>/", admin_view(preview)),
]
