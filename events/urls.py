"""Stable feed addresses, keyed by translation key: they survive renaming and moving pages.

Included inside i18n_patterns, so the language is the address's prefix: /fi/calendar/<key>.ics.
"""

from django.urls import path, re_path

from . import views

app_name = "events"

urlpatterns = [
    path("calendar/<uuid:key>.ics", views.stable_calendar, name="calendar"),
    path("calendar/event/<uuid:key>.ics", views.stable_event, name="event"),
    # <calendar page address>feed.ics: Wagtail serves only addresses of [\w-]+/ segments, so
    # this is routed here, before Wagtail, to the calendar page at that address.
    re_path(r"^(?P<page_path>(?:[\w\-]+/)*)feed\.ics$", views.page_feed, name="page_feed"),
]
