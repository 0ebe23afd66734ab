"""The admin form of every page type of ours: references checked on the server (references.py)."""

from wagtail.admin.forms import WagtailAdminPageForm

from .references import ReferenceScopeMixin


class PageForm(ReferenceScopeMixin, WagtailAdminPageForm):
    pass


class VillagePageForm(PageForm):
    """A scheduled expiry unpublishes the village: like unpublishing, it is regional staff's.

    Its own editors still edit and publish the village page; for them the expiry field is kept
    as it was, whatever is posted (home.roles.VillagePagePermissionTester has the rest).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .roles import is_region_staff_for

        field = self.fields.get("expire_at")
        if field and self.instance.pk and not is_region_staff_for(self.for_user, self.instance):
            field.disabled = True
