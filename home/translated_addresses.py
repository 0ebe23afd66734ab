"""An address in another language's words leads to the page in the address's language.

Pages keep their slugs per language (/fi/tapahtumat/, /sv/evenemang/, /en/events/) and so does
the search page (/fi/haku/, /sv/sok/, /en/search/). Addresses made before a translation had its
own slug, or typed from the Finnish one, are then not found: /sv/tapahtumat/ was the Swedish
calendar until it got its Swedish slug. Rather than keep a redirect row for every page and
language, a "not found" under /<language>/ is looked up once more, segment by segment, among the
same pages' other translations, and answered with a permanent redirect to the translation in the
address's language; what follows the pages (a month view, feed.ics) and the query string are
kept. Only public pages are redirected to (home.visibility), so a redirect tells no more than the
page itself does.
"""

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

from .visibility import is_public


def search_addresses():
    """The search page's address in each language, e.g. {"fi": "/fi/haku/", ...}."""
    addresses = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            addresses[code] = reverse("search")
    return addresses


def translated_address(request):
    """Where a request that found nothing should go instead, or None."""
    path = request.path_info
    code = translation.get_language_from_path(path)
    if not code:
        return None
    rest = path[len(code) + 2 :]
    searches = search_addresses()
    if any(rest == other[len(other_code) + 2 :] for other_code, other in searches.items()):
        return searches[code]
    site = Site.find_for_request(request)
    locale = Locale.objects.filter(language_code=code).first()
    if site is None or locale is None:
        return None
    page = site.root_page.get_translation_or_none(locale)
    segments = [segment for segment in rest.split("/") if segment]
    found = 0
    translated = False
    while page is not None and found < len(segments):
        slug = segments[found]
        child = page.get_children().filter(slug=slug).first()
        if child is None:
            # The same slug under one of this page's translations, in this language.
            under_a_translation = Q()
            for translation_path in page.get_translations().values_list("path", flat=True):
                under_a_translation |= Q(path__startswith=translation_path)
            if not under_a_translation:
                break
            other = Page.objects.filter(
                under_a_translation, depth=page.depth + 1, slug=slug
            ).first()
            child = other and other.get_translation_or_none(locale)
            if child is None:
                break
            translated = True
        page = child
        found += 1
    if not translated or not is_public(page.specific):
        return None
    rest = "/".join(segments[found:])
    if rest and path.endswith("/"):
        rest += "/"
    return page.get_url(request) + rest


class TranslatedAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        address = translated_address(request)
        if address is None:
            return response
        query = request.META.get("QUERY_STRING")
        return HttpResponsePermanentRedirect(address + ("?" + query if query else ""))
