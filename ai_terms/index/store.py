"""The compiled index: every source parsed once into SQLite in the user cache dir, so no command parses TOML.

The cache file is named after the set of source paths and the package version, and records each source's
size and mtime; it is rebuilt when any of them changes or the file is corrupt, written aside and renamed
into place so that concurrent first runs never see half a file, and skipped (built in memory) when the
cache dir cannot be written.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from ai_terms.errors import CorpusError
from ai_terms.index.cache import cache_file, fingerprint, prune
from ai_terms.messages import Message, literal
from ai_terms.model import RELATION_TYPES, SEARCH_WEIGHTS, Bi, Brief, Category, Term
from ai_terms.normalize import name_key
from ai_terms.sources.paths import Source, sources

# Warnings for this run, printed by the CLI: dangling relations in an overlay (once, when the index is built)
# and user or overlay files that were left out (on every run, until they are fixed).
WARNINGS: list[Message] = []
# Notes for this run, printed by the CLI without "warning:" (a name taken as the entry it begins).
NOTES: list[Message] = []

_SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE category(id TEXT PRIMARY KEY, en TEXT NOT NULL, zh TEXT NOT NULL, pos INTEGER NOT NULL,
    terms INTEGER NOT NULL);
CREATE TABLE term(
    rid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, name TEXT NOT NULL, zh_name TEXT,
    category TEXT NOT NULL, year INTEGER, tags TEXT NOT NULL, summary_en TEXT, summary_zh TEXT,
    source TEXT NOT NULL, superseded INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE name(key TEXT NOT NULL, rid INTEGER NOT NULL, field TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY(key, rid)) WITHOUT ROWID;
CREATE VIRTUAL TABLE fulltext USING fts5(
    {columns},
    tokenize = "unicode61 remove_diacritics 0 tokenchars '+'", content = '');
CREATE TABLE edge(src TEXT NOT NULL, type TEXT NOT NULL, dst TEXT NOT NULL);
"""

COLUMNS = tuple(SEARCH_WEIGHTS)  # the full-text columns, in the order of the field table's weights

# Lower is better: a name that is an entry's id beats the same text used as another entry's alias.
NAME_FIELDS = ("id", "name", "full_name", "zh_name", "alias")


class Index:
    """Read access to a compiled index; each method reads only what it returns."""

    def __init__(self, conn: sqlite3.Connection, *, path: str | None) -> None:
        self.conn = conn
        self.path = path

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()

    def __del__(self) -> None:  # commands drop their index when done; close it rather than leave it to the GC
        self.conn.close()

    # -- names ---------------------------------------------------------------------------------
    def ids_for_key(self, key: str) -> list[tuple[str, str]]:
        """(id, field) of every entry that has `key` as a name key, best field first."""
        rows = self.conn.execute(
            "SELECT t.id, n.field FROM name n JOIN term t ON t.rid = n.rid WHERE n.key = ?", (key,)
        ).fetchall()
        return sorted(rows, key=lambda r: (NAME_FIELDS.index(r[1]), r[0]))

    def keys_with_prefix(self, prefix: str, limit: int = 50) -> list[tuple[str, str, str, str]]:
        """(key, id, field, text) of names starting with `prefix`."""
        return self.conn.execute(
            "SELECT n.key, t.id, n.field, n.text FROM name n JOIN term t ON t.rid = n.rid "
            "WHERE n.key >= ? AND n.key < ? ORDER BY length(n.key) LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        ).fetchall()

    def names(self) -> list[tuple[str, str, str, str]]:
        """(key, id, field, text) of every name, for fuzzy matching."""
        blob = self.meta("names")
        return [tuple(line.split("\t")) for line in blob.split("\n") if line]  # type: ignore[misc]

    # -- entries -------------------------------------------------------------------------------
    def terms(self, ids: Iterable[str]) -> list[Term]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        found: dict[str, Term] = {}
        for chunk in _chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            for tid, data in self.conn.execute(f"SELECT id, data FROM term WHERE id IN ({marks})", chunk):
                found[tid] = Term.from_json(json.loads(data))
        return [found[t] for t in wanted if t in found]

    def briefs(self, ids: Iterable[str] | None = None) -> list[Brief]:
        sql = "SELECT id, name, zh_name, category, year, tags, summary_en, summary_zh, source FROM term"
        if ids is None:
            rows = self.conn.execute(sql + " ORDER BY id").fetchall()
            return [_brief(r) for r in rows]
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Brief] = {}
        for chunk in _chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"{sql} WHERE id IN ({marks})", chunk):
                found[row[0]] = _brief(row)
        return [found[t] for t in wanted if t in found]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM term").fetchone()[0])

    def categories(self) -> list[Category]:
        rows = self.conn.execute("SELECT id, en, zh, terms FROM category ORDER BY pos").fetchall()
        return [Category(*r) for r in rows]

    def tags(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for (tags,) in self.conn.execute("SELECT tags FROM term"):
            for tag in json.loads(tags):
                counts[tag] = counts.get(tag, 0) + 1
        return counts

    def kinds_of(self, tid: str) -> list[str]:
        """Ids of the entries that are a kind or a variant of `tid` (is_a or variant_of it)."""
        rows = self.conn.execute(
            "SELECT src FROM edge WHERE dst = ? AND type IN ('is_a', 'variant_of') ORDER BY src", (tid,)
        ).fetchall()
        return [r[0] for r in rows]

    def category_rids(self, category: str) -> set[int]:
        return {r for (r,) in self.conn.execute("SELECT rid FROM term WHERE category = ?", (category,))}

    def degrees(self, ids: Sequence[str]) -> dict[str, int]:
        """How many relations each entry takes part in (either end): how connected it is in the corpus."""
        found = dict.fromkeys(ids, 0)
        for chunk in _chunks(list(ids), 400):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT src, dst FROM edge WHERE src IN ({marks}) OR dst IN ({marks})"
            for src, dst in self.conn.execute(sql, [*chunk, *chunk]):
                for end in (src, dst):
                    if end in found:
                        found[end] += 1
        return found

    def edges(self) -> list[tuple[str, str, str]]:
        return self.conn.execute("SELECT src, type, dst FROM edge ORDER BY src, type, dst").fetchall()

    # -- full text -----------------------------------------------------------------------------
    def fulltext(self, match: str, weights: Sequence[float], limit: int) -> list[tuple[int, float]]:
        """(rid, score) of the best `limit` entries for an FTS5 `match`; score is BM25 with field weights,
        higher is better."""
        marks = ",".join("?" * len(weights))
        rows = self.conn.execute(
            f"SELECT rowid, bm25(fulltext, {marks}) AS s FROM fulltext WHERE fulltext MATCH ? ORDER BY s LIMIT ?",
            [*weights, match, limit],
        ).fetchall()
        return [(rid, -score) for rid, score in rows]

    def fulltext_rids(self, match: str) -> set[int]:
        """The rids of every entry that matches an FTS5 `match`."""
        return {r for (r,) in self.conn.execute("SELECT rowid FROM fulltext WHERE fulltext MATCH ?", (match,))}

    def ids_for_rids(self, rids: Sequence[int]) -> dict[int, tuple[str, bool]]:
        """rid -> (id, whether a newer entry supersedes it)."""
        found: dict[int, tuple[str, bool]] = {}
        for chunk in _chunks(rids, 500):
            marks = ",".join("?" * len(chunk))
            for rid, tid, superseded in self.conn.execute(
                f"SELECT rid, id, superseded FROM term WHERE rid IN ({marks})", chunk
            ):
                found[rid] = (tid, bool(superseded))
        return found

    def meta(self, key: str) -> str:
        row = self.conn.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
        return row[0] if row else ""


def _brief(row: Sequence[Any]) -> Brief:
    return Brief(
        id=row[0],
        name=row[1],
        zh_name=row[2],
        category=row[3],
        year=row[4],
        tags=tuple(json.loads(row[5])),
        summary=Bi(row[6], row[7]),
        source=row[8],
    )


T = TypeVar("T")


def _chunks(items: Sequence[T], size: int) -> Iterable[list[T]]:
    """`items` in lists of at most `size`: SQLite caps the parameters of one statement."""
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


# -- building ------------------------------------------------------------------------------------


def _name_rows(term: Term) -> list[tuple[str, str, str]]:
    """(key, field, original text) for every name of a term, best field first, one row per key."""
    rows: dict[str, tuple[str, str, str]] = {}
    candidates = [("id", term.id), ("name", term.name)]
    if term.full_name:
        candidates.append(("full_name", term.full_name))
    if term.zh_name:
        candidates.append(("zh_name", term.zh_name))
    candidates.extend(("alias", a) for a in term.aliases)
    for field, text in candidates:
        key = name_key(text)
        if key and key not in rows:
            rows[key] = (key, field, text)
    return list(rows.values())


def write(conn: sqlite3.Connection, loaded: Any, stamp: str) -> None:
    """Fill an empty database with a loaded corpus (`corpus.Loaded`)."""

    from ai_terms.index.tokens import DocumentsJob  # tokenizing is needed only to build

    conn.executescript(_SCHEMA.format(columns=", ".join(COLUMNS)))
    terms: list[Term] = [loaded.terms[t] for t in sorted(loaded.terms)]
    made: dict[str, list[str]] = loaded.documents  # the bundled entries' tokens, from its snapshot
    # Tokenizing is the slowest step: start it first, maybe in parallel, for the entries not tokenized yet.
    documents = DocumentsJob([t for t in terms if t.id not in made])
    sizes: dict[str, int] = {}
    for term in terms:
        sizes[term.category] = sizes.get(term.category, 0) + 1
    conn.executemany(
        "INSERT INTO category VALUES (?, ?, ?, ?, ?)",
        [(c.id, c.en, c.zh, i, sizes.get(c.id, 0)) for i, c in enumerate(loaded.categories.values())],
    )
    term_rows = []
    name_rows = []
    names_blob = []
    for rid, term in enumerate(terms):
        term_rows.append(
            (
                rid,
                term.id,
                term.name,
                term.zh_name,
                term.category,
                term.year,
                json.dumps(list(term.tags)),
                term.summary.en,
                term.summary.zh,
                term.source,
                any(r.type == "succeeded_by" for r in term.related),
                json.dumps(term.to_json(), ensure_ascii=False, separators=(",", ":"), check_circular=False),
            )
        )
        for key, field, text in _name_rows(term):
            name_rows.append((key, rid, field, text))
            names_blob.append(f"{key}\t{term.id}\t{field}\t{text}")
    conn.executemany("INSERT INTO term VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", term_rows)
    conn.executemany("INSERT INTO name VALUES (?,?,?,?)", sorted(name_rows))
    conn.executemany(
        f"INSERT INTO fulltext(rowid, {', '.join(COLUMNS)}) VALUES (?{',?' * len(COLUMNS)})",
        ((rid, *fields) for rid, fields in enumerate(_merge(terms, made, documents.result()))),
    )
    edges = [
        (term.id, rel.type, rel.id)
        for term in terms
        for rel in term.related
        if rel.type in RELATION_TYPES and (rel.type != "see_also" or term.id < rel.id)
    ]
    conn.executemany("INSERT INTO edge VALUES (?,?,?)", edges)
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("fingerprint", stamp),
            ("names", "\n".join(names_blob)),
            ("skipped", "\n".join(_stored(m) for m in loaded.skipped)),
        ],
    )
    conn.commit()


def _merge(terms: Sequence[Term], made: dict[str, list[str]], fresh: list[list[str]]) -> Iterable[list[str]]:
    """Each term's search tokens in order: from `made` when it has them, else the next of `fresh`."""
    rest = iter(fresh)
    for term in terms:
        yield made[term.id] if term.id in made else next(rest)


def _open_cached(path: str, stamp: str) -> Index | None:
    """The cached index at `path` if it is current and readable, else None."""
    if not os.path.exists(path):
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT v FROM meta WHERE k = 'fingerprint'").fetchone()
    except sqlite3.Error:
        row = None
    if row is None or row[0] != stamp:
        conn.close()
        return None
    return Index(conn, path=path)


def _build(found: Sequence[Source], stamp: str, path: str) -> Index:
    from ai_terms.corpus.load import load

    loaded = load(list(found))
    WARNINGS.extend(loaded.warnings)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=os.path.dirname(path))
        os.close(fd)
    except OSError:
        return _in_memory(loaded, stamp)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            write(conn, loaded, stamp)
        finally:
            conn.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return _in_memory(loaded, stamp)
    prune(os.path.dirname(path), keep=path)
    return _open_cached(path, stamp) or _in_memory(loaded, stamp)  # None: replaced again, or unreadable


def _in_memory(loaded: Any, stamp: str) -> Index:
    conn = sqlite3.connect(":memory:")
    write(conn, loaded, stamp)
    return Index(conn, path=None)


def open_index() -> Index:
    """The index of all current sources, rebuilt first if missing, stale or corrupt. User and overlay files
    that cannot be used are left out, each with a warning in WARNINGS."""
    unusable: list[CorpusError] = []
    found = sources(unusable)
    WARNINGS.extend(exc.skipped() for exc in unusable)
    stamp = fingerprint(found)
    path = cache_file(found)
    index = _open_cached(path, stamp) or _build(found, stamp, path)
    WARNINGS.extend(literal(*json.loads(line)) for line in index.meta("skipped").split("\n") if line)
    return index


def _stored(message: Message) -> str:
    """A message kept in the index, worded in both languages (the run that shows it may ask for either)."""
    return json.dumps([message.text("en"), message.text("zh")], ensure_ascii=False)
