"""Content-Security-Policy: one strict policy for the site, with what the Wagtail admin needs.

The public pages run no script of ours and no inline script or style, so CONTENT_SECURITY_POLICY
(settings/base.py) allows only the site's own files. The Wagtail 8 admin still writes inline
scripts without a nonce (InlinePanel, date and time widgets, wagtail-localize's editor) and
frames its own previews, so under the admin's prefix the directives named in
KYLATORI_ADMIN_CSP_SOURCES get those sources added. Only staff who have signed in reach those
pages; the policy there still keeps out every other site's scripts, frames and form targets.
"""

from csp.constants import NONE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings
from django.urls import reverse


def admin_directives():
    """The site's directives, with the admin's extra sources ('none' dropped where added to)."""
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    admin = {}
    for name, extra in settings.KYLATORI_ADMIN_CSP_SOURCES.items():
        sources = directives.get(name, directives["default-src"])
        admin[name] = [source for source in sources if source != NONE] + list(extra)
    return admin


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.replace = {**admin_directives(), **(parts.replace or {})}
        return parts
