from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.forms import TopicChoicesMixin
from home.references import ReferenceScopeMixin
from home.roles import village_keys_for_user


class DirectoryEntryForm(TopicChoicesMixin, ReferenceScopeMixin, WagtailAdminModelForm):
    """A village editor chooses among their own villages; other villages already set are kept.

    Logo and meeting place accept only what the user may choose (home.references).

    An entry shared by two villages stays shared when one village's editor saves it, and an
    editor cannot move an entry out of reach of their village (the field is required).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False  # made from the name: clean_slug
        self.hidden_villages = []
        field = self.fields.get("villages")
        keys = village_keys_for_user(self.for_user) if self.for_user else None
        if field is None or keys is None:
            return
        field.queryset = field.queryset.filter(translation_key__in=keys)
        if self.instance.pk:
            self.hidden_villages = [
                village
                for village in self.instance.villages.all()
                if village.translation_key not in keys
            ]

    def clean_slug(self):
        # (slug, locale) is unique, but the form has no locale field, so Django's unique check
        # skips the pair and a taken slug was an IntegrityError: a 500, and "A server error
        # occurred" from autosave. The entry holding the slug may be another village's, which
        # this editor cannot see, so the message does not name it.
        # Left empty (the browser fills it from the name, but not without JavaScript), the
        # slug is made from the name the same way: "Länkipohjan kylätalo" → lankipohjan-kylatalo.
        slug = self.cleaned_data["slug"] or slugify(self.cleaned_data.get("name", ""))
        if not slug:
            raise ValidationError(self.fields["slug"].error_messages["required"], code="required")
        taken = self._meta.model.objects.filter(slug=slug, locale_id=self.instance.locale_id)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(
                _("This address is already in use. Choose another slug."), code="slug_taken"
            )
        return slug

    def clean_villages(self):
        chosen = list(self.cleaned_data["villages"])
        return chosen + [v for v in self.hidden_villages if v not in chosen]
