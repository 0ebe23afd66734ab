from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic.base import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import PasswordResetView
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.throttling import throttle_password_reset
from home import admin_scope, images
from home.views import Sitemap, robots_txt


class FaviconView(RedirectView):
    """/favicon.ico, which browsers ask for on every site whatever the page links: the static
    file, looked up per request (its name carries a content hash outside DEBUG)."""

    def get_redirect_url(self, *args, **kwargs):
        return static("img/favicon.ico")


urlpatterns = [
    path("favicon.ico", FaviconView.as_view()),
    # Wagtail's own password reset view, throttled: it sends e-mail and axes does not see it.
    path(
        "admin/password_reset/",
        throttle_password_reset(PasswordResetView.as_view()),
        name="wagtailadmin_password_reset",
    ),
    # Narrowed admin views at the addresses of Wagtail's own (home.admin_scope): first.
    path("admin/", include(admin_scope.urlpatterns)),
    # The image preview, bounded in size (home.images): first too.
    path("admin/", include(images.urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
    path("robots.txt", robots_txt),
    # The Linked Events API (linkedevents/): read-only, on every region's host.
    path("linkedevents/v1/", include("linkedevents.urls")),
]

if settings.DEBUG:
    # Under its own name: `static` is the static-file URL helper the favicon view calls.
    from django.conf.urls.static import static as media_patterns

    urlpatterns += media_patterns(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every page address starts with its language: /fi/..., /sv/..., /en/...
urlpatterns += i18n_patterns(
    path("", include("events.urls")),
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
