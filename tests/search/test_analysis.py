"""The analysis meets inflected, compound and unknown words the way a reader would."""

import pytest

from search import analysis
from search.query import parse


def index_terms(text, language="fi"):
    return set().union(*(analysis.index_terms(w, language) for w in analysis.words(text)))


def finds(query, text, language="fi"):
    """Would a document containing `text` match every word of `query`?"""
    terms = index_terms(text, language)
    return all(term_set & terms for term_set in parse(query, language).term_sets)


def test_voikko_is_installed():
    # The rest of this file would pass on Snowball alone for some words, not for these.
    assert analysis.voikko_available()


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("yhdistykset", "Kyläyhdistyksen syyskokous"),  # plural query, genitive compound
        ("yhdistys", "Yhdistysten yhteinen ilta"),
        ("kylä", "Tapahtumia kylässä"),
        ("kylässä", "Kylän uutiset"),
        ("kirjasto", "Kirjastoauto pysähtyy"),  # compound part
        ("kirjastoauto", "Kirjastoauton pysäkkiajat muuttuvat"),
        ("kylätalolla", "Kylätalo on avoinna"),
        ("kylätalo", "Tervetuloa kylätalolle"),
        ("markkinat", "Joulumarkkinoilla on glögiä"),
        ("talkoot", "Talkoisiin tarvitaan väkeä"),
        ("lentopalloa", "Lentopallovuoro"),  # a compound inside a three-part compound
        ("kyläyhdistys", "Kyläyhdistyskokouksessa"),
        ("salivuoro", "Kuntosalivuorot"),
        ("Länkipohja", "Länkipohjassa tapahtuu"),  # a place name Voikko does not know
        ("Länkipohjan", "Länkipohja"),
        ("KYLÄYHDISTYS", "kyläyhdistys"),
    ],
)
def test_finnish_inflections_and_compounds_match(query, text):
    assert finds(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("kylätalo", "Kylän talo"),  # a compound query is not split into parts
        ("kirjastoauto", "Kirjasto on kiinni"),
        ("yhdistys", "Kylätalo"),
        ("uimaranta", "Ranta-alue"),
    ],
)
def test_finnish_words_do_not_match_unrelated_texts(query, text):
    assert not finds(query, text)


def test_compound_is_indexed_under_its_parts():
    assert {"kyläyhdistys", "kylä", "yhdistys"} <= analysis.index_terms("kyläyhdistyksen", "fi")
    assert analysis.query_terms("kyläyhdistyksen", "fi") & {"kyläyhdistys"}
    assert "kylä" not in analysis.query_terms("kyläyhdistyksen", "fi")


@pytest.mark.parametrize(
    ("query", "text", "language"),
    [
        ("förening", "Föreningens höstmöte", "sv"),
        ("förening", "Byaföreningens höstmöte", "sv"),  # a common compound head
        ("möte", "Byaföreningens höstmöte", "sv"),
        ("bibliotek", "Biblioteksbussen, hållplats Halli", "sv"),  # the compound's first word
        ("förening", "Föreningsmöte", "sv"),
        ("föreningen", "Föreningar i byn", "sv"),
        ("byagården", "Möte i byagård", "sv"),
        ("skolan", "Halli skola", "sv"),  # the definite ending Snowball leaves on
        ("taxin", "Taxi Halli", "sv"),
        ("läsecirkeln", "Läsecirkel", "sv"),
        ("market", "Markets and fairs", "en"),
        ("library", "The mobile library's stops", "en"),
        ("running", "Runs every week", "en"),
    ],
)
def test_swedish_and_english_inflections_match(query, text, language):
    assert finds(query, text, language)


def test_swedish_words_are_not_split_at_any_ending():
    assert not finds("dag", "Idag", "sv")  # too short a prefix to be a compound
    assert not finds("förening", "Byagården", "sv")


def test_stop_words_are_not_searched_for():
    query = parse("kylä ja järvi", "fi")
    assert query.words == ["kylä", "järvi"]
    only_common = parse("ja tai", "fi")
    assert not only_common and only_common.only_common_words


@pytest.mark.parametrize(
    "text",
    ["", "!!!", "\x00\x01\x1b", '"" * ( ) : ^ -- ;', "x" * 10_000, "🎉🎉"],
)
def test_text_without_words_gives_an_empty_query(text):
    assert not parse(text, "fi")


def test_long_query_is_shortened_to_what_is_read():
    query = parse(" ".join(f"sana{n}" for n in range(2_000)), "fi")
    assert query.shortened
    assert len(query.words) <= 8


def test_control_characters_separate_words_and_invisible_ones_are_dropped():
    assert analysis.words("kylä\x00talo\r\non\tauki") == ["kylä", "talo", "on", "auki"]
    assert analysis.words("kylä\u00adtalo\u200b\ufeff on") == ["kylätalo", "on"]
