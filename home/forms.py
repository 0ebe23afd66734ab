"""The admin form of every page type of ours: references checked on the server (references.py)."""

from wagtail.admin.forms import WagtailAdminPageForm

from .references import ReferenceScopeMixin


class PageForm(ReferenceScopeMixin, WagtailAdminPageForm):
    pass
