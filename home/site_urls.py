"""Absolute addresses on the visitor's Site: its scheme, host and port, not the request's.

Wagtail writes a page's absolute URL from its Site (`Page.get_full_url`); every other absolute
address the site hands out (robots.txt's sitemap, a feed's self link, calendar subscriptions, the
Linked Events API's `@id`s) comes from here, so that they all agree. A Site on port 443 gives
https, on 80 plain http, on any other port that port: `seed_demo --port` sets the demo Sites to
the port `make run` serves, and production's Sites carry the public hostname and port, whatever
Host a proxy in front forwards.
"""

from urllib.parse import urljoin

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
