"""/linkedevents/v1/: on every region's host, outside the language prefixes (as Linked Events)."""

from django.urls import path, re_path

from . import views

app_name = "linkedevents"

urlpatterns = [
    path("", views.root, name="root"),
    path("openapi.json", views.openapi_document, name="openapi"),
    path("event/", views.event_list, name="event-list"),
    path("event/<str:pk>/", views.event_detail, name="event-detail"),
    path("place/", views.place_list, name="place-list"),
    path("place/<str:pk>/", views.place_detail, name="place-detail"),
    path("keyword/", views.keyword_list, name="keyword-list"),
    path("keyword/<str:pk>/", views.keyword_detail, name="keyword-detail"),
    path("organization/", views.organization_list, name="organization-list"),
    path("organization/<str:pk>/", views.organization_detail, name="organization-detail"),
    path("language/", views.language_list, name="language-list"),
    path("language/<str:pk>/", views.language_detail, name="language-detail"),
    # Last: any other address ending in a slash (without one, Django first adds the slash).
    re_path(r"^(?P<rest>.*/)$", views.not_found, name="not-found"),
]
