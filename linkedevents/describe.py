"""An event's description as HTML, for a whole list of events in a fixed number of queries.

Rendering each page's StreamField would look up the links and images of every event apart (an
N+1 over a list of 100). Here the stored stream is read as it is: every rich text of every event
is expanded in one call (Wagtail's rewriter looks up each kind of link in bulk), the images of
every figure are read with one query, and headings and quotes are escaped. Addresses are made
absolute, since a client shows the text on its own site.
"""

import re

from django.utils.html import format_html
from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from home.site_urls import absolute_url, site_root_url

SPLIT = "<!--kylatori-linkedevents-split-->"
RELATIVE_URL_RE = re.compile(r'(href|src)="/(?!/)')


def image_id(value):
    """The image of a figure's ImageBlock value (a dict in Wagtail 6.3+, an id before)."""
    if isinstance(value, dict):
        value = value.get("image")
    return value if isinstance(value, int) else None


def image_alt(value):
    if isinstance(value, dict):
        return value.get("alt_text") or ""
    return ""


class Descriptions:
    def __init__(self, pages, request):
        self.request = request
        self.base = site_root_url(request)
        streams = {page.pk: list(page.description.raw_data) for page in pages}
        texts, images = [], set()
        for blocks in streams.values():
            for block in blocks:
                if block.get("type") == "paragraph":
                    texts.append(block.get("value") or "")
                elif block.get("type") == "image":
                    found = image_id((block.get("value") or {}).get("image"))
                    if found is not None:
                        images.add(found)
        expanded = expand_db_html(SPLIT.join(texts)).split(SPLIT) if texts else []
        self.images = {image.pk: image for image in get_image_model().objects.filter(pk__in=images)}
        self.html_by_page = {}
        position = 0
        for pk, blocks in streams.items():
            parts = []
            for block in blocks:
                kind, value = block.get("type"), block.get("value")
                if kind == "paragraph":
                    parts.append(expanded[position])
                    position += 1
                elif kind == "heading" and isinstance(value, dict):
                    level = "h3" if value.get("level") == "h3" else "h2"
                    parts.append(format_html("<{0}>{1}</{0}>", level, value.get("text") or ""))
                elif kind == "quote" and isinstance(value, dict):
                    parts.append(self.quote(value))
                elif kind == "image" and isinstance(value, dict):
                    parts.append(self.figure(value))
            self.html_by_page[pk] = RELATIVE_URL_RE.sub(rf'\1="{self.base}/', "".join(parts))

    def quote(self, value):
        attribution = value.get("attribution") or ""
        footer = format_html("<footer>{}</footer>", attribution) if attribution else ""
        return format_html("<blockquote><p>{}</p>{}</blockquote>", value.get("quote") or "", footer)

    def figure(self, value):
        image = self.images.get(image_id(value.get("image")))
        if image is None:
            return ""
        caption = value.get("caption") or ""
        return format_html(
            '<figure><img src="{}" alt="{}">{}</figure>',
            absolute_url(self.request, image.file.url),
            image_alt(value.get("image")),
            format_html("<figcaption>{}</figcaption>", caption) if caption else "",
        )

    def html(self, page):
        """The description of `page`: its summary is `short_description`, not repeated here."""
        return self.html_by_page.get(page.pk, "")
