"""The bundled corpus's snapshot: current, and an index built from it is the index built by parsing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from ai_terms.corpus import snapshot
from ai_terms.corpus.load import load
from ai_terms.index import store
from ai_terms.sources.paths import Source, bundled_bytes, bundled_path

from .conftest import invoke, load_script

REPO = Path(__file__).resolve().parent.parent


def _rows(loaded: object) -> dict[str, list[tuple[object, ...]]]:
    """Every row of an index built in memory, full-text tokens included (through fts5vocab)."""
    conn = sqlite3.connect(":memory:")
    store.write(conn, loaded, "stamp")
    conn.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(fulltext, 'instance')")
    tables = ("category", "term", "name", "edge", "meta", "vocab")
    rows = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    conn.close()
    return rows


def test_the_shipped_snapshot_is_current() -> None:
    shipped = Path(snapshot.path())
    assert shipped.is_file(), "run: python scripts/make_snapshot.py"
    assert snapshot.read(bundled_bytes()) is not None, "stale snapshot; run: python scripts/make_snapshot.py"
    assert shipped.read_text(encoding="utf-8") == load_script("make_snapshot").text(), (
        "run: python scripts/make_snapshot.py"
    )


def test_an_index_from_the_snapshot_equals_one_from_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = [Source(bundled_path(), "bundled")]
    from_snapshot = load(bundled)
    assert len(from_snapshot.documents) == len(from_snapshot.terms) > 500  # every entry came tokenized
    monkeypatch.setattr(snapshot, "read", lambda raw: None)
    parsed = load(bundled)
    assert parsed.documents == {}
    assert _rows(from_snapshot) == _rows(parsed)


def test_a_changed_corpus_does_not_use_the_snapshot() -> None:
    raw = bundled_bytes()
    assert snapshot.read(raw) is not None
    assert snapshot.read(raw.replace(b"Low-Rank", b"Low-rank", 1)) is None
    assert snapshot.key(raw) != snapshot.key(raw + b"\n")


def test_a_broken_snapshot_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for text in ("", "{", '{"key":"x",\n', "not json at all\n", '{"key":"' + "0" * 64 + '",\n"terms":[]}\n'):
        (tmp_path / snapshot.NAME).write_text(text, encoding="utf-8")
        monkeypatch.setattr(snapshot, "path", lambda: str(tmp_path / snapshot.NAME))
        assert snapshot.read(bundled_bytes()) is None
    good = Path(bundled_path()).with_name(snapshot.NAME).read_text(encoding="utf-8")
    head, _, rest = good.partition("\n")
    (tmp_path / snapshot.NAME).write_text(head + "\n" + rest.replace('"terms":[', '"terms":[[1,2]', 1))
    assert snapshot.read(bundled_bytes()) is None  # the key matches, the body does not read: not used


def test_an_overlay_replacing_a_bundled_entry_is_tokenized_afresh(overlay: Path) -> None:
    (overlay / "t.toml").write_text(
        '[term.lora]\nname = "LoRA"\ncategory = "technique"\nsummary.en = "Our zebrafish adapter notes."\n',
        encoding="utf-8",
    )
    found = json.loads(invoke("search", "zebrafish", "--json").stdout)
    assert [r["id"] for r in found["results"]] == ["lora"]
    assert json.loads(invoke("search", "attention", "--json").stdout)["results"]  # bundled tokens still there
