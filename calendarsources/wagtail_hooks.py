from wagtail import hooks

from .admin import CalendarSourceViewSet


@hooks.register("register_admin_viewset")
def calendar_sources_viewset():
    return CalendarSourceViewSet()
