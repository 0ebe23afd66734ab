# Entry data reads better one entry a line than wrapped into 100 columns.
# ruff: noqa: E501
"""Demo directory content: entries every village has, with hours, exceptions and translations.

Called by the seed_demo command as `seed_directory(region_home, villages, stdout)`. Built through
the same models and revisions editors use; idempotent (entries are found by slug and updated).
"""

from datetime import date, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from events import demo as events_demo
from home.demo import facts
from home.models import Topic
from home.translation import translate_page

from .models import (
    Association,
    DirectoryPage,
    Place,
    PlaceHoursException,
    PlaceWeeklyHours,
    Service,
    ServiceHoursException,
    ServiceWeeklyHours,
)

LANGUAGES = ("sv", "en")
# Approximate village centres; other villages get a point near the region's centre.
COORDINATES = {
    "lankipohja": (61.7373, 24.8135),
    "kuorevesi": (61.9560, 24.6470),
    "halli": (61.8660, 24.8200),
    "koskenpaa": (62.0640, 25.0390),
    "kausala": (60.8940, 26.3380),
    "radansuu": (60.8700, 26.2600),
    "vuolenkoski": (60.9950, 26.0950),
    "sitikkala": (60.9200, 26.4300),
}
TOPICS = {
    "yhteiso": ("Yhteisö", "Gemenskap", "Community"),
    "liikunta": ("Liikunta", "Motion", "Sports"),
    "luonto": ("Luonto", "Natur", "Nature"),
    "palvelut": ("Palvelut", "Tjänster", "Services"),
}


def hm(value):
    hour, minute = value.split(".")
    return time(int(hour), int(minute))


def weekly(*rows):
    """rows of (weekdays, "9.00", "16.00")."""
    return [(day, hm(opens), hm(closes)) for days, opens, closes in rows for day in days]


# Names in fi, sv and en; {genitive} is the Finnish genitive of the village's name (facts.py).
ENTRY_NAMES = {
    "kylayhdistys": ("{genitive} kyläyhdistys", "Byaföreningen i {name}", "{name} Village Association"),
    "urheiluseura": ("{genitive} Urheilijat", "{name} idrottsförening", "{name} Sports Club"),
    "metsastysseura": ("{genitive} metsästysseura", "Jaktföreningen i {name}", "{name} Hunting Club"),
    "kylakauppa": ("{genitive} kyläkauppa", "Byabutiken i {name}", "{name} village shop"),
    "kirjastoauto": ("Kirjastoauto, {genitive} pysäkki", "Biblioteksbussen, hållplats {name}", "Library bus, {name} stop"),
    "kirjasto": ("{genitive} kirjasto", "{name} bibliotek", "{name} library"),
    "taksi": ("{genitive} taksi", "Taxi {name}", "{name} taxi"),
    "kylatalo": ("{genitive} kylätalo", "Byagården i {name}", "{name} village hall"),
    "koulu": ("{genitive} koulu", "{name} skola", "{name} school"),
}  # fmt: skip


# The library bus stops of home/demo/content.py in Swedish and English, for the stop's description
# (its address stays the Finnish name, as on the sign).
BUS_STOPS = {
    "Kylätalon piha": ("byagårdens gård", "the village hall's yard"),
    "Koulun piha": ("skolans gård", "the school yard"),
    "Koskenpään kirkon parkkipaikka": ("Koskenpää kyrkas parkering", "Koskenpää church car park"),
    "Kyläkaupan piha": ("bybutikens gård", "the village shop's yard"),
}


def in_languages(fi, sv, en):
    """A free text of an entry in each language: the source gets the Finnish, each translation its
    own (see seed_entry)."""
    return {"fi": fi, "sv": sv, "en": en}


def in_language(value, code):
    """`value` in the language `code` if it is an in_languages() text, else `value` itself."""
    return value[code] if isinstance(value, dict) else value


def entry_names(village, suffix):
    """The names of a village's entry in fi, sv and en."""
    name = village.title
    values = {"name": name, "genitive": facts.genitive(name)}
    return tuple(pattern.format(**values) for pattern in ENTRY_NAMES[suffix])


def library_entry(village, about, address, at, summer):
    """The library bus stop of the village, or the library itself where there is one."""
    library = about["library"]
    hours = [(day, hm(opens), hm(closes)) for day, opens, closes in library["hours"]]
    stop_sv, stop_en = BUS_STOPS.get(library.get("stop"), (None, None))
    if library["kind"] == "library":
        return (
            Service, "kirjasto", entry_names(village, "kirjasto"),
            {"kind": Service.Kind.OTHER, "street_address": library["street_address"], **address,
             **at(-0.001, 0.001), "closed_on_public_holidays": True,
             "description": in_languages(
                 "Kunnan pääkirjasto: lainaus, lehtilukusali ja lastenosasto, jossa satutunnit keskiviikkoisin.",
                 "Kommunens huvudbibliotek: utlåning, tidningsläsesal och barnavdelning med sagostunder på onsdagar.",
                 "The municipality's main library: lending, a newspaper reading room and a children's section with story hours on Wednesdays.")},
            ["palvelut"], hours, [],
        )  # fmt: skip
    return (
        Service, "kirjastoauto", entry_names(village, "kirjastoauto"),
        {"kind": Service.Kind.OTHER, "street_address": library["stop"], **address,
         **at(0.002, -0.003),
         "description": in_languages(
             f"Kirjastoauton pysäkki: {library['stop'].lower()}. Autosta voi lainata ja palauttaa aineistoa ja noutaa varauksia.",
             f"Biblioteksbussens hållplats: {stop_sv}. I bussen kan man låna och lämna tillbaka material och hämta reservationer.",
             f"Library bus stop: {stop_en}. On the bus you can borrow and return items and collect reservations.")},
        ["palvelut"], hours,
        [(summer[0], summer[1], True, None, None, in_languages("Kesätauko", "Sommaruppehåll", "Summer break"))],
    )  # fmt: skip


def entries_for(village, index):
    """The entries of one village: (model, slug, names in fi/sv/en, fields, hours, exceptions)."""
    name = village.title
    about = facts.village(name)
    lat, lon = COORDINATES.get(village.slug, (61.80 + index * 0.03, 24.80 + index * 0.03))
    today = timezone.localdate()
    this_year = today.year
    summer = (date(this_year, 6, 15), date(this_year, 8, 10))
    soon = today + timedelta(days=10)
    address = {"postal_code": about["postal_code"], "address_locality": about["post_office"]}
    hall = about["hall"]
    hall_weekly, hall_events = events_demo.hall_hours(village, today)
    hall_exceptions = [
        (start, end, False, opens, closes, note) for start, end, opens, closes, note in hall_events
    ]
    christmas = (date(this_year, 12, 24), date(this_year, 12, 26), True, None, None,
                 in_languages("Joulu", "Jul", "Christmas"))  # fmt: skip

    def at(offset_lat, offset_lon):
        return {
            "latitude": Decimal(f"{lat + offset_lat:.6f}"),
            "longitude": Decimal(f"{lon + offset_lon:.6f}"),
        }

    return [
        (
            Association, "kylayhdistys", entry_names(village, "kylayhdistys"),
            {"email": "hallitus@kylayhdistys.example", "url": "https://kylayhdistys.example/",
             "description": in_languages(
                 "Kylän yhteinen ääni: talkoot, kylätalo ja kyläjuhlat.",
                 "Byns gemensamma röst: talkon, byagården och byfesterna.",
                 "The village's common voice: volunteer work days, the village hall and the village festivals."),
             "meeting_place": "kylatalo"},
            ["yhteiso"], None, [],
        ),
        (
            Association, "urheiluseura", entry_names(village, "urheiluseura"),
            {"email": "seura@urheilijat.example",
             "description": in_languages(
                 "Lentopalloa, hiihtoa ja lasten liikuntakerho.",
                 "Volleyboll, skidåkning och en idrottsklubb för barn.",
                 "Volleyball, skiing and a sports club for children."),
             "meeting_place": "koulu"},
            ["liikunta"], None, [],
        ),
        (
            Association, "metsastysseura", entry_names(village, "metsastysseura"),
            {"email": "sihteeri@metsastys.example",
             "description": in_languages("Hirvijahti ja riistanhoito.", "Älgjakt och viltvård.",
                                         "Moose hunting and game management.")},
            ["luonto"], None, [],
        ),
        (
            Service, "kylakauppa", entry_names(village, "kylakauppa"),
            {"kind": Service.Kind.SHOP, "telephone": "03 555 0100",
             "street_address": "Kyläntie 10", **address, **at(0, 0),
             "closed_on_public_holidays": True,
             "description": in_languages(
                 "Päivittäistavarat, posti ja apteekkipalvelut.",
                 "Dagligvaror, post och apotekstjänster.",
                 "Groceries, post and pharmacy services."),
             "price_info": in_languages("Kotiinkuljetus 5 €.", "Hemleverans 5 €.", "Home delivery €5.")},
            ["palvelut"],
            weekly(((0, 1, 2, 3, 4), "9.00", "18.00"), ((5,), "10.00", "16.00"),
                   ((6,), "12.00", "16.00")),
            [(soon, soon, True, None, None, in_languages("Inventaario", "Inventering", "Stocktaking"))],
        ),
        library_entry(village, about, address, at, summer),
        (
            Service, "taksi", entry_names(village, "taksi"),
            {"kind": Service.Kind.TRANSPORT, "telephone": "0400 555 200",
             "description": in_languages(
                 "Kela-kyydit ja tilausajot.",
                 "FPA-resor och beställningskörningar.",
                 "Rides reimbursed by Kela and private hire.")},
            ["palvelut"],
            weekly(((0, 1, 2, 3, 4), "6.00", "22.00"), ((4, 5), "22.00", "3.00"),
                   ((5, 6), "8.00", "22.00")),
            [],
        ),
        (
            Place, "kylatalo", entry_names(village, "kylatalo"),
            {"street_address": hall["street_address"], **address, **at(0.001, 0.002),
             "accessibility": in_languages(
                 "Esteetön sisäänkäynti, inva-WC, induktiosilmukka.",
                 "Tillgänglig entré, handikapptoalett, hörslinga.",
                 "Step-free entrance, accessible toilet, induction loop."),
             "email": "varaukset@kylayhdistys.example",
             "description": in_languages(
                 f"Sali noin {hall['seats']} hengelle, keittiö ja esteetön wc. Aukioloajat ovat talon tapahtumien ajat.",
                 f"Sal för cirka {hall['seats']} personer, kök och tillgänglig toalett. Öppettiderna är tiderna för husets evenemang.",
                 f"A hall for about {hall['seats']} people, a kitchen and an accessible toilet. The opening hours are those of the hall's events.")},
            ["yhteiso"],
            hall_weekly,
            [*hall_exceptions, christmas],
        ),
        (
            Place, "koulu", entry_names(village, "koulu"),
            {"street_address": about["school"]["street_address"], **address, **at(0.002, -0.003),
             "accessibility": in_languages(
                 "Luokat ja liikuntasali pohjakerroksessa.",
                 "Klassrummen och gymnastiksalen i bottenvåningen.",
                 "Classrooms and the gym on the ground floor."),
             "description": in_languages(
                 "Alakoulu; liikuntasali arki-iltaisin seurojen käytössä.",
                 "Lågstadieskola; gymnastiksalen används av föreningarna på vardagskvällar.",
                 "Primary school; the gym is used by the clubs on weekday evenings.")},
            ["liikunta"],
            weekly(((0, 1, 2, 3, 4), "8.00", "15.00"), ((0, 1, 2, 3), "17.00", "21.00")),
            [(summer[0], summer[1], True, None, None, in_languages("Kesäloma", "Sommarlov", "Summer holiday"))],
        ),
    ]  # fmt: skip


def demo_topics():
    default = Locale.get_default()
    topics = {}
    for slug, names in TOPICS.items():
        topic = Topic.objects.filter(slug=slug, locale=default).first()
        if topic is None:
            topic = Topic.objects.create(slug=slug, name=names[0], locale=default)
        for code, name in zip(LANGUAGES, names[1:], strict=True):
            locale = Locale.objects.get(language_code=code)
            if not Topic.objects.filter(translation_key=topic.translation_key, locale=locale):
                translated = topic.copy_for_translation(locale)
                translated.name = name
                translated.save()
        topics[slug] = topic
    return topics


def set_hours(entry, hours, exceptions):
    if isinstance(entry, Service):
        weekly_model, exception_model = ServiceWeeklyHours, ServiceHoursException
    else:
        weekly_model, exception_model = PlaceWeeklyHours, PlaceHoursException
    entry.weekly_hours = [
        weekly_model(weekday=day, opens=opens, closes=closes) for day, opens, closes in hours
    ]
    entry.hours_exceptions = [
        exception_model(
            start_date=start,
            end_date=end,
            closed=closed,
            opens=o,
            closes=c,
            note=in_language(n, "fi"),
        )
        for start, end, closed, o, c, n in exceptions
    ]


def publish(entry):
    entry.save()
    entry.save_revision().publish()


def seed_entry(model, slug, names, fields, topic_slugs, hours, exceptions, village, topics):
    """Create and publish the entry and its translations; leave existing ones as they are.

    Running the seed again adds nothing (no new revisions), and keeps what editors changed.
    """
    default = Locale.get_default()
    entry = model.objects.filter(slug=slug, locale=default).first()
    if entry is None:
        if "meeting_place" in fields:  # the slug of a place of the same village, seeded first
            place_slug = f"{village.slug}-{fields['meeting_place']}"
            fields = {**fields, "meeting_place": Place.objects.get(slug=place_slug, locale=default)}
        source_fields = {field: in_language(value, "fi") for field, value in fields.items()}
        entry = model(slug=slug, locale=default, name=names[0], **source_fields)
        if hours is not None:
            set_hours(entry, hours, exceptions)
        entry.villages = [village]
        entry.topics = [topics[s] for s in topic_slugs]
        publish(entry)
    for code, name in zip(LANGUAGES, names[1:], strict=True):
        locale = Locale.objects.get(language_code=code)
        if entry.get_translation_or_none(locale) is None:
            translated = entry.copy_for_translation(locale)
            translated.name = name
            for field, value in fields.items():
                if isinstance(value, dict):
                    setattr(translated, field, value[code])
            rows = list(translated.hours_exceptions.all()) if hours is not None else []
            if len(rows) == len(exceptions):  # the copies, in set_hours' order, unless edited
                for row, exception in zip(rows, exceptions, strict=True):
                    row.note = in_language(exception[5], code)
            publish(translated)
    return entry


def ensure_directory_page(parent, title):
    page = DirectoryPage.objects.child_of(parent).first()
    if page is None:
        page = parent.add_child(
            instance=DirectoryPage(title=title, slug=slugify(title), show_in_menus=True)
        )
        page.save_revision().publish()
    for code, translated_title in zip(LANGUAGES, ("Katalog", "Directory"), strict=True):
        if not page.get_translations().filter(locale__language_code=code, alias_of__isnull=True):
            translate_page(page, code, title=translated_title, slug=slugify(translated_title))
    return page


def seed_directory(region_home, villages, stdout):
    """Directory pages for the region and each village, and eight entries per village."""
    topics = demo_topics()
    ensure_directory_page(region_home, "Palveluhakemisto")
    count = 0
    for index, village in enumerate(villages):
        if village.locale.language_code != settings.LANGUAGE_CODE:
            continue
        ensure_directory_page(village, "Hakemisto")
        # Places first: associations name their meeting place.
        entries = sorted(entries_for(village, index), key=lambda entry: entry[0] is not Place)
        for model, suffix, names, fields, topic_slugs, hours, exceptions in entries:
            seed_entry(
                model,
                f"{village.slug}-{suffix}",
                names,
                fields,
                topic_slugs,
                hours,
                exceptions,
                village,
                topics,
            )
            count += 1
    stdout.write(f"Directory: {count} entries in {len(villages)} villages, in fi, sv and en.\n")
