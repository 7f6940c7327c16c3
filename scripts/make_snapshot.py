"""Regenerate the bundled corpus's snapshot (data/terms.snapshot.json, see ai_terms/corpus/snapshot.py):
its entries as read and checked, and their search tokens, so that a first run need not parse and tokenize
the bundled corpus. Run it after every change to data/terms.toml or to the code that reads or tokenizes it;
tests/test_snapshot.py fails until then (a stale snapshot is only ignored, never wrong).

Usage: python scripts/make_snapshot.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ai_terms.corpus import snapshot  # noqa: E402
from ai_terms.corpus.check import Report  # noqa: E402
from ai_terms.corpus.load import Reading  # noqa: E402
from ai_terms.corpus.toml import parse  # noqa: E402
from ai_terms.index.tokens import documents  # noqa: E402

CORPUS = REPO / "data" / "terms.toml"
OUT = REPO / "data" / snapshot.NAME


def text() -> str:
    """The snapshot of data/terms.toml as this checkout's code reads and tokenizes it."""
    raw = CORPUS.read_bytes()
    reading = Reading(Report(stop=True))  # stops at the first error: only a valid corpus is snapshotted
    reading.add_file(parse(raw, str(CORPUS), "data/terms.toml"), "bundled")
    reading.check_categories()
    reading.check_relations()
    if reading.report.issues:
        raise SystemExit("make_snapshot: the corpus has findings; run aiterms validate --strict first")
    drafts = list(reading.drafts.values())
    tokens = documents([d.term for d in drafts])
    entries = [snapshot.Entry(d.term, d.relations, t) for d, t in zip(drafts, tokens, strict=True)]
    return snapshot.dumps(raw, list(reading.categories.values()), entries)


def main() -> None:
    OUT.write_text(text(), encoding="utf-8")
    print("wrote", OUT.relative_to(REPO), f"({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
