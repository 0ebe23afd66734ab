# Prose reads better one sentence a line than wrapped into 100 columns.
# ruff: noqa: E501
"""Demo events: each village's own calendar, by its own associations, at its own places.

Dates follow the day the demo is built. Club evenings repeat weekly through the school term
(autumn to mid-December, January to May); one-off evenings fall in the coming weeks; the annual
happenings (the autumn meeting, the summer theatre, the ice-fishing contest) fall on their real
dates, the ones the village's news announce (home/demo/facts.py). Between them the calendar shows
what it must show well: repeating with a left-out or moved date, monthly with a cancelled date,
all-day and several-day, cancelled, free and paid, with a picture, in fi, sv and en (every text
field translated).

Called by the seed_demo command: ``seed_events(region_home, villages, stdout)``. Idempotent:
pages are looked up by slug and left as they are when they exist. ``hall_hours`` gives the
directory (directory/demo.py) the village hall's hours, which are those of the events held there.
"""

import datetime

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection, Locale

from home.demo import facts
from home.demo.images import get_or_create_image
from home.translation import translate_page

from .models import EventDateChange, EventIndexPage, EventPage

CALENDAR_TITLES = {"fi": "Tapahtumat", "sv": "Evenemang", "en": "Events"}
CALENDAR_INTRO = {
    "fi": "Kylän tapahtumat: tilaa kalenteri puhelimeesi, niin tiedät aina mitä tapahtuu.",
    "sv": "Byns evenemang: prenumerera på kalendern i din telefon, så vet du alltid vad som händer.",
    "en": "The village's events: subscribe to the calendar on your phone and you will always know what is on.",
}
LANGUAGES = ("sv", "en")
# Event fields written in words, translated; the rest (dates, addresses, links) are the same in
# every language.
TEXT_FIELDS = ("title", "summary", "price", "place_name", "organiser_name", "accessibility")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# The hall's hours are those of the events held there in the coming weeks.
HALL_HOURS_DAYS = 60
STEP_FREE = {
    "fi": "Esteetön kulku. Pyörätuolille paikat katsomon edessä.",
    "sv": "Tillgängligt utan trappor. Platser för rullstol framför läktaren.",
    "en": "Step-free access. Wheelchair spaces in front of the stand.",
}
OUTDOORS = {
    "fi": "Ulkona maastossa; reitti ei sovellu pyörätuolille.",
    "sv": "Utomhus i terrängen; rutten passar inte för rullstol.",
    "en": "Outdoors on rough ground; not suitable for wheelchairs.",
}


def event(
    slug, when, fi, sv, en, *, at=None, by=None, topic=None, image=("autumn", "village"), **fields
):
    """One event of a village. `when` is one of
    ("weekly", weekday, "18.00", "19.30") through the school term,
    ("weekly_from", happening, "8.00", "13.00", (month, day) it repeats until),
    ("once", days from today, "18.00", "19.30") or ("once", days, None, None, days it lasts),
    moved to the weekday `on` when given, and past Christmas,
    ("first", weekday, "12.00", "15.00"): the next first weekday of a month,
    ("monthly", days from today, "18.00", "20.00", times),
    ("happening", key, "18.00", "19.30") or ("happening", key, "17.00", "16.00", days it lasts);
    `at` is "hall" or "school" (the village's directory places) or a street address, `by` the
    suffix of one of the village's associations; `fields` other EventPage fields and "changes":
    ("excluded" | "moved" | "cancelled", which occurrence, counted from 0).
    """
    return {"slug": slug, "when": when, "texts": {"fi": fi, "sv": sv, "en": en}, "at": at,
            "by": by, "topic": topic, "image": image, **fields}  # fmt: skip


EVENTS = {
    "Länkipohja": [
        event(
            "kuntojumppa",
            ("weekly", MON, "18.00", "19.00"),
            {
                "title": "Kuntojumppa",
                "summary": "Reipas tunnin jumppa kaikenikäisille kylätalon salissa. Ota mukaan alusta ja vesipullo.",
            },
            {
                "title": "Konditionsgympa",
                "summary": "En pigg timmes gympa för alla åldrar i byagårdens sal. Ta med underlag och vattenflaska.",
            },
            {
                "title": "Fitness class",
                "summary": "A brisk hour of exercise for all ages in the village hall. Bring a mat and a water bottle.",
            },
            at="hall",
            by="urheiluseura",
            topic="liikunta",
            image=("winter", "village"),
            is_free=True,
            changes=[("excluded", 2)],
        ),
        event(
            "kasityokerho",
            ("weekly", WED, "13.00", "15.00"),
            {
                "title": "Käsityökerho",
                "summary": "Neulotaan, virkataan ja paikataan yhdessä. Kerho keittää kahvit, langat saa tuoda omat.",
            },
            {
                "title": "Handarbetsklubben",
                "summary": "Vi stickar, virkar och lagar tillsammans. Klubben kokar kaffe, garnet tar du med själv.",
            },
            {
                "title": "Crafts club",
                "summary": "Knitting, crochet and mending together. The club makes the coffee; bring your own yarn.",
            },
            at="hall",
            by="kylayhdistys",
            topic="kulttuuri",
            image=("winter", "field"),
            is_free=True,
        ),
        event(
            "kylahistoriapiiri",
            ("monthly", 9, "16.00", "17.30", 6),
            {
                "title": "Kylähistoriapiiri",
                "summary": "Skannaamme vanhoja valokuvia ja kirjaamme muistoja Länkipohjan historiasta. Tuo omat kuvasi mukaan.",
            },
            {
                "title": "Byhistoriecirkeln",
                "summary": "Vi skannar gamla fotografier och skriver ner minnen ur Länkipohjas historia. Ta med dina egna bilder.",
            },
            {
                "title": "Village history circle",
                "summary": "We scan old photographs and write down memories of Länkipohja's past. Bring your own pictures.",
            },
            at="hall",
            by="kylayhdistys",
            topic="kulttuuri",
            image=("autumn", "village"),
            is_free=True,
            changes=[("cancelled", 1)],
        ),
        event(
            "kylakahvila",
            ("first", SUN, "12.00", "15.00"),
            {
                "title": "Kyläkahvila",
                "summary": "Kuukauden ensimmäisenä sunnuntaina kylätalolla kahvia, pullaa ja juttuseuraa. Kahvi ja pulla 3 €.",
                "price": "Kahvi ja pulla 3 €",
            },
            {
                "title": "Bykafé",
                "summary": "Den första söndagen i månaden: kaffe, bulle och sällskap i byagården. Kaffe och bulle 3 €.",
                "price": "Kaffe och bulle 3 €",
            },
            {
                "title": "Village café",
                "summary": "On the first Sunday of the month: coffee, buns and company at the village hall. Coffee and a bun €3.",
                "price": "Coffee and a bun €3",
            },
            at="hall",
            by="kylayhdistys",
            topic="yhteiso",
            image=("winter", "village"),
        ),
        event(
            "kirpputori",
            ("once", 10, "10.00", "14.00"),
            {
                "title": "Kirpputori kylätalolla",
                "summary": "Myyntipöytiä salissa ja kahvila keittiössä. Pöydän voi varata kyläyhdistykseltä, 5 € pöytä.",
                "price": "Vapaa pääsy, myyntipöytä 5 €",
            },
            {
                "title": "Loppis i byagården",
                "summary": "Försäljningsbord i salen och kafé i köket. Bord bokas hos byaföreningen, 5 € per bord.",
                "price": "Fritt inträde, försäljningsbord 5 €",
            },
            {
                "title": "Flea market at the village hall",
                "summary": "Stalls in the hall and a café in the kitchen. Book a table from the village association, €5 a table.",
                "price": "Free entry, stall €5",
            },
            on=SAT,
            at="hall",
            by="kylayhdistys",
            topic="yhteiso",
            image=("autumn", "field"),
        ),
        event(
            "syyskokous",
            ("happening", "syyskokous", "18.00", "19.30"),
            {
                "title": "Kyläyhdistyksen syyskokous",
                "summary": "Sääntömääräinen syyskokous: toimintasuunnitelma, talousarvio ja hallituksen vaali. Kahvitarjoilu.",
            },
            {
                "title": "Byaföreningens höstmöte",
                "summary": "Stadgeenligt höstmöte: verksamhetsplan, budget och val av styrelse. Kaffe serveras.",
            },
            {
                "title": "Village association's autumn meeting",
                "summary": "The statutory autumn meeting: plan of activities, budget and board election. Coffee served.",
            },
            at="hall",
            by="kylayhdistys",
            topic="yhdistykset",
            image=("autumn", "village"),
            is_free=True,
        ),
        event(
            "laituritalkoot",
            ("happening", "laituritalkoot", "9.00", "15.00"),
            {
                "title": "Laituritalkoot uimarannalla",
                "summary": "Puretaan vanha laituri ja kootaan uusi. Ota mukaan työhanskat; kyläyhdistys tarjoaa keiton.",
                "place_name": "Länkipohjan uimaranta",
                "accessibility": OUTDOORS["fi"],
            },
            {
                "title": "Bryggtalko vid badstranden",
                "summary": "Vi river den gamla bryggan och bygger en ny. Ta med arbetshandskar; byaföreningen bjuder på soppa.",
                "place_name": "Badstranden i Länkipohja",
                "accessibility": OUTDOORS["sv"],
            },
            {
                "title": "Jetty work day at the beach",
                "summary": "Taking down the old jetty and building the new one. Bring work gloves; the association serves soup.",
                "place_name": "Länkipohja beach",
                "accessibility": OUTDOORS["en"],
            },
            at="Rantatie 8",
            by="kylayhdistys",
            topic="luonto",
            image=("summer", "lake"),
            is_free=True,
        ),
    ],
    "Kuorevesi": [
        event(
            "nuorisoseuran-kerho",
            ("weekly", THU, "17.00", "18.30"),
            {
                "title": "Nuorisoseuran kerho",
                "summary": "Pelejä, askartelua ja välipala 7–12-vuotiaille.",
                "place_name": "Kuoreveden nuorisoseurantalo",
                "organiser_name": "Kuoreveden nuorisoseura",
                "accessibility": "Sisäänkäynnillä kaksi porrasta; luiska takaovella.",
            },
            {
                "title": "Ungdomsföreningens klubb",
                "summary": "Spel, pyssel och mellanmål för 7–12-åringar.",
                "place_name": "Ungdomsföreningens hus i Kuorevesi",
                "organiser_name": "Ungdomsföreningen i Kuorevesi",
                "accessibility": "Två trappsteg vid ingången; ramp vid bakdörren.",
            },
            {
                "title": "Youth club",
                "summary": "Games, crafts and a snack for 7- to 12-year-olds.",
                "place_name": "Kuorevesi youth association hall",
                "organiser_name": "Kuorevesi Youth Association",
                "accessibility": "Two steps at the entrance; a ramp at the back door.",
            },
            at="Seurantalontie 3",
            topic="lapset-ja-nuoret",
            image=("winter", "village"),
            is_free=True,
        ),
        event(
            "kylakuoro",
            ("weekly", WED, "18.30", "20.00"),
            {
                "title": "Kyläkuoron harjoitukset",
                "summary": "Kuoreveden kyläkuoro harjoittelee kylätalolla. Uudet laulajat ovat tervetulleita, nuotteja ei tarvitse osata.",
            },
            {
                "title": "Bykörens övningar",
                "summary": "Bykören i Kuorevesi övar i byagården. Nya sångare är välkomna, du behöver inte kunna noter.",
            },
            {
                "title": "Village choir practice",
                "summary": "The Kuorevesi village choir practises at the village hall. New singers welcome; no need to read music.",
            },
            at="hall",
            by="kylayhdistys",
            topic="kulttuuri",
            image=("winter", "field"),
            is_free=True,
            changes=[("moved", 1)],
        ),
        event(
            "taidenayttely",
            ("once", 15, None, None, 2),
            {
                "title": "Kuorevesiläisten taiteilijoiden näyttely",
                "summary": "Maalauksia, valokuvia ja puutöitä kylätalolla perjantaista sunnuntaihin, avoinna päivittäin kello 11–17.",
            },
            {
                "title": "Utställning av konstnärer från Kuorevesi",
                "summary": "Målningar, fotografier och träarbeten i byagården från fredag till söndag, öppet dagligen 11–17.",
            },
            {
                "title": "Exhibition of Kuorevesi artists",
                "summary": "Paintings, photographs and woodwork at the village hall from Friday to Sunday, open daily 11:00–17:00.",
            },
            on=FRI,
            at="hall",
            by="kylayhdistys",
            topic="kulttuuri",
            image=("autumn", "lake"),
            is_free=True,
            hall_open=("11.00", "17.00"),
        ),
        event(
            "urkukonsertti",
            ("once", 6, "19.00", "20.30"),
            {
                "title": "Urkukonsertti Kuoreveden kirkossa",
                "summary": "Konsertti on peruttu esiintyjän sairastumisen vuoksi.",
                "place_name": "Kuoreveden kirkko",
                "organiser_name": "Jämsän seurakunta",
                "accessibility": "Esteetön sisäänkäynti sivuovelta.",
            },
            {
                "title": "Orgelkonsert i Kuorevesi kyrka",
                "summary": "Konserten är inställd eftersom musikern har insjuknat.",
                "place_name": "Kuorevesi kyrka",
                "organiser_name": "Jämsä församling",
                "accessibility": "Tillgänglig ingång genom sidodörren.",
            },
            {
                "title": "Organ concert in Kuorevesi church",
                "summary": "The concert is cancelled because the organist is ill.",
                "place_name": "Kuorevesi church",
                "organiser_name": "Jämsä parish",
                "accessibility": "Step-free entrance through the side door.",
            },
            on=FRI,
            at="Kirkkoniementie 20",
            topic="kulttuuri",
            image=("winter", "lake"),
            is_free=True,
            status="cancelled",
        ),
        event(
            "kesateatteri",
            ("happening", "kesateatteri", "19.00", "21.30"),
            {
                "title": "Kesäteatterin ensi-ilta",
                "summary": "Kyläläisten itse kirjoittama komedia kyläkaupan viimeisestä kesästä. Katsomo on katettu.",
                "price": "18 €, lapset 8 €",
                "place_name": "Kuoreveden kesäteatteri",
                "organiser_name": "Kuoreveden nuorisoseura",
                "accessibility": STEP_FREE["fi"],
            },
            {
                "title": "Sommarteaterns premiär",
                "summary": "En komedi som byborna själva har skrivit, om bybutikens sista sommar. Läktaren är täckt.",
                "price": "18 €, barn 8 €",
                "place_name": "Sommarteatern i Kuorevesi",
                "organiser_name": "Ungdomsföreningen i Kuorevesi",
                "accessibility": STEP_FREE["sv"],
            },
            {
                "title": "Summer theatre premiere",
                "summary": "A comedy written by the villagers about the village shop's last summer. The stand is covered.",
                "price": "€18, children €8",
                "place_name": "Kuorevesi summer theatre",
                "organiser_name": "Kuorevesi Youth Association",
                "accessibility": STEP_FREE["en"],
            },
            at="Teatterintie 1",
            topic="kulttuuri",
            image=("summer", "lake"),
            registration_url="https://example.org/kuorevesi/liput",
        ),
        event(
            "latutalkoot",
            ("happening", "latutalkoot", "9.00", "14.00"),
            {
                "title": "Latupohjien raivaustalkoot",
                "summary": "Raivataan latupohjat ennen lumia: lähtö koulun parkkipaikalta. Urheiluseura hoitaa moottorisahat, talkooväki risut.",
            },
            {
                "title": "Talko för skidspåren",
                "summary": "Vi röjer skidspåren före snön: start från skolans parkering. Idrottsföreningen sköter motorsågarna, talkofolket riset.",
            },
            {
                "title": "Ski trail clearing day",
                "summary": "Clearing the ski trails before the snow, starting from the school car park. The sports club runs the chainsaws, volunteers gather the brush.",
            },
            at="school",
            by="urheiluseura",
            topic="liikunta",
            image=("autumn", "field"),
            is_free=True,
        ),
    ],
    "Halli": [
        event(
            "tuolijumppa",
            ("weekly_from", "tuolijumppa", "10.00", "11.00", (5, 15)),
            {
                "title": "Seniorien tuolijumppa",
                "summary": "Maksuton tuolijumppa ikäihmisille: lihaskuntoa, tasapainoa ja venyttelyä. Lopuksi kahvit.",
                "organiser_name": "Jämsän liikuntapalvelut",
            },
            {
                "title": "Stolgympa för seniorer",
                "summary": "Gratis stolgympa för äldre: muskelstyrka, balans och stretching. Kaffe efteråt.",
                "organiser_name": "Jämsä stads idrottstjänster",
            },
            {
                "title": "Chair exercise for seniors",
                "summary": "Free chair exercise for older people: strength, balance and stretching. Coffee afterwards.",
                "organiser_name": "Jämsä sports services",
            },
            at="hall",
            topic="hyvinvointi",
            image=("winter", "village"),
            is_free=True,
        ),
        event(
            "lentopallo",
            ("weekly", MON, "19.00", "20.30"),
            {
                "title": "Lentopallovuoro",
                "summary": "Kaikille avoin lentopallovuoro koulun salissa. Taso ei ratkaise, pallot löytyvät salista.",
            },
            {
                "title": "Volleyboll för alla",
                "summary": "Volleyboll för alla i skolans sal. Nivån spelar ingen roll, bollar finns i salen.",
            },
            {
                "title": "Volleyball for everyone",
                "summary": "Volleyball open to all in the school gym. Any level welcome; balls are provided.",
            },
            at="school",
            by="urheiluseura",
            topic="liikunta",
            image=("winter", "field"),
            is_free=True,
            changes=[("moved", 1)],
        ),
        event(
            "digiopastus",
            ("once", 5, "13.00", "15.00"),
            {
                "title": "Digiopastus kylätalolla",
                "summary": "Apua puhelimen ja tabletin käyttöön: pankkitunnukset, Kela-kyydin tilaus ja videopuhelut. Ota oma laite mukaan.",
                "organiser_name": "Jämsän kaupungin digituki",
            },
            {
                "title": "Digital hjälp i byagården",
                "summary": "Hjälp med telefon och surfplatta: bankkoder, beställning av FPA-taxi och videosamtal. Ta med din egen apparat.",
                "organiser_name": "Jämsä stads digitala stöd",
            },
            {
                "title": "Digital help at the village hall",
                "summary": "Help with phones and tablets: bank IDs, booking a Kela taxi and video calls. Bring your own device.",
                "organiser_name": "Jämsä digital support",
            },
            on=TUE,
            at="hall",
            topic="hyvinvointi",
            image=("autumn", "village"),
            is_free=True,
        ),
        event(
            "kevatsiivous",
            ("happening", "kevatsiivous", "10.00", "13.00"),
            {
                "title": "Kylän kevätsiivoustalkoot",
                "summary": "Siivotaan teiden varret, pysäkit ja uimaranta. Pihdit ja säkit kylätalolta; lopuksi makkaranpaistoa.",
            },
            {
                "title": "Vårstädning i byn",
                "summary": "Vi städar vägkanterna, hållplatserna och badstranden. Tänger och säckar i byagården; korvgrillning efteråt.",
            },
            {
                "title": "Village spring clean-up",
                "summary": "Clearing the roadsides, bus stops and beach. Litter pickers and bags at the village hall; sausages afterwards.",
            },
            at="hall",
            by="kylayhdistys",
            topic="luonto",
            image=("spring", "field"),
            is_free=True,
        ),
        event(
            "lentokentan-avoimet-ovet",
            ("happening", "lentokentta", "10.00", "16.00"),
            {
                "title": "Hallin lentokentän avoimet ovet",
                "summary": "Pienkoneita, purjelentokoneita ja esittelylentoja. Lapsille oma ohjelma hallissa.",
                "price": "Vapaa pääsy, esittelylento 40 €",
                "place_name": "Hallin lentoasema",
                "organiser_name": "Hallin ilmailukerho",
                "accessibility": "Esteetön kulku kentän katsomoon.",
            },
            {
                "title": "Öppet hus på Halli flygfält",
                "summary": "Småplan, segelflygplan och uppvisningsflygningar. Eget program för barn i hangaren.",
                "price": "Fritt inträde, uppvisningsflygning 40 €",
                "place_name": "Halli flygplats",
                "organiser_name": "Flygklubben i Halli",
                "accessibility": "Tillgängligt till läktaren vid fältet.",
            },
            {
                "title": "Halli airfield open day",
                "summary": "Light aircraft, gliders and sightseeing flights. A programme for children in the hangar.",
                "price": "Free entry, sightseeing flight €40",
                "place_name": "Halli airport",
                "organiser_name": "Halli Flying Club",
                "accessibility": "Step-free access to the spectators' area.",
            },
            at="Lentoasemantie 44",
            topic="matkailu",
            image=("summer", "field"),
        ),
    ],
    "Koskenpää": [
        event(
            "valokuvien-vastaanotto",
            ("first", SAT, "10.00", "12.00"),
            {
                "title": "Kyläkirjan valokuvien vastaanotto",
                "summary": "Tuo vanhat valokuvasi skannattaviksi kyläkirjaa varten. Kuvat palautetaan samana päivänä.",
            },
            {
                "title": "Fotografier till bykrönikan",
                "summary": "Ta med gamla fotografier som skannas för bykrönikan. Bilderna återlämnas samma dag.",
            },
            {
                "title": "Photographs for the village book",
                "summary": "Bring old photographs to be scanned for the village book. They are returned the same day.",
            },
            at="hall",
            by="kylayhdistys",
            topic="kulttuuri",
            image=("autumn", "village"),
            is_free=True,
        ),
        event(
            "salibandy",
            ("weekly", THU, "18.00", "19.30"),
            {
                "title": "Salibandyvuoro",
                "summary": "Salibandya aikuisille ja nuorille koulun salissa. Mailoja voi lainata.",
            },
            {
                "title": "Innebandy",
                "summary": "Innebandy för vuxna och unga i skolans sal. Klubbor kan lånas.",
            },
            {
                "title": "Floorball",
                "summary": "Floorball for adults and teenagers in the school gym. Sticks can be borrowed.",
            },
            at="school",
            by="urheiluseura",
            topic="liikunta",
            image=("winter", "field"),
            is_free=True,
        ),
        event(
            "pilkkikilpailu",
            ("happening", "pilkki", "10.00", "13.00"),
            {
                "title": "Koskenpään pilkkikilpailu",
                "summary": "Neljä sarjaa: naiset, miehet, seniorit ja alle 15-vuotiaat. Ilmoittautuminen rannassa kello 9.",
                "price": "10 €, lapset ilmaiseksi",
                "place_name": "Kankarisveden jää, uimarannan edusta",
                "organiser_name": "Koskenpään kalastuskunta",
                "accessibility": OUTDOORS["fi"],
            },
            {
                "title": "Pimpeltävling i Koskenpää",
                "summary": "Fyra klasser: kvinnor, män, seniorer och under 15 år. Anmälan på stranden klockan 9.",
                "price": "10 €, barn gratis",
                "place_name": "Isen på Kankarisvesi, utanför badstranden",
                "organiser_name": "Fiskelaget i Koskenpää",
                "accessibility": OUTDOORS["sv"],
            },
            {
                "title": "Koskenpää ice-fishing contest",
                "summary": "Four classes: women, men, seniors and under-15s. Registration on the shore at 9:00.",
                "price": "€10, children free",
                "place_name": "The ice of Lake Kankarisvesi, off the beach",
                "organiser_name": "Koskenpää Fishing Association",
                "accessibility": OUTDOORS["en"],
            },
            at="Rantatie 2",
            topic="luonto",
            image=("winter", "lake"),
        ),
        event(
            "kesaleiri",
            ("happening", "kesaleiri", "9.00", "15.00", 4),
            {
                "title": "Koululaisten kesäleiri",
                "summary": "Päiväleiri 7–12-vuotiaille maanantaista perjantaihin kello 9–15: retkiä, uintia ja pelejä. Lounas ja välipala.",
                "price": "60 €, sisarukset 40 €",
            },
            {
                "title": "Sommarläger för skolbarn",
                "summary": "Dagläger för 7–12-åringar från måndag till fredag 9–15: utflykter, simning och lekar. Lunch och mellanmål.",
                "price": "60 €, syskon 40 €",
            },
            {
                "title": "Summer day camp for schoolchildren",
                "summary": "A day camp for 7- to 12-year-olds, Monday to Friday 9:00–15:00: outings, swimming and games. Lunch and a snack.",
                "price": "€60, siblings €40",
            },
            at="school",
            by="kylayhdistys",
            topic="lapset-ja-nuoret",
            image=("summer", "lake"),
            registration_url="https://example.org/koskenpaa/leiri",
        ),
        event(
            "kylajuhlat",
            ("happening", "kylajuhlat", "17.00", "16.00", 2),
            {
                "title": "Koskenpään kyläjuhlat",
                "summary": "Kolme päivää musiikkia, teatteria ja tanssia kylätalolla ja sen pihalla.",
                "price": "Päivälippu 10 €, koko viikonloppu 25 €, alle 12-vuotiaat ilmaiseksi",
            },
            {
                "title": "Byfest i Koskenpää",
                "summary": "Tre dagar med musik, teater och dans i och kring byagården.",
                "price": "Dagsbiljett 10 €, hela veckoslutet 25 €, under 12 år gratis",
            },
            {
                "title": "Koskenpää village festival",
                "summary": "Three days of music, theatre and dancing in and around the village hall.",
                "price": "Day ticket €10, whole weekend €25, under-12s free",
            },
            hall_open=("12.00", "23.00"),
            at="hall",
            by="kylayhdistys",
            topic="yhteiso",
            image=("summer", "village"),
            registration_url="https://example.org/koskenpaa/liput",
        ),
        event(
            "hirvipeijaiset",
            ("happening", "peijaiset", "16.00", "19.00"),
            {
                "title": "Hirvipeijaiset",
                "summary": "Metsästysseura kiittää maanomistajia: tarjolla hirvikeittoa ja paistia, arpajaiset.",
                "price": "Aikuiset 15 €, lapset 7 €",
            },
            {
                "title": "Älgfest",
                "summary": "Jaktföreningen tackar markägarna: älgsoppa och stek, lotteri.",
                "price": "Vuxna 15 €, barn 7 €",
            },
            {
                "title": "Elk feast",
                "summary": "The hunting club thanks the landowners with elk soup and roast, and a raffle.",
                "price": "Adults €15, children €7",
            },
            at="hall",
            by="metsastysseura",
            topic="luonto",
            image=("winter", "village"),
        ),
    ],
    "Kausala": [
        event(
            "kesatori",
            ("weekly_from", "kesatori", "8.00", "13.00", (8, 31)),
            {
                "title": "Kausalan kesätori",
                "summary": "Varhaisperunaa, mansikoita, leivonnaisia, kalaa ja käsitöitä joka lauantai.",
                "place_name": "Kausalan tori",
                "accessibility": "Tasainen kiveys, esteetön kulku.",
            },
            {
                "title": "Sommartorget i Kausala",
                "summary": "Färskpotatis, jordgubbar, bakverk, fisk och hantverk varje lördag.",
                "place_name": "Torget i Kausala",
                "accessibility": "Jämn stenläggning, tillgängligt.",
            },
            {
                "title": "Kausala summer market",
                "summary": "New potatoes, strawberries, pastries, fish and crafts every Saturday.",
                "place_name": "Kausala market square",
                "accessibility": "Level paving, step-free.",
            },
            at="Kauppatie 8",
            by="kylayhdistys",
            topic="yhteiso",
            image=("summer", "village"),
            is_free=True,
        ),
        event(
            "satutunti",
            ("weekly_from", "satutunnit", "10.00", "10.45", (12, 9)),
            {
                "title": "Kirjaston satutunti",
                "summary": "Kuvakirjoja, lauluja ja loruja 3–6-vuotiaille lastenosastolla. Ei ilmoittautumista.",
                "place_name": "Kausalan kirjasto, lastenosasto",
                "organiser_name": "Iitin kirjasto",
                "accessibility": "Esteetön sisäänkäynti ja hissi.",
            },
            {
                "title": "Sagostund på biblioteket",
                "summary": "Bilderböcker, sånger och ramsor för 3–6-åringar på barnavdelningen. Ingen anmälan.",
                "place_name": "Kausala bibliotek, barnavdelningen",
                "organiser_name": "Itis bibliotek",
                "accessibility": "Tillgänglig ingång och hiss.",
            },
            {
                "title": "Library story time",
                "summary": "Picture books, songs and rhymes for 3- to 6-year-olds in the children's section. No need to book.",
                "place_name": "Kausala library, children's section",
                "organiser_name": "Iitti library",
                "accessibility": "Step-free entrance and lift.",
            },
            at="Keskuskatu 11",
            topic="lapset-ja-nuoret",
            image=("autumn", "village"),
            is_free=True,
        ),
        event(
            "sahlyvuoro",
            ("weekly", TUE, "18.00", "19.30"),
            {
                "title": "Sählyvuoro aikuisille",
                "summary": "Rento sählyvuoro koulun salissa. Ota sisäkengät, mailat saa lainaksi.",
            },
            {
                "title": "Innebandy för vuxna",
                "summary": "Avslappnad innebandy i skolans sal. Ta med inneskor, klubbor kan lånas.",
            },
            {
                "title": "Floorball for adults",
                "summary": "Relaxed floorball in the school gym. Bring indoor shoes; sticks can be borrowed.",
            },
            at="school",
            by="urheiluseura",
            topic="liikunta",
            image=("winter", "field"),
            is_free=True,
        ),
        event(
            "tanssi-ilta",
            ("once", 11, "19.00", "23.00"),
            {
                "title": "Tanssit kylätalolla",
                "summary": "Tanssia elävän musiikin tahdissa, kahvio ja arpajaiset. Tuotto kylän lasten liikuntaan.",
                "price": "12 €",
            },
            {
                "title": "Dans i byagården",
                "summary": "Dans till levande musik, kafé och lotteri. Intäkterna går till barnens idrott i byn.",
                "price": "12 €",
            },
            {
                "title": "Dance at the village hall",
                "summary": "Dancing to live music, a café and a raffle. Proceeds go to children's sport in the village.",
                "price": "€12",
            },
            on=SAT,
            at="hall",
            by="kylayhdistys",
            topic="kulttuuri",
            image=("winter", "village"),
        ),
        event(
            "joulunavaus",
            ("happening", "joulunavaus", "14.00", "17.00"),
            {
                "title": "Kausalan joulunavaus",
                "summary": "Joulukadun valot syttyvät, torilla glögiä ja piparia, joulupukki saapuu kello 16.",
                "place_name": "Kausalan tori",
                "accessibility": "Tasainen kiveys, esteetön kulku.",
            },
            {
                "title": "Julöppning i Kausala",
                "summary": "Julgatans ljus tänds, glögg och pepparkakor på torget, julgubben kommer klockan 16.",
                "place_name": "Torget i Kausala",
                "accessibility": "Jämn stenläggning, tillgängligt.",
            },
            {
                "title": "Kausala Christmas opening",
                "summary": "The Christmas street lights go on, mulled wine and gingerbread in the square, and Father Christmas arrives at 16:00.",
                "place_name": "Kausala market square",
                "accessibility": "Level paving, step-free.",
            },
            at="Kauppatie 8",
            by="kylayhdistys",
            topic="yhteiso",
            image=("winter", "village"),
            is_free=True,
        ),
        event(
            "puistotalkoot",
            ("happening", "puistotalkoot", "10.00", "13.00"),
            {
                "title": "Puistotalkoot",
                "summary": "Haravoidaan puistot ja istutetaan kesäkukat. Kyläyhdistys tarjoaa talkookahvit.",
                "place_name": "Kausalan kirkonpuisto",
                "accessibility": "Puiston käytävät ovat tasaisia.",
            },
            {
                "title": "Parktalko",
                "summary": "Vi krattar parkerna och planterar sommarblommor. Byaföreningen bjuder på kaffe.",
                "place_name": "Kyrkparken i Kausala",
                "accessibility": "Parkens gångar är jämna.",
            },
            {
                "title": "Park work day",
                "summary": "Raking the parks and planting summer flowers. The village association serves coffee.",
                "place_name": "Kausala church park",
                "accessibility": "The park's paths are level.",
            },
            at="Kirkkotie 2",
            by="kylayhdistys",
            topic="luonto",
            image=("spring", "village"),
            is_free=True,
        ),
    ],
    "Radansuu": [
        event(
            "jooga",
            ("weekly", THU, "18.00", "19.00"),
            {
                "title": "Joogaa kylätalolla",
                "summary": "Rauhallinen hathajooga aloittelijoille ja kokeneille. Ota oma alusta.",
                "price": "Kurssimaksu 45 €, kokeilukerta ilmainen",
                "organiser_name": "Iitin kansalaisopisto",
            },
            {
                "title": "Yoga i byagården",
                "summary": "Lugn hathayoga för nybörjare och vana. Ta med eget underlag.",
                "price": "Kursavgift 45 €, första gången gratis",
                "organiser_name": "Itis medborgarinstitut",
            },
            {
                "title": "Yoga at the village hall",
                "summary": "Gentle hatha yoga for beginners and the experienced. Bring your own mat.",
                "price": "Course fee €45, first class free",
                "organiser_name": "Iitti adult education centre",
            },
            at="hall",
            topic="hyvinvointi",
            image=("winter", "field"),
        ),
        event(
            "lasten-liikuntakerho",
            ("weekly", SAT, "10.00", "11.00"),
            {
                "title": "Lasten liikuntakerho",
                "summary": "Leikkejä, pallopelejä ja temppuradat 4–8-vuotiaille koulun salissa.",
            },
            {
                "title": "Idrottsklubb för barn",
                "summary": "Lekar, bollspel och hinderbanor för 4–8-åringar i skolans sal.",
            },
            {
                "title": "Children's sports club",
                "summary": "Games, ball games and obstacle courses for 4- to 8-year-olds in the school gym.",
            },
            at="school",
            by="urheiluseura",
            topic="lapset-ja-nuoret",
            image=("winter", "village"),
            is_free=True,
        ),
        event(
            "kylasuunnitelma",
            ("once", 5, "18.30", "20.00"),
            {
                "title": "Kyläsuunnitelman esittelyilta",
                "summary": "Kuulet, mitä kylässä halutaan tehdä seuraavien viiden vuoden aikana, ja voit kertoa oman ehdotuksesi.",
            },
            {
                "title": "Presentation av byplanen",
                "summary": "Hör vad byn vill göra under de kommande fem åren, och kom med ditt eget förslag.",
            },
            {
                "title": "Village plan evening",
                "summary": "Hear what the village wants to do over the next five years, and make your own suggestion.",
            },
            on=TUE,
            at="hall",
            by="kylayhdistys",
            topic="yhdistykset",
            image=("autumn", "field"),
            is_free=True,
        ),
        event(
            "pyoraretki",
            ("happening", "pyoraretki", "10.00", "14.00"),
            {
                "title": "Yhteinen pyöräretki",
                "summary": "Noin 25 kilometriä kyläteitä, kahvitauko laavulla. Lyhyempi 10 kilometrin lenkki lasten kanssa. Lähtö kylätalolta.",
            },
            {
                "title": "Gemensam cykeltur",
                "summary": "Cirka 25 kilometer längs byvägarna, kaffepaus vid vindskyddet. En kortare slinga på 10 kilometer för barnfamiljer. Start vid byagården.",
            },
            {
                "title": "Village bike ride",
                "summary": "About 25 kilometres of village roads, with a coffee break at the lean-to. A shorter 10-kilometre loop for families. Starts at the village hall.",
            },
            at="hall",
            by="kylayhdistys",
            topic="liikunta",
            image=("summer", "field"),
            is_free=True,
        ),
    ],
    "Vuolenkoski": [
        event(
            "kuntopiiri",
            ("weekly", MON, "18.00", "19.00"),
            {
                "title": "Kuntopiiri koululla",
                "summary": "Kiertoharjoittelua omalla tahdilla koulun salissa. Sopii kaikenkuntoisille.",
            },
            {
                "title": "Cirkelträning i skolan",
                "summary": "Cirkelträning i egen takt i skolans sal. Passar alla, oavsett kondition.",
            },
            {
                "title": "Circuit training at the school",
                "summary": "Circuit training at your own pace in the school gym. Suits every level of fitness.",
            },
            at="school",
            by="urheiluseura",
            topic="liikunta",
            image=("winter", "village"),
            is_free=True,
        ),
        event(
            "valokuvailta",
            ("once", 12, "18.00", "20.00"),
            {
                "title": "Vanhojen valokuvien ilta",
                "summary": "Katsellaan kylän vanhoja kuvia ja tunnistetaan ihmisiä ja paikkoja tulevaa näyttelyä varten.",
            },
            {
                "title": "Kväll med gamla fotografier",
                "summary": "Vi tittar på byns gamla bilder och känner igen människor och platser inför den kommande utställningen.",
            },
            {
                "title": "Old photographs evening",
                "summary": "Looking at the village's old pictures and naming the people and places for the coming exhibition.",
            },
            on=WED,
            at="hall",
            by="kylayhdistys",
            topic="kulttuuri",
            image=("autumn", "village"),
            is_free=True,
        ),
        event(
            "hiihtoretki",
            ("happening", "hiihtoretki", "11.00", "14.00"),
            {
                "title": "Hiihtoretki kylän laduilla",
                "summary": "Vastavedetyillä laduilla noin 10 kilometriä, nuotiolla makkaraa ja kuumaa mehua. Lähtö kylätalolta.",
            },
            {
                "title": "Skidutflykt i byns spår",
                "summary": "Cirka 10 kilometer i nydragna spår, korv och varm saft vid lägerelden. Start vid byagården.",
            },
            {
                "title": "Ski outing on the village trails",
                "summary": "About 10 kilometres on freshly groomed trails, with sausages and hot juice by the campfire. Starts at the village hall.",
            },
            at="hall",
            by="urheiluseura",
            topic="liikunta",
            image=("winter", "field"),
            is_free=True,
        ),
        event(
            "kutupaikkatalkoot",
            ("happening", "kutupaikat", "9.00", "15.00"),
            {
                "title": "Kutupaikkojen kunnostustalkoot",
                "summary": "Levitetään kutusoraa ja rakennetaan kivistä suojapaikkoja kalanpoikasille. Ota kahluuhousut tai saappaat.",
                "place_name": "Vuolenkosken koski, myllyn alapuoli",
                "organiser_name": "Vuolenkosken osakaskunta",
                "accessibility": OUTDOORS["fi"],
            },
            {
                "title": "Talko för lekplatserna",
                "summary": "Vi sprider lekgrus och bygger skydd av sten för fiskynglen. Ta med vadarbyxor eller stövlar.",
                "place_name": "Forsen i Vuolenkoski, nedanför kvarnen",
                "organiser_name": "Delägarlaget i Vuolenkoski",
                "accessibility": OUTDOORS["sv"],
            },
            {
                "title": "Spawning ground restoration day",
                "summary": "Spreading spawning gravel and building stone shelters for young fish. Bring waders or boots.",
                "place_name": "Vuolenkoski rapids, below the mill",
                "organiser_name": "Vuolenkoski Fishing Rights Owners",
                "accessibility": OUTDOORS["en"],
            },
            at="Myllytie 4",
            topic="luonto",
            image=("summer", "lake"),
            is_free=True,
        ),
        event(
            "kylajuhla",
            ("happening", "kylajuhla", "12.00", "22.00"),
            {
                "title": "Vuolenkosken kyläjuhla",
                "summary": "Musiikkia, kilpailuja ja kahvila koulun pihalla, lapsille onkimista ja saappaanheittoa. Illalla tanssit lavalla.",
            },
            {
                "title": "Byfest i Vuolenkoski",
                "summary": "Musik, tävlingar och kafé på skolgården, metning och stövelkastning för barnen. På kvällen dans på dansbanan.",
            },
            {
                "title": "Vuolenkoski village fête",
                "summary": "Music, contests and a café in the school yard, with fishing games and welly-throwing for children. Dancing on the open-air stage in the evening.",
            },
            at="school",
            by="kylayhdistys",
            topic="yhteiso",
            image=("summer", "village"),
            is_free=True,
        ),
    ],
    "Sitikkala": [
        event(
            "lautapeli-ilta",
            ("weekly", FRI, "18.00", "21.00"),
            {
                "title": "Lautapeli-ilta",
                "summary": "Pelejä kaikenikäisille kylätalon kirjastohuoneessa. Omat pelit saa tuoda mukaan.",
            },
            {
                "title": "Brädspelskväll",
                "summary": "Spel för alla åldrar i byagårdens biblioteksrum. Du får ta med egna spel.",
            },
            {
                "title": "Board games evening",
                "summary": "Games for all ages in the village hall's library room. Bring your own games if you like.",
            },
            at="hall",
            by="kylayhdistys",
            topic="yhteiso",
            image=("winter", "village"),
            is_free=True,
        ),
        event(
            "hyvinvointi-ilta",
            ("once", 3, "17.00", "19.00"),
            {
                "title": "Hyvinvointi-ilta ikäihmisille",
                "summary": "Kunnan hyvinvointikoordinaattori ja seurakunnan diakoni kertovat kotiin saatavasta avusta ja kuljetuspalvelusta. Verenpaineen mittaus.",
                "organiser_name": "Iitin kunta ja Iitin seurakunta",
            },
            {
                "title": "Välmåendekväll för äldre",
                "summary": "Kommunens välfärdskoordinator och församlingens diakon berättar om hjälp i hemmet och färdtjänst. Blodtrycksmätning.",
                "organiser_name": "Itis kommun och Itis församling",
            },
            {
                "title": "Wellbeing evening for older people",
                "summary": "The municipality's wellbeing coordinator and the parish deacon talk about help at home and transport services. Blood pressure checks.",
                "organiser_name": "Iitti municipality and Iitti parish",
            },
            on=TUE,
            at="hall",
            topic="hyvinvointi",
            image=("autumn", "field"),
            is_free=True,
        ),
        event(
            "syyskokous",
            ("happening", "syyskokous", "14.00", "16.00"),
            {
                "title": "Syyskokous ja puheenjohtajan vaali",
                "summary": "Sitikkalan kyläyhdistys valitsee uuden puheenjohtajan. Kello 13 voi tutustua kylätalon uuteen keittiöön.",
            },
            {
                "title": "Höstmöte och val av ordförande",
                "summary": "Byaföreningen i Sitikkala väljer ny ordförande. Klockan 13 kan du se byagårdens nya kök.",
            },
            {
                "title": "Autumn meeting and election of a chair",
                "summary": "The Sitikkala village association elects a new chair. At 13:00 you can see the village hall's new kitchen.",
            },
            at="hall",
            by="kylayhdistys",
            topic="yhdistykset",
            image=("autumn", "village"),
            is_free=True,
        ),
        event(
            "sadonkorjuujuhla",
            ("happening", "sadonkorjuu", "12.00", "16.00"),
            {
                "title": "Sadonkorjuujuhla",
                "summary": "Kyläläisten satoa myytävänä, perunanostokilpailu ja kahvila. Traktoriajelu lapsille.",
                "price": "Vapaa pääsy, traktoriajelu 2 €",
            },
            {
                "title": "Skördefest",
                "summary": "Bybornas skörd till salu, potatisupptagningstävling och kafé. Traktorturer för barn.",
                "price": "Fritt inträde, traktortur 2 €",
            },
            {
                "title": "Harvest festival",
                "summary": "Villagers' produce for sale, a potato-lifting contest and a café. Tractor rides for children.",
                "price": "Free entry, tractor ride €2",
            },
            at="hall",
            by="kylayhdistys",
            topic="yhteiso",
            image=("autumn", "field"),
        ),
        event(
            "talvirieha",
            ("happening", "talvirieha", "12.00", "15.00"),
            {
                "title": "Talvirieha ja pulkkamäki",
                "summary": "Pulkkamäki, potkukelkkailua ja nuotiolla makkaraa koulun mäessä. Omat liukurit mukaan.",
            },
            {
                "title": "Vinterlekar och pulkabacke",
                "summary": "Pulkabacke, sparkåkning och korv vid lägerelden i skolans backe. Ta med egna pulkor.",
            },
            {
                "title": "Winter fun and sledging",
                "summary": "Sledging, kicksleds and sausages by the campfire on the school hill. Bring your own sledge.",
            },
            at="school",
            by="urheiluseura",
            topic="liikunta",
            image=("winter", "field"),
            is_free=True,
        ),
    ],
}


def next_weekday(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def term(today, weekday):
    """The first and last `weekday` of the school term that runs now or comes next (autumn:
    mid-August to 18 December; spring: January to May): club evenings rest in summer and at
    Christmas."""
    start = next_weekday(today + datetime.timedelta(days=1), weekday)
    year = start.year
    if datetime.date(year, 6, 1) <= start < datetime.date(year, 8, 15):
        start = next_weekday(datetime.date(year, 8, 15), weekday)
    elif start > datetime.date(year, 12, 18):
        start = next_weekday(datetime.date(year + 1, 1, 8), weekday)
    elif start < datetime.date(year, 1, 8):
        start = next_weekday(datetime.date(year, 1, 8), weekday)
    end = datetime.date(start.year, 5, 31) if start.month < 6 else datetime.date(start.year, 12, 18)
    return start, end


def in_holidays(day):
    """Christmas to Epiphany, when the village halls are closed (directory.demo)."""
    return (day.month, day.day) >= (12, 20) or (day.month, day.day) <= (1, 6)


def one_off(day, weekday=None, days=0):
    """`day`, or the first `weekday` from it, moved past the Christmas holidays (with the `days`
    the event lasts)."""
    if weekday is not None:
        day = next_weekday(day, weekday)
    if in_holidays(day) or in_holidays(day + datetime.timedelta(days=days)):
        year = day.year + 1 if day.month == 12 else day.year
        day = next_weekday(datetime.date(year, 1, 7), day.weekday())
    return day


def first_of_month(today, weekday):
    """The next first `weekday` of a month, after today and outside the holidays."""
    month = today.replace(day=1)
    while True:
        day = next_weekday(month, weekday)
        if day > today and not in_holidays(day):
            return day
        month = add_months(month, 1)


def hm(value):
    if value is None:
        return None
    hour, minute = value.split(".")
    return datetime.time(int(hour), int(minute))


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month)


def schedule(name, spec, today):
    """The EventPage fields of `spec["when"]`, and the dates of its occurrences."""
    kind, *args = spec["when"]
    if kind in ("weekly", "weekly_from"):
        if kind == "weekly":
            weekday, opens, closes = args
            start, until = term(today, weekday)
        else:
            key, opens, closes, (month, day) = args
            start = facts.happening(name, key, today)
            until = datetime.date(start.year, month, day)
        fields = {"start_date": start, "frequency": "WEEKLY", "repeat_until": until,
                  "weekdays": WEEKDAY_CODES[start.weekday()]}  # fmt: skip
        step = datetime.timedelta(weeks=1)
        dates = [start + step * n for n in range((until - start) // step + 1)]
    elif kind == "monthly":
        days, opens, closes, count = args
        # Between the 7th and the 19th, a day every month has (so the dates below are those the
        # calendar repeats on) and never a holiday (New Year, Epiphany, Christmas).
        start = today + datetime.timedelta(days=days)
        start += datetime.timedelta(days=max(0, 7 - start.day) - max(0, start.day - 19))
        fields = {"start_date": start, "frequency": "MONTHLY", "repeat_count": count}
        dates = [add_months(start, n) for n in range(count)]
    else:
        when, opens, closes, *span = args
        if kind == "once":
            start = one_off(today + datetime.timedelta(days=when), spec.get("on"), *span)
        elif kind == "first":
            start = first_of_month(today, when)
        else:
            start = facts.happening(name, when, today)
        fields = {"start_date": start}
        dates = [start]
        if span:
            fields["end_date"] = start + datetime.timedelta(days=span[0])
            dates = [start + datetime.timedelta(days=n) for n in range(span[0] + 1)]
    if opens is None:
        fields["all_day"] = True
    else:
        fields.update(start_time=hm(opens), end_time=hm(closes))
    return fields, dates


def date_changes(spec, dates):
    changes = []
    for action, index in spec.get("changes", []):
        if index >= len(dates):
            continue
        change = EventDateChange(original_date=dates[index], action=action)
        if action == "moved":  # to the next day, same time
            change.new_start_date = dates[index] + datetime.timedelta(days=1)
        changes.append(change)
    return changes


def event_specs(village, today):
    """(slug, fields, translations {code: fields}, date changes, spec) for one village."""
    name = village.title
    about = facts.village(name)
    specs = []
    for spec in EVENTS[name]:
        fields, dates = schedule(name, spec, today)
        texts = spec["texts"]
        fields.update(texts["fi"])
        for field in ("is_free", "status", "registration_url"):
            if field in spec:
                fields[field] = spec[field]
        if spec["at"] not in (None, "hall", "school"):
            fields.update(street_address=spec["at"], postal_code=about["postal_code"],
                          address_locality=about["post_office"])  # fmt: skip
        translations = {code: dict(texts[code]) for code in LANGUAGES}
        specs.append((spec["slug"], fields, translations, date_changes(spec, dates), spec))
    return specs


def hall_hours(village, today):
    """The village hall's weekly hours and dated openings: those of the events held there in
    the next HALL_HOURS_DAYS days, so the hall is not "closed" on the day of its own flea market.
    Returns (weekly rows of (weekday, opens, closes), exceptions (start, end, opens, closes, note)),
    each note the event's title by language.
    """
    horizon = today + datetime.timedelta(days=HALL_HOURS_DAYS)
    weekly, exceptions = set(), []
    for spec in EVENTS[village.title]:
        if spec["at"] != "hall" or spec.get("status") == "cancelled":
            continue
        fields, dates = schedule(village.title, spec, today)
        coming = [day for day in dates if today <= day <= horizon]
        if not coming:
            continue
        if "hall_open" in spec:  # an all-day event says when the doors are open
            opens, closes = map(hm, spec["hall_open"])
        else:
            opens, closes = fields["start_time"], fields["end_time"]
        if fields.get("frequency") == "WEEKLY":
            weekly.add((fields["start_date"].weekday(), opens, closes))
        else:
            titles = {code: texts["title"] for code, texts in spec["texts"].items()}
            exceptions.extend((day, day, opens, closes, titles) for day in coming)
    return sorted(weekly), sorted(exceptions)


def calendar_under(parent, stdout):
    index = EventIndexPage.objects.child_of(parent).first()
    if index is None:
        index = EventIndexPage(
            title=CALENDAR_TITLES["fi"],
            slug="tapahtumat",
            show_in_menus=True,
            intro=CALENDAR_INTRO["fi"],
        )
        parent.add_child(instance=index)
        index.save_revision().publish()
        stdout.write(f"  calendar {parent.title}/{index.slug}")
    for code in LANGUAGES:
        if parent.get_translations().filter(locale__language_code=code).exists():
            if (
                not index.get_translations()
                .filter(locale__language_code=code, alias_of__isnull=True)
                .exists()
            ):
                translate_page(
                    index,
                    code,
                    title=CALENDAR_TITLES[code],
                    slug=slugify(CALENDAR_TITLES[code]),
                    intro=CALENDAR_INTRO[code],
                )
    return index


def link_directory(fields, translations, spec, village):
    """Use the village's demo place and association (directory.demo) when they exist; without
    them (the events seeded alone) the event names its place in words."""
    from directory.demo import entry_names
    from directory.models import Association, Place
    from home.models import Topic

    default = Locale.get_default()
    suffixes = {"hall": "kylatalo", "school": "koulu"}
    if spec["at"] in suffixes:
        suffix = suffixes[spec["at"]]
        place = Place.objects.filter(slug=f"{village.slug}-{suffix}", locale=default).first()
        if place is not None:
            fields["place"] = place
        else:
            names = dict(zip(("fi", *LANGUAGES), entry_names(village, suffix), strict=True))
            fields["place_name"] = names["fi"]
            for code, texts in translations.items():
                texts["place_name"] = names[code]
    if spec["by"]:
        slug = f"{village.slug}-{spec['by']}"
        organiser = Association.objects.filter(slug=slug, locale=default).first()
        if organiser is not None:
            fields["organiser"] = organiser
    topic = spec["topic"]
    return list(Topic.objects.filter(slug=topic, locale=default)) if topic else []


def event_image(event, spec, village):
    from home.demo.builder import image_alt
    from home.models import VillageEditors

    editors = VillageEditors.objects.filter(village_key=village.translation_key).first()
    collection = editors.collection if editors else Collection.get_first_root_node()
    season, scene = spec["image"]
    image, _ = get_or_create_image(
        f"{village.title}: {event.title}",
        village.title,
        description=image_alt(spec["image"], village.title, "fi"),
        collection=collection,
        season=season,
        scene=scene,
    )
    return image


def seed_events(region_home, villages, stdout):
    """Calendars for the region and each village, with the village's own events in fi, sv, en."""
    from home.demo.builder import image_alt

    today = timezone.localdate()
    calendar_under(region_home, stdout)
    created = 0
    for village in villages:
        index = calendar_under(village, stdout)
        for slug, fields, translations, changes, spec in event_specs(village, today):
            event = EventPage.objects.child_of(index).filter(slug=slug).first()
            if event is None:
                topics = link_directory(fields, translations, spec, village)
                event = EventPage(slug=slug, **fields)
                event.topics = topics
                event.date_changes = changes
                event.image = event_image(event, spec, village)
                event.image_alt = image_alt(spec["image"], village.title, "fi")
                index.add_child(instance=event)
                event.save_revision().publish()
                created += 1
            for code, texts in translations.items():
                exists = event.get_translations().filter(
                    locale__language_code=code, alias_of__isnull=True
                )
                if not exists.exists():
                    alt = image_alt(spec["image"], village.title, code)
                    translate_page(event, code, image_alt=alt, **texts)
    stdout.write(f"  events: {created} new, in {len(villages)} villages and the region")
    return created
