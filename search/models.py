"""The search index: one document per searchable thing and region, and its analysed terms.

Our own two tables instead of the database's text search, so that the Finnish analysis
(analysis.py) decides what matches, on SQLite and PostgreSQL alike. A query is one indexed
lookup of the query's terms in SearchTerm, grouped by document.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import pgettext_lazy


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", pgettext_lazy("search result type", "News")
        EVENT = "event", pgettext_lazy("search result type", "Event")
        PAGE = "page", pgettext_lazy("search result type", "Page")
        ASSOCIATION = "association", pgettext_lazy("search result type", "Association")
        SERVICE = "service", pgettext_lazy("search result type", "Service")
        PLACE = "place", pgettext_lazy("search result type", "Place")

    # What the document is: a page, or a directory entry (a snippet).
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # The language the text is written in (aliases, which show Finnish text, are not indexed).
    language = models.CharField(max_length=8)
    # The region (Wagtail Site) it belongs to: its home page's translation key.
    region_key = models.UUIDField()
    # The villages it belongs to, as " key key " (translation keys), for the village filter.
    village_keys = models.CharField(max_length=400, blank=True)
    # Where it is shown: the page itself, or the directory page an entry is shown under, whose
    # address followed by `url_suffix` (<type>/<slug>/) is the entry's. Addresses are made when
    # results are shown, so renaming or moving a page never leaves a stale link here.
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    url_suffix = models.CharField(max_length=300, blank=True)
    title = models.CharField(max_length=255)
    # Plain text for the excerpt (the title excluded).
    text = models.TextField(blank=True)
    # A news item's date, or an event's first date (its next one is looked up when shown).
    date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "region_key"], name="one_document_per_region"
            )
        ]
        # With the id: a query's scope (language, region, kind) is read from the index alone.
        indexes = [models.Index(fields=["language", "region_key", "kind", "id"])]

    def __str__(self):
        return f"{self.kind}: {self.title}"


class SearchTerm(models.Model):
    """One analysed term of a document, with its weight (title words weigh more)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=64)
    weight = models.PositiveSmallIntegerField()

    class Meta:
        # Covering: a query reads term, document and weight from the index alone.
        indexes = [models.Index(fields=["term", "document", "weight"])]

    def __str__(self):
        return self.term
