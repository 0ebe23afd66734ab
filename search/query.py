"""Answering a query from the index: matching, ranking and the excerpts of the results.

A document matches when it has, for every word of the query, one of the word's terms (its base
forms or its stem); when no document has them all, the ones with most of them are shown, and the
page says so. Ranking adds up the matched terms' weights times their rarity (idf) in the region.
Everything runs as a fixed handful of SQL queries, whatever the size of the index.
"""

import math
from dataclasses import dataclass

from django.db.models import Case, Count, F, FloatField, IntegerField, Max, Sum, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import analysis
from .models import SearchDocument, SearchTerm

# What of a query is read: people type a few words; the rest of a pasted page is not looked at.
MAX_QUERY_CHARACTERS = 200
MAX_QUERY_WORDS = 8
# Words shown in an excerpt, and how many of them before the first match.
EXCERPT_WORDS = 32
EXCERPT_LEAD = 8


@dataclass
class Query:
    words: list  # the normalised words searched for
    term_sets: list  # for each word, the terms that match it
    shortened: bool = False  # the query was longer than what is read
    only_common_words: bool = False  # every word was a stop word (ja, och, the)

    @property
    def terms(self):
        return frozenset().union(*self.term_sets)

    def __bool__(self):
        return bool(self.words)


def parse(text, language):
    """The query in `text`: its words, without stop words (which are not indexed)."""
    text = text or ""
    shortened = len(text) > MAX_QUERY_CHARACTERS
    found = list(dict.fromkeys(analysis.words(text[:MAX_QUERY_CHARACTERS])))
    meaningful = [word for word in found if not analysis.is_stop_word(word, language)]
    if found and not meaningful:
        return Query(words=[], term_sets=[], only_common_words=True)
    if len(meaningful) > MAX_QUERY_WORDS:
        meaningful, shortened = meaningful[:MAX_QUERY_WORDS], True
    return Query(
        words=meaningful,
        term_sets=[analysis.query_terms(word, language) for word in meaningful],
        shortened=shortened,
    )


@dataclass
class Scope:
    """Where to search: a language and a region, optionally one village and one kind."""

    language: str
    region_key: object
    village_key: object = None
    kind: str = ""

    def documents(self):
        documents = SearchDocument.objects.filter(
            language=self.language, region_key=self.region_key
        )
        if self.kind:
            documents = documents.filter(kind=self.kind)
        if self.village_key:
            documents = documents.filter(village_keys__contains=f" {self.village_key} ")
        return documents


@dataclass
class Matches:
    """The matching documents as rows of {"document", "score", "matched"}, best first.

    Counted once: the paginator asks `count()` and slices, and the count is the dearest query.
    """

    rows: object
    total: int = 0
    all_words: bool = True  # False: no document had every word; these have some of them

    def count(self):
        return self.total

    def __getitem__(self, index):
        return self.rows[index]


def match(query, scope):
    """The documents in `scope` that match `query`, best first."""
    postings = SearchTerm.objects.filter(
        term__in=query.terms, document__in=scope.documents().values("pk")
    ).order_by()
    if len(query.term_sets) == 1:
        # One word: every posting found is a match, and rarity does not change the order.
        rows = (
            postings.values("document").annotate(score=Sum("weight")).order_by("-score", "document")
        )
        return Matches(rows=rows, total=postings.values("document").distinct().count())
    score = Sum(idf_weighted(postings, scope), default=Value(0.0), output_field=FloatField())
    word_hits = {
        f"word{number}": Max(
            Case(When(term__in=terms, then=Value(1)), default=Value(0)),
            output_field=IntegerField(),
        )
        for number, terms in enumerate(query.term_sets)
    }
    matched = sum((F(name) for name in word_hits), Value(0))
    rows = postings.values("document").annotate(**word_hits, score=score).annotate(matched=matched)
    every_word = rows.filter(matched=len(query.term_sets)).order_by("-score", "document")
    total = every_word.count()
    if total:
        return Matches(rows=every_word, total=total)
    some_words = rows.order_by("-matched", "-score", "document")
    return Matches(rows=some_words, total=some_words.count(), all_words=False)


def idf_weighted(postings, scope):
    """Each term's weight times its rarity in `scope` (log(1 + documents / documents with it))."""
    frequencies = dict(
        postings.values("term").annotate(n=Count("document")).values_list("term", "n")
    )
    total = scope.documents().count()
    return Case(
        *[
            When(term=term, then=F("weight") * Value(math.log(1 + total / n)))
            for term, n in frequencies.items()
        ],
        default=Value(0.0),
        output_field=FloatField(),
    )


def highlight(text, terms, language, limit=None):
    """`text` as HTML with the words that match `terms` in <mark>; cut to an excerpt if `limit`.

    The excerpt starts a few words before the first match (or at the start) and runs `limit`
    words. Words are compared through the same analysis as the index, so "kirjasto" marks
    "kirjastoauton".
    """
    tokens = list(analysis.WORD_RE.finditer(text))
    # A word can only match if it contains the first letters of a term (inflection and
    # compounding change the ends of words): only those words are analysed, which keeps a long
    # text's excerpt cheap when its words are not yet in the analysis cache.
    prefixes = {term[:3] for term in terms}
    marked = set()
    for number, token in enumerate(tokens):
        word = analysis.normalise(token.group())
        if any(prefix in word for prefix in prefixes):
            if analysis.index_terms(word, language) & terms:
                marked.add(number)
    first, last = 0, len(tokens)
    if limit is not None and len(tokens) > limit:
        first = max(0, min(marked, default=0) - EXCERPT_LEAD)
        first = min(first, len(tokens) - limit)
        last = first + limit
    start = tokens[first].start() if first else 0
    end = tokens[last - 1].end() if last < len(tokens) else len(text)
    parts, position = [], start
    for number in range(first, last):
        token = tokens[number]
        if number in marked:
            parts.append(escape(text[position : token.start()]))
            parts.append(f"<mark>{escape(token.group())}</mark>")
            position = token.end()
    parts.append(escape(text[position:end]))
    html = "".join(parts).strip()
    if start > 0:
        html = "…" + html
    if end < len(text):
        html += "…"
    return mark_safe(" ".join(html.split()))
