"""A large ICS calendar as Google Calendar writes one (for tests, profiling and bench/imports.py):
`count` events over the coming months, one in ten repeating weekly, one in fifty with a
cancelled date, HTML in some descriptions."""

import datetime


def big_calendar(count, start=None, prefix="ev"):
    start = start or datetime.date.today() + datetime.timedelta(days=1)
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Kyläyhdistys",
        "X-WR-TIMEZONE:Europe/Helsinki",
    ]
    for number in range(count):
        day = start + datetime.timedelta(days=number % 120)
        stamp = day.strftime("%Y%m%d")
        lines += [
            "BEGIN:VEVENT",
            f"DTSTART;TZID=Europe/Helsinki:{stamp}T180000",
            f"DTEND;TZID=Europe/Helsinki:{stamp}T200000",
            "DTSTAMP:20260101T120000Z",
            f"UID:{prefix}{number}@google.com",
            f"SUMMARY:Tapahtuma {number}",
            "DESCRIPTION:Tervetuloa <b>kylätalolle</b>!<br>Kahvitarjoilu.",
            "LOCATION:Kylätalo\\, Kylätie 1\\, 35400 Länkipohja",
            "STATUS:CONFIRMED",
        ]
        if number % 10 == 0:
            lines.append("RRULE:FREQ=WEEKLY;COUNT=10")
        lines.append("END:VEVENT")
        if number % 50 == 0:
            moved = day + datetime.timedelta(days=7)
            lines += [
                "BEGIN:VEVENT",
                f"DTSTART;TZID=Europe/Helsinki:{moved:%Y%m%d}T180000",
                f"DTEND;TZID=Europe/Helsinki:{moved:%Y%m%d}T200000",
                f"RECURRENCE-ID;TZID=Europe/Helsinki:{moved:%Y%m%d}T180000",
                f"UID:{prefix}{number}@google.com",
                f"SUMMARY:Tapahtuma {number}",
                "STATUS:CANCELLED",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()
