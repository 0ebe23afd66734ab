"""The admin's page search lists each page once, in the editor's language (issue 11, item 3).

Wagtail's search view (/admin/pages/search/) lists a row per page and language: a page with
Swedish and English translations three times, and its page-type counts count each three times.
Ours finds a page by any translation's title among the pages the editor may explore (as
Wagtail's, `explorable_instances`: a village editor searches their village), and lists the row
in the admin language, else the Finnish one (home.admin_lists.search_pages), with a column of
the languages the page exists in. Without a chosen order the rows are in title order: relevance
belongs to one translation's row, not to the page.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.views.pages.search import SearchView, page_filter_search
from wagtail.models import Page
from wagtail.search.query import MATCH_ALL

from .admin_lists import PageTranslationStatusColumn, search_pages


class OnePerPageSearchView(SearchView):
    @property
    def columns(self):
        columns = list(super().columns)
        title = next(i for i, column in enumerate(columns) if column.name == "title")
        columns.insert(title + 1, PageTranslationStatusColumn())
        return columns

    def get_queryset(self):
        explorable = self.permission_policy.explorable_instances(self.request.user)
        rows = Page.objects.filter(pk__in=explorable.values("pk"))
        # Wagtail's own query parsing ("live:yes" and the words), over every translation.
        found = search_pages(
            rows,
            self.search_query,
            search=lambda pages: page_filter_search(self.search_query, pages)[0],
        )
        pages = found
        if self.selected_content_type:
            pages = pages.filter(content_type=self.selected_content_type)
        pages = self.annotate_queryset(pages).order_by(self.ordering or "title")
        # Wrapped as search results again, which is what the results template and the
        # page-type counts expect; MATCH_ALL keeps the rows and their order.
        self.all_pages = found.autocomplete(MATCH_ALL, order_by_relevance=False)
        self.content_types = [
            (ContentType.objects.get_for_id(content_type_id), count)
            for content_type_id, count in self.all_pages.facet("content_type_id").items()
        ]
        return pages.autocomplete(MATCH_ALL, order_by_relevance=False)
