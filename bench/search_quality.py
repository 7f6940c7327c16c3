"""Search-quality report: recall@1, recall@3 and MRR over the shared cases and aiterms' own cases.

Usage: python bench/search_quality.py [CASES.toml ...]   (default: ../shared/search-cases.toml if present,
and tests/data/search-cases.toml)
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the repo, for tests.quality

from ai_terms.index.store import open_index
from tests.quality import evaluate, load_cases, load_negatives, negative_misses, summary

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULTS = [
    os.path.join(HERE, "..", "..", "shared", "search-cases.toml"),
    os.path.join(HERE, "..", "tests", "data", "search-cases.toml"),
]


def main(argv: list[str]) -> int:
    files = argv or [p for p in DEFAULTS if os.path.exists(p)]
    failed = 0
    index = open_index()
    for path in files:
        outcomes = evaluate(index, load_cases(path))
        stats = summary(outcomes)
        print(f"{os.path.normpath(path)}")
        for o in outcomes:
            if not o.passed:
                failed += 1
                print(
                    f"  MISS {o.case.query!r}: expected {list(o.case.expect)} in top {o.case.top}, "
                    f"rank {o.rank}; got {list(o.got[:5])}"
                )
        print(
            f"  cases {stats['cases']:.0f}  passed {stats['passed']:.0f}  recall@1 {stats['recall@1']:.3f}  "
            f"recall@3 {stats['recall@3']:.3f}  MRR {stats['mrr']:.3f}"
        )
        negatives = load_negatives(path)
        if negatives:
            misses = negative_misses(index, negatives)
            failed += len(misses)
            for query, names in misses.items():
                print(f"  MISS negative {query!r}: got {names}")
            right = len(negatives) - len(misses)
            print(f"  negative cases {len(negatives)}  found nothing {right}  accuracy {right / len(negatives):.3f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
