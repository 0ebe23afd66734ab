"""One row per entry in the admin's lists, in the editor's language (issue 11, item 3).

A translatable snippet (a directory entry) has a row per language, and Wagtail lists every row:
each entry three times under a "Locale" column. Our listings and choosers show each entry once,
the translation in the editor's admin language when there is one, else the Finnish source (else
whichever translation exists), with a column that says which languages exist and which are
missing; Wagtail's status column says live, draft, live + draft or scheduled.

`one_per_entry` narrows a queryset that is already scoped (home.roles.narrow_entries): it only
leaves rows out, so scope, filters and search apply as before. `describe_translations` fills in
what the columns show for one page of rows, in two queries whatever the page size.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Case, IntegerField, OuterRef, Subquery, Value, When
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.models import DraftStateMixin, Revision


def one_per_entry(queryset, language_code=None):
    """The rows of `queryset` that stand for their entry: the translation in `language_code`
    (the active language) if there is one, else the Finnish source, else the oldest row.

    Written as `pk IN (…)`, the one kind of filter Wagtail's search backend accepts besides its
    filter fields (the chooser searches through it).
    """
    language_code = language_code or get_language() or settings.LANGUAGE_CODE
    rows = queryset.model._default_manager.all()
    rank = Case(
        When(locale__language_code=language_code, then=Value(0)),
        When(locale__language_code=settings.LANGUAGE_CODE, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    best = (
        rows.filter(translation_key=OuterRef("translation_key"))
        .annotate(_rank=rank)
        .order_by("_rank", "pk")
        .values("pk")[:1]
    )
    return queryset.filter(pk__in=rows.filter(pk=Subquery(best)).values("pk"))


def villages_by_key(keys):
    """{translation key: every row of the village} for the villages of `keys` (one query)."""
    from .models import VillagePage

    rows = defaultdict(list)
    for village in VillagePage.objects.filter(translation_key__in=keys).select_related("locale"):
        rows[village.translation_key].append(village)
    return rows


def shown_row(rows, language_code):
    """Of a page's or entry's rows (already fetched), the one `one_per_entry` would show."""
    by_language = {row.locale.language_code: row for row in rows}
    return (
        by_language.get(language_code)
        or by_language.get(settings.LANGUAGE_CODE)
        or min(rows, key=lambda row: row.pk)
    )


def source_row(rows):
    return shown_row(rows, settings.LANGUAGE_CODE)


def describe_translations(objects):
    """`objects` (one page of a listing) as a list, each entry told the languages it exists in
    and its scheduled revision (`with_scheduled_revisions`)."""
    objects = with_scheduled_revisions(objects)
    if not objects:
        return objects
    model = type(objects[0])
    languages = defaultdict(set)
    keys = {entry.translation_key for entry in objects}
    for key, code in model._default_manager.filter(translation_key__in=keys).values_list(
        "translation_key", "locale__language_code"
    ):
        languages[key].add(code)
    for entry in objects:
        entry.translation_languages = languages[entry.translation_key]
    return objects


def with_scheduled_revisions(objects):
    """`objects` (snippets of one model) as a list, each told its scheduled revision in one
    query: Wagtail's status ("scheduled", "live + scheduled") asks for it row by row."""
    objects = list(objects)
    if not objects or not isinstance(objects[0], DraftStateMixin):
        return objects
    model = type(objects[0])
    scheduled = {}
    revisions = Revision.objects.filter(
        base_content_type=model.get_base_content_type(),
        object_id__in=[str(obj.pk) for obj in objects],
        approved_go_live_at__isnull=False,
    ).order_by("-created_at", "-id")
    for revision in revisions:
        scheduled.setdefault(revision.object_id, revision)
    for obj in objects:
        obj.__dict__["scheduled_revision"] = scheduled.get(str(obj.pk))
    return objects


def translation_status(languages):
    """'fi, sv · en puuttuu': the content languages the entry exists in, then those missing."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    present = ", ".join(code for code in codes if code in languages)
    missing = [code for code in codes if code not in languages]
    if not missing:
        return present
    return ngettext(
        "%(present)s · %(missing)s is missing",
        "%(present)s · %(missing)s are missing",
        len(missing),
    ) % {"present": present, "missing": ", ".join(missing)}


class TranslationStatusColumn(Column):
    """Which languages an entry exists in (rows passed through `describe_translations`)."""

    def __init__(self, name="translation_status", **kwargs):
        kwargs.setdefault("label", _("Language versions"))
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        return translation_status(getattr(instance, "translation_languages", ()))


def without_locale_filter(filters):
    """A listing's filter set or a chooser's filter form without Wagtail's locale filter, which
    would pick rows by language when every entry is shown once."""
    fields = getattr(filters, "filters", None)
    if fields is None:
        fields = filters.fields
    fields.pop("locale", None)
    return filters
