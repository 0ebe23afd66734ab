# Prose reads better one sentence or paragraph a line than wrapped into 100 columns.
# ruff: noqa: E501
"""The demo texts: two regions, their villages, news and pages, in Finnish, Swedish and English.

Finnish is the source language. A page's text is a dict per language code, and every news item
and page of the demo is in all three (tests/home/test_demo_content.py); a page given only "fi"
would stay untranslated, shown to visitors reading Swedish or English as a wagtail-localize alias,
in Finnish. Translations without a "slug" get one made from their title.

Bodies are lists of blocks, turned into the StreamField blocks of home/blocks.py by builder.py:
  ("h2", "Heading")  ("h3", "Heading")
  ("p", "Text, may contain <a href=...>links</a> and <br/>")
  ("ul", ["item", "item"])
  ("quote", "Quoted text", "attribution")

Images are drawn by images.py: "image": (season, scene), see images.PALETTES and scenes there.
News "days_ago" is counted back from the day the demo is built, so the news always look fresh;
news "about" an annual happening of VILLAGE_FACTS are dated by it instead (home/demo/facts.py),
so that the news and the calendar give the same date, in its season.

Villages, associations and events are made up; the village names and regions are real.
"""

TOPICS = [
    {"slug": "kulttuuri", "fi": "Kulttuuri", "sv": "Kultur", "en": "Culture"},
    {"slug": "liikunta", "fi": "Liikunta", "sv": "Motion och idrott", "en": "Sports"},
    {
        "slug": "lapset-ja-nuoret",
        "fi": "Lapset ja nuoret",
        "sv": "Barn och unga",
        "en": "Children and youth",
    },
    {"slug": "hyvinvointi", "fi": "Hyvinvointi", "sv": "Välmående", "en": "Wellbeing"},
    {"slug": "matkailu", "fi": "Matkailu", "sv": "Turism", "en": "Tourism"},
    {"slug": "liikenne", "fi": "Liikenne", "sv": "Trafik", "en": "Transport"},
    {"slug": "yhdistykset", "fi": "Yhdistykset", "sv": "Föreningar", "en": "Associations"},
    {
        "slug": "luonto",
        "fi": "Luonto ja ympäristö",
        "sv": "Natur och miljö",
        "en": "Nature and environment",
    },
]

# Alt text of the drawn pictures, per language: season and scene, plus the words on the picture.
IMAGE_ALT = {
    "fi": "Piirretty {season}maisema: {scene}. Kuvassa teksti {label}.",
    "sv": "Tecknat {season}landskap: {scene}. I bilden står {label}.",
    "en": "Drawing of {season} landscape: {scene}, with the words {label}.",
}
IMAGE_SEASONS = {
    "summer": {"fi": "kesä", "sv": "sommar", "en": "a summer"},
    "autumn": {"fi": "syys", "sv": "höst", "en": "an autumn"},
    "winter": {"fi": "talvi", "sv": "vinter", "en": "a winter"},
    "spring": {"fi": "kevät", "sv": "vår", "en": "a spring"},
}
IMAGE_SCENES = {
    "lake": {
        "fi": "järvi, rantakuusia ja sinertäviä kukkuloita",
        "sv": "en sjö, granar på stranden och blåaktiga kullar",
        "en": "a lake, spruces on the shore and bluish hills",
    },
    "field": {
        "fi": "avointa peltoa, kuusimetsää ja kukkuloita",
        "sv": "öppna åkrar, granskog och kullar",
        "en": "open fields, spruce forest and hills",
    },
    "village": {
        "fi": "punaisia taloja pellon laidalla ja kuusimetsää",
        "sv": "röda hus vid en åker och granskog",
        "en": "red houses at the edge of a field and spruce forest",
    },
}

REGION_NEWS_INDEX = {
    "fi": {
        "title": "Uutiset",
        "slug": "uutiset",
        "intro": "Kaikkien seudun kylien uutiset yhdessä paikassa. Voit rajata uutiset kylän mukaan.",
    },
    "sv": {
        "title": "Nyheter",
        "slug": "nyheter",
        "intro": "Nyheter från alla byar i området på ett ställe. Du kan välja att visa nyheterna från en by.",
    },
    "en": {
        "title": "News",
        "slug": "news",
        "intro": "News from all the villages of the area in one place. You can filter the news by village.",
    },
}

# {name} and {genitive} are the village's name and its Finnish genitive.
VILLAGE_NEWS_INDEX = {
    "fi": {
        "title": "Uutiset",
        "slug": "uutiset",
        "intro": "{genitive} ajankohtaiset asiat: kyläyhdistyksen tiedotteet, talkoot ja tapahtumat.",
    },
    "sv": {
        "title": "Nyheter",
        "slug": "nyheter",
        "intro": "Aktuellt i {name}: byaföreningens meddelanden, talkon och evenemang.",
    },
    "en": {
        "title": "News",
        "slug": "news",
        "intro": "What is happening in {name}: village association notices, volunteer work days and events.",
    },
}

VOLUNTEERS = {
    "fi": "Sivustoa ylläpitävät vapaaehtoiset. Jos haluat kirjoittaa oman kyläsi uutisia, ota yhteyttä kyläyhdistykseesi.",
    "sv": "Webbplatsen sköts av frivilliga. Om du vill skriva nyheter om din by, kontakta din byaförening.",
    "en": "The site is run by volunteers. If you would like to write news about your village, contact your village association.",
}

# The authority that enforces the accessibility requirements (Act 306/2019, section 15).
SUPERVISORY_AUTHORITY = {
    "fi": "Etelä-Suomen aluehallintovirasto<br/>Digitaalisen esteettömyyden valvontayksikkö",
    "sv": "Regionförvaltningsverket i Södra Finland<br/>Enheten för tillsyn av digital tillgänglighet",
    "en": "Regional State Administrative Agency for Southern Finland<br/>Digital Accessibility Supervision Unit",
}
SUPERVISORY_CONTACT = {
    "website": "www.saavutettavuusvaatimukset.fi",
    "email": "saavutettavuus@avi.fi",
    "phone": {
        "fi": "puhelinnumero (vaihde) 0295 016 000",
        "sv": "telefon (växeln) 0295 016 000",
        "en": "telephone (switchboard) +358 295 016 000",
    },
}


def accessibility_statement(region_name, email, prepared):
    """The accessibility statement of one region's site in fi, sv and en.

    Covers what section 15 of the Act on the Provision of Digital Services (306/2019) asks for:
    compliance status, non-accessible content and why, when and how the statement was made,
    a feedback channel with its response time, and the enforcement procedure.
    `region_name` and `prepared` (a formatted date) are dicts per language.
    """
    contact = SUPERVISORY_CONTACT
    authority = {
        code: (
            f'{SUPERVISORY_AUTHORITY[code]}<br/><a href="https://{contact["website"]}/">{contact["website"]}</a>'
            f'<br/><a href="mailto:{contact["email"]}">{contact["email"]}</a><br/>{contact["phone"][code]}'
        )
        for code in ("fi", "sv", "en")
    }
    mail = f'<a href="mailto:{email}">{email}</a>'
    return {
        "fi": {
            "title": "Saavutettavuusseloste",
            "slug": "saavutettavuusseloste",
            "intro": f"Haluamme, että mahdollisimman moni voi käyttää {region_name['fi']} -sivustoa. Tässä selosteessa kerrotaan, miten sivusto täyttää digitaalisten palvelujen tarjoamisesta annetun lain (306/2019) saavutettavuusvaatimukset, mitkä ovat sivuston tunnetut saavutettavuuspuutteet ja miten voit antaa meille palautetta.",
            "body": [
                ("h2", "Saavutettavuuden tila"),
                (
                    "p",
                    "Sivusto täyttää osittain WCAG 2.1 -ohjeiston AA-tason saavutettavuusvaatimukset. Puutteet on lueteltu alla.",
                ),
                ("h2", "Sisällöt, jotka eivät ole saavutettavia"),
                ("p", "Seuraavat sisällöt eivät vielä täytä kaikkia vaatimuksia:"),
                (
                    "ul",
                    [
                        "Osassa vapaaehtoisten julkaisemista kuvista ei ole riittävää tekstivastinetta (WCAG 1.1.1). Julkaisujärjestelmä vaatii nykyään tekstin jokaiselle kuvalle, ja vanhoja kuvia täydennetään sitä mukaa kuin puutteita löytyy.",
                        "Osa kyläyhdistysten liitteinä julkaisemista PDF-asiakirjoista, kuten kokouspöytäkirjoista, ei ole rakenteeltaan saavutettavia (WCAG 1.3.1, 2.4.2). Asiakirjat ovat yhdistysten itse laatimia; toimitamme niiden sisällön pyynnöstä saavutettavassa muodossa.",
                        "Upotetuissa kolmannen osapuolen kartoissa ja videoissa voi olla puutteita näppäimistökäytössä ja tekstityksissä (WCAG 2.1.1, 1.2.2). Sisältö ei ole meidän tuottamaamme eikä hallinnassamme, joten kerromme samat tiedot myös tekstinä sivulla.",
                    ],
                ),
                (
                    "p",
                    "Kaikkia sivuja ei ole vielä käännetty ruotsiksi ja englanniksi. Kääntämättömät sivut näytetään suomeksi, ja niiden kieli on merkitty sivun koodiin.",
                ),
                ("h2", "Miten saavutettavuus on arvioitu"),
                (
                    "p",
                    f"Seloste on laadittu {prepared['fi']}, ja se on viimeksi päivitetty {prepared['fi']}. Arvio on itsearvio: sivuston ylläpitäjät ovat tarkistaneet sivut näppäimistöllä, ruudunlukijoilla (NVDA ja VoiceOver), selaimen suurennuksella sekä automaattisilla tarkistustyökaluilla. Julkaisujärjestelmä tarkistaa kuvien tekstivastineet ja ohjaa otsikkotasojen käyttöä jo sivua tallennettaessa.",
                ),
                ("h2", "Palaute ja yhteystiedot"),
                (
                    "p",
                    f"Huomasitko sivustolla saavutettavuuspuutteen tai tarvitsetko sisältöä saavutettavassa muodossa? Kerro siitä meille sähköpostilla osoitteeseen {mail}. Vastaamme 14 päivän kuluessa.",
                ),
                ("h2", "Valvontaviranomainen"),
                (
                    "p",
                    "Jos huomaat sivustolla saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta lainkaan kahden viikon aikana, voit tehdä ilmoituksen valvontaviranomaiselle. Valvontaviranomaisen sivuilla kerrotaan tarkasti, miten ilmoituksen voi tehdä ja miten asia käsitellään.",
                ),
                ("p", authority["fi"]),
            ],
        },
        "sv": {
            "title": "Tillgänglighetsutlåtande",
            "slug": "tillganglighetsutlatande",
            "intro": f"Vi vill att så många som möjligt ska kunna använda webbplatsen {region_name['sv']}. I det här utlåtandet beskriver vi hur webbplatsen uppfyller tillgänglighetskraven i lagen om tillhandahållande av digitala tjänster (306/2019), vilka kända brister den har och hur du kan ge oss respons.",
            "body": [
                ("h2", "Tillgänglighetens status"),
                (
                    "p",
                    "Webbplatsen uppfyller delvis kraven på nivå AA i WCAG 2.1. Bristerna listas nedan.",
                ),
                ("h2", "Innehåll som inte är tillgängligt"),
                ("p", "Följande innehåll uppfyller ännu inte alla krav:"),
                (
                    "ul",
                    [
                        "En del av bilderna som frivilliga har publicerat saknar ett tillräckligt textalternativ (WCAG 1.1.1). Publiceringssystemet kräver i dag en text för varje bild, och äldre bilder kompletteras efter hand som brister hittas.",
                        "En del av de PDF-dokument som byaföreningarna har publicerat som bilagor, till exempel mötesprotokoll, har inte en tillgänglig struktur (WCAG 1.3.1, 2.4.2). Dokumenten är föreningarnas egna; på begäran levererar vi innehållet i tillgänglig form.",
                        "Inbäddade kartor och videor från tredje part kan ha brister i tangentbordsanvändning och textning (WCAG 2.1.1, 1.2.2). Innehållet är inte producerat av oss och vi kan inte påverka det, så vi anger samma uppgifter också som text på sidan.",
                    ],
                ),
                (
                    "p",
                    "Alla sidor har ännu inte översatts till svenska och engelska. Sidor som inte har översatts visas på finska, och deras språk är angivet i sidans kod.",
                ),
                ("h2", "Hur tillgängligheten har bedömts"),
                (
                    "p",
                    f"Utlåtandet har utarbetats den {prepared['sv']} och uppdaterades senast den {prepared['sv']}. Bedömningen är en självbedömning: webbplatsens administratörer har granskat sidorna med tangentbord, skärmläsare (NVDA och VoiceOver), webbläsarens förstoring och automatiska granskningsverktyg. Publiceringssystemet kontrollerar bildernas textalternativ och styr användningen av rubriknivåer redan när en sida sparas.",
                ),
                ("h2", "Respons och kontaktuppgifter"),
                (
                    "p",
                    f"Har du upptäckt en tillgänglighetsbrist på webbplatsen eller behöver du innehåll i tillgänglig form? Meddela oss per e-post till {mail}. Vi svarar inom 14 dagar.",
                ),
                ("h2", "Tillsynsmyndighet"),
                (
                    "p",
                    "Om du upptäcker tillgänglighetsproblem på webbplatsen, ge först respons till oss. Om du inte är nöjd med svaret eller inte får något svar inom två veckor kan du göra en anmälan till tillsynsmyndigheten. På tillsynsmyndighetens webbplats finns noggranna anvisningar om hur du gör en anmälan och hur ärendet behandlas.",
                ),
                ("p", authority["sv"]),
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility-statement",
            "intro": f"We want as many people as possible to be able to use the {region_name['en']} website. This statement describes how the site meets the accessibility requirements of the Act on the Provision of Digital Services (306/2019), its known accessibility issues and how you can give us feedback.",
            "body": [
                ("h2", "Compliance status"),
                (
                    "p",
                    "The website partially meets the level AA requirements of WCAG 2.1. The issues are listed below.",
                ),
                ("h2", "Non-accessible content"),
                ("p", "The following content does not yet meet all requirements:"),
                (
                    "ul",
                    [
                        "Some images published by volunteers lack an adequate text alternative (WCAG 1.1.1). The publishing system now requires a text for every image, and older images are completed as issues are found.",
                        "Some PDF documents that the village associations have published as attachments, such as meeting minutes, lack an accessible structure (WCAG 1.3.1, 2.4.2). The documents are the associations' own; on request we provide their content in an accessible format.",
                        "Embedded third-party maps and videos may have shortcomings in keyboard use and captions (WCAG 2.1.1, 1.2.2). This content is neither produced nor controlled by us, so we also give the same information as text on the page.",
                    ],
                ),
                (
                    "p",
                    "Not all pages have been translated into Swedish and English yet. Untranslated pages are shown in Finnish, and their language is marked in the page code.",
                ),
                ("h2", "How accessibility was assessed"),
                (
                    "p",
                    f"This statement was prepared on {prepared['en']} and last updated on {prepared['en']}. The assessment is a self-assessment: the site's administrators checked the pages with a keyboard, screen readers (NVDA and VoiceOver), browser zoom and automated checking tools. The publishing system checks the text alternatives of images and guides the use of heading levels whenever a page is saved.",
                ),
                ("h2", "Feedback and contact information"),
                (
                    "p",
                    f"Have you noticed an accessibility issue on the site, or do you need content in an accessible format? Tell us by e-mail at {mail}. We will reply within 14 days.",
                ),
                ("h2", "Enforcement procedure"),
                (
                    "p",
                    "If you notice accessibility problems on the site, first send feedback to us. If you are not satisfied with our reply, or you receive no reply within two weeks, you can report the matter to the supervisory authority. The authority's website explains in detail how to file a report and how it is handled.",
                ),
                ("p", authority["en"]),
            ],
        },
    }


def privacy_notice(region_name, controller, email):
    """The privacy notice of one region's site in fi, sv and en (GDPR articles 13 and 14)."""
    from django.conf import settings

    days = settings.KYLATORI_SUBMISSION_CONTACT_DAYS  # submissions/privacy.py
    mail = f'<a href="mailto:{email}">{email}</a>'
    ombudsman = '<a href="https://tietosuoja.fi/">www.tietosuoja.fi</a>'
    return {
        "fi": {
            "title": "Tietosuojaseloste",
            "slug": "tietosuojaseloste",
            "intro": f"Tässä selosteessa kerrotaan, mitä henkilötietoja {region_name['fi']} -sivusto käsittelee, miksi ja kuinka kauan sekä mitä oikeuksia sinulla on. Seloste perustuu EU:n yleiseen tietosuoja-asetukseen (2016/679).",
            "body": [
                ("h2", "Rekisterinpitäjä"),
                ("p", f"{controller}, sähköposti {mail}."),
                ("h2", "Mitä tietoja käsittelemme"),
                (
                    "ul",
                    [
                        "Toimittajien käyttäjätilit: nimi, käyttäjätunnus, sähköpostiosoite, salasanan tiiviste, kieliasetus, kirjautumisajat sekä tieto siitä, kuka on muokannut mitäkin sivua.",
                        "Palvelimen lokitiedot: IP-osoite, aika, pyydetty osoite, selaimen tunniste ja vastauksen tila. Näitä tietoja syntyy jokaisesta käynnistä sivustolla.",
                        "Sähköpostilla lähettämäsi viestit ja palaute, jos otat meihin yhteyttä.",
                        "Tapahtumailmoitukset: nimi, sähköpostiosoite ja puhelinnumero, jotka annat lähettäessäsi tapahtuman kalenterin lomakkeella, sekä tapahtuman tiedot.",
                    ],
                ),
                (
                    "p",
                    "Emme kerää sivuston lukijoista muita tietoja kuin lokitiedot. Sivusto ei käytä seurantaevästeitä, analytiikkapalveluja eikä mainosverkkoja. Kirjautuneille toimittajille ja lomakkeiden käyttäjille asetetaan vain toiminnan kannalta välttämättömät evästeet (istunto ja lomakkeiden suojaus).",
                ),
                ("h2", "Käsittelyn tarkoitus ja peruste"),
                (
                    "p",
                    "Käyttäjätilejä tarvitaan, jotta vapaaehtoiset toimittajat voivat julkaista oman kylänsä sisältöä ja jotta muutokset voidaan jäljittää. Lokitietoja käytetään sivuston teknisen toimivuuden ja tietoturvan varmistamiseen sekä väärinkäytösten selvittämiseen. Käsittely perustuu rekisterinpitäjän oikeutettuun etuun (tietosuoja-asetuksen 6 artiklan 1 kohdan f alakohta).",
                ),
                ("h2", "Tapahtumailmoitukset"),
                (
                    "p",
                    "Kun lähetät tapahtuman kalenterin lomakkeella, tallennamme nimesi, sähköpostiosoitteesi ja puhelinnumerosi sekä tapahtuman tiedot. Sähköpostiosoitteella vahvistetaan ilmoitus, ja yhteystietojen avulla kylän toimittajat voivat ottaa sinuun yhteyttä tapahtumasta. Yhteystietosi näkevät vain sen kylän toimittajat, jonka kalenteriin tapahtuma on, ja alueen toimitus; niitä ei julkaista. Käsittely perustuu suostumukseesi, jonka annat lomakkeella (tietosuoja-asetuksen 6 artiklan 1 kohdan a alakohta).",
                ),
                ("h2", "Säilytysajat"),
                (
                    "ul",
                    [
                        "Käyttäjätili poistetaan, kun toimittaja lopettaa tehtävänsä. Sivujen muokkaushistoriaan jää muokkaajan nimi niin kauan kuin sivu on olemassa.",
                        "Palvelimen lokitiedot poistetaan 30 päivän kuluttua.",
                        "Palaute poistetaan, kun asia on käsitelty, viimeistään vuoden kuluttua.",
                        f"Tapahtumailmoituksen yhteystiedot poistetaan {days} päivän kuluttua tapahtumasta (toistuvan tapahtuman viimeisestä kerrasta) tai heti, kun toimittajat poistavat tapahtuman julkaisematta sitä. Jos toimittajat pyytävät muutoksia eikä tapahtumaa julkaista, tiedot poistetaan {days} päivän kuluttua pyynnöstä. Vahvistamaton ilmoitus poistetaan 48 tunnin kuluttua. Julkaistu tapahtuma jää kalenteriin ilman yhteystietojasi.",
                    ],
                ),
                ("h2", "Tietojen luovutukset ja siirrot"),
                (
                    "p",
                    "Tietoja ei luovuteta eteenpäin. Sivusto toimii palvelimella Euroopan unionin alueella, ja palveluntarjoaja käsittelee tietoja vain meidän lukuumme. Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.",
                ),
                ("h2", "Sinun oikeutesi"),
                (
                    "p",
                    f"Sinulla on oikeus saada tietää, mitä tietoja sinusta käsitellään, pyytää virheellisten tietojen korjaamista tai tietojen poistamista, vastustaa käsittelyä ja pyytää sen rajoittamista. Lähetä pyyntösi osoitteeseen {mail}; vastaamme kuukauden kuluessa.",
                ),
                (
                    "p",
                    f"Jos haluat kopion tapahtumailmoitustesi tiedoista tai haluat ne poistettaviksi, kirjoita osoitteeseen {mail} ja kerro sähköpostiosoite, jota käytit ilmoituksessa.",
                ),
                (
                    "p",
                    f"Jos katsot, että henkilötietojesi käsittely rikkoo tietosuojasääntelyä, voit tehdä valituksen tietosuojavaltuutetun toimistolle ({ombudsman}).",
                ),
            ],
        },
        "sv": {
            "title": "Dataskyddsbeskrivning",
            "slug": "dataskyddsbeskrivning",
            "intro": f"I den här beskrivningen berättar vi vilka personuppgifter webbplatsen {region_name['sv']} behandlar, varför och hur länge, samt vilka rättigheter du har. Beskrivningen grundar sig på EU:s allmänna dataskyddsförordning (2016/679).",
            "body": [
                ("h2", "Personuppgiftsansvarig"),
                ("p", f"{controller}, e-post {mail}."),
                ("h2", "Vilka uppgifter vi behandlar"),
                (
                    "ul",
                    [
                        "Redaktörernas användarkonton: namn, användarnamn, e-postadress, lösenordets hashvärde, språkinställning, inloggningstider samt uppgifter om vem som har redigerat vilken sida.",
                        "Serverns loggar: IP-adress, tidpunkt, begärd adress, webbläsarens identifierare och svarets status. Uppgifterna uppstår vid varje besök på webbplatsen.",
                        "Meddelanden och respons som du skickar oss per e-post.",
                        "Evenemangsanmälningar: namn, e-postadress och telefonnummer som du anger när du skickar ett evenemang via kalenderns formulär, samt evenemangets uppgifter.",
                    ],
                ),
                (
                    "p",
                    "Vi samlar inte in andra uppgifter om webbplatsens läsare än loggarna. Webbplatsen använder inga spårningskakor, analystjänster eller annonsnätverk. För inloggade redaktörer och för den som använder formulär sätts endast kakor som är nödvändiga för funktionen (session och skydd för formulär).",
                ),
                ("h2", "Ändamål och rättslig grund"),
                (
                    "p",
                    "Användarkonton behövs för att frivilliga redaktörer ska kunna publicera innehåll om sin by och för att ändringar ska kunna spåras. Loggarna används för att säkerställa webbplatsens tekniska funktion och informationssäkerhet samt för att utreda missbruk. Behandlingen grundar sig på den personuppgiftsansvariges berättigade intresse (artikel 6.1 f i dataskyddsförordningen).",
                ),
                ("h2", "Evenemangsanmälningar"),
                (
                    "p",
                    "När du skickar ett evenemang via kalenderns formulär sparar vi ditt namn, din e-postadress och ditt telefonnummer samt evenemangets uppgifter. E-postadressen används för att bekräfta anmälan, och med kontaktuppgifterna kan byns redaktörer kontakta dig om evenemanget. Dina kontaktuppgifter syns bara för redaktörerna i den by vars kalender evenemanget gäller och för regionens redaktion; de publiceras inte. Behandlingen grundar sig på ditt samtycke, som du ger i formuläret (artikel 6.1 a i dataskyddsförordningen).",
                ),
                ("h2", "Lagringstider"),
                (
                    "ul",
                    [
                        "Ett användarkonto raderas när redaktören slutar i sitt uppdrag. Sidornas redigeringshistorik behåller redaktörens namn så länge sidan finns.",
                        "Serverns loggar raderas efter 30 dagar.",
                        "Respons raderas när ärendet har behandlats, senast efter ett år.",
                        f"Kontaktuppgifterna i en evenemangsanmälan raderas {days} dagar efter evenemanget (för ett återkommande evenemang efter det sista tillfället) eller genast när redaktörerna raderar evenemanget utan att publicera det. Om redaktörerna begär ändringar och evenemanget inte publiceras, raderas uppgifterna {days} dagar efter begäran. En obekräftad anmälan raderas efter 48 timmar. Ett publicerat evenemang finns kvar i kalendern utan dina kontaktuppgifter.",
                    ],
                ),
                ("h2", "Utlämnande och överföring av uppgifter"),
                (
                    "p",
                    "Uppgifterna lämnas inte ut till andra. Webbplatsen körs på en server inom Europeiska unionen, och tjänsteleverantören behandlar uppgifterna endast för vår räkning. Uppgifterna överförs inte utanför EU eller EES.",
                ),
                ("h2", "Dina rättigheter"),
                (
                    "p",
                    f"Du har rätt att få veta vilka uppgifter om dig som behandlas, att begära rättelse av felaktiga uppgifter eller radering av uppgifterna, att invända mot behandlingen och att begära att den begränsas. Skicka din begäran till {mail}; vi svarar inom en månad.",
                ),
                (
                    "p",
                    f"Om du vill ha en kopia av uppgifterna i dina evenemangsanmälningar eller vill att de raderas, skriv till {mail} och ange den e-postadress som du använde i anmälan.",
                ),
                (
                    "p",
                    f"Om du anser att behandlingen av dina personuppgifter strider mot dataskyddsbestämmelserna kan du lämna in ett klagomål till dataombudsmannens byrå ({ombudsman}).",
                ),
            ],
        },
        "en": {
            "title": "Privacy notice",
            "slug": "privacy-notice",
            "intro": f"This notice explains what personal data the {region_name['en']} website processes, why and for how long, and what rights you have. It is based on the EU General Data Protection Regulation (2016/679).",
            "body": [
                ("h2", "Controller"),
                ("p", f"{controller}, e-mail {mail}."),
                ("h2", "What data we process"),
                (
                    "ul",
                    [
                        "Editors' user accounts: name, username, e-mail address, password hash, language preference, login times and a record of who edited which page.",
                        "Server logs: IP address, time, requested address, browser identifier and response status. These are created by every visit to the site.",
                        "Messages and feedback that you send us by e-mail.",
                        "Event submissions: the name, e-mail address and phone number you give when you send an event through the calendar's form, and the event's details.",
                    ],
                ),
                (
                    "p",
                    "We collect no data about the site's readers other than the server logs. The site uses no tracking cookies, analytics services or advertising networks. Logged-in editors and people using forms only receive cookies that are strictly necessary (session and form protection).",
                ),
                ("h2", "Purposes and legal basis"),
                (
                    "p",
                    "User accounts are needed so that volunteer editors can publish content about their village and so that changes can be traced. Server logs are used to keep the site working and secure and to investigate misuse. The processing is based on the controller's legitimate interests (Article 6(1)(f) GDPR).",
                ),
                ("h2", "Event submissions"),
                (
                    "p",
                    "When you send an event through the calendar's form, we store your name, e-mail address and phone number and the event's details. The e-mail address is used to confirm the submission, and the contact details let the village's editors contact you about the event. Only the editors of the village whose calendar the event is for and the region's staff see your contact details; they are not published. The processing is based on your consent, given on the form (Article 6(1)(a) GDPR).",
                ),
                ("h2", "Retention"),
                (
                    "ul",
                    [
                        "A user account is deleted when the editor stops editing. The pages' revision history keeps the editor's name for as long as the page exists.",
                        "Server logs are deleted after 30 days.",
                        "Feedback is deleted once the matter has been dealt with, at the latest after one year.",
                        f"The contact details of an event submission are deleted {days} days after the event (for a repeating event, after its last date), or at once when the editors delete the event without publishing it. If the editors ask for changes and the event is not published, they are deleted {days} days after the request. A submission that is not confirmed is deleted after 48 hours. A published event stays in the calendar without your contact details.",
                    ],
                ),
                ("h2", "Disclosures and transfers"),
                (
                    "p",
                    "The data is not disclosed to anyone else. The site runs on a server in the European Union, and the hosting provider processes the data only on our behalf. No data is transferred outside the EU or the EEA.",
                ),
                ("h2", "Your rights"),
                (
                    "p",
                    f"You have the right to know what data about you is processed, to ask for incorrect data to be corrected or for data to be erased, to object to the processing and to ask for it to be restricted. Send your request to {mail}; we will reply within one month.",
                ),
                (
                    "p",
                    f"For a copy of the data of your event submissions, or to have it deleted, write to {mail} and give the e-mail address you used in the submission.",
                ),
                (
                    "p",
                    f"If you believe that the processing of your personal data breaks data protection law, you can lodge a complaint with the Office of the Data Protection Ombudsman ({ombudsman}).",
                ),
            ],
        },
    }


# Regions ----------------------------------------------------------------------------------------
# Each region is a Wagtail Site. "staff" is the regional editor account; villages each get an
# editor account named toimittaja-<village slug>.

HIMOS_VILLAGES = [
    {
        "name": "Länkipohja",
        "genitive": "Länkipohjan",
        "image": ("summer", "lake"),
        "fi": {
            "intro": "Länkipohja on kylä Längelmäveden pohjoispäässä. Kylän sydän on kylätalo, jossa kokoontuvat kyläyhdistys, kerhot ja talkooväki.",
            "body": [
                (
                    "p",
                    "Kesäisin kylässä uidaan ja soudetaan, talvella hiihtoladut kulkevat pelloilta metsään. Himoksen rinteille on lyhyt matka.",
                ),
                ("h2", "Tule mukaan"),
                (
                    "p",
                    "Kyläyhdistys järjestää talkoita, kyläjuhlia ja retkiä. Uudet jäsenet ja ideat ovat aina tervetulleita.",
                ),
            ],
        },
        "sv": {
            "intro": "Länkipohja är en by vid den norra ändan av sjön Längelmävesi. Byns hjärta är byagården, där byaföreningen, klubbarna och talkofolket samlas.",
            "body": [
                (
                    "p",
                    "På sommaren badar och ror man i byn, på vintern går skidspåren från åkrarna in i skogen. Det är inte långt till backarna i Himos.",
                ),
                ("h2", "Var med"),
                (
                    "p",
                    "Byaföreningen ordnar talkon, byfester och utflykter. Nya medlemmar och idéer är alltid välkomna.",
                ),
            ],
        },
        "en": {
            "intro": "Länkipohja is a village at the northern end of Lake Längelmävesi. Its heart is the village hall, where the village association, clubs and volunteers meet.",
            "body": [
                (
                    "p",
                    "In summer people swim and row, in winter the ski trails run from the fields into the forest. The slopes of Himos are a short drive away.",
                ),
                ("h2", "Join in"),
                (
                    "p",
                    "The village association organises volunteer work days, village fêtes and outings. New members and ideas are always welcome.",
                ),
            ],
        },
        "news": [
            {
                "about": "syyskokous",
                "topics": ["yhdistykset"],
                "image": ("autumn", "village"),
                "fi": {
                    "title": "Kyläyhdistyksen syyskokous kylätalolla",
                    "lead": "Länkipohjan kyläyhdistyksen sääntömääräinen syyskokous pidetään kylätalolla marraskuun viimeisenä tiistaina kello 18. Kaikki kyläläiset ovat tervetulleita.",
                    "body": [
                        (
                            "p",
                            "Kokouksessa käsitellään sääntömääräiset asiat: vahvistetaan ensi vuoden toimintasuunnitelma ja talousarvio, valitaan hallituksen jäsenet erovuoroisten tilalle sekä valitaan toiminnantarkastaja.",
                        ),
                        (
                            "p",
                            "Lisäksi keskustellaan kylätalon ikkunaremontista ja ensi kesän kyläjuhlasta. Jos sinulla on ajatuksia kylän kehittämisestä, tuo ne mukanasi – kahvit ja pullat tarjoaa yhdistys.",
                        ),
                        (
                            "quote",
                            "Hallitukseen kaivataan uusia kasvoja. Tehtävä ei vie paljon aikaa, ja siinä pääsee vaikuttamaan oman kylän asioihin.",
                            "kyläyhdistyksen puheenjohtaja",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byaföreningens höstmöte i byagården",
                    "lead": "Länkipohja byaförenings stadgeenliga höstmöte hålls i byagården den sista tisdagen i november klockan 18. Alla bybor är välkomna.",
                    "body": [
                        (
                            "p",
                            "På mötet behandlas de stadgeenliga ärendena: verksamhetsplanen och budgeten för nästa år fastställs, styrelseledamöter väljs i stället för dem som står i tur att avgå och en verksamhetsgranskare väljs.",
                        ),
                        (
                            "p",
                            "Dessutom diskuteras renoveringen av byagårdens fönster och nästa sommars byfest. Om du har idéer om hur byn kunde utvecklas, ta med dem – föreningen bjuder på kaffe och bulle.",
                        ),
                        (
                            "quote",
                            "Styrelsen behöver nya ansikten. Uppdraget tar inte mycket tid, och man får påverka sin egen bys angelägenheter.",
                            "byaföreningens ordförande",
                        ),
                    ],
                },
                "en": {
                    "title": "Village association's autumn meeting at the village hall",
                    "lead": "The Länkipohja village association holds its statutory autumn meeting at the village hall on the last Tuesday of November at 18:00. All villagers are welcome.",
                    "body": [
                        (
                            "p",
                            "The meeting deals with the statutory business: next year's plan of activities and budget are approved, board members are elected to replace those whose term ends, and an auditor is chosen.",
                        ),
                        (
                            "p",
                            "We will also discuss repairing the village hall's windows and next summer's village fête. If you have ideas for the village, bring them along – the association offers coffee and buns.",
                        ),
                        (
                            "quote",
                            "The board needs new faces. It does not take much time, and you get a say in your own village's affairs.",
                            "chair of the village association",
                        ),
                    ],
                },
            },
            {
                "days_ago": 10,
                "topics": ["kulttuuri", "liikenne"],
                "image": ("autumn", "field"),
                "fi": {
                    "title": "Kirjastoauto pysähtyy taas kylätalon pihassa",
                    "lead": "Jämsän kirjastoauto palaa Länkipohjan reitille. Auto pysähtyy kylätalon pihassa joka keskiviikko kello 14.30–15.15.",
                    "body": [
                        (
                            "p",
                            "Kirjastoautosta voi lainata kirjoja, äänikirjoja, lehtiä ja lautapelejä. Autosta voi noutaa myös varauksia: kun varaat kirjan verkkokirjastosta, valitse noutopaikaksi kirjastoauto.",
                        ),
                        ("p", "Autossa kulkee mukana muun muassa:"),
                        (
                            "ul",
                            [
                                "uutuuskirjoja aikuisille ja lapsille",
                                "selkokirjoja ja isotekstisiä kirjoja",
                                "lehtiä ja lautapelejä",
                            ],
                        ),
                        (
                            "p",
                            "Henkilökunta auttaa mielellään e-kirjojen lainaamisessa ja kirjastokortin hankkimisessa. Ajantasainen aikataulu löytyy kirjaston verkkosivuilta.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Bokbussen stannar igen vid byagården",
                    "lead": "Jämsä bokbuss återvänder till rutten genom Länkipohja. Bussen stannar på byagårdens gård varje onsdag klockan 14.30–15.15.",
                    "body": [
                        (
                            "p",
                            "I bokbussen kan du låna böcker, ljudböcker, tidningar och sällskapsspel. Du kan också hämta reserverade böcker: välj bokbussen som avhämtningsställe när du reserverar i webbiblioteket.",
                        ),
                        ("p", "I bussen finns bland annat:"),
                        (
                            "ul",
                            [
                                "nya böcker för vuxna och barn",
                                "lättlästa böcker och böcker med stor stil",
                                "tidningar och sällskapsspel",
                            ],
                        ),
                        (
                            "p",
                            "Personalen hjälper gärna till med att låna e-böcker och att skaffa ett bibliotekskort. Den aktuella tidtabellen finns på bibliotekets webbplats.",
                        ),
                    ],
                },
                "en": {
                    "title": "The mobile library stops at the village hall again",
                    "lead": "The Jämsä mobile library returns to the Länkipohja route. It stops in the village hall yard every Wednesday from 14:30 to 15:15.",
                    "body": [
                        (
                            "p",
                            "You can borrow books, audiobooks, magazines and board games from the mobile library. You can also pick up reservations: when you reserve a book in the online library, choose the mobile library as your pick-up point.",
                        ),
                        ("p", "On board you will find, among other things:"),
                        (
                            "ul",
                            [
                                "new books for adults and children",
                                "easy-to-read and large-print books",
                                "magazines and board games",
                            ],
                        ),
                        (
                            "p",
                            "The staff are happy to help with borrowing e-books and getting a library card. The current timetable is on the library's website.",
                        ),
                    ],
                },
            },
            {
                "about": "laituritalkoot",
                "topics": ["liikunta", "yhdistykset"],
                "image": ("summer", "lake"),
                "fi": {
                    "title": "Uimarannan laituri uusitaan talkoilla",
                    "lead": "Uimarannan vanha laituri vaihdetaan uuteen kesäkuun alussa. Talkoisiin tarvitaan tekijöitä sekä rannalle että kahvinkeittoon.",
                    "body": [
                        (
                            "p",
                            "Kyläyhdistys sai laiturin hankintaan Leader-tukea, ja laiturin osat toimitetaan rannalle toukokuun lopussa. Vanha laituri puretaan ja uusi kootaan talkoilla kahtena lauantaina.",
                        ),
                        (
                            "p",
                            "Ota mukaan työhanskat ja, jos mahdollista, akkuporakone. Ilmoittaudu kyläyhdistyksen puheenjohtajalle tai tule paikalle suoraan – jokaiselle löytyy tekemistä.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Badstrandens brygga förnyas på talko",
                    "lead": "Den gamla bryggan vid badstranden byts ut mot en ny i början av juni. Till talkot behövs folk både på stranden och till kaffekokningen.",
                    "body": [
                        (
                            "p",
                            "Byaföreningen fick Leaderstöd för att skaffa bryggan, och bryggans delar levereras till stranden i slutet av maj. Den gamla bryggan rivs och den nya byggs ihop på talko två lördagar.",
                        ),
                        (
                            "p",
                            "Ta med arbetshandskar och, om möjligt, en batteridriven borrmaskin. Anmäl dig till byaföreningens ordförande eller kom direkt till platsen – det finns något att göra för alla.",
                        ),
                    ],
                },
                "en": {
                    "title": "Volunteers to rebuild the swimming beach jetty",
                    "lead": "The old jetty at the swimming beach will be replaced with a new one in early June. Volunteers are needed both on the shore and for making the coffee.",
                    "body": [
                        (
                            "p",
                            "The village association received Leader funding for the jetty, and its parts will be delivered to the beach at the end of May. The old jetty will be taken down and the new one put together by volunteers on two Saturdays.",
                        ),
                        (
                            "p",
                            "Bring work gloves and, if you can, a cordless drill. Let the chair of the village association know you are coming, or just turn up – there is something for everyone to do.",
                        ),
                    ],
                },
            },
        ],
        "pages": [
            {
                "image": ("winter", "village"),
                "fi": {
                    "title": "Kylätalo",
                    "intro": "Länkipohjan kylätalo on kaikkien kyläläisten olohuone. Talon voi vuokrata juhliin, kokouksiin ja harrastuksiin.",
                    "body": [
                        ("h2", "Vuokraus"),
                        (
                            "p",
                            "Kylätalossa on sali noin 80 hengelle, keittiö astioineen ja esteetön wc. Vuokrauksista sovitaan kyläyhdistyksen kanssa.",
                        ),
                        ("h2", "Säännölliset vuorot"),
                        (
                            "ul",
                            [
                                "maanantaisin kuntojumppa kello 18",
                                "keskiviikkoisin käsityökerho kello 13",
                                "kuukauden ensimmäisenä sunnuntaina kyläkahvila",
                            ],
                        ),
                    ],
                },
                "sv": {
                    "title": "Byagården",
                    "intro": "Byagården i Länkipohja är alla bybors vardagsrum. Huset kan hyras för fester, möten och hobbyer.",
                    "body": [
                        ("h2", "Uthyrning"),
                        (
                            "p",
                            "I byagården finns en sal för cirka 80 personer, ett kök med servis och en tillgänglig toalett. Uthyrningen avtalas med byaföreningen.",
                        ),
                        ("h2", "Regelbundna turer"),
                        (
                            "ul",
                            [
                                "konditionsgymnastik på måndagar klockan 18",
                                "handarbetsklubb på onsdagar klockan 13",
                                "bykafé den första söndagen i månaden",
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Village hall",
                    "intro": "The Länkipohja village hall is every villager's living room. It can be hired for parties, meetings and hobbies.",
                    "body": [
                        ("h2", "Hiring the hall"),
                        (
                            "p",
                            "The village hall has a main room seating about 80 people, a kitchen with crockery and an accessible toilet. Hire is arranged with the village association.",
                        ),
                        ("h2", "Regular sessions"),
                        (
                            "ul",
                            [
                                "keep-fit class on Mondays at 18:00",
                                "crafts club on Wednesdays at 13:00",
                                "village café on the first Sunday of the month",
                            ],
                        ),
                    ],
                },
            },
            {
                "fi": {
                    "title": "Kylän historiaa",
                    "intro": "Länkipohjan historiaa kootaan yhdessä, jotta kyläläisten muistot ja valokuvat säilyvät tuleville sukupolville.",
                    "body": [
                        (
                            "p",
                            "Kylähistoriapiiri kokoontuu kylätalolla kerran kuussa. Piiri kerää vanhoja valokuvia, kirjeitä ja tarinoita, skannaa ne ja palauttaa alkuperäiset omistajilleen.",
                        ),
                        (
                            "p",
                            "Kylän historiaan kuuluvat järvi kulkureitteineen, maanviljely ja metsätyöt sekä sisällissodan taistelu keväällä 1918. Piiri toivoo erityisesti muistitietoa 1950- ja 1960-luvuilta.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byns historia",
                    "intro": "Historien om Länkipohja samlas ihop gemensamt, så att bybornas minnen och fotografier bevaras för kommande generationer.",
                    "body": [
                        (
                            "p",
                            "Byhistoriecirkeln träffas i byagården en gång i månaden. Cirkeln samlar in gamla fotografier, brev och berättelser, skannar dem och lämnar tillbaka originalen till ägarna.",
                        ),
                        (
                            "p",
                            "Till byns historia hör sjön med sina färdleder, jordbruket och skogsarbetet samt striden under inbördeskriget våren 1918. Cirkeln önskar sig särskilt minnen från 1950- och 1960-talen.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village history",
                    "intro": "The history of Länkipohja is being gathered together so that the villagers' memories and photographs are kept for generations to come.",
                    "body": [
                        (
                            "p",
                            "The village history circle meets at the village hall once a month. It collects old photographs, letters and stories, scans them and returns the originals to their owners.",
                        ),
                        (
                            "p",
                            "The village's history includes the lake and its waterways, farming and forestry work, and the Civil War battle in the spring of 1918. The circle would especially welcome recollections from the 1950s and 1960s.",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "name": "Kuorevesi",
        "genitive": "Kuoreveden",
        "image": ("summer", "village"),
        "fi": {
            "intro": "Kuorevesi on entinen kunta ja nykyään Jämsän kylä, jonne kesäteatteri, ladut ja järvet houkuttelevat väkeä kauempaakin.",
            "body": [
                (
                    "p",
                    "Kuorevedellä toimivat kyläyhdistys, nuorisoseura ja urheiluseura, jotka kertovat tapahtumistaan näillä sivuilla.",
                ),
                (
                    "p",
                    "Himoksen laskettelukeskus on lähellä, ja kylän omat ladut kunnostetaan talkoilla joka syksy.",
                ),
            ],
        },
        "sv": {
            "intro": "Kuorevesi är en tidigare kommun och i dag en by i Jämsä, dit sommarteatern, skidspåren och sjöarna lockar folk också från längre håll.",
            "body": [
                (
                    "p",
                    "I Kuorevesi verkar en byaförening, en ungdomsförening och en idrottsförening, som berättar om sina evenemang på de här sidorna.",
                ),
                (
                    "p",
                    "Skidcentret i Himos ligger nära, och byns egna skidspår rustas på talko varje höst.",
                ),
            ],
        },
        "en": {
            "intro": "Kuorevesi is a former municipality and today a village of Jämsä, where the summer theatre, ski trails and lakes draw people from further afield.",
            "body": [
                (
                    "p",
                    "Kuorevesi has a village association, a youth association and a sports club, all of which post their events on these pages.",
                ),
                (
                    "p",
                    "The Himos ski resort is close by, and the village's own ski trails are cleared by volunteers every autumn.",
                ),
            ],
        },
        "news": [
            {
                "about": "latutalkoot",
                "topics": ["liikunta", "yhdistykset"],
                "image": ("winter", "field"),
                "fi": {
                    "title": "Latujen kunnostus alkaa – talkooväkeä kaivataan",
                    "lead": "Kuoreveden latupohjat raivataan ennen lumien tuloa. Talkoot pidetään kahtena lauantaina, ja mukaan mahtuu kaikenikäisiä.",
                    "body": [
                        (
                            "p",
                            "Latupohjille kaatuneet puut ja oksat raivataan, pitkospuut korjataan ja opasteet tarkistetaan. Urheiluseura hoitaa moottorisahatyöt, talkooväki kerää risut ja kantaa puut sivuun.",
                        ),
                        ("h2", "Käytännön asiat"),
                        (
                            "ul",
                            [
                                "kokoontuminen koulun parkkipaikalla kello 9",
                                "mukaan säänmukainen vaatetus ja työhanskat",
                                "talkoosoppaa tarjolla kello 12",
                            ],
                        ),
                        (
                            "p",
                            "Kun lunta on tarpeeksi, latukone ajaa ensimmäiset ladut. Latutilanne päivitetään näille sivuille.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Skidspåren rustas – talkofolk behövs",
                    "lead": "Skidspårens bottnar i Kuorevesi röjs innan snön kommer. Talkot ordnas två lördagar, och alla åldrar är välkomna.",
                    "body": [
                        (
                            "p",
                            "Träd och grenar som har fallit över spåren röjs, spångarna repareras och skyltarna kontrolleras. Idrottsföreningen sköter motorsågsarbetet, talkofolket samlar ris och bär undan stockarna.",
                        ),
                        ("h2", "Praktiskt"),
                        (
                            "ul",
                            [
                                "samling på skolans parkering klockan 9",
                                "kläder efter väder och arbetshandskar",
                                "talkosoppa serveras klockan 12",
                            ],
                        ),
                        (
                            "p",
                            "När det finns tillräckligt med snö kör spårmaskinen de första spåren. Spårläget uppdateras på de här sidorna.",
                        ),
                    ],
                },
                "en": {
                    "title": "Ski trail clearing starts – volunteers wanted",
                    "lead": "The ski trails of Kuorevesi are cleared before the snow comes. The work days are on two Saturdays, and people of all ages are welcome.",
                    "body": [
                        (
                            "p",
                            "Trees and branches that have fallen across the trails are cleared, duckboards repaired and signs checked. The sports club does the chainsaw work, while volunteers gather brushwood and carry logs aside.",
                        ),
                        ("h2", "Practical details"),
                        (
                            "ul",
                            [
                                "meet at the school car park at 9:00",
                                "dress for the weather and bring work gloves",
                                "soup for volunteers at noon",
                            ],
                        ),
                        (
                            "p",
                            "Once there is enough snow, the grooming machine will make the first tracks. Trail conditions will be posted on these pages.",
                        ),
                    ],
                },
            },
            {
                "about": "kesateatteri",
                "topics": ["kulttuuri", "matkailu"],
                "image": ("summer", "village"),
                "fi": {
                    "title": "Kesäteatterin ensi-ilta heinäkuussa",
                    "lead": "Kuoreveden kesäteatteri esittää tänä kesänä kyläläisten itse kirjoittaman komedian. Ensi-ilta on heinäkuun ensimmäisenä lauantaina.",
                    "body": [
                        (
                            "p",
                            "Näytelmä kertoo kyläkaupan viimeisestä kesästä ja sen asiakkaista, joista jokainen tuntuu tietävän muiden asiat paremmin kuin omansa. Lavalla nähdään yli kaksikymmentä harrastajanäyttelijää, nuorin kahdeksan- ja vanhin 84-vuotias.",
                        ),
                        (
                            "p",
                            "Liput myydään paikan päällä ja ennakkoon kyläkaupasta. Katsomo on katettu, ja väliajalla buffetista saa kahvia, mehua ja kotitekoisia leivonnaisia.",
                        ),
                        (
                            "quote",
                            "Harjoituksissa on naurettu niin paljon, että toivottavasti yleisöllekin jää jotain.",
                            "ohjaaja",
                        ),
                    ],
                },
                "sv": {
                    "title": "Sommarteaterns premiär i juli",
                    "lead": "Sommarteatern i Kuorevesi spelar i sommar en komedi som byborna själva har skrivit. Premiären är den första lördagen i juli.",
                    "body": [
                        (
                            "p",
                            "Pjäsen handlar om bybutikens sista sommar och dess kunder, som alla verkar veta mer om de andras angelägenheter än om sina egna. På scenen står över tjugo amatörskådespelare, den yngsta åtta och den äldsta 84 år.",
                        ),
                        (
                            "p",
                            "Biljetter säljs vid ingången och i förköp i bybutiken. Läktaren är täckt, och i pausen serverar kaféet kaffe, saft och hembakat.",
                        ),
                        (
                            "quote",
                            "Vi har skrattat så mycket på repetitionerna att det förhoppningsvis räcker till publiken också.",
                            "regissören",
                        ),
                    ],
                },
                "en": {
                    "title": "Summer theatre premiere in July",
                    "lead": "This summer the Kuorevesi summer theatre stages a comedy written by the villagers themselves. The premiere is on the first Saturday of July.",
                    "body": [
                        (
                            "p",
                            "The play tells of the village shop's last summer and its customers, each of whom seems to know everyone else's business better than their own. More than twenty amateur actors take the stage, the youngest eight and the oldest 84 years old.",
                        ),
                        (
                            "p",
                            "Tickets are sold at the door and in advance at the village shop. The stand is covered, and during the interval the café serves coffee, juice and home-made pastries.",
                        ),
                        (
                            "quote",
                            "We have laughed so much in rehearsals that hopefully there is some left for the audience too.",
                            "the director",
                        ),
                    ],
                },
            },
            {
                "about": "kerho",
                "topics": ["lapset-ja-nuoret"],
                "image": ("autumn", "village"),
                "fi": {
                    "title": "Nuorisoseuran kerho jatkuu torstaisin",
                    "lead": "Nuorisoseuran kerho 7–12-vuotiaille kokoontuu syksyllä taas torstaisin kello 17–18.30 nuorisoseurantalolla.",
                    "body": [
                        (
                            "p",
                            "Kerhossa askarrellaan, leikitään, pelataan ja välillä leivotaan. Syksyn aikana harjoitellaan myös pieni esitys joulujuhlaan.",
                        ),
                        (
                            "p",
                            "Kerho on maksuton, eikä ennakkoilmoittautumista tarvita. Ohjaajina toimivat nuorisoseuran koulutetut vapaaehtoiset.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Ungdomsföreningens klubb fortsätter på torsdagar",
                    "lead": "Ungdomsföreningens klubb för 7–12-åringar träffas igen i höst på torsdagar klockan 17–18.30 i ungdomsföreningens hus.",
                    "body": [
                        (
                            "p",
                            "I klubben pysslar, leker och spelar vi, och ibland bakar vi. Under hösten övar vi också in ett litet program till julfesten.",
                        ),
                        (
                            "p",
                            "Klubben är avgiftsfri, och ingen förhandsanmälan behövs. Ledarna är ungdomsföreningens utbildade frivilliga.",
                        ),
                    ],
                },
                "en": {
                    "title": "Youth association club continues on Thursdays",
                    "lead": "This autumn the youth association's club for 7–12-year-olds meets again on Thursdays from 17:00 to 18:30 at the youth association hall.",
                    "body": [
                        (
                            "p",
                            "At the club children do crafts, play games and now and then bake. During the autumn they also rehearse a short performance for the Christmas party.",
                        ),
                        (
                            "p",
                            "The club is free of charge, and there is no need to sign up in advance. It is led by the youth association's trained volunteers.",
                        ),
                    ],
                },
            },
        ],
        "pages": [
            {
                "fi": {
                    "title": "Kyläyhdistys",
                    "intro": "Kuoreveden kyläyhdistys tekee kylästä entistä paremman paikan asua, yrittää ja lomailla.",
                    "body": [
                        (
                            "p",
                            "Yhdistys järjestää talkoita ja tapahtumia, pitää yhteyttä Jämsän kaupunkiin ja hakee rahoitusta kylän hankkeille.",
                        ),
                        ("h2", "Jäseneksi"),
                        (
                            "p",
                            "Jäsenmaksu on 15 euroa vuodessa taloutta kohden. Jäseneksi voi liittyä kyläyhdistyksen tapahtumissa tai sähköpostilla.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byaföreningen",
                    "intro": "Kuorevesi byaförening gör byn till en ännu bättre plats att bo, driva företag och semestra på.",
                    "body": [
                        (
                            "p",
                            "Föreningen ordnar talkon och evenemang, håller kontakt med Jämsä stad och söker finansiering för byns projekt.",
                        ),
                        ("h2", "Bli medlem"),
                        (
                            "p",
                            "Medlemsavgiften är 15 euro per år och hushåll. Du kan bli medlem på byaföreningens evenemang eller per e-post.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village association",
                    "intro": "The Kuorevesi village association works to make the village an even better place to live, run a business and spend a holiday.",
                    "body": [
                        (
                            "p",
                            "The association organises volunteer work days and events, keeps in touch with the town of Jämsä and seeks funding for village projects.",
                        ),
                        ("h2", "Becoming a member"),
                        (
                            "p",
                            "The membership fee is 15 euros a year per household. You can join at the village association's events or by e-mail.",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "name": "Halli",
        "genitive": "Hallin",
        "image": ("spring", "field"),
        "fi": {
            "intro": "Halli on Jämsän kylä, joka tunnetaan parhaiten lentokentästään. Kylässä yhdistyvät maaseudun rauha ja lyhyet matkat.",
            "body": [
                (
                    "p",
                    "Kylätalolla järjestetään liikuntavuoroja, kerhoja ja kyläkahviloita ympäri vuoden.",
                ),
                (
                    "p",
                    "Hallin kyläyhdistys pitää kylän ilmoitustaulut ja tämän sivun ajan tasalla.",
                ),
            ],
        },
        "sv": {
            "intro": "Halli är en by i Jämsä som är mest känd för sin flygplats. Här förenas landsbygdens lugn med korta avstånd.",
            "body": [
                ("p", "I byagården ordnas motionsturer, klubbar och bykaféer året runt."),
                ("p", "Halli byaförening håller byns anslagstavlor och den här sidan uppdaterade."),
            ],
        },
        "en": {
            "intro": "Halli is a village of Jämsä best known for its airfield. It combines rural peace with short distances.",
            "body": [
                (
                    "p",
                    "The village hall hosts exercise sessions, clubs and village cafés all year round.",
                ),
                (
                    "p",
                    "The Halli village association keeps the village notice boards and this page up to date.",
                ),
            ],
        },
        "news": [
            {
                "about": "kutsuliikenne",
                "topics": ["liikenne"],
                "image": ("spring", "field"),
                "fi": {
                    "title": "Kutsuliikenne Hallista Jämsän keskustaan alkaa",
                    "lead": "Hallin ja Jämsän keskustan välillä kulkee maaliskuusta alkaen kutsutaksi tiistaisin ja perjantaisin. Kyyti tilataan edellisenä päivänä.",
                    "body": [
                        (
                            "p",
                            "Kutsuliikenne on avoin kaikille, ja matka maksaa saman verran kuin bussilippu. Kyyti haetaan kotiovelta, ja paluumatka lähtee keskustasta noin kolmen tunnin kuluttua – ehtii käydä kaupassa, apteekissa ja terveysasemalla.",
                        ),
                        ("h2", "Näin tilaat kyydin"),
                        (
                            "ul",
                            [
                                "soita taksikeskukseen edellisenä arkipäivänä kello 12 mennessä",
                                "kerro nimesi, osoitteesi ja matkustajien määrä",
                                "maksa kyyti autossa kortilla tai käteisellä",
                            ],
                        ),
                        (
                            "p",
                            "Kokeilu kestää vuoden loppuun. Kaupunki seuraa käyttöä, joten kyytiä kannattaa kokeilla rohkeasti.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Anropstrafik från Halli till Jämsä centrum börjar",
                    "lead": "Från och med mars går en anropstaxi mellan Halli och Jämsä centrum på tisdagar och fredagar. Resan beställs dagen innan.",
                    "body": [
                        (
                            "p",
                            "Anropstrafiken är öppen för alla, och resan kostar lika mycket som en bussbiljett. Du hämtas vid dörren, och returresan från centrum går cirka tre timmar senare – tillräckligt för butiken, apoteket och hälsostationen.",
                        ),
                        ("h2", "Så här beställer du"),
                        (
                            "ul",
                            [
                                "ring taxicentralen senast klockan 12 föregående vardag",
                                "uppge namn, adress och antal passagerare",
                                "betala i bilen med kort eller kontant",
                            ],
                        ),
                        (
                            "p",
                            "Försöket pågår till slutet av året. Staden följer upp hur trafiken används, så pröva gärna.",
                        ),
                    ],
                },
                "en": {
                    "title": "On-demand transport from Halli to Jämsä centre begins",
                    "lead": "From March a shared taxi runs between Halli and Jämsä centre on Tuesdays and Fridays. Rides are booked the day before.",
                    "body": [
                        (
                            "p",
                            "The service is open to everyone, and a ride costs the same as a bus ticket. You are picked up at your door, and the return trip leaves the centre about three hours later – enough time for the shop, the pharmacy and the health centre.",
                        ),
                        ("h2", "How to book"),
                        (
                            "ul",
                            [
                                "call the taxi centre by noon on the previous weekday",
                                "give your name, address and the number of passengers",
                                "pay in the car by card or in cash",
                            ],
                        ),
                        (
                            "p",
                            "The trial runs until the end of the year. The town is monitoring how the service is used, so do give it a try.",
                        ),
                    ],
                },
            },
            {
                "about": "tuolijumppa",
                "topics": ["hyvinvointi", "liikunta"],
                "image": ("winter", "village"),
                "fi": {
                    "title": "Seniorijumppa alkaa kylätalolla",
                    "lead": "Ikäihmisille suunnattu tuolijumppa alkaa kylätalolla tammikuussa. Jumppa on maksuton ja sopii kaikille kunnosta riippumatta.",
                    "body": [
                        (
                            "p",
                            "Jumpassa vahvistetaan lihaksia, parannetaan tasapainoa ja venytellään rauhallisessa tahdissa. Suurin osa liikkeistä tehdään tuolilla istuen tai tuolin selkänojasta tukea ottaen.",
                        ),
                        (
                            "p",
                            "Jumppaa ohjaa Jämsän liikuntapalvelujen ohjaaja. Jumpan jälkeen keitetään kahvit ja jutellaan – moni on sanonut, että se on viikon paras hetki.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Seniorgympa börjar i byagården",
                    "lead": "Stolgympa för äldre börjar i byagården i januari. Gympan är avgiftsfri och passar alla, oberoende av kondition.",
                    "body": [
                        (
                            "p",
                            "Under gympan stärks musklerna, balansen förbättras och man stretchar i lugn takt. De flesta rörelserna görs sittande på en stol eller med stöd av stolsryggen.",
                        ),
                        (
                            "p",
                            "Gympan leds av en instruktör från Jämsä stads idrottstjänster. Efteråt kokas kaffe och man pratar en stund – många säger att det är veckans bästa stund.",
                        ),
                    ],
                },
                "en": {
                    "title": "Seniors' exercise class starts at the village hall",
                    "lead": "A chair exercise class for older people starts at the village hall in January. It is free of charge and suits everyone, whatever their fitness.",
                    "body": [
                        (
                            "p",
                            "The class strengthens muscles, improves balance and ends with gentle stretching at a calm pace. Most movements are done sitting on a chair or holding on to its back.",
                        ),
                        (
                            "p",
                            "The class is led by an instructor from Jämsä's sports services. Afterwards there is coffee and a chat – many say it is the best moment of the week.",
                        ),
                    ],
                },
            },
            {
                "about": "kevatsiivous",
                "topics": ["yhdistykset", "luonto"],
                "image": ("spring", "village"),
                "fi": {
                    "title": "Kylän kevätsiivous toukokuussa",
                    "lead": "Hallin kyläyhdistys kutsuu kaikki mukaan kevätsiivoukseen toukokuun toisena lauantaina. Roskapihdit ja säkit saa kylätalolta.",
                    "body": [
                        (
                            "p",
                            "Siivoamme yhdessä teiden varret, bussipysäkit ja uimarannan. Jätteet lajitellaan, ja kaupunki noutaa säkit kylätalon pihasta maanantaina.",
                        ),
                        (
                            "p",
                            "Talkoiden päätteeksi grillataan makkaraa kylätalon pihalla. Lapset ovat tervetulleita mukaan, kunhan aikuinen on seurana tien varressa.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Vårstädning i byn i maj",
                    "lead": "Halli byaförening bjuder in alla till vårstädningen den andra lördagen i maj. Skräptänger och säckar finns i byagården.",
                    "body": [
                        (
                            "p",
                            "Tillsammans städar vi vägkanterna, busshållplatserna och badstranden. Avfallet sorteras, och staden hämtar säckarna på byagårdens gård på måndagen.",
                        ),
                        (
                            "p",
                            "Efter talkot grillar vi korv på byagårdens gård. Barn är välkomna med, så länge en vuxen är med dem längs vägen.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village spring clean-up in May",
                    "lead": "The Halli village association invites everyone to the spring clean-up on the second Saturday of May. Litter pickers and bags are available at the village hall.",
                    "body": [
                        (
                            "p",
                            "Together we will tidy the roadsides, the bus stops and the swimming beach. The rubbish is sorted, and the town collects the bags from the village hall yard on Monday.",
                        ),
                        (
                            "p",
                            "Afterwards we will grill sausages in the village hall yard. Children are welcome to join in, as long as an adult is with them by the road.",
                        ),
                    ],
                },
            },
        ],
        "pages": [
            {
                "fi": {
                    "title": "Kylätalo",
                    "intro": "Hallin kylätalo on entinen koulu, jonka kyläyhdistys on kunnostanut kaikkien käyttöön.",
                    "body": [
                        (
                            "p",
                            "Talossa on sali, keittiö ja kerhohuone. Salissa on induktiosilmukka, ja sisäänkäynnille pääsee pyörätuolilla luiskaa pitkin.",
                        ),
                        (
                            "p",
                            "Varauksista ja avainten noudosta sovitaan kyläyhdistyksen kanssa. Jäsenille vuokra on edullisempi.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byagården",
                    "intro": "Byagården i Halli är en före detta skola som byaföreningen har rustat upp för allas bruk.",
                    "body": [
                        (
                            "p",
                            "I huset finns en sal, ett kök och ett klubbrum. Salen har en hörslinga, och man kommer in med rullstol längs en ramp.",
                        ),
                        (
                            "p",
                            "Bokningar och avhämtning av nycklar avtalas med byaföreningen. För medlemmar är hyran lägre.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village hall",
                    "intro": "The Halli village hall is a former school that the village association has restored for everyone's use.",
                    "body": [
                        (
                            "p",
                            "The building has a hall, a kitchen and a club room. The hall has an induction loop, and a ramp leads up to the entrance for wheelchair users.",
                        ),
                        (
                            "p",
                            "Bookings and collecting the keys are arranged with the village association. Members pay a lower rent.",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "name": "Koskenpää",
        "genitive": "Koskenpään",
        "image": ("autumn", "lake"),
        "fi": {
            "intro": "Koskenpää on järvien ja metsien ympäröimä kylä Jämsässä. Kylällä on pitkät perinteet kalastuksessa ja kyläjuhlissa.",
            "body": [
                (
                    "p",
                    "Kesällä Koskenpäässä kalastetaan, uidaan ja kokoonnutaan kyläjuhliin. Talvella järven jäälle kokoontuvat pilkkijät ja retkiluistelijat.",
                ),
                (
                    "p",
                    "Kyläyhdistys ja metsästysseura järjestävät tapahtumia yhdessä, ja uudet asukkaat saavat tervetuliaiskassin.",
                ),
            ],
        },
        "sv": {
            "intro": "Koskenpää är en by i Jämsä omgiven av sjöar och skogar, med långa traditioner av fiske och byfester.",
            "body": [
                (
                    "p",
                    "På sommaren fiskar och badar man i Koskenpää och samlas till byfester. På vintern samlas pimplare och långfärdsskridskoåkare på sjöns is.",
                ),
                (
                    "p",
                    "Byaföreningen och jaktföreningen ordnar evenemang tillsammans, och nya invånare får en välkomstkasse.",
                ),
            ],
        },
        "en": {
            "intro": "Koskenpää is a village of Jämsä surrounded by lakes and forests, with long traditions of fishing and village festivals.",
            "body": [
                (
                    "p",
                    "In summer people fish, swim and gather for village festivals. In winter ice anglers and tour skaters take to the frozen lake.",
                ),
                (
                    "p",
                    "The village association and the hunting club organise events together, and new residents receive a welcome bag.",
                ),
            ],
        },
        "news": [
            {
                "about": "pilkki",
                "topics": ["liikunta", "matkailu"],
                "image": ("winter", "lake"),
                "fi": {
                    "title": "Perinteinen pilkkikilpailu järven jäällä",
                    "lead": "Koskenpään pilkkikilpailu järjestetään helmikuun viimeisenä sunnuntaina, jos jäätilanne sallii. Kilpailuun voi osallistua kuka tahansa.",
                    "body": [
                        (
                            "p",
                            "Kilpailuaika on kello 10–13. Sarjoja on neljä: naiset, miehet, seniorit ja alle 15-vuotiaat. Ilmoittautuminen alkaa rannassa kello 9, ja osallistumismaksu on 10 euroa, lapsille ilmainen.",
                        ),
                        (
                            "p",
                            "Järjestäjät tarkistavat jään paksuuden ennen kilpailua. Jos jää ei kanna, kilpailu siirretään, ja siitä kerrotaan näillä sivuilla.",
                        ),
                        (
                            "p",
                            "Rannassa myydään kahvia, mehua ja makkaraa. Tuotto käytetään kylän nuorisotoimintaan.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Traditionell pimpeltävling på isen",
                    "lead": "Pimpeltävlingen i Koskenpää ordnas den sista söndagen i februari, om isläget tillåter. Vem som helst kan delta.",
                    "body": [
                        (
                            "p",
                            "Tävlingstiden är klockan 10–13. Det finns fyra klasser: damer, herrar, seniorer och under 15 år. Anmälan börjar på stranden klockan 9, och deltagaravgiften är 10 euro, gratis för barn.",
                        ),
                        (
                            "p",
                            "Arrangörerna kontrollerar isens tjocklek före tävlingen. Om isen inte bär flyttas tävlingen, och det meddelas på de här sidorna.",
                        ),
                        (
                            "p",
                            "På stranden säljs kaffe, saft och korv. Intäkterna går till byns ungdomsverksamhet.",
                        ),
                    ],
                },
                "en": {
                    "title": "Traditional ice fishing competition on the lake",
                    "lead": "The Koskenpää ice fishing competition is held on the last Sunday of February, ice permitting. Anyone can take part.",
                    "body": [
                        (
                            "p",
                            "Fishing time is from 10:00 to 13:00. There are four classes: women, men, seniors and under-15s. Registration opens on the shore at 9:00; the entry fee is 10 euros, free for children.",
                        ),
                        (
                            "p",
                            "The organisers check the thickness of the ice before the competition. If the ice is not safe, the competition will be postponed and the new date announced on these pages.",
                        ),
                        (
                            "p",
                            "Coffee, juice and sausages are sold on the shore. The proceeds go to the village's youth activities.",
                        ),
                    ],
                },
            },
            {
                "days_ago": 21,
                "topics": ["kulttuuri"],
                "image": ("autumn", "village"),
                "fi": {
                    "title": "Kyläkirjan tekijät etsivät vanhoja valokuvia",
                    "lead": "Koskenpäästä tehdään kyläkirja, ja sen tekijät pyytävät kyläläisiltä vanhoja valokuvia ja muistoja. Kuvat skannataan ja palautetaan omistajilleen.",
                    "body": [
                        (
                            "p",
                            "Kirjaan kootaan kylän taloja, töitä, juhlia ja ihmisiä 1900-luvun alusta tähän päivään. Erityisen kiinnostavia ovat kuvat arjesta: heinätöistä, uitosta, koulusta ja kyläkaupasta.",
                        ),
                        (
                            "p",
                            "Kuvia otetaan vastaan kylätalolla joka kuukauden ensimmäisenä lauantaina kello 10–12. Kirjoita kuvan taakse tai erilliselle paperille, mitä kuvassa on, milloin se on otettu ja kuka sen omistaa.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Författarna till byboken söker gamla fotografier",
                    "lead": "En bok om Koskenpää håller på att skrivas, och författarna ber byborna om gamla fotografier och minnen. Bilderna skannas och lämnas tillbaka till ägarna.",
                    "body": [
                        (
                            "p",
                            "Boken samlar byns hus, arbeten, fester och människor från början av 1900-talet till i dag. Särskilt intressanta är bilder av vardagen: höbärgning, flottning, skolan och bybutiken.",
                        ),
                        (
                            "p",
                            "Bilder tas emot i byagården den första lördagen varje månad klockan 10–12. Skriv på baksidan eller på ett separat papper vad bilden visar, när den är tagen och vem som äger den.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village book team looks for old photographs",
                    "lead": "A book about Koskenpää is being written, and its authors are asking villagers for old photographs and memories. The photographs are scanned and returned to their owners.",
                    "body": [
                        (
                            "p",
                            "The book will gather the village's houses, work, celebrations and people from the early 1900s to the present day. Pictures of everyday life are especially welcome: haymaking, timber floating, the school and the village shop.",
                        ),
                        (
                            "p",
                            "Photographs are received at the village hall on the first Saturday of every month from 10:00 to 12:00. Write on the back or on a separate sheet what the picture shows, when it was taken and who owns it.",
                        ),
                    ],
                },
            },
            {
                "about": "kesaleiri",
                "topics": ["lapset-ja-nuoret"],
                "image": ("summer", "lake"),
                "fi": {
                    "title": "Koululaisten kesäleirille voi ilmoittautua",
                    "lead": "Kyläyhdistyksen päiväleiri 7–12-vuotiaille pidetään kesäkuun toisella viikolla. Leirille mahtuu 20 lasta.",
                    "body": [
                        (
                            "p",
                            "Leiripäivät vietetään ulkona: retkeillään, uidaan valvotusti, pelataan ja tehdään luontotehtäviä. Päivät ovat kello 9–15, ja leiri tarjoaa lounaan ja välipalan.",
                        ),
                        (
                            "p",
                            "Leirin hinta on 60 euroa, sisaruksille 40 euroa. Ilmoittautumiset kyläyhdistyksen sähköpostiin toukokuun loppuun mennessä.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Anmälan till sommarlägret för skolbarn har börjat",
                    "lead": "Byaföreningens dagläger för 7–12-åringar hålls den andra veckan i juni. Det finns plats för 20 barn på lägret.",
                    "body": [
                        (
                            "p",
                            "Lägerdagarna tillbringas utomhus: vi gör utflykter, badar under uppsikt, spelar och gör naturuppgifter. Dagarna pågår klockan 9–15, och lägret bjuder på lunch och mellanmål.",
                        ),
                        (
                            "p",
                            "Lägret kostar 60 euro, för syskon 40 euro. Anmälningar till byaföreningens e-post senast i slutet av maj.",
                        ),
                    ],
                },
                "en": {
                    "title": "Sign-ups open for the schoolchildren's summer camp",
                    "lead": "The village association's day camp for 7–12-year-olds is held in the second week of June. The camp has room for 20 children.",
                    "body": [
                        (
                            "p",
                            "Camp days are spent outdoors: hiking, supervised swimming, games and nature activities. Days run from 9:00 to 15:00, and the camp provides lunch and a snack.",
                        ),
                        (
                            "p",
                            "The camp costs 60 euros, or 40 euros for siblings. Sign up by e-mail to the village association by the end of May.",
                        ),
                    ],
                },
            },
        ],
        "pages": [
            {
                "fi": {
                    "title": "Kyläyhdistys",
                    "intro": "Koskenpään kyläyhdistys kokoaa kyläläiset yhteisten asioiden äärelle.",
                    "body": [
                        (
                            "p",
                            "Yhdistys ylläpitää kylätaloa ja uimarantaa, järjestää kyläjuhlat ja tekee aloitteita kaupungille.",
                        ),
                        ("h2", "Hallitus"),
                        (
                            "p",
                            "Hallitukseen kuuluu puheenjohtajan lisäksi kuusi jäsentä. Hallituksen tavoittaa kyläyhdistyksen sähköpostiosoitteesta.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byaföreningen",
                    "intro": "Koskenpää byaförening samlar byborna kring gemensamma angelägenheter.",
                    "body": [
                        (
                            "p",
                            "Föreningen sköter byagården och badstranden, ordnar byfesterna och lägger fram initiativ till staden.",
                        ),
                        ("h2", "Styrelsen"),
                        (
                            "p",
                            "Styrelsen består av ordföranden och sex ledamöter. Du når styrelsen på byaföreningens e-postadress.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village association",
                    "intro": "The Koskenpää village association brings the villagers together around their shared concerns.",
                    "body": [
                        (
                            "p",
                            "The association looks after the village hall and the swimming beach, organises the village fêtes and makes proposals to the town.",
                        ),
                        ("h2", "The board"),
                        (
                            "p",
                            "Besides the chair, the board has six members. You can reach the board at the village association's e-mail address.",
                        ),
                    ],
                },
            },
            {
                "image": ("summer", "field"),
                "fi": {
                    "title": "Kylän historiaa",
                    "intro": "Koskenpään historia on järvien, metsätöiden ja pienten tilojen historiaa.",
                    "body": [
                        (
                            "p",
                            "Kylän elämä rakentui pitkään maanviljelyn, karjanhoidon ja metsätöiden varaan. Vesistöt olivat tärkeitä kulkureittejä, ja talvisin tukit ajettiin jäitse rantaan odottamaan uittoa.",
                        ),
                        (
                            "p",
                            "Kylän historiaa kootaan parhaillaan kyläkirjaksi. Jos sinulla on kerrottavaa tai kuvia, ota yhteyttä kyläyhdistykseen.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byns historia",
                    "intro": "Historien om Koskenpää är en historia om sjöar, skogsarbete och små gårdar.",
                    "body": [
                        (
                            "p",
                            "Livet i byn byggde länge på jordbruk, boskapsskötsel och skogsarbete. Vattendragen var viktiga färdleder, och på vintrarna kördes stockarna över isen till stranden för att vänta på flottningen.",
                        ),
                        (
                            "p",
                            "Byns historia samlas just nu till en bybok. Om du har något att berätta eller har bilder, kontakta byaföreningen.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village history",
                    "intro": "The history of Koskenpää is one of lakes, forestry work and small farms.",
                    "body": [
                        (
                            "p",
                            "For a long time village life was built on farming, cattle and forestry work. The lakes and rivers were important routes, and in winter logs were hauled over the ice to the shore, where they waited to be floated downstream.",
                        ),
                        (
                            "p",
                            "The village's history is now being gathered into a village book. If you have stories or pictures to share, please contact the village association.",
                        ),
                    ],
                },
            },
        ],
    },
]

IITTI_VILLAGES = [
    {
        "name": "Kausala",
        "genitive": "Kausalan",
        "image": ("summer", "village"),
        "fi": {
            "intro": "Kausala on Iitin kuntakeskus, jossa kunnan palvelut, rautatieasema ja kaupat ovat lähellä toisiaan.",
            "body": [
                (
                    "p",
                    "Kausalasta pääsee junalla sekä Lahden että Kouvolan suuntaan. Torilla käy kesälauantaisin vilinä.",
                ),
                (
                    "p",
                    "Kirjasto, liikuntapaikat ja uimaranta ovat kävelymatkan päässä keskustasta.",
                ),
            ],
        },
        "sv": {
            "intro": "Kausala är kommuncentrum i Itis, där kommunens tjänster, järnvägsstationen och butikerna ligger nära varandra.",
            "body": [
                (
                    "p",
                    "Från Kausala går tåg både mot Lahtis och mot Kouvola. På sommarlördagarna myllrar det på torget.",
                ),
                (
                    "p",
                    "Biblioteket, idrottsplatserna och badstranden ligger på gångavstånd från centrum.",
                ),
            ],
        },
        "en": {
            "intro": "Kausala is the municipal centre of Iitti, where the municipality's services, the railway station and the shops are close together.",
            "body": [
                (
                    "p",
                    "Trains run from Kausala towards both Lahti and Kouvola. On summer Saturdays the market square is bustling.",
                ),
                (
                    "p",
                    "The library, sports grounds and beach are within walking distance of the centre.",
                ),
            ],
        },
        "news": [
            {
                "about": "kesatori",
                "topics": ["matkailu", "kulttuuri"],
                "image": ("summer", "village"),
                "fi": {
                    "title": "Kesätori avautuu lauantaina",
                    "lead": "Kausalan kesätori avataan kesäkuun ensimmäisenä lauantaina. Torilla on myyjiä kello 8–13 joka lauantai elokuun loppuun asti.",
                    "body": [
                        (
                            "p",
                            "Torilta saa varhaisperunaa, mansikoita, leivonnaisia, kalaa ja käsitöitä. Avauspäivänä torilla soittaa paikallinen harmonikkaorkesteri, ja kyläyhdistys tarjoaa torikahvit sadalle ensimmäiselle kävijälle.",
                        ),
                        (
                            "p",
                            "Myyntipaikat ovat maksuttomia, mutta ne on varattava etukäteen kunnan asiointipisteestä. Myyjät tuovat omat pöytänsä ja telttansa.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Sommartorget öppnar på lördag",
                    "lead": "Sommartorget i Kausala öppnar den första lördagen i juni. Försäljarna finns på torget klockan 8–13 varje lördag till slutet av augusti.",
                    "body": [
                        (
                            "p",
                            "På torget finns färskpotatis, jordgubbar, bakverk, fisk och hantverk. På öppningsdagen spelar den lokala dragspelsorkestern, och byaföreningen bjuder de hundra första besökarna på torgkaffe.",
                        ),
                        (
                            "p",
                            "Försäljningsplatserna är avgiftsfria men måste bokas i förväg på kommunens servicepunkt. Försäljarna tar med egna bord och tält.",
                        ),
                    ],
                },
                "en": {
                    "title": "The summer market opens on Saturday",
                    "lead": "The Kausala summer market opens on the first Saturday of June. Stallholders are there from 8:00 to 13:00 every Saturday until the end of August.",
                    "body": [
                        (
                            "p",
                            "The market sells new potatoes, strawberries, pastries, fish and handicrafts. On opening day the local accordion orchestra plays, and the village association offers coffee to the first hundred visitors.",
                        ),
                        (
                            "p",
                            "Stalls are free of charge but must be booked in advance at the municipality's service point. Stallholders bring their own tables and tents.",
                        ),
                    ],
                },
            },
            {
                "about": "satutunnit",
                "topics": ["lapset-ja-nuoret", "kulttuuri"],
                "image": ("autumn", "field"),
                "fi": {
                    "title": "Kirjaston satutunnit alkavat taas",
                    "lead": "Kausalan kirjaston satutunnit 3–6-vuotiaille alkavat syyskuussa. Satutunti pidetään joka keskiviikko kello 10 lastenosastolla.",
                    "body": [
                        (
                            "p",
                            "Satutunnilla luetaan kuvakirjoja, lauletaan ja lorutellaan. Kerran kuussa vieraana on lastenkirjailija tai kuvittaja.",
                        ),
                        (
                            "p",
                            "Satutunnit ovat maksuttomia, eikä niille tarvitse ilmoittautua. Päiväkotiryhmiä pyydetään sopimaan käynnistä etukäteen.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Sagostunderna i biblioteket börjar igen",
                    "lead": "Sagostunderna för 3–6-åringar i Kausala bibliotek börjar i september. Sagostunden hålls varje onsdag klockan 10 på barnavdelningen.",
                    "body": [
                        (
                            "p",
                            "Under sagostunden läser vi bilderböcker, sjunger och ramsar. En gång i månaden kommer en barnboksförfattare eller illustratör på besök.",
                        ),
                        (
                            "p",
                            "Sagostunderna är avgiftsfria och kräver ingen anmälan. Daghemsgrupper ombeds komma överens om besöket i förväg.",
                        ),
                    ],
                },
                "en": {
                    "title": "Story time at the library starts again",
                    "lead": "Story time for 3- to 6-year-olds at Kausala library starts in September, every Wednesday at 10:00 in the children's section.",
                    "body": [
                        (
                            "p",
                            "At story time we read picture books, sing songs and say rhymes. Once a month a children's author or illustrator comes to visit.",
                        ),
                        (
                            "p",
                            "Story time is free and there is no need to sign up. Day-care groups are asked to arrange their visit in advance.",
                        ),
                    ],
                },
            },
            {
                "about": "kaukalot",
                "topics": ["liikunta"],
                "image": ("winter", "field"),
                "fi": {
                    "title": "Kaukalot ja ladut talvikuntoon",
                    "lead": "Kausalan luistelukaukalot jäädytetään ja kuntoradan latu ajetaan heti, kun pakkaset ja lumitilanne sen sallivat.",
                    "body": [
                        (
                            "p",
                            "Kaukaloiden jäädytys aloitetaan, kun yöpakkaset ovat jatkuneet useamman päivän. Valaistu kuntorata ajetaan sekä perinteiselle että vapaalle hiihtotavalle.",
                        ),
                        (
                            "p",
                            "Kunnossapidosta vastaa kunnan liikuntatoimi. Vioista ja puutteista voi ilmoittaa kunnan palautekanavaan.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Rinkarna och skidspåren görs klara för vintern",
                    "lead": "Skridskorinkarna i Kausala spolas och skidspåret på motionsbanan körs så snart kylan och snöläget tillåter.",
                    "body": [
                        (
                            "p",
                            "Rinkarna börjar spolas när nattfrosten har hållit i sig i flera dagar. Det belysta motionsspåret körs för både klassisk stil och fristil.",
                        ),
                        (
                            "p",
                            "Kommunens idrottsväsende ansvarar för underhållet. Fel och brister kan anmälas via kommunens responskanal.",
                        ),
                    ],
                },
                "en": {
                    "title": "Rinks and ski trails made ready for winter",
                    "lead": "The Kausala skating rinks will be flooded and the ski track on the fitness trail groomed as soon as the frost and snow allow.",
                    "body": [
                        (
                            "p",
                            "Flooding the rinks begins once the night frosts have lasted several days. The floodlit fitness trail is groomed for both classic and skating style.",
                        ),
                        (
                            "p",
                            "Maintenance is the responsibility of the municipality's sports services. Faults and shortcomings can be reported through the municipality's feedback channel.",
                        ),
                    ],
                },
            },
        ],
        "pages": [
            {
                "fi": {
                    "title": "Kyläyhdistys",
                    "intro": "Kausalan kyläyhdistys kehittää kuntakeskuksen viihtyisyyttä yhdessä asukkaiden, yrittäjien ja kunnan kanssa.",
                    "body": [
                        (
                            "p",
                            "Yhdistys järjestää kesätorin avajaiset, joulunavauksen ja puistotalkoot.",
                        ),
                        (
                            "p",
                            "Jäsenmaksu on 10 euroa vuodessa. Kaikki iittiläiset ovat tervetulleita jäseniksi.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byaföreningen",
                    "intro": "Kausala byaförening gör kommuncentrumet trivsammare tillsammans med invånarna, företagarna och kommunen.",
                    "body": [
                        (
                            "p",
                            "Föreningen ordnar sommartorgets öppning, julöppningen och parktalkon.",
                        ),
                        (
                            "p",
                            "Medlemsavgiften är 10 euro per år. Alla invånare i Iitti är välkomna som medlemmar.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village association",
                    "intro": "The Kausala village association works with residents, businesses and the municipality to make the municipal centre a more pleasant place.",
                    "body": [
                        (
                            "p",
                            "The association organises the opening of the summer market, the Christmas opening and volunteer work days in the park.",
                        ),
                        (
                            "p",
                            "The membership fee is 10 euros a year. Everyone living in Iitti is welcome to join.",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "name": "Radansuu",
        "genitive": "Radansuun",
        "image": ("spring", "village"),
        "fi": {
            "intro": "Radansuu on peltojen ja metsien ympäröimä kylä Iitissä.",
            "body": [
                (
                    "p",
                    "Kylässä on vahva talkooperinne: kylätalo, pallokenttä ja laavu on rakennettu ja kunnostettu yhteisvoimin.",
                ),
                (
                    "p",
                    "Kyläyhdistys julkaisee tällä sivustolla kylän uutiset, tapahtumat ja kylätalon varaustilanteen.",
                ),
            ],
        },
        "sv": {
            "intro": "Radansuu är en by i Itis, omgiven av åkrar och skogar.",
            "body": [
                (
                    "p",
                    "Byn har en stark talkotradition: byagården, bollplanen och vindskyddet har byggts och rustats med gemensamma krafter.",
                ),
                (
                    "p",
                    "Byaföreningen publicerar byns nyheter, evenemang och byagårdens bokningsläge på den här webbplatsen.",
                ),
            ],
        },
        "en": {
            "intro": "Radansuu is a village in Iitti surrounded by fields and forests.",
            "body": [
                (
                    "p",
                    "The village has a strong tradition of volunteer work: the village hall, the sports field and the lean-to shelter were all built and restored together.",
                ),
                (
                    "p",
                    "The village association publishes the village's news, events and village hall bookings on this site.",
                ),
            ],
        },
        "news": [
            {
                "days_ago": 6,
                "topics": ["yhdistykset"],
                "image": ("spring", "village"),
                "fi": {
                    "title": "Radansuun kyläsuunnitelma valmistui",
                    "lead": "Kyläläisten yhdessä laatima kyläsuunnitelma on valmis. Se kertoo, mitä kylässä halutaan tehdä seuraavien viiden vuoden aikana.",
                    "body": [
                        (
                            "p",
                            "Suunnitelma laadittiin kyselyn ja kolmen kyläillan avulla. Kyselyyn tuli lähes sata vastausta, ja kyläilloissa oli mukana väkeä vauvoista vaareihin.",
                        ),
                        ("h2", "Tärkeimmät hankkeet"),
                        (
                            "ul",
                            [
                                "kevyen liikenteen väylä koululle",
                                "kylätalon energiaremontti",
                                "laavu ja luontopolku joen varteen",
                                "uusien asukkaiden tervetuliaistoiminta",
                            ],
                        ),
                        (
                            "p",
                            "Suunnitelma on luettavissa kylätalolla ja kyläyhdistyksen sivuilla. Se toimitetaan myös kunnalle ja Leader-ryhmälle rahoitushakemusten pohjaksi.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byaplanen för Radansuu är klar",
                    "lead": "Byaplanen som byborna har utarbetat tillsammans är klar. Den visar vad byn vill göra under de kommande fem åren.",
                    "body": [
                        (
                            "p",
                            "Planen togs fram med hjälp av en enkät och tre bykvällar. Nästan hundra personer svarade på enkäten, och på bykvällarna deltog folk i alla åldrar.",
                        ),
                        ("h2", "De viktigaste projekten"),
                        (
                            "ul",
                            [
                                "en gång- och cykelväg till skolan",
                                "energirenovering av byagården",
                                "ett vindskydd och en naturstig längs ån",
                                "välkomstverksamhet för nya invånare",
                            ],
                        ),
                        (
                            "p",
                            "Planen finns att läsa i byagården och på byaföreningens sidor. Den skickas också till kommunen och Leadergruppen som grund för finansieringsansökningar.",
                        ),
                    ],
                },
                "en": {
                    "title": "Radansuu village plan completed",
                    "lead": "The village plan that the villagers drew up together is ready. It sets out what the village wants to do over the next five years.",
                    "body": [
                        (
                            "p",
                            "The plan was prepared through a survey and three village evenings. Almost a hundred people answered the survey, and the evenings brought together people of all ages.",
                        ),
                        ("h2", "The main projects"),
                        (
                            "ul",
                            [
                                "a footpath and cycle path to the school",
                                "an energy renovation of the village hall",
                                "a lean-to shelter and a nature trail along the river",
                                "a welcome programme for new residents",
                            ],
                        ),
                        (
                            "p",
                            "The plan can be read at the village hall and on the village association's pages. It will also be sent to the municipality and the Leader group as a basis for funding applications.",
                        ),
                    ],
                },
            },
            {
                "about": "kirjastoauto",
                "topics": ["kulttuuri", "liikenne"],
                "image": ("autumn", "field"),
                "fi": {
                    "title": "Kirjastoauton pysäkkiajat muuttuvat",
                    "lead": "Kirjastoauto pysähtyy Radansuussa syyskuusta alkaen maanantaisin kello 17.10–17.40, jotta myös töissä käyvät ehtivät lainaamaan.",
                    "body": [
                        (
                            "p",
                            "Pysäkki on edelleen kylätalon pihassa, ja auto pysähtyy siellä joka viikko.",
                        ),
                        (
                            "p",
                            "Kirjastoautosta voi lainata ja sinne voi palauttaa kaikkea kirjaston aineistoa. Myös varaukset voi noutaa autosta.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Bokbussens hållplatstider ändras",
                    "lead": "Från september stannar bokbussen i Radansuu på måndagar klockan 17.10–17.40, så att också de som arbetar hinner låna.",
                    "body": [
                        (
                            "p",
                            "Hållplatsen finns fortfarande på byagårdens gård, och bussen stannar där varje vecka.",
                        ),
                        (
                            "p",
                            "I bokbussen kan du låna och returnera allt bibliotekets material. Också reserveringar kan hämtas i bussen.",
                        ),
                    ],
                },
                "en": {
                    "title": "Mobile library stop times change",
                    "lead": "From September the mobile library stops in Radansuu on Mondays from 17:10 to 17:40, so that people who work can borrow too.",
                    "body": [
                        (
                            "p",
                            "The stop is still in the village hall yard, and the mobile library comes every week.",
                        ),
                        (
                            "p",
                            "You can borrow and return any library material at the mobile library. Reservations can be picked up there as well.",
                        ),
                    ],
                },
            },
            {
                "about": "pyoraretki",
                "topics": ["liikunta", "hyvinvointi"],
                "image": ("summer", "field"),
                "fi": {
                    "title": "Yhteinen pyöräretki kylän ympäri",
                    "lead": "Kyläyhdistys järjestää kesäkuussa yhteisen pyöräretken Radansuun kyläteitä pitkin. Matkaa kertyy noin 25 kilometriä.",
                    "body": [
                        (
                            "p",
                            "Retki pyöräillään rauhallisesti, ja matkalla pysähdytään kahville laavulle. Lyhyemmän, noin kymmenen kilometrin lenkin voi ajaa lasten kanssa.",
                        ),
                        ("p", "Lähtö on kylätalolta kello 10. Muista kypärä ja juomapullo."),
                    ],
                },
                "sv": {
                    "title": "Gemensam cykeltur runt byn",
                    "lead": "Byaföreningen ordnar i juni en gemensam cykeltur längs byvägarna i Radansuu. Sträckan blir cirka 25 kilometer.",
                    "body": [
                        (
                            "p",
                            "Vi cyklar i lugnt tempo och stannar för kaffe vid ett vindskydd på vägen. En kortare slinga på cirka tio kilometer kan man cykla med barn.",
                        ),
                        ("p", "Start från byagården klockan 10. Kom ihåg hjälm och vattenflaska."),
                    ],
                },
                "en": {
                    "title": "A group bike ride round the village",
                    "lead": "In June the village association organises a group bike ride along the village roads of Radansuu. The route is about 25 kilometres long.",
                    "body": [
                        (
                            "p",
                            "We ride at an easy pace and stop for coffee at a lean-to shelter on the way. A shorter loop of about ten kilometres is suitable for riding with children.",
                        ),
                        (
                            "p",
                            "We set off from the village hall at 10:00. Remember your helmet and a water bottle.",
                        ),
                    ],
                },
            },
        ],
        "pages": [
            {
                "fi": {
                    "title": "Kylätalo",
                    "intro": "Radansuun kylätalo on kyläläisten yhteinen kokoontumispaikka.",
                    "body": [
                        (
                            "p",
                            "Kylätalon sali sopii juhliin ja kokouksiin, ja pihalla on grillikatos ja lasten leikkipaikka.",
                        ),
                        (
                            "p",
                            "Kylätalon varauskalenteria pitää kyläyhdistys. Varaukset tehdään sähköpostilla viimeistään viikkoa ennen tilaisuutta.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byagården",
                    "intro": "Byagården i Radansuu är bybornas gemensamma mötesplats.",
                    "body": [
                        (
                            "p",
                            "Byagårdens sal passar för fester och möten, och på gården finns ett grilltak och en lekplats för barn.",
                        ),
                        (
                            "p",
                            "Byaföreningen sköter byagårdens bokningskalender. Bokningar görs per e-post senast en vecka före tillställningen.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village hall",
                    "intro": "The Radansuu village hall is the villagers' shared meeting place.",
                    "body": [
                        (
                            "p",
                            "The hall is suitable for parties and meetings, and outside there is a barbecue shelter and a children's playground.",
                        ),
                        (
                            "p",
                            "The village association keeps the hall's booking calendar. Bookings are made by e-mail at least a week before the event.",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "name": "Vuolenkoski",
        "genitive": "Vuolenkosken",
        "image": ("summer", "lake"),
        "fi": {
            "intro": "Vuolenkoski on kosken ympärille syntynyt kylä Iitissä.",
            "body": [
                (
                    "p",
                    "Koski on kylän sydän, ja sen varrella kalastetaan ja retkeillään ympäri vuoden.",
                ),
                (
                    "p",
                    "Kylässä toimivat kyläyhdistys, metsästysseura ja nuorisoseura, jotka järjestävät yhdessä kyläjuhlat ja talkoot.",
                ),
            ],
        },
        "sv": {
            "intro": "Vuolenkoski är en by i Itis som har vuxit fram kring en fors.",
            "body": [
                ("p", "Forsen är byns hjärta, och längs den fiskar och vandrar man året runt."),
                (
                    "p",
                    "I byn verkar en byaförening, en jaktförening och en ungdomsförening, som tillsammans ordnar byfester och talkon.",
                ),
            ],
        },
        "en": {
            "intro": "Vuolenkoski is a village in Iitti that grew up around its rapids.",
            "body": [
                (
                    "p",
                    "The rapids are the heart of the village, and people fish and walk along them all year round.",
                ),
                (
                    "p",
                    "The village association, the hunting club and the youth association organise village festivals and volunteer work days together.",
                ),
            ],
        },
        "news": [
            {
                "about": "kutupaikat",
                "topics": ["luonto", "yhdistykset"],
                "image": ("summer", "lake"),
                "fi": {
                    "title": "Kosken kutupaikkoja kunnostetaan talkoilla",
                    "lead": "Vuolenkosken kalojen kutupaikkoja kunnostetaan elokuussa. Talkoisiin tarvitaan väkeä levittämään soraa ja siirtämään kiviä.",
                    "body": [
                        (
                            "p",
                            "Kunnostuksessa koskeen levitetään kutusoraa ja kivistä rakennetaan suojapaikkoja kalanpoikasille. Työtä ohjaavat kalatalouden asiantuntijat, ja luvat on hoidettu yhdessä osakaskunnan kanssa.",
                        ),
                        (
                            "p",
                            "Ota mukaan kahluuhousut tai saappaat. Talkoolaisille tarjotaan lounas, ja päivän päätteeksi saunotaan.",
                        ),
                        (
                            "quote",
                            "Kun koski voi hyvin, koko kylä voi hyvin.",
                            "osakaskunnan puheenjohtaja",
                        ),
                    ],
                },
                "sv": {
                    "title": "Lekplatserna i forsen restaureras på talko",
                    "lead": "Fiskarnas lekplatser i Vuolenkoski restaureras i augusti. Talkofolk behövs för att sprida grus och flytta stenar.",
                    "body": [
                        (
                            "p",
                            "Vid restaureringen sprids lekgrus i forsen och stenar läggs ut som skydd för fiskynglen. Arbetet leds av experter på fiskerihushållning, och tillstånden har ordnats tillsammans med delägarlaget.",
                        ),
                        (
                            "p",
                            "Ta med vadarbyxor eller stövlar. Talkofolket bjuds på lunch, och dagen avslutas med bastu.",
                        ),
                        (
                            "quote",
                            "När forsen mår bra mår hela byn bra.",
                            "delägarlagets ordförande",
                        ),
                    ],
                },
                "en": {
                    "title": "Volunteers to restore spawning grounds in the rapids",
                    "lead": "The fish spawning grounds in the Vuolenkoski rapids will be restored in August. Volunteers are needed to spread gravel and move stones.",
                    "body": [
                        (
                            "p",
                            "Spawning gravel is spread in the rapids and stones are placed to shelter young fish. The work is guided by fisheries experts, and the permits have been arranged with the local fishing rights owners.",
                        ),
                        (
                            "p",
                            "Bring waders or rubber boots. Volunteers are offered lunch, and the day ends with a sauna.",
                        ),
                        (
                            "quote",
                            "When the rapids are well, the whole village is well.",
                            "chair of the fishing rights owners' association",
                        ),
                    ],
                },
            },
            {
                "about": "kylajuhla",
                "topics": ["kulttuuri", "lapset-ja-nuoret"],
                "image": ("summer", "village"),
                "fi": {
                    "title": "Kyläjuhla koulun pihalla elokuussa",
                    "lead": "Vuolenkosken perinteinen kyläjuhla pidetään elokuun toisena lauantaina koulun pihalla. Luvassa on musiikkia, kilpailuja ja kahvila.",
                    "body": [
                        (
                            "p",
                            "Juhla alkaa kello 12 kyläyhdistyksen puheenjohtajan tervehdyksellä. Lapsille on onkimista, kasvomaalausta ja perinteinen saappaanheittokilpailu. Illalla tanssitaan lavalla paikallisen yhtyeen tahdissa.",
                        ),
                        (
                            "p",
                            "Arpajaisvoittoja voi tuoda kyläyhdistyksen hallituksen jäsenille. Tuotto käytetään kylän lasten ja nuorten toimintaan.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byfest på skolgården i augusti",
                    "lead": "Den traditionella byfesten i Vuolenkoski hålls den andra lördagen i augusti på skolgården. Det blir musik, tävlingar och kafé.",
                    "body": [
                        (
                            "p",
                            "Festen börjar klockan 12 med en hälsning från byaföreningens ordförande. För barnen finns metning, ansiktsmålning och den traditionella tävlingen i stövelkastning. På kvällen dansar vi på dansbanan till ett lokalt band.",
                        ),
                        (
                            "p",
                            "Vinster till lotteriet tas emot av medlemmarna i byaföreningens styrelse. Intäkterna går till verksamhet för byns barn och unga.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village fête in the school yard in August",
                    "lead": "The traditional Vuolenkoski village fête is held in the school yard on the second Saturday of August, with music, competitions and a café.",
                    "body": [
                        (
                            "p",
                            "The fête opens at noon with a welcome from the chair of the village association. For children there is fishing, face painting and the traditional welly-throwing contest. In the evening there is dancing on the open-air stage to a local band.",
                        ),
                        (
                            "p",
                            "Raffle prizes can be handed to members of the village association's board. The proceeds go to activities for the village's children and young people.",
                        ),
                    ],
                },
            },
            {
                "about": "latukone",
                "topics": ["liikunta"],
                "image": ("winter", "field"),
                "fi": {
                    "title": "Kylälle hankittiin oma latukone",
                    "lead": "Vuolenkosken kyläyhdistys on hankkinut moottorikelkan perään vedettävän latukoneen. Kylän ladut saadaan nyt ajettua heti lumisateen jälkeen.",
                    "body": [
                        (
                            "p",
                            "Latukone hankittiin kyläyhdistyksen säästöillä ja yksityisten lahjoituksilla. Latuja ajavat vapaaehtoiset, joilla on kokemusta moottorikelkan käytöstä.",
                        ),
                        (
                            "p",
                            "Latu kulkee koululta kosken vartta pitkin ja takaisin, yhteensä noin kahdeksan kilometriä. Reitille on saatu maanomistajien luvat.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byn har skaffat en egen spårmaskin",
                    "lead": "Vuolenkoski byaförening har skaffat en spårmaskin som dras efter en snöskoter. Nu kan byns skidspår köras genast efter ett snöfall.",
                    "body": [
                        (
                            "p",
                            "Spårmaskinen köptes med byaföreningens besparingar och privata donationer. Spåren körs av frivilliga som har erfarenhet av att köra snöskoter.",
                        ),
                        (
                            "p",
                            "Spåret går från skolan längs forsen och tillbaka, sammanlagt cirka åtta kilometer. Markägarna har gett tillstånd till rutten.",
                        ),
                    ],
                },
                "en": {
                    "title": "The village gets its own trail groomer",
                    "lead": "The Vuolenkoski village association has bought a trail groomer that is towed behind a snowmobile. The village's ski trails can now be groomed straight after a snowfall.",
                    "body": [
                        (
                            "p",
                            "The groomer was bought with the village association's savings and private donations. The trails are groomed by volunteers who are experienced snowmobile drivers.",
                        ),
                        (
                            "p",
                            "The trail runs from the school along the rapids and back, about eight kilometres in all. The landowners have given their permission for the route.",
                        ),
                    ],
                },
            },
        ],
        "pages": [
            {
                "fi": {
                    "title": "Kyläyhdistys",
                    "intro": "Vuolenkosken kyläyhdistys on kaikkien kyläläisten yhdistys.",
                    "body": [
                        (
                            "p",
                            "Yhdistys järjestää kyläjuhlan, talkoot ja yhteiset retket sekä pitää kylän ilmoitustaulut ajan tasalla.",
                        ),
                        (
                            "p",
                            "Hallitus kokoontuu kerran kuussa. Kokouksiin voi tuoda asioita käsiteltäväksi ottamalla yhteyttä puheenjohtajaan.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byaföreningen",
                    "intro": "Vuolenkoski byaförening är alla bybors förening.",
                    "body": [
                        (
                            "p",
                            "Föreningen ordnar byfesten, talkon och gemensamma utflykter och håller byns anslagstavlor uppdaterade.",
                        ),
                        (
                            "p",
                            "Styrelsen sammanträder en gång i månaden. Du kan föra fram ärenden till mötena genom att kontakta ordföranden.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village association",
                    "intro": "The Vuolenkoski village association belongs to everyone in the village.",
                    "body": [
                        (
                            "p",
                            "The association organises the village fête, volunteer work days and outings, and keeps the village notice boards up to date.",
                        ),
                        (
                            "p",
                            "The board meets once a month. To bring a matter to a meeting, contact the chair.",
                        ),
                    ],
                },
            },
            {
                "fi": {
                    "title": "Kylän historiaa",
                    "intro": "Vuolenkosken vaiheista kootaan näyttelyä kylätalolle.",
                    "body": [
                        (
                            "p",
                            "Näyttelyyn kerätään valokuvia, esineitä ja tarinoita kylän ihmisistä, töistä ja juhlista.",
                        ),
                        (
                            "p",
                            "Jos kotonasi on kylän historiaan liittyviä aarteita, ota yhteyttä kyläyhdistykseen. Esineet ja kuvat palautetaan omistajilleen näyttelyn jälkeen.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byns historia",
                    "intro": "En utställning om Vuolenkoski förr i tiden sammanställs i byagården.",
                    "body": [
                        (
                            "p",
                            "Till utställningen samlas fotografier, föremål och berättelser om byns människor, arbeten och fester.",
                        ),
                        (
                            "p",
                            "Om du har skatter från byns historia hemma, kontakta byaföreningen. Föremålen och bilderna lämnas tillbaka till ägarna efter utställningen.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village history",
                    "intro": "An exhibition on the past of Vuolenkoski is being put together at the village hall.",
                    "body": [
                        (
                            "p",
                            "Photographs, objects and stories of the village's people, work and celebrations are being collected for the exhibition.",
                        ),
                        (
                            "p",
                            "If you have treasures from the village's past at home, please contact the village association. Objects and pictures will be returned to their owners after the exhibition.",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "name": "Sitikkala",
        "genitive": "Sitikkalan",
        "image": ("autumn", "field"),
        "fi": {
            "intro": "Sitikkala on viljavien peltojen keskellä sijaitseva kylä Iitissä.",
            "body": [
                (
                    "p",
                    "Sitikkalassa on pitkä maanviljelyn perinne, ja kylän tiloilla kasvatetaan viljaa, perunaa ja marjoja.",
                ),
                ("p", "Kylätalolla kokoontuvat kyläyhdistys, marttayhdistys ja lasten kerho."),
            ],
        },
        "sv": {
            "intro": "Sitikkala är en by i Itis mitt bland bördiga åkrar.",
            "body": [
                (
                    "p",
                    "Sitikkala har en lång jordbrukstradition, och på byns gårdar odlas spannmål, potatis och bär.",
                ),
                ("p", "I byagården samlas byaföreningen, marthaföreningen och barnklubben."),
            ],
        },
        "en": {
            "intro": "Sitikkala is a village in Iitti set among fertile fields.",
            "body": [
                (
                    "p",
                    "Sitikkala has a long farming tradition, and the village's farms grow grain, potatoes and berries.",
                ),
                (
                    "p",
                    "The village association, the Martha association and the children's club meet at the village hall.",
                ),
            ],
        },
        "news": [
            {
                "about": "syyskokous",
                "topics": ["yhdistykset"],
                "image": ("autumn", "village"),
                "fi": {
                    "title": "Sitikkalan kyläyhdistyksen syyskokous",
                    "lead": "Sitikkalan kyläyhdistys kokoontuu syyskokoukseen kylätalolle lauantaina kello 14. Kokouksessa valitaan yhdistykselle uusi puheenjohtaja.",
                    "body": [
                        (
                            "p",
                            "Pitkäaikainen puheenjohtaja ei asetu enää ehdolle, ja hallitus toivoo ehdokkaiden tulevan rohkeasti esiin. Kokouksessa vahvistetaan myös ensi vuoden toimintasuunnitelma ja jäsenmaksu.",
                        ),
                        (
                            "p",
                            "Ennen kokousta kello 13 voi tutustua kylätalon uuteen keittiöön, joka remontoitiin kesän aikana talkoilla. Kokouksen jälkeen on kahvitarjoilu.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Höstmöte i Sitikkala byaförening",
                    "lead": "Sitikkala byaförening samlas till höstmöte i byagården på lördag klockan 14. Vid mötet väljs en ny ordförande för föreningen.",
                    "body": [
                        (
                            "p",
                            "Föreningens mångåriga ordförande ställer inte upp igen, och styrelsen hoppas att kandidater modigt träder fram. Mötet fastställer också nästa års verksamhetsplan och medlemsavgift.",
                        ),
                        (
                            "p",
                            "Före mötet, klockan 13, kan man bekanta sig med byagårdens nya kök, som renoverades på talko under sommaren. Efter mötet serveras kaffe.",
                        ),
                    ],
                },
                "en": {
                    "title": "Sitikkala village association's autumn meeting",
                    "lead": "The Sitikkala village association holds its autumn meeting at the village hall on Saturday at 14:00. The meeting will elect a new chair.",
                    "body": [
                        (
                            "p",
                            "The long-serving chair is stepping down, and the board hopes candidates will come forward. The meeting will also approve next year's plan of activities and membership fee.",
                        ),
                        (
                            "p",
                            "Before the meeting, at 13:00, you can see the village hall's new kitchen, renovated by volunteers over the summer. Coffee is served after the meeting.",
                        ),
                    ],
                },
            },
            {
                "days_ago": 11,
                "topics": ["hyvinvointi"],
                "image": ("winter", "village"),
                "fi": {
                    "title": "Hyvinvointi-ilta ikäihmisille kylätalolla",
                    "lead": "Iitin kunnan hyvinvointikoordinaattori ja seurakunnan diakoniatyöntekijä kertovat kylätalolla ikäihmisten palveluista ja arjen tuesta.",
                    "body": [
                        (
                            "p",
                            "Illan aikana kuullaan, miten kotiin saa apua, mitä harrastuksia kunnassa on tarjolla ja miten kuljetuspalvelua haetaan. Halukkaiden verenpaine mitataan.",
                        ),
                        (
                            "p",
                            "Tilaisuus on maksuton ja kaikille avoin. Jos tarvitset kyydin kylätalolle, ilmoita siitä kyläyhdistykselle edellisenä päivänä.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Välmåendekväll för äldre i byagården",
                    "lead": "Itis kommuns välfärdskoordinator och församlingens diakoniarbetare berättar i byagården om service för äldre och stöd i vardagen.",
                    "body": [
                        (
                            "p",
                            "Under kvällen får du höra hur man får hjälp hem, vilka fritidsaktiviteter kommunen erbjuder och hur man ansöker om färdtjänst. Den som vill kan få sitt blodtryck mätt.",
                        ),
                        (
                            "p",
                            "Tillställningen är avgiftsfri och öppen för alla. Om du behöver skjuts till byagården, meddela byaföreningen dagen innan.",
                        ),
                    ],
                },
                "en": {
                    "title": "Wellbeing evening for older people at the village hall",
                    "lead": "Iitti's wellbeing coordinator and a parish deacon talk about services for older people and support in everyday life at the village hall.",
                    "body": [
                        (
                            "p",
                            "You will hear how to get help at home, what leisure activities the municipality offers and how to apply for the transport service. Anyone who wishes can have their blood pressure measured.",
                        ),
                        (
                            "p",
                            "The evening is free and open to all. If you need a lift to the village hall, let the village association know the day before.",
                        ),
                    ],
                },
            },
            {
                "about": "koulukyydit",
                "topics": ["liikenne", "lapset-ja-nuoret"],
                "image": ("autumn", "field"),
                "fi": {
                    "title": "Koulukyydit muuttuvat syyslukukaudella",
                    "lead": "Sitikkalan koululaisten aamukyyti lähtee syyslukukaudella kymmenen minuuttia aiemmin. Muutos johtuu uudesta reittijärjestelystä.",
                    "body": [
                        (
                            "p",
                            "Koulutaksi lähtee kylätalon pysäkiltä kello 7.35. Iltapäivän kyydit pysyvät ennallaan.",
                        ),
                        (
                            "p",
                            "Kuljetusten aikataulut ja yhteystiedot löytyvät kunnan verkkosivuilta. Kysymykset voi osoittaa kunnan koulukuljetuksista vastaavalle.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Skolskjutsarna ändras under höstterminen",
                    "lead": "Morgonskjutsen för skolbarnen i Sitikkala går tio minuter tidigare under höstterminen. Ändringen beror på en ny ruttplanering.",
                    "body": [
                        (
                            "p",
                            "Skoltaxin avgår från hållplatsen vid byagården klockan 7.35. Eftermiddagsskjutsarna förblir oförändrade.",
                        ),
                        (
                            "p",
                            "Tidtabeller och kontaktuppgifter för skjutsarna finns på kommunens webbplats. Frågor kan ställas till den som ansvarar för kommunens skolskjutsar.",
                        ),
                    ],
                },
                "en": {
                    "title": "School transport changes in the autumn term",
                    "lead": "In the autumn term the morning school run for Sitikkala's pupils leaves ten minutes earlier. The change is due to new route planning.",
                    "body": [
                        (
                            "p",
                            "The school taxi leaves from the village hall stop at 7:35. Afternoon transport stays as it is.",
                        ),
                        (
                            "p",
                            "Timetables and contact details for school transport are on the municipality's website. Questions can be sent to the municipal officer in charge of school transport.",
                        ),
                    ],
                },
            },
        ],
        "pages": [
            {
                "fi": {
                    "title": "Kylätalo",
                    "intro": "Sitikkalan kylätalo on kunnostettu vanha koulurakennus.",
                    "body": [
                        (
                            "p",
                            "Talossa on sali, uusittu keittiö ja pieni kirjasto, josta kyläläiset saavat lainata kirjoja luottamuksella.",
                        ),
                        (
                            "p",
                            "Kylätaloa vuokrataan juhliin ja kokouksiin. Hinnoista ja vapaista ajoista kertoo kyläyhdistyksen sihteeri.",
                        ),
                    ],
                },
                "sv": {
                    "title": "Byagården",
                    "intro": "Byagården i Sitikkala är en renoverad gammal skolbyggnad.",
                    "body": [
                        (
                            "p",
                            "I huset finns en sal, ett förnyat kök och ett litet bibliotek, där byborna får låna böcker på förtroende.",
                        ),
                        (
                            "p",
                            "Byagården hyrs ut för fester och möten. Byaföreningens sekreterare berättar om priser och lediga tider.",
                        ),
                    ],
                },
                "en": {
                    "title": "Village hall",
                    "intro": "The Sitikkala village hall is a restored old school building.",
                    "body": [
                        (
                            "p",
                            "It has a hall, a renovated kitchen and a small library, from which villagers may borrow books on trust.",
                        ),
                        (
                            "p",
                            "The village hall can be hired for parties and meetings. The village association's secretary can tell you about prices and free dates.",
                        ),
                    ],
                },
            },
        ],
    },
]

# What the news, the events (events/demo.py) and the directory (directory/demo.py) say about each
# village, kept in one place so that they agree. Postal codes and their post office names are
# Posti's (its postal code file of 26 May 2026, as mirrored at github.com/theikkila/postinumerot):
# Länkipohja lies in 35400 Längelmäki, Kuorevesi church village in 35630 Kuorevesi, Vuolenkoski in
# 19160 Huutotöyry, and Radansuu, beside Iitti's church village, in 47520 Iitti.
# A happening is an annual date, (month, weekday 0-6 from Monday, nth weekday of the month or -1
# for the last, days its news appears before it): news with "about" and the event of the same key
# are dated by it (home/demo/facts.py), so a summer event falls in summer whatever day it is now.
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
VILLAGE_FACTS = {
    "Länkipohja": {
        "postal_code": "35400",
        "post_office": "Längelmäki",
        "hall": {"street_address": "Seuratie 2", "seats": 80},
        "school": {"street_address": "Koulutie 1"},
        "library": {"kind": "bus", "stop": "Kylätalon piha", "hours": [(WED, "14.30", "15.15")]},
        "happenings": {
            "syyskokous": (11, TUE, -1, 12),
            "laituritalkoot": (6, SAT, 1, 24),
        },
    },
    "Kuorevesi": {
        "postal_code": "35630",
        "post_office": "Kuorevesi",
        "hall": {"street_address": "Kirkkoniementie 5", "seats": 100},
        "school": {"street_address": "Koulumäentie 2"},
        "library": {"kind": "bus", "stop": "Koulun piha", "hours": [(THU, "16.00", "16.45")]},
        "happenings": {
            "latutalkoot": (10, SAT, 2, 5),
            "kesateatteri": (7, SAT, 1, 18),
            "kerho": (8, THU, 4, 10),
        },
    },
    "Halli": {
        "postal_code": "35600",
        "post_office": "Halli",
        "hall": {"street_address": "Hallintie 14", "seats": 60},
        "school": {"street_address": "Lentäjäntie 3"},
        "library": {"kind": "bus", "stop": "Kylätalon piha", "hours": [(TUE, "12.00", "12.45")]},
        "happenings": {
            "kutsuliikenne": (3, MON, 1, 2),
            "tuolijumppa": (1, TUE, 2, 12),
            "kevatsiivous": (5, SAT, 2, 14),
            "lentokentta": (8, SAT, 3, 21),
        },
    },
    "Koskenpää": {
        "postal_code": "42440",
        "post_office": "Koskenpää",
        "hall": {"street_address": "Koskenpääntie 745", "seats": 150},
        "school": {"street_address": "Koulutie 4"},
        "library": {
            "kind": "bus",
            "stop": "Koskenpään kirkon parkkipaikka",
            "hours": [(FRI, "13.00", "13.45")],
        },
        "happenings": {
            "pilkki": (2, SUN, -1, 7),
            "kesaleiri": (6, MON, 2, 55),
            "kylajuhlat": (7, FRI, 3, 30),
            "peijaiset": (12, SAT, 2, 14),
        },
    },
    "Kausala": {
        "postal_code": "47400",
        "post_office": "Kausala",
        "hall": {"street_address": "Kauppatie 12", "seats": 200},
        "school": {"street_address": "Koulukatu 5"},
        "library": {
            "kind": "library",
            "street_address": "Keskuskatu 11",
            "hours": [
                (MON, "10.00", "19.00"),
                (TUE, "10.00", "19.00"),
                (WED, "10.00", "19.00"),
                (THU, "10.00", "19.00"),
                (FRI, "10.00", "16.00"),
                (SAT, "10.00", "14.00"),
            ],
        },
        "happenings": {
            "kesatori": (6, SAT, 1, 4),
            "satutunnit": (9, WED, 1, 14),
            "kaukalot": (12, MON, 1, 33),
            "joulunavaus": (11, SAT, -1, 10),
            "puistotalkoot": (5, SAT, 3, 12),
        },
    },
    "Radansuu": {
        "postal_code": "47520",
        "post_office": "Iitti",
        "hall": {"street_address": "Radansuuntie 210", "seats": 70},
        "school": {"street_address": "Radansuuntie 180"},
        "library": {"kind": "bus", "stop": "Kylätalon piha", "hours": [(MON, "17.10", "17.40")]},
        "happenings": {
            "kirjastoauto": (9, MON, 1, 16),
            "pyoraretki": (6, SUN, 2, 45),
        },
    },
    "Vuolenkoski": {
        "postal_code": "19160",
        "post_office": "Huutotöyry",
        "hall": {"street_address": "Vuolenkoskentie 1040", "seats": 120},
        "school": {"street_address": "Vuolenkoskentie 1100"},
        "library": {"kind": "bus", "stop": "Kyläkaupan piha", "hours": [(TUE, "17.00", "17.45")]},
        "happenings": {
            "kutupaikat": (8, SAT, 1, 9),
            "kylajuhla": (8, SAT, 2, 20),
            "latukone": (1, MON, 2, 3),
            "hiihtoretki": (2, SUN, 1, 10),
        },
    },
    "Sitikkala": {
        "postal_code": "47400",
        "post_office": "Kausala",
        "hall": {"street_address": "Sitikkalantie 95", "seats": 90},
        "school": {"street_address": "Sitikkalantie 101"},
        "library": {"kind": "bus", "stop": "Kylätalon piha", "hours": [(THU, "13.15", "13.45")]},
        "happenings": {
            "syyskokous": (11, SAT, 3, 1),
            "koulukyydit": (8, MON, 1, 28),
            "sadonkorjuu": (9, SAT, 3, 14),
            "talvirieha": (2, SUN, 3, 10),
        },
    },
}


REGIONS = [
    {
        "hostname": "localhost",
        "default_site": True,
        "contact_email": "toimitus@himoksenseutu.example",
        "controller": "Himoksen seudun kylät ry",
        "staff": {
            "username": "aluetoimitus-himos",
            "first_name": "Himoksen seudun",
            "last_name": "aluetoimittaja",
        },
        "image": ("winter", "field"),
        "fi": {
            "title": "Himoksen seutu",
            "intro": "Himoksen ympäristön kylien yhteinen tori: uutiset, tapahtumat ja palvelut Länkipohjasta Koskenpäähän.",
            "body": [
                (
                    "p",
                    "Himoksen seutu kokoaa yhteen Jämsän kylien kyläyhdistysten, seurojen ja asukkaiden tiedotteet. Jokainen kylä päivittää omat sivunsa itse, ja kaikki uutiset näkyvät myös seudun yhteisellä uutissivulla.",
                ),
                ("p", VOLUNTEERS["fi"]),
            ],
        },
        "sv": {
            "title": "Himosområdet",
            "intro": "Ett gemensamt torg för byarna kring Himos: nyheter, evenemang och tjänster från Länkipohja till Koskenpää.",
            "body": [
                (
                    "p",
                    "Himosområdet samlar meddelanden från byaföreningar, klubbar och invånare i byarna i Jämsä. Varje by uppdaterar sina egna sidor, och alla nyheter syns också på områdets gemensamma nyhetssida.",
                ),
                ("p", VOLUNTEERS["sv"]),
            ],
        },
        "en": {
            "title": "Himos area",
            "intro": "A shared square for the villages around Himos: news, events and services from Länkipohja to Koskenpää.",
            "body": [
                (
                    "p",
                    "The Himos area site gathers news from the village associations, clubs and residents of the villages of Jämsä. Each village keeps its own pages up to date, and all news also appear on the area's shared news page.",
                ),
                ("p", VOLUNTEERS["en"]),
            ],
        },
        "villages": HIMOS_VILLAGES,
    },
    {
        "hostname": "iitti.localhost",
        "default_site": False,
        "contact_email": "toimitus@iitinkylat.example",
        "controller": "Iitin kylät ry",
        "staff": {
            "username": "aluetoimitus-iitti",
            "first_name": "Iitin kylien",
            "last_name": "aluetoimittaja",
        },
        "image": ("summer", "field"),
        "fi": {
            "title": "Iitin kylät",
            "intro": "Iitin kylien yhteinen tori: uutiset, tapahtumat ja palvelut Kausalasta Sitikkalaan.",
            "body": [
                (
                    "p",
                    "Iitin kylät -sivusto kokoaa yhteen iittiläisten kyläyhdistysten, seurojen ja asukkaiden tiedotteet. Jokainen kylä päivittää omat sivunsa itse, ja kaikki uutiset näkyvät myös yhteisellä uutissivulla.",
                ),
                ("p", VOLUNTEERS["fi"]),
            ],
        },
        "sv": {
            "title": "Byarna i Itis",
            "intro": "Ett gemensamt torg för byarna i Itis: nyheter, evenemang och tjänster från Kausala till Sitikkala.",
            "body": [
                (
                    "p",
                    "Webbplatsen Byarna i Itis samlar meddelanden från byaföreningar, klubbar och invånare i Itis. Varje by uppdaterar sina egna sidor, och alla nyheter syns också på den gemensamma nyhetssidan.",
                ),
                ("p", VOLUNTEERS["sv"]),
            ],
        },
        "en": {
            "title": "Villages of Iitti",
            "intro": "A shared square for the villages of Iitti: news, events and services from Kausala to Sitikkala.",
            "body": [
                (
                    "p",
                    "The Villages of Iitti site gathers news from the village associations, clubs and residents of Iitti. Each village keeps its own pages up to date, and all news also appear on the shared news page.",
                ),
                ("p", VOLUNTEERS["en"]),
            ],
        },
        "villages": IITTI_VILLAGES,
    },
]
