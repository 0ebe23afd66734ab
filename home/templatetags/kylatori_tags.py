"""Template tags for the parts of every page: navigation, breadcrumbs, language switcher."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from home.models import SiteSettings, VillagePage
from home.visibility import public, public_q

register = template.Library()


def region_root(request, page=None):
    """The region home page in the visitor's language (falls back to the site's Finnish root)."""
    if page is not None and page.depth >= 2:
        return page if page.depth == 2 else page.get_ancestors().get(depth=2)
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


def content_language(page):
    """The language a page's text is written in.

    An alias is wagtail-localize's stand-in for a page not yet translated: it shows the text of
    the Finnish source, which is the only locale others are synchronised from (home migration
    0002).
    """
    if page.alias_of_id:
        return settings.LANGUAGE_CODE
    return page.locale.language_code


register.filter("content_language", content_language)


@register.filter
def untranslated_language(obj):
    """The language of `obj`'s text when it is shown untranslated to this visitor, else "".

    Finnish is the source every other language falls back to, so a Finnish visitor sees nothing
    untranslated. A page falls back as wagtail-localize's alias; a directory entry when its
    locale is not the visitor's (`is_fallback`, where the listing has set it, saves a query).
    """
    if obj is None or translation.get_language() == settings.LANGUAGE_CODE:
        return ""
    if isinstance(obj, Page):
        return content_language(obj) if obj.alias_of_id else ""
    if getattr(obj, "is_fallback", None) is False:
        return ""
    language = obj.locale.language_code
    return "" if language == translation.get_language() else language


@register.inclusion_tag("components/text_in_language.html")
def text_in_language(text, language):
    """`text` marked as written in `language` (from `untranslated_language`) with a visible
    "(in Finnish)" after it; plain `text` when `language` is empty."""
    return {"text": text, "language": language}


@register.simple_tag(takes_context=True)
def page_navigation(context, page=None):
    """Breadcrumbs, the region menu and the village menu around `page`, in few queries."""
    request = context["request"]
    if not isinstance(page, Page):  # views without a page: 404, search
        page = None
        region = region_root(request)
        ancestors = []
    else:
        ancestors = list(page.get_ancestors().filter(depth__gte=2).specific(defer=True))
        region = ancestors[0] if ancestors else page
    village = next((p for p in [*ancestors, page] if isinstance(p, VillagePage)), None)
    return {
        "region": region,
        "village": village,
        "breadcrumbs": ancestors,
        "primary": public(region.get_children()).in_menu() if region else [],
        "secondary": public(village.get_children()).in_menu() if village else [],
    }


def subroute(request, page):
    """What follows the page's own address in this request: a routable page's sub-route (an
    entry, a month) and the query (filters, page number). Route and entry slugs are the same in
    every language, so switching language keeps the visitor where they are."""
    suffix = ""
    if getattr(request, "routable_resolver_match", None) is not None:
        base = urlsplit(page.get_url(request) or "").path
        if base and request.path.startswith(base):
            suffix = request.path[len(base) :]
    query = request.META.get("QUERY_STRING")
    return suffix + (f"?{query}" if query else "")


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """A link per language to the same page in that language, saying when there is none yet."""
    request = context["request"]
    current = translation.get_language()
    translations = {}
    if not isinstance(page, Page):
        page = None
    if page is not None:
        # A private translation's address (its slug is its title) is not shown on other pages.
        shown = public_q() | Q(pk=page.pk)
        for candidate in (
            page.get_translations(inclusive=True).filter(shown).select_related("locale")
        ):
            translations[candidate.locale.language_code] = candidate
    homes = None  # the region's front page per language, looked up once if needed
    suffix = subroute(request, page) if page is not None else ""
    links = []
    for code, name in settings.LANGUAGES:
        candidate = translations.get(code)
        if candidate is not None:
            url = candidate.get_url(request) + suffix
            status = "fallback" if candidate.alias_of_id else "translated"
        elif page is not None:
            if homes is None:
                home = region_root(request, page)
                homes = {
                    p.locale.language_code: p
                    for p in home.get_translations(inclusive=True).live().select_related("locale")
                }
            url = homes[code].get_url(request) if code in homes else f"/{code}/"
            status = "missing"
        else:
            url = translate_url(request.get_full_path(), code)
            status = "translated"
        links.append(
            {"code": code, "name": name, "url": url, "status": status, "current": code == current}
        )
    return {"links": links, "request": request}


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context, page):
    """<link rel=alternate hreflang> for each real (non-alias) translation of the page."""
    request = context["request"]
    suffix = subroute(request, page).split("?")[0]
    alternates = [
        (p.locale.language_code, p.get_full_url(request) + suffix)
        for p in public(page.get_translations(inclusive=True))
        .filter(alias_of__isnull=True)
        .select_related("locale")
    ]
    default = next((url for code, url in alternates if code == settings.LANGUAGE_CODE), None)
    return {"alternates": sorted(alternates), "default": default}


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The region's accessibility statement and privacy notice in the visitor's language."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {}
    site_settings = SiteSettings.for_site(site)
    pages = {}
    for name in ("accessibility_statement", "privacy_notice"):
        target = getattr(site_settings, name)
        if target is not None:
            pages[name] = target.localized
    pages["contact_email"] = site_settings.contact_email
    return pages
