from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_urls")
def event_admin_urls():
    return admin_views.urlpatterns()
