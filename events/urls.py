"""Stable feed addresses, keyed by translation key: they survive renaming and moving pages.

Included inside i18n_patterns, so the language is the address's prefix: /fi/calendar/<key>.ics.
"""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("calendar/<uuid:key>.ics", views.stable_calendar, name="calendar"),
    path("calendar/event/<uuid:key>.ics", views.stable_event, name="event"),
]
