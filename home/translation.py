"""Making a translation of a page in code (demo content, tests, imports).

Editors translate in the admin through wagtail-localize; code that builds content needs the same
result without the admin: the page's counterpart in another locale, with its own text, published.
"""

from wagtail.models import Locale


def translate_page(source, language_code, **fields):
    """Create or update the `language_code` translation of `source`, set `fields` and publish.

    If the locale holds an alias of the page (wagtail-localize's stand-in for an untranslated
    page), the alias becomes a translation of its own, as it does when an editor translates it.
    """
    locale = Locale.objects.get(language_code=language_code)
    page = source.get_translation_or_none(locale)
    if page is None:
        page = source.copy_for_translation(locale, copy_parents=True)
    page = page.specific
    page.alias_of = None
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    # publish() saves a copy made from the revision; reload to return what is now live.
    return type(page).objects.get(pk=page.pk)
