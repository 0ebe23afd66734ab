"""The URL configuration an API request is answered under (set as `request.urlconf` by
linkedevents.views.endpoint): the API alone, without the language-prefixed patterns, so that
Django's LocaleMiddleware does not turn the API's JSON 404 into a redirect to /fi/linkedevents/...
"""

from django.urls import include, path

urlpatterns = [path("linkedevents/v1/", include("linkedevents.urls"))]
