"""The bundled corpus, precompiled: its categories, its entries as read, and their search tokens.

A first run (or one after the user's overlays change) would otherwise parse, check and tokenize the whole
bundled corpus before it could serve anything. The snapshot ships beside `terms.toml`, made by
`scripts/make_snapshot.py`, and is used only when its key matches: a digest of the corpus file's bytes and
of the code that reads and tokenizes it. A stale or missing snapshot is never wrong, only slower: the loader
then parses the corpus as before. tests/test_snapshot.py fails when the shipped one is not current.

The file is JSON, one entry per line so that a corpus edit changes few lines of it:
    {"key": ..., "categories": [[id, en, zh], ...], "terms": [
    [term JSON (relations not yet resolved), {relation type: [target ids]}, [search column texts]],
    ...]}
"""

from __future__ import annotations

import json
import os
from typing import Any, NamedTuple

from ai_terms.model import Category, Term

NAME = "terms.snapshot.json"


class Entry(NamedTuple):
    term: Term
    relations: dict[str, tuple[str, ...]]
    documents: list[str]


class Snapshot(NamedTuple):
    categories: list[Category]
    entries: list[Entry]


def key(raw: bytes) -> str | None:
    """The snapshot key of a corpus file's bytes: a digest of them, the index format and the makers' code
    (None when the code cannot be read, as from a zipped install: then no snapshot is trusted). A change to
    any of that code (index.cache.READERS) makes the shipped snapshot stale."""
    import hashlib

    from ai_terms.index.cache import FORMAT, READERS
    from ai_terms.sources.paths import PACKAGE_DIR

    digest = hashlib.sha256(raw)
    digest.update(f"\0{FORMAT}\0".encode())
    for name in READERS:
        try:
            with open(os.path.join(PACKAGE_DIR, name), "rb") as fh:
                digest.update(fh.read())
        except OSError:
            return None
    return digest.hexdigest()


def path() -> str:
    """Where the snapshot is: beside the bundled corpus (in the package, or data/ in a source checkout)."""
    from ai_terms.sources.paths import bundled_path

    return os.path.join(os.path.dirname(bundled_path()), NAME)


def read(raw: bytes) -> Snapshot | None:
    """The snapshot of the corpus whose bytes are `raw`, or None when there is none or it is not current."""
    try:
        with open(path(), "rb") as fh:
            first = fh.readline()  # '{"key":"...",': the key is read before the rest is parsed
            head = json.loads(first.rstrip()[:-1] + b"}")
            if head.get("key") != key(raw):
                return None
            data = json.loads(first + fh.read())
    except (OSError, ValueError, AttributeError):
        return None
    try:
        categories = [Category(cid, en, zh) for cid, en, zh in data["categories"]]
        entries = [
            Entry(Term.from_json(term), {t: tuple(ids) for t, ids in relations.items()}, documents)
            for term, relations, documents in data["terms"]
        ]
    except (KeyError, TypeError, ValueError):
        return None
    return Snapshot(categories, entries)


def dumps(raw: bytes, categories: list[Category], entries: list[Entry]) -> str:
    """The snapshot file's text for a corpus read from `raw`."""

    def line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    lines = [line({"key": key(raw)})[:-1] + ","]
    lines.append('"categories":' + line([[c.id, c.en, c.zh] for c in categories]) + ",")
    lines.append('"terms":[')
    rows = [line([e.term.to_json(), {t: list(ids) for t, ids in e.relations.items()}, e.documents]) for e in entries]
    lines.append(",\n".join(rows))
    lines.append("]}")
    return "\n".join(lines) + "\n"
