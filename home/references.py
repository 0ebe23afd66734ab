"""Every reference an admin form saves is checked on the server, not only narrowed in a chooser.

A reference is a foreign key, many-to-many or chooser block pointing at an image, a document or
a directory entry, or a rich text link to a page. A user may save a reference to what lies in
their scope (images and documents of the collections they may choose from, entries of their
villages or region, pages of their own region that the public may see or that they may edit
themselves: not another village's draft or private page, nor another region's page), or to what
the object already referred to before this edit: an editor saving a page that regional
staff gave a region-wide image must not be stopped, but can't swap in another village's image.

Choosers narrowing their lists is convenience; this form validation is the rule (docs/design.md).
Public rendering never shows a draft entry either (see `live_entry`), nor the address of a page
the public may not see (`home.rich_text`).
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "image": _("Choose an image from your own collections."),
    "document": _("Choose a document from your own collections."),
    "entry": _("Choose an entry of your own village or region."),
    "page": _("Choose a public page of your own region."),
}
TEXT_MESSAGES = {
    "image": _("The text refers to an image or document outside your collections."),
    "document": _("The text refers to an image or document outside your collections."),
    "entry": _("The text refers to an entry outside your village or region."),
    "page": _("The text links to a page that is not public or lies outside your region."),
}


def reference_kind(model):
    """ "image", "document", "entry" or "page" for a model whose references are checked."""
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page

    from directory.models import DirectoryEntry

    for kind, base in (
        ("image", AbstractImage),
        ("document", AbstractDocument),
        ("entry", DirectoryEntry),
        ("page", Page),
    ):
        if isinstance(model, type) and issubclass(model, base):
            return kind
    return None


def choosable(user, model):
    """The objects of `model` that `user` may choose, or None when the user is not restricted."""
    from . import roles

    kind = reference_kind(model)
    if kind is None or user is None or roles.is_unrestricted(user):
        return None
    if kind == "entry":
        return roles.entries_in_scope(user, model)
    if kind == "page":
        return model.objects.filter(pk__in=roles.linkable_pages(user).values("pk"))
    return model._default_manager.filter(collection__in=roles.collections_in_scope(user))


def live_entry(entry):
    """The entry in the visitor's language as the public may see it: None for a draft.

    `localized` falls back to the source entry when the translation is a draft, and the source
    itself may be a draft (never published, or unpublished): then nothing of it is shown.
    """
    if entry is None:
        return None
    localized = entry.localized
    return localized if localized.live else None


def _pks(value):
    values = value if isinstance(value, (list, tuple, set)) or hasattr(value, "all") else [value]
    if hasattr(values, "all"):
        values = values.all()
    return {getattr(item, "pk", item) for item in values if item not in (None, "")}


class ReferenceScopeMixin:
    """For admin model and page forms: narrows reference fields and checks text references.

    Expects `self.for_user` and `self.instance`, as Wagtail's admin forms have them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        self._text_references = {}
        from . import roles

        if user is None or roles.is_unrestricted(user):
            return
        model_fields = {field.name: field for field in self.instance._meta.get_fields()}
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField):
                allowed = choosable(user, field.queryset.model)
                if allowed is None:
                    continue
                kept = _pks(self.initial.get(name))
                field.queryset = field.queryset.filter(
                    Q(pk__in=allowed.values("pk")) | Q(pk__in=kept)
                )
                field.error_messages["invalid_choice"] = MESSAGES[
                    reference_kind(field.queryset.model)
                ]
            elif hasattr(model_fields.get(name), "extract_references"):
                # A stream or rich text: what it referred to before this edit stays allowed.
                model_field = model_fields[name]
                value = getattr(self.instance, name, None)
                self._text_references[name] = (
                    model_field,
                    set(references(model_field, value)) if value else set(),
                )

    def clean(self):
        cleaned = super().clean()
        user = getattr(self, "for_user", None)
        for name, (model_field, before) in self._text_references.items():
            value = cleaned.get(name)
            if not value:
                continue
            by_model = {}
            for model, pk in set(references(model_field, value)) - before:
                by_model.setdefault(model, set()).add(pk)
            for model, pks in by_model.items():
                allowed = choosable(user, model)
                if allowed is not None and allowed.filter(pk__in=pks).count() < len(pks):
                    self.add_error(name, TEXT_MESSAGES[reference_kind(model)])
                    break
        return cleaned


def references(model_field, value):
    """(model, pk) of each checked reference in a stream or rich text value."""
    for model, pk, *_rest in model_field.extract_references(value):
        if reference_kind(model) is not None:
            yield model, str(pk)
