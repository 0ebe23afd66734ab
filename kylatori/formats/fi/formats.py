"""Finnish: Django's own display formats ("8. joulukuuta 2026", "18.30"), a date and time with
"klo" as Finns write it rather than Django's "kello", and the Finnish input forms."""

from kylatori.formats import (  # noqa: F401
    DATE_INPUT_FORMATS,
    DATETIME_INPUT_FORMATS,
    TIME_INPUT_FORMATS,
)

DATETIME_FORMAT = r"j. E Y \k\l\o G.i"
