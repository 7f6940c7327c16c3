"""Search quality (shared and own cases) and its invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ai_terms.index.tokens import stem, tokenize
from ai_terms.normalize import name_key
from ai_terms.query.search import search
from tests.quality import evaluate, load_cases, load_negatives, negative_misses, summary

from .conftest import REPO, SHARED, fresh_index

SHARED_CASES = SHARED / "search-cases.toml"
OWN_CASES = REPO / "tests" / "data" / "search-cases.toml"


def _check(path: Path) -> None:
    outcomes = evaluate(fresh_index(), load_cases(str(path)))
    misses = [
        f"{o.case.query!r}: rank {o.rank} (top {o.case.top}), got {list(o.got[:5])}" for o in outcomes if not o.passed
    ]
    assert misses == []
    assert summary(outcomes)["cases"] == len(outcomes) > 0


@pytest.mark.skipif(not SHARED_CASES.exists(), reason="../shared/ is not beside this clone")
def test_shared_search_cases() -> None:
    _check(SHARED_CASES)


@pytest.mark.parametrize("path", [SHARED_CASES, OWN_CASES], ids=["shared", "own"])
def test_negative_cases_find_nothing(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    queries = load_negatives(str(path))
    assert queries
    assert negative_misses(fresh_index(), queries) == {}


def test_own_search_cases() -> None:
    _check(OWN_CASES)


def test_each_hit_says_why_it_matched() -> None:
    hits = search(fresh_index(), "fine-tune large models with few parameters")
    text_hits = [h for h in hits if h.match.kind == "text"]
    assert text_hits
    for hit in text_hits:
        assert hit.match.field in {"name", "tags", "org", "summary", "key_points", "body", "more"}
        for start, end in hit.match.spans:
            assert 0 <= start < end <= len(hit.match.snippet)


def test_chinese_query_matches_chinese_text() -> None:
    hits = search(fresh_index(), "目标检测")
    assert hits[0].brief.id == "object-detection"
    assert any(h.match.kind == "text" and "检测" in h.match.snippet for h in hits[1:])


def test_typos_find_names() -> None:
    index = fresh_index()
    for query, tid in [("lroa", "lora"), ("pytroch", "pytorch"), ("stabel diffusoin", "stable-diffusion")]:
        assert search(index, query)[0].brief.id == tid


def test_tokenizer_stems_and_pairs() -> None:
    assert stem("detector") == stem("detection") == stem("detecting") == "detect"
    assert f"{stem('text')}+{stem('image')}" in tokenize("text-to-image")
    assert tokenize("残差网络") == ["残差", "差网", "网络"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_search_never_raises(query: str) -> None:
    hits = search(fresh_index(), query, limit=5)
    assert len(hits) <= 5


def _all_names() -> list[tuple[str, str]]:
    index = fresh_index()
    return [(text, tid) for _, tid, _, text in index.names()]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_exact_name_or_alias_always_ranks_first(data: st.DataObject) -> None:
    names = _all_names()
    text, _ = data.draw(st.sampled_from(names))
    index = fresh_index()
    owners = {t for _, t, _, n in index.names() if name_key(n) == name_key(text)}
    top = search(index, text, limit=len(owners) + 1)
    assert top[0].brief.id in owners and top[0].match.kind == "exact"


def test_a_compound_is_not_matched_by_its_parts(overlay: Path) -> None:
    (overlay / "c.toml").write_text(
        '[term.plain-demo]\nname = "Plain demo"\ncategory = "concept"\n'
        'summary.en = "Supervised learning of labels, a plain demo."\n'
        '[term.compound-demo]\nname = "Compound demo"\ncategory = "concept"\n'
        'summary.en = "Self-supervised learning without labels, a compound demo."\n',
        encoding="utf-8",
    )
    ids = [h.brief.id for h in search(fresh_index(), "self-supervised learning", limit=50)]
    assert "compound-demo" in ids and "plain-demo" not in ids
    assert "plain-demo" in [h.brief.id for h in search(fresh_index(), "supervised learning", limit=50)]


@pytest.mark.parametrize("query", ["deep learning framework", "深度学习框架"])
def test_a_topic_query_puts_widely_used_members_first(query: str) -> None:
    ids = [h.brief.id for h in search(fresh_index(), query, limit=12)]
    current, older = ("pytorch", "tensorflow", "jax"), ("caffe2", "cntk", "mxnet")
    assert ids[0] == "pytorch" and set(current) <= set(ids)
    assert max(ids.index(t) for t in current) < min(ids.index(t) for t in older if t in ids)
    assert not {"tensor", "autograd", "computation-graph"} & set(ids[:10])  # concepts that mention frameworks


def test_a_topic_query_needs_members_about_the_rest_of_it(overlay: Path) -> None:
    (overlay / "t.toml").write_text(
        '[term.zebra-format]\nname = "Zebra format"\ncategory = "format"\n'
        'summary.en = "A file format for zebrafish genomes."\n'
        '[term.other-format]\nname = "Other format"\ncategory = "format"\nsummary.en = "A file format for tables."\n',
        encoding="utf-8",
    )
    ids = [h.brief.id for h in search(fresh_index(), "zebrafish format", limit=10)]
    assert ids[0] == "zebra-format" and "other-format" not in ids
