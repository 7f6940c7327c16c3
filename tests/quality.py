"""Search-quality evaluation (recall@k, MRR) over TOML cases: a development tool used by tests and bench, not shipped."""

from __future__ import annotations

from dataclasses import dataclass

from ai_terms.index.store import Index
from ai_terms.normalize import name_key
from ai_terms.query.search import search


@dataclass(frozen=True, slots=True)
class Case:
    query: str
    expect: tuple[str, ...]
    top: int = 3


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    rank: int | None  # 1-based rank of the first expected term, None if not in the results
    got: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.rank is not None and self.rank <= self.case.top


def load_cases(path: str) -> list[Case]:
    import tomli

    with open(path, "rb") as fh:
        data = tomli.load(fh)
    return [Case(c["query"], tuple(c["expect"]), int(c.get("top", 3))) for c in data.get("case", [])]


def load_negatives(path: str) -> list[str]:
    """Queries about nothing in an AI glossary: search must return no result for them."""
    import tomli

    with open(path, "rb") as fh:
        data = tomli.load(fh)
    return [c["query"] for c in data.get("negative", [])]


def negative_misses(index: Index, queries: list[str]) -> dict[str, list[str]]:
    """The negative queries that returned something, with what they returned."""
    found = {q: [h.brief.name for h in search(index, q, limit=5)] for q in queries}
    return {q: names for q, names in found.items() if names}


def evaluate(index: Index, cases: list[Case], depth: int = 10) -> list[Outcome]:
    outcomes = []
    for case in cases:
        wanted = {name_key(e) for e in case.expect}
        hits = search(index, case.query, limit=depth)
        rank = None
        for i, hit in enumerate(hits, 1):
            (term,) = index.terms([hit.brief.id])
            names = {name_key(n) for n in (term.id, term.name, *term.aliases)}
            if names & wanted:
                rank = i
                break
        outcomes.append(Outcome(case, rank, tuple(h.brief.name for h in hits)))
    return outcomes


def summary(outcomes: list[Outcome]) -> dict[str, float]:
    n = max(1, len(outcomes))
    return {
        "cases": float(len(outcomes)),
        "passed": float(sum(o.passed for o in outcomes)),
        "recall@1": sum(o.rank == 1 for o in outcomes) / n,
        "recall@3": sum(o.rank is not None and o.rank <= 3 for o in outcomes) / n,
        "mrr": sum(1 / o.rank for o in outcomes if o.rank) / n,
    }
