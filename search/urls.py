"""Included inside i18n_patterns: the address starts with the language, /fi/haku/.

"haku" (search) is the same in every language, like the directory's type segments; it is routed
before Wagtail, so a page with the slug "haku" right under a region's home page is not reachable.
"""

from django.urls import path

from .views import search_view

urlpatterns = [path("haku/", search_view, name="search")]
