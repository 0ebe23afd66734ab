"""Dates in wagtail-localize's translation editor in the editor's language.

Under each translated string the editor says how and when it was translated: "Käännetty
manuaalisesti {date}". wagtail-localize fills in the date in Python with strftime("%-d %B %Y")
(`StringTranslation.get_comment`), which writes the C locale's English month whatever the
admin's language: "Käännetty manuaalisesti 3 December 2026". The placeholder is filled before
any catalogue is read, so no translation in locale/ can fix it, and the comment is made in that
one method, read by the serializer of every response of the editor (the page's initial strings
and the answer to each saved one). `use_admin_language_dates` replaces the method with one that
gives the same messages (wagtail-localize's own msgids and translations) with the date in the
active language's short form, as the rest of the admin writes dates: 3.12.2026 in Finnish and
Swedish, 3 Dec 2026 in English. Called once, from HomeConfig.ready.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def translated_on(string_translation):
    """wagtail-localize's comment on a string translation, with a localised date."""
    from wagtail_localize.models import StringTranslation

    date = date_format(timezone.localtime(string_translation.updated_at), "SHORT_DATE_FORMAT")
    if string_translation.tool_name:
        return _("Translated with {tool_name} on {date}").format(
            tool_name=string_translation.tool_name, date=date
        )
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None


def use_admin_language_dates():
    from wagtail_localize.models import StringTranslation

    StringTranslation.get_comment = translated_on
