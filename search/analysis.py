"""Text analysis for search: the same in Python at indexing and at query time (docs/design.md).

Finnish inflects and compounds (kyläyhdistyksen = kylä + yhdistys, in the genitive), so a word is
indexed under its base forms and, for a compound, the base forms of its parts, as the Finnish
morphology of Voikko (pyvoikko) gives them. Words Voikko does not know, mostly names of places and
people (Länkipohja, Himos), fall back to a Snowball stem, as do Swedish and English words. Every
word is also indexed under its Snowball stem, so a query word that Voikko knows still meets a
document word that it does not, and the other way round.

A query word keeps its whole base form and is not split: "kirjasto" finds "kirjastoauto" (whose
parts are indexed), but "kylätalo" does not find every text that mentions a "kylä" and a "talo".
Because no database text search is involved, SQLite and PostgreSQL give the same results.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from home.text import CONTROL_RE, FORMAT_MARKS, INVISIBLE

# A word: letters and digits (Unicode), so "Länkipohja", "2026" and "K-kauppa" (as two words).
WORD_RE = re.compile(r"[^\W_]+")
# Longer tokens are not words a person types: a URL fragment, a hash, a pasted run of text.
MAX_WORD_LENGTH = 40
# A term column holds at most this many characters.
MAX_TERM_LENGTH = 64

SNOWBALL_LANGUAGES = {"fi": "finnish", "sv": "swedish", "en": "english"}

# Words too common to tell texts apart; left out of the index and of queries (unless a query has
# nothing else). Short lists on purpose: a word missing here only costs a little ranking quality.
STOP_WORDS = {
    "fi": set(
        "ja tai on ei se ne he me te hän olla oli ovat ole kun jos että mutta myös sekä kuin "
        "niin nyt vain jo vielä joka jotka mikä mitä tämä tää nämä tuo siitä sen sitä "
        "hänen heidän meidän teidän minä sinä mukaan kanssa".split()
    ),
    "sv": set(
        "och eller är att det den de en ett i på av för med till som om men också så "
        "har hade var vara inte jag du han hon vi ni dem sig sin sitt sina från vid".split()
    ),
    "en": set(
        "a an and or the is are was were be been of in on at to for with by from as "
        "it its this that these those but not no so if than then there their they we you".split()
    ),
}


# Swedish writes compounds as one word too (byaföreningens = by + a + förening + s), and no
# Swedish morphology package installs with pip alone. A word ending in one of these common heads
# of village-life compounds is also indexed under the head, and under the part before it:
# "förening" finds "byaförening", "bibliotek" finds "biblioteksbussen".
SWEDISH_COMPOUND_HEADS = (
    "förening bibliotek buss dag fest gård hall klubb kurs kväll kör lag marknad möte plats "
    "resa skola spår strand teater tävling torg trafik"
).split()
# The part before the head must be at least this long to count as a word of its own.
MIN_COMPOUND_PREFIX = 3


# Control characters (home.text) separate words; invisible characters and format marks (soft
# hyphen, joiners, direction marks) are dropped: "kylä\u00adtalo" is "kylätalo".
INVISIBLE_RE = re.compile(f"[{INVISIBLE}{FORMAT_MARKS}]")


def normalise(text):
    """NFC, case-folded, without control and invisible characters."""
    text = CONTROL_RE.sub(" ", unicodedata.normalize("NFC", text))
    return INVISIBLE_RE.sub("", text).casefold()


def words(text):
    """The words of `text`, normalised, in order (duplicates kept)."""
    return [word for word in WORD_RE.findall(normalise(text)) if len(word) <= MAX_WORD_LENGTH]


@lru_cache(maxsize=8)
def _stemmer(language):
    return snowballstemmer.stemmer(SNOWBALL_LANGUAGES.get(language, "english"))


@lru_cache(maxsize=1)
def _voikko():
    """pyvoikko's analyser, loaded on first use (about a second); None if not installed."""
    try:
        import pyvoikko
    except ImportError:  # pragma: no cover - the requirements install it
        return None
    return pyvoikko.analyse


def voikko_available():
    return _voikko() is not None


# Swedish Snowball leaves the definite ending -n after a vowel or l (skolan, taxin, cirkeln),
# so that the article is taken off first. Both sides of a match get the same treatment, so a
# word that merely ends that way (a rare mismatch) only merges with a neighbour.
SWEDISH_DEFINITE_N = "aeiouyåäöl"


def stem(word, language):
    if language == "sv" and len(word) >= 5 and word[-1] == "n" and word[-2] in SWEDISH_DEFINITE_N:
        word = word[:-1]
    return _stemmer(language).stemWord(word)


@lru_cache(maxsize=200_000)
def finnish_forms(word):
    """(base forms, compound part base forms) of a Finnish word; empty when Voikko does not know it.

    A word can be read several ways (kuusi: six, spruce; kuusi → kuu + -si: your moon): all
    readings are kept, as a reader could mean any of them.
    """
    analyse = _voikko()
    if analyse is None or word.isdigit():
        return frozenset(), frozenset()
    bases, parts = set(), set()
    for analysis in analyse(word):
        if analysis.BASEFORM:
            bases.add(analysis.BASEFORM.casefold())
        compound = analysis.COMPOUND_PARTS or []
        if len(compound) > 1:
            parts.update(part.BASEFORM.casefold() for part in compound if part.BASEFORM)
            parts.update(compound_runs(compound))
    return frozenset(bases), frozenset(parts - bases)


def compound_runs(compound):
    """The compounds inside a compound of three or more parts, as words of their own.

    Voikko splits lentopallovuoro into lento + pallo + vuoro; "lentopallo" is a word a reader
    searches for too. A run ending in the last part takes that part's base form (the ending of
    the whole word); earlier parts are kept as written.
    """
    last = len(compound) - 1
    runs = set()
    for start in range(len(compound)):
        for end in range(start + 1, len(compound)):
            if end - start + 1 == len(compound):
                continue  # the whole word: its base form is indexed already
            written = "".join(part.FORM for part in compound[start:end])
            tail = compound[end].BASEFORM if end == last else compound[end].FORM
            runs.add((written + tail).casefold())
    return runs


@lru_cache(maxsize=200_000)
def index_terms(word, language):
    """The terms a document word is indexed under (`word` already normalised)."""
    terms = {stem(word, language)}
    if language == "fi":
        bases, parts = finnish_forms(word)
        terms |= bases | parts
    elif language == "sv":
        terms |= swedish_heads(word)
    return frozenset(term[:MAX_TERM_LENGTH] for term in terms if term)


def swedish_heads(word):
    """The stems of the compound heads `word` ends in (byaföreningens → förening), and of the
    part before such a head (biblioteksbussen → bibliotek), so a compound is found by its first
    word as well as by its last."""
    word_stem = stem(word, "sv")
    terms = set()
    for head in SWEDISH_COMPOUND_HEADS:
        head_stem = stem(head, "sv")
        if (
            len(word) >= len(head) + MIN_COMPOUND_PREFIX
            and word_stem.endswith(head_stem)
            and word_stem != head_stem
        ):
            terms.add(head_stem)
            modifier = word_stem[: -len(head_stem)]
            # The linking -s of Swedish compounds (bibliotek-s-buss, förening-s-möte).
            if modifier.endswith("s") and len(modifier) > MIN_COMPOUND_PREFIX + 1:
                modifier = modifier[:-1]
            if len(modifier) >= MIN_COMPOUND_PREFIX:
                terms.add(stem(modifier, "sv"))
    return terms


@lru_cache(maxsize=50_000)
def query_terms(word, language):
    """The terms a query word matches: its base forms (not its compound parts) and its stem."""
    terms = {stem(word, language)}
    if language == "fi":
        terms |= finnish_forms(word)[0]
    return frozenset(term[:MAX_TERM_LENGTH] for term in terms if term)


def is_stop_word(word, language):
    return word in STOP_WORDS.get(language, ())
