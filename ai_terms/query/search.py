"""Ranking: names first (exact, then prefix, then fuzzy), then full text in both languages.

Full text is SQLite FTS5's BM25 with per-field weights, over tokens made here: English words are
lower-cased and lightly stemmed, with adjacent words also indexed as phrases ("text to image" finds
"text-to-image"); Chinese runs become character bigrams, which match words without a segmenter.
Every hit carries a Match that says which field matched and shows where.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ai_terms.index.tokens import (
    _CJK,
    _TOKEN,
    COLUMN_FIELDS,
    FIELD_WEIGHTS,
    FIELDS,
    STOPWORDS,
    field_text,
    stem,
    tokenize,
)
from ai_terms.model import Brief, Hit, Match, Term
from ai_terms.normalize import name_key
from ai_terms.options import DEFAULT_LIMIT

if TYPE_CHECKING:
    from ai_terms.index.store import Index

# Score bands (documented in docs/json.md). An entry's score is its best band plus a tenth of its text
# score, so exact names (~100) and prefixes (70-80) always lead; a close typo (fuzzy, 20-60) beats a weak
# text match, a distant one does not.
EXACT = 100.0
PREFIX = 70.0
FUZZY = 20.0  # a fuzzy name scores FUZZY at the cutoff similarity, FUZZY + 40 when identical
TEXT = 35.0
FUZZY_CUTOFF = 60.0
FUZZY_CUTOFF_WORDS = 75.0  # for queries of several words
SUPERSEDED = 0.85  # a topic search should show the current tool before the one it replaced
# A query that names a concept exactly ("object detection") is a topic: the kinds and variants of that concept
# (YOLO, DETR, Faster R-CNN) answer it better than entries that merely mention it (a dataset, a metric).
KIND_BONUS = 12.0
CONCRETE = frozenset({"model", "architecture", "technique", "framework", "library"})  # not sub-concepts or data
# A full-text hit must cover the query: more than half of its words (or, for Chinese, of its character
# bigrams). Below that, an entry merely shares a common word with the query and is not about it.
MIN_COVERAGE = 0.5
PHRASE_BOOST = 2.0  # adjacent query words found adjacent in the text are stronger evidence than either word
# A query that names a kind of thing the corpus files as a category ("deep learning framework", "object
# detection dataset", 翻译评估指标) asks for members of that category: they come before entries that merely
# mention the words, ordered by how connected each is in the corpus (relations, either end: the tools and
# datasets the rest of the corpus builds on), current before superseded. Words that most of the category
# share ("deep", "learning" among frameworks) say nothing about which member is meant; other words must be
# covered by a member's text.
TOPICAL = frozenset({"framework", "library", "dataset", "benchmark", "metric", "format"})
TOPIC = TEXT + 5.0
PROMINENCE = 4.0  # per unit of log(1 + relations)
IMPLIED = 0.3  # a word found in this share of a category's entries is implied by naming the category
IMPLIED_BONUS = 6.0  # for a member whose text has the implied words too


def closest(text: str, choices: Sequence[str], limit: int = 5, cutoff: float = FUZZY_CUTOFF) -> list[int]:
    """Indexes of the `choices` (already name keys) closest to `text`, best first."""
    from rapidfuzz import fuzz, process

    key = name_key(text)
    if not key or not choices:
        return []
    found = process.extract(key, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
    return [index for _, _, index in found]


SUGGEST_CUTOFF = 60.0  # below this similarity a "did you mean" is more noise than help


def suggest(index: Index, text: str, limit: int = 5, *, searched: bool = False) -> list[str]:
    """ "Did you mean" names for an unknown `text`, each as "Name (中文名)": names it begins, then what a
    search for the same words finds (skipped when the caller has just searched and found nothing), then the
    closest names by edit distance."""
    key = name_key(text)
    prefixed = [tid for _, tid, _, _ in index.keys_with_prefix(key)] if len(key) >= 2 else []
    found = [hit.brief.id for hit in search(index, text, limit=limit)] if key and not searched else []
    names = index.names()
    picks = closest(text, [n[0] for n in names], limit=limit * 4, cutoff=SUGGEST_CUTOFF)
    ids = list(dict.fromkeys([*prefixed, *found, *(names[i][1] for i in picks)]))[:limit]
    return [_label(b) for b in index.briefs(ids)]


def _label(brief: Brief) -> str:
    if brief.zh_name and name_key(brief.zh_name) != name_key(brief.name):
        return f"{brief.name} ({brief.zh_name})"
    return brief.name


def _name_tier(
    index: Index, key: str, *, fuzzy: bool = True, cutoff: float = FUZZY_CUTOFF
) -> dict[str, tuple[float, Match]]:
    found: dict[str, tuple[float, Match]] = {}

    def offer(tid: str, score: float, match: Match) -> None:
        if tid not in found or score > found[tid][0]:
            found[tid] = (score, match)

    by_key = dict(index.ids_for_key(key))
    texts = {(n_id, n_key): (field, text) for n_key, n_id, field, text in index.keys_with_prefix(key)}
    for tid, field in by_key.items():
        _, text = texts.get((tid, key), (field, key))
        bonus = 2.0 if field in ("id", "name") else 1.0
        offer(tid, EXACT + bonus, Match(field, "exact", text, ((0, len(text)),)))
    if len(key) >= 2:
        for (tid, n_key), (field, text) in texts.items():
            if n_key != key:
                offer(tid, PREFIX + 10.0 * len(key) / len(n_key), Match(field, "prefix", text))
    if fuzzy and len(key) >= 3 and not by_key:
        from rapidfuzz import fuzz, process

        names = index.names()
        keys = [n[0] for n in names]
        for _, score, i in process.extract(key, keys, scorer=fuzz.ratio, limit=20, score_cutoff=cutoff):
            n_key, tid, field, text = names[i]
            closeness = (score - FUZZY_CUTOFF) / (100.0 - FUZZY_CUTOFF)  # the band is the same at any cutoff
            offer(tid, FUZZY + 40.0 * closeness, Match(field, "fuzzy", text))
    return found


def _fts_query(tokens: Sequence[str]) -> str:
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def _rids(index: Index, token: str, having: dict[str, set[int]]) -> set[int]:
    """Every entry that has `token`, asked of FTS5 once per search (`having` keeps the answers)."""
    if token not in having:
        having[token] = index.fulltext_rids(_fts_query([token]))
    return having[token]


def _text_tier(index: Index, query: str, keep: int, having: dict[str, set[int]]) -> tuple[dict[str, float], bool]:
    """Full-text scores of the best `keep` entries, by id: field-weighted BM25 (by FTS5), scaled by how
    many of the query's words each entry contains, so that an entry matching all words beats one that
    repeats a single word; and whether some entry has every word of a query of several words."""
    tokens = list(dict.fromkeys(tokenize(query)))
    if not tokens:
        return {}, False
    weights = [FIELD_WEIGHTS[f] for f in FIELDS]
    ranked = index.fulltext(_fts_query(tokens), weights, keep)
    if not ranked:
        return {}, False
    singles = [t for t in tokens if "+" not in t]
    rids = [rid for rid, _ in ranked]
    # Every entry that has each token: once per token, reused for coverage, rarity and phrases.
    for token in tokens:
        _rids(index, token, having)
    matched = dict.fromkeys(rids, 0.0)
    covered = dict.fromkeys(rids, 0.0)
    # How much of the query each entry covers: its words weighted by how rare they are in the corpus, so that
    # "mobile devices" is about MobileNet (the rare word) and "dumpling recipe" about nothing here.
    n = index.count()
    weight = {t: _idf(n, len(having[t])) for t in singles}
    total = sum(weight.values()) or 1.0
    # A compound ("self-supervised") is one word: its parts count only where the compound itself is found,
    # so "supervised learning" does not cover "self-supervised learning".
    parts_of = _compounds(query)
    for token in singles:
        for rid in having[token].intersection(rids):
            if any(token in parts and rid not in having.get(pair, ()) for pair, parts in parts_of.items()):
                continue
            matched[rid] += 1
            covered[rid] += weight[token] / total
    words = dict(matched)  # how many of the query's words each entry has, before phrases add evidence
    for token in (t for t in tokens if "+" in t):  # adjacent query words found adjacent: more evidence
        for rid in having[token].intersection(rids):
            matched[rid] += PHRASE_BOOST - 1
    top = max(score for _, score in ranked)
    ids = index.ids_for_rids(rids)
    out = {}
    for rid, score in ranked:
        tid, superseded = ids[rid]
        if len(singles) > 1 and covered[rid] <= MIN_COVERAGE:
            continue  # it shares a common word or two with the query, and is not about it
        coverage = min(1.0, matched[rid] / max(1, len(singles)))
        factor = SUPERSEDED if superseded else 1.0
        out[tid] = TEXT * factor * (score / top) * (0.4 + 0.6 * coverage * coverage)
    whole = len(singles) > 1 and any(n >= len(singles) for n in words.values())
    return out, whole


def _topic_tier(index: Index, query: str, having: dict[str, set[int]]) -> dict[str, float]:
    """Scores of the members of the category a query names, if it names one (TOPICAL)."""
    import math

    folded = unicodedata.normalize("NFKC", query).casefold()
    words = _TOKEN.findall(folded)
    for cat in index.categories():
        if cat.id not in TOPICAL:
            continue
        forms = {stem(f) for f in _forms(cat.en.casefold())}
        named = [w for w in words if stem(w) in forms]
        zh = cat.zh if len(cat.zh) > 1 and cat.zh in folded else None
        if not named and not zh:
            continue
        rest_text = " ".join(w for w in words if w not in named)
        rest = list(dict.fromkeys(tokenize(rest_text.replace(zh, " ") if zh else rest_text, pairs=False)))
        members = index.category_rids(cat.id)
        implied = [t for t in rest if len(_rids(index, t, having) & members) >= IMPLIED * len(members)]
        rest = [t for t in rest if t not in implied]
        n = index.count()
        if rest:  # what the query says besides the category: members must be about it
            weight = {t: _idf(n, len(having[t])) for t in rest}
            members = {rid for rid in members if _share(weight, rid, having) > MIN_COVERAGE}
        ids = index.ids_for_rids(sorted(members))
        degrees = index.degrees([tid for tid, _ in ids.values()])
        weight = {t: _idf(n, len(having[t])) for t in implied}
        return {
            tid: TOPIC
            + PROMINENCE * math.log1p(degrees[tid]) * (0.5 if superseded else 1.0)
            + IMPLIED_BONUS * _share(weight, rid, having)  # a member that says them is surer
            for rid, (tid, superseded) in ids.items()
        }
    return {}


def _share(weight: dict[str, float], rid: int, having: dict[str, set[int]]) -> float:
    """How much of the weighted tokens an entry has (0 to 1); tokens are weighted by their rarity."""
    total = sum(weight.values())
    return sum(w for t, w in weight.items() if rid in having[t]) / total if total else 0.0


def _forms(word: str) -> set[str]:
    """A category's English name as people write it in a query: singular and plural."""
    forms = {word, word + "s"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    return forms


def _compounds(query: str) -> dict[str, tuple[str, ...]]:
    """The hyphenated compounds of a query as their pair token and the tokens of their parts."""
    found: dict[str, tuple[str, ...]] = {}
    for compound in re.findall(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+", query):
        parts = tuple(tokenize(compound.replace("-", " "), pairs=False))
        if len(parts) == 2:
            found[parts[0] + "+" + parts[1]] = parts
    return found


def _idf(n: int, df: int) -> float:
    """How rare a token found in `df` of `n` entries is (BM25's inverse document frequency)."""
    import math

    return math.log((n - df + 0.5) / (df + 0.5) + 1.0)


def search(
    index: Index,
    query: str,
    *,
    limit: int = DEFAULT_LIMIT,
    category: str | None = None,
    tag: str | None = None,
) -> list[Hit]:
    """Entries matching `query`, best first, each with the reason it matched."""
    key = name_key(query)
    if not key:
        return []
    keep = limit * 5 + 50 if category is None and tag is None else 5000  # filters may discard most hits
    having: dict[str, set[int]] = {}  # token -> the entries that have it, shared by the tiers
    text_scores, whole = _text_tier(index, query, keep, having)
    # Real words that some entry has all of are not a typo of a name: no fuzzy names then.
    several = len(tokenize(query, pairs=False)) > 1  # a typo of a long name is close; two words rarely are
    named = _name_tier(index, key, fuzzy=not whole, cutoff=FUZZY_CUTOFF_WORDS if several else FUZZY_CUTOFF)
    exact = [tid for tid, (_, match) in named.items() if match.kind == "exact"]
    if len(exact) == 1:
        kinds = index.kinds_of(exact[0])
        for brief in index.briefs(kinds):
            if brief.category in CONCRETE:
                text_scores[brief.id] = text_scores.get(brief.id, 0.0) + KIND_BONUS
    topical = _topic_tier(index, query, having)
    ranked: list[tuple[float, str]] = []
    for tid in set(named) | set(text_scores) | set(topical):
        text = text_scores.get(tid, 0.0)
        base = named[tid][0] if tid in named else 0.0
        if topical.get(tid, 0.0) > max(base, text):  # a member of the category asked for: by prominence
            ranked.append((topical[tid] + 0.01 * text, tid))
        else:
            ranked.append((max(base, text) + 0.1 * text, tid))
    ranked.sort(key=lambda pair: (-pair[0], pair[1]))
    wanted = [tid for _, tid in ranked]
    if category is None and tag is None:
        wanted = wanted[:limit]
    briefs = {b.id: b for b in index.briefs(wanted)}
    picked = [
        (score, briefs[tid])
        for score, tid in ranked
        if tid in briefs
        and (category is None or briefs[tid].category == category)
        and (tag is None or tag in briefs[tid].tags)
    ][:limit]
    needing_text = [b.id for _, b in picked if b.id not in named]
    full = {t.id: t for t in index.terms(needing_text)}
    hits = []
    for score, brief in picked:
        match = named[brief.id][1] if brief.id in named else explain(full[brief.id], query)
        hits.append(Hit(brief=brief, score=round(score, 2), match=match))
    return hits


def _needles(query: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", query).casefold()
    needles: set[str] = set()
    for match in _TOKEN.finditer(folded):
        run = match.group()
        if _CJK.match(run):
            needles.add(run)
            needles.update(run[i : i + 2] for i in range(len(run) - 1))
        elif run not in STOPWORDS and len(run) >= 2:
            needles.add(run)
            if len(stem(run)) >= 3:
                needles.add(stem(run))
    return sorted(needles, key=len, reverse=True)


def explain(term: Term, query: str, width: int = 100) -> Match:
    """A Match for a full-text hit: the field that matches best (by field weight and words matched), and a
    window of its text around the first matching word."""
    lang = "zh" if _CJK.search(query) else "en"
    texts = {column: _column_text(term, column, lang) for column in FIELDS}
    needles = _needles(query)
    if not needles:
        return Match("summary", "text", texts["summary"])
    pattern = re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)
    best: tuple[float, str, re.Match[str]] | None = None
    for name, text in texts.items():
        found = {m.group().casefold() for m in pattern.finditer(text)}
        if found:
            score = FIELD_WEIGHTS[name] * len(found)
            if best is None or score > best[0]:
                first = pattern.search(text)
                assert first is not None
                best = (score, name, first)
    if best is None:
        return Match("summary", "text", texts["summary"])
    _, name, first = best
    if name == "name":  # the one name that matched, whole: names are short, and cut ones read badly
        for piece in texts[name].split(_JOINERS["name"]):
            if pattern.search(piece):
                return Match(name, "text", piece, tuple((m.start(), m.end()) for m in pattern.finditer(piece)))
    return _window(name, texts[name], pattern, first.start(), width)


_JOINERS = {"name": " / ", "tags": ", ", "key_points": " · ", "more": " · "}


def _column_text(term: Term, column: str, lang: str) -> str:
    """A full-text column of a term as one readable line in `lang`, to show where a query matched."""
    pieces = [p for f in COLUMN_FIELDS[column] for p in field_text(term, f, lang)]
    joined = _JOINERS.get(column, " ").join(pieces)
    return " ".join(joined.split()) if column == "body" else joined


def _window(field: str, text: str, pattern: re.Pattern[str], at: int, width: int) -> Match:
    start = max(0, at - width // 3)
    if start > 0:
        space = text.rfind(" ", start - 10, at)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    snippet = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix)
    spans = tuple((m.start() + shift, m.end() + shift) for m in pattern.finditer(snippet))
    return Match(field, "text", prefix + snippet + suffix, spans)
