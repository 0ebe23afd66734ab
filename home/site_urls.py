"""Absolute addresses on the visitor's Site: its scheme, host and port, not the request's.

Wagtail writes a page's absolute URL from its Site (`Page.get_full_url`); every other absolute
address the site hands out (robots.txt's sitemap, a feed's self link, calendar subscriptions, the
Linked Events API's `@id`s) comes from here, so that they all agree. A Site on port 443 gives
https, on 80 plain http, on any other port that port: `seed_demo --port` sets the demo Sites to
the port `make run` serves, and production's Sites carry the public hostname and port, whatever
Host a proxy in front forwards.
"""

from urllib.parse import quote, urljoin

from wagtail.models import Site


def site_root_url(request):
    """The root URL of the request's Site (the default Site for an unknown host), without a
    trailing slash; the request's own when there is no Site at all."""
    site = Site.find_for_request(request)
    if site is None:
        return request.build_absolute_uri("/")[:-1]
    return site.root_url


def absolute_url(request, path=None):
    """`path` (by default the request's own path and query) on the request's Site. An address
    that is already absolute (an image in S3 storage) is returned as it is."""
    if path is None:
        path = request.get_full_path()
    return urljoin(site_root_url(request) + "/", path)


def page_url_maker(request):
    """A function writing `page.get_full_url(request)` for the many pages of one answer (the
    Linked Events API's `info_url`s): Wagtail reverses its serve pattern under the page's
    language for every page; here that is done once per site root and language, and each page's
    path (of validated slugs) is quoted onto it as `reverse` quotes it. `page` needs only its
    `url_path`: a page's row read as values will do."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation
    from django.utils.http import RFC3986_SUBDELIMS
    from wagtail.coreutils import get_supported_content_language_variant

    site = Site.find_for_request(request)
    root_paths = Site.get_site_root_paths()  # what Page.get_full_url reads (cached)
    active = translation.get_language()
    prefixes = {}

    def prefix(language_code):
        if language_code not in prefixes:
            code = language_code
            if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
                try:
                    if get_supported_content_language_variant(active) == code:
                        code = active
                except LookupError:
                    pass
                with translation.override(code):
                    prefixes[language_code] = reverse("wagtail_serve", args=("",))
            else:
                prefixes[language_code] = reverse("wagtail_serve", args=("",))
        return prefixes[language_code]

    def full_url(page):
        possible = [root for root in root_paths if page.url_path.startswith(root.root_path)]
        if not possible:
            return None
        chosen = possible[0]
        if site is not None and len({root.site_id for root in possible}) > 1:
            chosen = next((root for root in possible if root.site_id == site.pk), chosen)
        subpath = quote(page.url_path[len(chosen.root_path) :], safe=RFC3986_SUBDELIMS + "/~:@")
        return chosen.root_url + prefix(chosen.language_code) + subpath

    return full_url
