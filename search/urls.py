"""Included inside i18n_patterns: the address starts with the language, /fi/haku/.

The address is translated: /fi/haku/, /sv/sok/, /en/search/ (the other languages' words redirect
to it: home.translated_addresses). It is routed before Wagtail, so a page with that slug right
under a region's home page is not reachable; the directory's type segments are the same in every
language.
"""

from django.urls import path
from django.utils.translation import pgettext_lazy

from .views import search_view

urlpatterns = [
    path(pgettext_lazy("address of the search page", "search/"), search_view, name="search")
]
