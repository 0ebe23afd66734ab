"""English in the unambiguous British form with a 24-hour clock ("Tuesday 1 December 2026,
18:00"), never the American 12/01/2026 or 6 p.m.; weeks start on Monday, as in Finland. Besides
the Finnish forms, English reads the British 8/12/2026 (never the American month first)."""

from kylatori.formats import DATE_INPUT_FORMATS as FINNISH_DATES
from kylatori.formats import TIME_INPUT_FORMATS, datetime_input_formats  # noqa: F401

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1

DATE_INPUT_FORMATS = [*FINNISH_DATES, "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = datetime_input_formats(DATE_INPUT_FORMATS)
