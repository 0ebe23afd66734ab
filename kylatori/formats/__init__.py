"""Date and time formats per language (FORMAT_MODULE_PATH): what forms read and pages show.

Every language reads the Finnish forms, since editors and residents type them whatever language
the admin or the page is in: 8.12.2026 or 08.12.2026, and 18, 18.30 or 18:30. "klo 18.30" and a
two-digit year (8.12.26) are made readable by home.dates.normalise before these formats are
tried: strptime's own %y would read 8.12.69 as 1969. Django adds the ISO forms (2026-12-08,
18:30) to every list itself. The first format of each list is the one the admin's date pickers
write (WAGTAIL_DATE_FORMAT and friends in the settings). What a language does not set here,
Django's own format module for it gives.
"""

DATE_INPUT_FORMATS = ["%d.%m.%Y"]
TIME_INPUT_FORMATS = ["%H.%M", "%H:%M", "%H", "%H.%M.%S", "%H:%M:%S"]


def datetime_input_formats(date_formats):
    """Each date form followed by each time form, or by nothing (midnight)."""
    return [f"{day} {time}" for day in date_formats for time in TIME_INPUT_FORMATS] + list(
        date_formats
    )


DATETIME_INPUT_FORMATS = datetime_input_formats(DATE_INPUT_FORMATS)
