from wagtail import hooks

from events.models import EventPage

from . import admin_views


@hooks.register("register_admin_urls")
def submission_admin_urls():
    return admin_views.urlpatterns


@hooks.register("register_admin_menu_item")
def submissions_menu_item():
    return admin_views.menu_item()


@hooks.register("register_page_header_buttons")
def submitter_button(page, user, view_name, next_url=None):
    if issubclass(page.specific_class or type(page), EventPage):
        button = admin_views.header_button(page, user)
        if button is not None:
            yield button
