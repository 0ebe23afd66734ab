"""Rich text as the public sees it: page links follow home.visibility.

Wagtail renders a link to any page with the page's address, draft or restricted alike, and the
address carries the slug (often the title). This handler, registered in home/wagtail_hooks.py in
place of Wagtail's own for the "page" link type, shows the address only of a page the public may
see. The admin form refuses such links in the first place (home.references); this covers links
saved before, and pages unpublished or restricted since.
"""

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .visibility import public


class PublicPageLinkHandler(PageLinkHandler):
    """A rich text link to a page, as the public sees it: the page's address only when the public
    may see the page (its translation in the visitor's language, else the page itself); a link to
    a draft, unpublished or restricted page renders as a plain <a> around the writer's words, so
    neither its address nor the title in its slug shows."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        candidates = [[page.localized, page] if page else [] for page in pages]
        ids = {page.pk for pair in candidates for page in pair}
        shown = set(public(Page.objects.filter(pk__in=ids)).values_list("pk", flat=True))
        tags = []
        for pair in candidates:
            page = next((page for page in pair if page.pk in shown), None)
            tags.append(f'<a href="{escape(page.url)}">' if page else "<a>")
        return tags
