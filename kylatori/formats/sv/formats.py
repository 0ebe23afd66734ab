"""Swedish as written in Finland: 8.12.2026 and kl. 18.30, not Sweden's 2026-12-08 and 18:30."""

from kylatori.formats import (  # noqa: F401
    DATE_INPUT_FORMATS,
    DATETIME_INPUT_FORMATS,
    TIME_INPUT_FORMATS,
)

TIME_FORMAT = "G.i"
DATETIME_FORMAT = r"j F Y \k\l. G.i"
SHORT_DATE_FORMAT = "j.n.Y"
SHORT_DATETIME_FORMAT = r"j.n.Y \k\l. G.i"
FIRST_DAY_OF_WEEK = 1
