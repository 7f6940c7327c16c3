"""Corpus files as TOML: read, decoded and parsed, with every problem located to a line and column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ai_terms.errors import CorpusError
from ai_terms.messages import literal, msg


@dataclass(slots=True)
class Parsed:
    """One file's raw tables, kept with its text so later checks can point at lines."""

    path: str
    label: str
    text: str
    data: dict[str, Any]


def read_file(path: str, label: str | None = None, *, bundled: bool = False) -> Parsed:
    """Read and parse one TOML file, or raise a CorpusError that names the line and column."""
    shown = label or path
    return parse(read_bytes(path, shown, bundled=bundled), path, shown)


def read_bytes(path: str, shown: str, *, bundled: bool = False) -> bytes:
    """A corpus file's bytes (the bundled one through importlib.resources), or a CorpusError."""
    try:
        if bundled:
            from ai_terms.sources.paths import bundled_bytes

            return bundled_bytes()
        with open(path, "rb") as fh:
            return fh.read()
    except IsADirectoryError:
        raise CorpusError(shown, msg("is_folder")) from None
    except OSError as exc:
        raise CorpusError(shown, msg("cannot_read", reason=exc.strerror)) from None


def parse(raw: bytes, path: str, shown: str) -> Parsed:
    """Decode and parse a corpus file's bytes, or raise a CorpusError that names the line and column."""
    import tomli

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CorpusError(shown, msg("invalid_utf8"), line=line, col=col) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = _parse_large(text) if len(text) > PARALLEL_PARSE_FROM else None
        if data is None:
            data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        reason = getattr(exc, "msg", str(exc))
        where: tuple[int | None, int | None] = (getattr(exc, "lineno", None), getattr(exc, "colno", None))
        said = msg("invalid_toml", reason=literal(reason))  # the parser's own words stay English
        raise CorpusError(shown, said, line=where[0], col=where[1]) from None
    return Parsed(path=path, label=shown, text=text, data=data)


PARALLEL_PARSE_FROM = 2_000_000  # characters; smaller files parse faster than a fork costs
_TERM_HEADER = re.compile(r"^\[term\.[a-z0-9-]+\][ \t]*$", re.M)


def _parse_large(text: str) -> dict[str, Any] | None:
    """Parse a large corpus file as two halves on two cores; None when that is not safely possible.

    The cut is made before a `[term.<id>]` header near the middle that is not inside a multi-line string.
    The halves must define disjoint terms and categories (a later `[term.x.sub]` table for a term of the
    other half, or a duplicate, makes them overlap); otherwise, or on any error in either half, the caller
    parses the whole file, which also gives TOML errors their true line numbers.
    """
    import tomli

    from ai_terms.sources import parallel

    if not parallel.available():
        return None
    cut = None
    for match in _TERM_HEADER.finditer(text, len(text) // 2):
        before = text[: match.start()]
        if before.count('"""') % 2 == 0 and before.count("'''") % 2 == 0:
            cut = match.start()
            break
    if cut is None:
        return None
    try:
        child = parallel.Forked(_loads_or_none, text[cut:])
    except OSError:  # no fork today (process limits): parse it whole
        return None
    try:
        first = tomli.loads(text[:cut])
    except tomli.TOMLDecodeError:
        child.result()
        return None
    second = child.result()
    if second is None:
        return None
    merged: dict[str, Any] = dict(first)
    for key, value in second.items():
        if key not in merged:
            merged[key] = value
        elif isinstance(value, dict) and isinstance(merged[key], dict) and not set(value) & set(merged[key]):
            merged[key] = {**merged[key], **value}
        else:
            return None
    return merged


def _loads_or_none(text: str) -> dict[str, Any] | None:
    import tomli

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError:
        return None


def locate(text: str, table: str, key: str | None = None) -> tuple[int | None, int | None]:
    """The line and column where `key` of `[table]` is written (or the table header), best effort."""
    parts = table.split(".")
    header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(rf"[\"']?{re.escape(p)}[\"']?" for p in parts) + r"\s*\]")
    lines = text.splitlines()
    start = None
    for i, line in enumerate(lines):
        if header.match(line):
            start = i
            break
    if start is None:
        return None, None
    if key is None:
        return start + 1, 1
    # The whole dotted key first ("relations.uses = ..."), then its first part ("relations = {...}").
    parts = key.split(".")
    patterns = [r"\s*\.\s*".join(rf"[\"']?{re.escape(p)}[\"']?" for p in parts[: n + 1]) for n in range(len(parts))]
    for pattern in reversed(patterns):
        key_re = re.compile(rf"^(\s*){pattern}\s*[.=]")
        for j in range(start + 1, len(lines)):
            if lines[j].lstrip().startswith("["):
                break
            m = key_re.match(lines[j])
            if m:
                return j + 1, len(m.group(1)) + 1
    return start + 1, 1
