"""Demo events: a calendar in the region and in every village, with the kinds of event the
calendar must show well (repeating with a left-out date, all-day market, several-day festival,
cancelled, moved, free and paid), at the demo places and by the demo associations of
directory.demo, translated to Swedish and English.

Called by the seed_demo command: ``seed_events(region_home, villages, stdout)``. Idempotent:
pages are looked up by slug and left as they are when they exist.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from home.translation import translate_page

from .models import EventDateChange, EventIndexPage, EventPage

CALENDAR_TITLES = {"fi": "Tapahtumat", "sv": "Evenemang", "en": "Events"}


def next_weekday(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def calendar_under(parent, stdout):
    index = EventIndexPage.objects.child_of(parent).first()
    if index is None:
        index = EventIndexPage(
            title=CALENDAR_TITLES["fi"],
            slug="tapahtumat",
            show_in_menus=True,
            intro="Kylän tapahtumat: tilaa kalenteri puhelimeesi, niin tiedät aina mitä tapahtuu.",
        )
        parent.add_child(instance=index)
        index.save_revision().publish()
        stdout.write(f"  calendar {parent.title}/{index.slug}")
    for code in ("sv", "en"):
        if parent.get_translations().filter(locale__language_code=code).exists():
            if (
                not index.get_translations()
                .filter(locale__language_code=code, alias_of__isnull=True)
                .exists()
            ):
                translate_page(index, code, title=CALENDAR_TITLES[code], intro="")
    return index


def event_specs(village, today):
    """(slug, fields, translations {code: (title, summary)}, date changes) for one village."""
    name = village.title
    wednesday = next_weekday(today + datetime.timedelta(days=1), 2)
    saturday = next_weekday(today + datetime.timedelta(days=3), 5)
    friday = next_weekday(today + datetime.timedelta(days=20), 4)
    place = {
        "place_name": f"{name}n kylätalo",
        "street_address": "Kylätie 1",
        "postal_code": "35400",
        "address_locality": name,
        "accessibility": "Esteetön sisäänkäynti ja wc. Induktiosilmukka salissa.",
    }
    return [
        (
            "kuoroharjoitukset",
            dict(
                directory=("kylatalo", None, None),
                title="Kyläkuoron harjoitukset",
                summary="Laulamme joka keskiviikko. Uudet laulajat ovat tervetulleita!",
                start_date=wednesday,
                start_time=datetime.time(18, 30),
                end_time=datetime.time(20),
                frequency="WEEKLY",
                weekdays="WE",
                repeat_until=wednesday + datetime.timedelta(weeks=16),
                is_free=True,
                organiser_name=f"{name}n kyläkuoro",
                **place,
            ),
            {
                "sv": ("Bykörens övningar", "Vi sjunger varje onsdag. Nya sångare välkomna!"),
                "en": ("Village choir practice", "We sing every Wednesday. New singers welcome!"),
            },
            [
                EventDateChange(
                    original_date=wednesday + datetime.timedelta(weeks=2), action="excluded"
                )
            ],  # fmt: skip
        ),
        (
            "kirpputori",
            dict(
                directory=("kylatalo", "kylayhdistys", "yhteiso"),
                title="Kirpputori ja kyläkahvila",
                summary="Myyntipöytiä, kahvia ja pullaa koko päivän.",
                start_date=saturday,
                all_day=True,
                is_free=True,
                **place,
            ),
            {
                "sv": ("Loppis och bycafé", "Försäljningsbord, kaffe och bulla hela dagen."),
                "en": ("Flea market and village café", "Stalls, coffee and buns all day."),
            },
            [],
        ),
        (
            "kyläjuhlat",
            dict(
                directory=("kylatalo", "kylayhdistys", "yhteiso"),
                title="Kyläjuhlat",
                summary="Kolme päivää musiikkia, teatteria ja tanssia.",
                start_date=friday,
                start_time=datetime.time(17),
                end_date=friday + datetime.timedelta(days=2),
                end_time=datetime.time(16),
                price="Päivälippu 10 €, koko viikonloppu 25 €, alle 12-vuotiaat ilmaiseksi",
                registration_url="https://example.org/liput",
                **place,
            ),
            {
                "sv": ("Byfest", "Tre dagar med musik, teater och dans."),
                "en": ("Village festival", "Three days of music, theatre and dance."),
            },
            [],
        ),
        (
            "kylakokous",
            dict(
                directory=("kylatalo", "kylayhdistys", "yhteiso"),
                title="Kyläyhdistyksen syyskokous",
                summary="Käsitellään talousarvio ja valitaan hallitus. Kahvitarjoilu.",
                start_date=today + datetime.timedelta(days=9),
                start_time=datetime.time(18),
                end_time=datetime.time(19, 30),
                is_free=True,
                organiser_name=f"{name}n kyläyhdistys ry",
                **place,
            ),
            {
                "sv": ("Byföreningens höstmöte", "Budget och val av styrelse. Kaffe serveras."),
                "en": ("Village association autumn meeting", "Budget and board election."),
            },
            [],
        ),
        (
            "teatteri",
            dict(
                directory=("kylatalo", None, None),
                title="Kesäteatterin ensi-ilta",
                summary="Komedia kyläläisten esittämänä.",
                start_date=today + datetime.timedelta(days=12),
                start_time=datetime.time(19),
                end_time=datetime.time(21, 30),
                price="15 €, lapset 5 €",
                registration_url="https://example.org/teatteri",
                **place,
            ),
            {
                "sv": ("Sommarteaterns premiär", "En komedi spelad av byborna."),
                "en": ("Summer theatre premiere", "A comedy performed by the villagers."),
            },
            [],
        ),
        (
            "konsertti-peruttu",
            dict(
                title="Kirkkokonsertti",
                summary="Konsertti on peruttu esiintyjän sairastumisen vuoksi.",
                start_date=today + datetime.timedelta(days=6),
                start_time=datetime.time(19),
                end_time=datetime.time(20, 30),
                status="cancelled",
                is_free=True,
                place_name=f"{name}n kirkko",
            ),
            {
                "sv": ("Kyrkokonsert", "Konserten är inställd."),
                "en": ("Church concert", "The concert has been cancelled."),
            },
            [],
        ),
        (
            "lukupiiri",
            dict(
                title="Lukupiiri",
                summary="Keskustelemme kuukauden kirjasta kirjastoauton pysäkin vieressä.",
                start_date=today + datetime.timedelta(days=4),
                start_time=datetime.time(17),
                end_time=datetime.time(18, 30),
                frequency="MONTHLY",
                repeat_count=6,
                is_free=True,
                **place,
            ),
            {
                "sv": ("Läsecirkel", "Vi diskuterar månadens bok."),
                "en": ("Book club", "We discuss the book of the month."),
            },
            [
                EventDateChange(
                    original_date=_add_months(today + datetime.timedelta(days=4), 1),
                    action="cancelled",
                )
            ],  # fmt: skip
        ),
        (
            "lentopallo",
            dict(
                directory=("koulu", "urheiluseura", "liikunta"),
                title="Lentopallovuoro",
                summary="Kaikille avoin lentopallovuoro koululla.",
                start_date=next_weekday(today + datetime.timedelta(days=1), 0),
                start_time=datetime.time(19),
                end_time=datetime.time(20, 30),
                frequency="WEEKLY",
                weekdays="MO",
                is_free=True,
                place_name=f"{name}n koulu",
                street_address="Koulutie 3",
                address_locality=name,
            ),
            {
                "sv": ("Volleyboll", "Volleyboll för alla i skolan."),
                "en": ("Volleyball", "Volleyball for everyone at the school."),
            },
            [
                EventDateChange(
                    original_date=next_weekday(today + datetime.timedelta(days=8), 0),
                    action="moved",
                    new_start_date=next_weekday(today + datetime.timedelta(days=8), 0)
                    + datetime.timedelta(days=1),
                )
            ],
        ),
    ]


def _add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    try:
        return day.replace(year=year, month=month)
    except ValueError:
        return None


def link_directory(fields, village):
    """Use the village's demo place, association and topic (directory.demo) when they exist;
    without them (the events seeded alone) the free-text place and organiser stay."""
    from directory.models import Association, Place
    from home.models import Topic

    place_slug, organiser_slug, topic_slug = fields.pop("directory", (None, None, None))
    default = Locale.get_default()

    def entry(model, suffix):
        found = model.objects.filter(slug=f"{village.slug}-{suffix}", locale=default)
        return found.first() if suffix else None

    place = entry(Place, place_slug)
    if place is not None:
        fields.update(place=place, place_name="", street_address="", postal_code="")
        fields.update(address_locality="", accessibility="")
    organiser = entry(Association, organiser_slug)
    if organiser is not None:
        fields.update(organiser=organiser, organiser_name="")
    return list(Topic.objects.filter(slug=topic_slug, locale=default)) if topic_slug else []


def seed_events(region_home, villages, stdout):
    """Calendars and at least eight events per village, translated to Swedish and English."""
    today = timezone.localdate()
    calendar_under(region_home, stdout)
    created = 0
    for village in villages:
        index = calendar_under(village, stdout)
        for slug, fields, translations, changes in event_specs(village, today):
            event = EventPage.objects.child_of(index).filter(slug=slug).first()
            if event is None:
                topics = link_directory(fields, village)
                event = EventPage(slug=slug, **fields)
                event.topics = topics
                event.date_changes = [change for change in changes if change.original_date]
                index.add_child(instance=event)
                event.save_revision().publish()
                created += 1
            for code, (title, summary) in translations.items():
                exists = event.get_translations().filter(
                    locale__language_code=code, alias_of__isnull=True
                )
                if not exists.exists():
                    translate_page(event, code, title=title, summary=summary)
    stdout.write(f"  events: {created} new, in {len(villages)} villages and the region")
    return created
