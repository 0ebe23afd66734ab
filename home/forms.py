"""The admin form of every page type of ours: references checked on the server (references.py),
topics offered in the editor's language."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.admin.forms import WagtailAdminPageForm

from .references import ReferenceScopeMixin, _pks


class TopicChoicesMixin:
    """Each topic once, named in the editor's language, in that language's order.

    Pages and directory entries point at the topics' Finnish rows (translations find theirs
    through the translation key: home.models.attach_topics), so those are the choices; without
    this the field offered every language's row, 30 boxes for 10 topics. A topic already chosen
    stays offered, so saving never drops it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("topics")
        if field is None:
            return
        from .models import Topic

        field.queryset = Topic.objects.filter(
            Q(locale__language_code=settings.LANGUAGE_CODE)
            | Q(pk__in=_pks(self.initial.get("topics")))
        )
        names = dict(
            Topic.objects.filter(locale__language_code=get_language()).values_list(
                "translation_key", "name"
            )
        )
        choices = [
            (topic.pk, names.get(topic.translation_key, topic.name)) for topic in field.queryset
        ]
        field.widget.choices = sorted(choices, key=lambda choice: choice[1].casefold())


class PageForm(TopicChoicesMixin, ReferenceScopeMixin, WagtailAdminPageForm):
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
