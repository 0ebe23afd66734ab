"""The API's one rule for rows that exist once per language (translations of one object)."""

from django.conf import settings


def by_language(rows):
    """{language code: row} of one object's translations."""
    return {row.locale.language_code: row for row in rows}


def source(rows):
    """The Finnish (source-language) row, or the first there is."""
    return by_language(rows).get(settings.LANGUAGE_CODE, rows[0])


def multilingual(rows, get):
    """{"fi": …, "sv": …} of get(row), with only the languages that have a value; None if none.
    `rows` may be by_language(rows) already (an event asks for eight fields of the same rows)."""
    languages = rows if isinstance(rows, dict) else by_language(rows)
    values = {code: get(row) for code, row in languages.items()}
    return {code: value for code, value in values.items() if value} or None
