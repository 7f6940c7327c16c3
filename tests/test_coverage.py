"""The concepts developers look up today (tests/data/coverage.toml): every name people type for one reaches
its entry with `show` and ranks it first in `search`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import tomli

from ai_terms.index.store import Index
from ai_terms.query.resolve import resolve_id
from ai_terms.query.search import search

from .conftest import REPO, fresh_index

COVERAGE = tomli.loads((REPO / "tests" / "data" / "coverage.toml").read_text(encoding="utf-8"))["concept"]
CASES = [(c["id"], name) for c in COVERAGE for name in c["names"]]


@pytest.fixture
def index() -> Iterator[Index]:
    yield fresh_index()


def test_coverage_lists_every_group_with_enough_concepts() -> None:
    groups: dict[str, int] = {}
    for concept in COVERAGE:
        groups[concept["group"]] = groups.get(concept["group"], 0) + 1
    assert groups.get("llm-stack", 0) >= 110
    assert groups.get("foundations", 0) >= 100
    assert groups.get("applications", 0) >= 120
    assert len({c["id"] for c in COVERAGE}) == len(COVERAGE), "a concept is listed twice"


def test_each_concept_lists_the_names_of_both_languages(index: Index) -> None:
    terms = {t.id: t for t in index.terms(c["id"] for c in COVERAGE)}
    for concept in COVERAGE:
        term, names = terms[concept["id"]], concept["names"]
        assert any(n.isascii() for n in names), concept["id"]
        if term.zh_name and term.zh_name != term.name:  # a Chinese name exists: people type it
            assert any(not n.isascii() for n in names), concept["id"]


@pytest.mark.parametrize(("tid", "name"), CASES, ids=[f"{t}:{n}" for t, n in CASES])
def test_name_reaches_the_entry_and_ranks_it_first(index: Index, tid: str, name: str) -> None:
    assert resolve_id(index, name) == tid
    hits = search(index, name, limit=3)
    assert hits and hits[0].brief.id == tid, [h.brief.id for h in hits]
