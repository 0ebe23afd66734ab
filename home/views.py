from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap
from wagtail.models import Page

from .site_urls import absolute_url
from .visibility import public


class Sitemap(WagtailSitemap):
    """Every language version of the requested site's pages.

    Wagtail's own sitemap lists only the tree under the site's root page, which is the Finnish
    one; the Swedish and English trees are its translations. Alias pages (untranslated copies that
    show the Finnish text) are left out: search engines should not index duplicates. Only
    public pages (home.visibility) are listed.
    """

    def items(self):
        site = self.get_wagtail_site()
        pages = Page.objects.none()
        for root in site.root_page.get_translations(inclusive=True):
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return (
            public(pages)
            .filter(alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


@require_GET
@cache_control(max_age=86400)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        f"Sitemap: {absolute_url(request, '/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
