"""Search tokens: what the index stores for full text and what a query is cut into.

English words are lower-cased and lightly stemmed, with adjacent words also indexed as phrases ("text to
image" finds "text-to-image"); Chinese runs become character bigrams, which match words without a segmenter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise

from ai_terms.model import FIELDS as ALL_FIELDS
from ai_terms.model import SEARCH_WEIGHTS, Field, Term
from ai_terms.text import HAN

_TOKEN = re.compile(rf"[a-z0-9]+|[{HAN}]+")
# Punctuation that ends a phrase: words on either side are not paired ("text, images" is no "text image").
_WORDS_AND_BREAKS = re.compile(rf"[a-z0-9]+|[{HAN}]+|[,.;:!?()\[\]{{}}\"“”|/·]")
_CJK = re.compile(f"[{HAN}]")
STOPWORDS = frozenset(
    (
        "a an and are as at be by can for from has have in into is it its of on or that the their this to was "
        "were which with without what how when where who why than then them they these those via per such also "
        "most more other over under up use used using"
    ).split()
)
_SUFFIXES = (
    "ational", "ization", "ations", "ional", "ation", "ions", "ion",
    "ers", "ors", "ing", "ies", "ed", "er", "or", "es", "s", "e",
)  # fmt: skip

# The full-text columns and their weights, from the field table (model.FIELDS, model.SEARCH_WEIGHTS).
FIELD_WEIGHTS: dict[str, float] = SEARCH_WEIGHTS
FIELDS = tuple(SEARCH_WEIGHTS)
COLUMN_FIELDS: dict[str, tuple[Field, ...]] = {c: tuple(f for f in ALL_FIELDS if f.search == c) for c in FIELDS}


_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """A light suffix stripper: enough to meet "detector", "detection" and "detecting" at "detect"."""
    cached = _STEMS.get(word)
    if cached is None:
        cached = _STEMS[word] = _stem(word)
    return cached


def _stem(word: str) -> str:
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix in _SUFFIXES:
        # Inflections ("tune", "tuned", "tuning") may leave a short stem; derivations need a longer one.
        shortest = 3 if suffix in ("ing", "ed", "es", "s", "e") else 4
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            word = word[: -len(suffix)]
            if suffix in ("ing", "ed", "er", "ers") and word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]  # "mapping" -> "map", "planner" -> "plan"
            elif suffix in ("ing", "ed") and word.endswith("ll"):
                word = word[:-1]  # "modelling" -> "model"
            return word
    return word


def tokenize(text: str, *, pairs: bool = True) -> list[str]:
    """Search tokens of `text`: English stems (and word pairs), Chinese character bigrams."""
    folded = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    out: list[str] = []
    stems: list[str] = []  # the current stretch of English words, paired when it ends
    cache = _STEMS
    for run in _WORDS_AND_BREAKS.findall(folded):
        if run[0] < "\u3400" and (run[0].isalnum()):
            if run not in STOPWORDS:
                stems.append(cache.get(run) or stem(run))
            continue
        if stems:
            out += stems
            if pairs and len(stems) > 1:
                out += [a + "+" + b for a, b in pairwise(stems)]
            stems = []
        if run[0] >= "\u3400":
            out += [run[i : i + 2] for i in range(len(run) - 1)] if len(run) > 1 else [run]
    if stems:
        out += stems
        if pairs and len(stems) > 1:
            out += [a + "+" + b for a, b in pairwise(stems)]
    return out


def field_text(term: Term, field: Field, lang: str | None = None) -> list[str]:
    """The searchable text of one field, in one language (None: both), as a list of pieces."""
    value = getattr(term, field.key)
    if field.kind == "bitext":
        return [t for t in ((value.en, value.zh) if lang is None else (value.pick(lang),)) if t]
    if field.kind == "bilist":
        return [*value.en, *value.zh] if lang is None else list(value.pick(lang))
    if field.kind == "slugs":
        return [t.replace("-", " ") for t in value]
    if field.kind == "names":
        return list(value)
    return [value] if value else []


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _field_texts(term: Term) -> list[str]:
    """The text of each full-text column of a term, in FIELDS order. The names also carry the id and the
    words inside CamelCase names ("MobileNet" is found by "mobile")."""
    texts = []
    for column, fields in _COLUMNS:
        pieces = [term.id.replace("-", " ")] if column == "name" else []
        for field in fields:
            pieces += field_text(term, field)
        if column == "name":
            pieces += [_CAMEL.sub(" ", p) for p in pieces if not p.islower() and _CAMEL.search(p)]
        texts.append("\n".join(pieces))
    return texts


_COLUMNS = tuple((column, COLUMN_FIELDS[column]) for column in FIELDS)


def documents(terms: Sequence[Term]) -> list[list[str]]:
    """Each term's fields (in FIELDS order) as space-separated search tokens, for SQLite FTS5 to index.

    Word pairs only where text is short and dense (names to key points): in long bodies they would double
    the index for little gain, since a phrase worth finding is nearly always in the summary or key points.
    """
    paired = [field not in ("body", "more") for field in FIELDS]
    return [
        [" ".join(tokenize(text, pairs=p)) for text, p in zip(_field_texts(term), paired, strict=True)]
        for term in terms
    ]


PARALLEL_FROM = 2000  # below this many terms a second process costs more than it saves
PARENT_SHARE = 0.4  # of the text: the parent also writes every entry's JSON and names meanwhile


def _cut(terms: Sequence[Term], share: float) -> int:
    """Where to split `terms` so that the first part holds `share` of their text (entries differ tenfold)."""
    sizes = [len(t.summary.en or "") + len(t.body.en or "") + len(t.body.zh or "") + 200 for t in terms]
    goal = share * sum(sizes)
    running = 0
    for i, size in enumerate(sizes):
        running += size
        if running >= goal:
            return i + 1
    return len(terms)


class DocumentsJob:
    """`documents(terms)`, the second half tokenized in a forked child (parallel.py) for large corpora.

    Start it before other build work (JSON, name rows) so that the child runs alongside, then call `result`.
    """

    def __init__(self, terms: Sequence[Term]) -> None:
        from ai_terms.sources import parallel

        self.terms = terms
        self.half = len(terms)
        self.child: parallel.Forked[list[list[str]]] | None = None
        if len(terms) >= PARALLEL_FROM and parallel.available():
            cut = _cut(terms, PARENT_SHARE)
            try:
                self.child = parallel.Forked(documents, terms[cut:])
                self.half = cut
            except OSError:  # no fork today (process limits): do it all here
                self.child = None

    def result(self) -> list[list[str]]:
        first = documents(self.terms[: self.half])
        if self.child is None:
            return first
        second = self.child.result()
        return first + (second if second is not None else documents(self.terms[self.half :]))
