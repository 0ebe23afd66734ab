"""Content-Security-Policy: one strict policy for the site, with what the Wagtail admin needs.

The public pages run no script of ours and no inline script or style, so CONTENT_SECURITY_POLICY
(settings/base.py) allows only the site's own files, and no inline event handler anywhere
(script-src-attr 'none'). Under the admin's prefix the directives named in
KYLATORI_ADMIN_CSP_SOURCES get these sources added (tests/browser/test_admin.py walks the
screens editors use under the result and fails on any violation):

- script-src 'unsafe-inline': Wagtail 8 writes inline <script> elements without a nonce: the
  InlinePanel and MultipleChooserPanel templates, the date, time and date-time widgets
  (wagtailadmin/widgets/*_input.html), and wagtail-localize's submit and translation-editor
  templates. A nonce cannot replace it: the widgets are rendered by the form renderer, which
  has no request to take request.csp_nonce from, and a nonce in the policy makes browsers ignore
  'unsafe-inline', so every one of those templates would have to be copied and kept in step
  with Wagtail's. Inline event handlers stay refused (script-src-attr 'none' above), and
  scripts still load only from the site itself.
- style-src-elem 'unsafe-inline': wagtail-localize's translation editor is styled with
  styled-components, which injects <style> elements at run time with a nonce fixed when the
  bundle was built (none); without it the editor does not start. Inline style attributes stay
  refused (style-src-attr falls back to style-src 'self'); the rest of the admin needs neither.
- frame-src and frame-ancestors 'self': the admin previews pages in a frame of its own; the
  preview itself (a public page rendered for the admin) gets frame-ancestors 'self' too.
- img-src blob:: the image upload form previews the chosen files before they are sent.
- connect-src https://releases.wagtail.org: the dashboard's check for a newer Wagtail.

Only staff who have signed in reach those pages; the policy there still keeps out every other
site's scripts, styles, frames and form targets.
"""

from csp.constants import NONE, SELF
from csp.decorators import csp_update
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings
from django.urls import reverse

# Where a directive is not set, a browser uses the next one (CSP Level 3).
FALLBACK = {
    "script-src-elem": "script-src",
    "script-src-attr": "script-src",
    "style-src-elem": "style-src",
    "style-src-attr": "style-src",
}


def effective_sources(directives, name):
    while name not in directives and name != "default-src":
        name = FALLBACK.get(name, "default-src")
    return directives[name]


def admin_directives():
    """The site's directives, with the admin's extra sources ('none' dropped where added to)."""
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    admin = {}
    for name, extra in settings.KYLATORI_ADMIN_CSP_SOURCES.items():
        sources = effective_sources(directives, name)
        admin[name] = [source for source in sources if source != NONE] + list(extra)
    return admin


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.replace = {**admin_directives(), **(parts.replace or {})}
        elif getattr(request, "is_dummy", False):
            # A preview: Wagtail renders the page through a dummy request for its public address
            # (the editor's preview and checks panels, revision and moderation previews), and the
            # admin shows the result in a frame of its own. The public policy applies, except
            # that the admin may frame it.
            parts.replace = {"frame-ancestors": [SELF], **(parts.replace or {})}
        return parts


def allow_sources(response, directives):
    """Add `directives`' sources to this one response's policy: django-csp 4's csp_update, for
    a view that decides per request (the directory's map allows its tile server only on the
    response that shows the map)."""
    return csp_update(directives)(lambda: response)()
