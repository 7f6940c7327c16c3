"""Checking one file's tables: each term field is read by its kind (model.FIELDS), and every problem is
handed to a Report with the key it is about; what was read cleanly becomes a Term."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from ai_terms.corpus.toml import Parsed, locate
from ai_terms.errors import CorpusError
from ai_terms.model import RELATION_TYPES, TOML_FIELDS, Bi, BiList, Category, Issue, Paper, Snippet, Term
from ai_terms.sources.sanitize import clean, clean_line, is_web_link
from ai_terms.text import has_cjk

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TOML_KEYS = frozenset([*(f.key for f in TOML_FIELDS if f.key != "id"), "relations"])


class Report:
    """The findings of reading corpus files, each with a rule code (docs/validate.md).

    With `stop`, the first error raises CorpusError (loading for a command); otherwise every finding is kept
    (validate). Warnings are always kept.
    """

    def __init__(self, *, stop: bool, strict: bool = False) -> None:
        self.stop = stop
        self.strict = strict
        self.issues: list[Issue] = []

    def add(
        self,
        code: str,
        parsed: Parsed | str,
        message: str,
        table: str | None = None,
        key: str | None = None,
        *,
        severity: str | None = None,
    ) -> None:
        file = parsed if isinstance(parsed, str) else parsed.label
        line = col = None
        if table is not None and not isinstance(parsed, str):
            line, col = locate(parsed.text, table, key)
        if severity is None:
            severity = "warning" if code.startswith("W") or (code.startswith("T") and not self.strict) else "error"
        full_key = f"{table}.{key}" if table and key else table
        if severity == "error" and self.stop:
            raise CorpusError(file, message, line=line, col=col, key=full_key)
        self.issues.append(Issue(code, severity, file, message, line, col, full_key))

    def error(self, code: str, exc: CorpusError) -> None:
        """A CorpusError raised below (reading a file) as a finding."""
        if self.stop:
            raise exc
        self.issues.append(Issue(code, "error", exc.file, exc.detail, exc.line, exc.col, exc.key))


class Bad(Exception):
    """A field that cannot be read: the key it is about (below the term's table) and what is wrong."""

    def __init__(self, key: str | None, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


def type_name(value: Any) -> str:
    return {dict: "a table", list: "a list", str: "a string", bool: "a boolean", int: "an integer"}.get(
        type(value), type(value).__name__
    )


def only(key: str, value: dict[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(value) - allowed)
    if extra:
        where = f"{key}.{extra[0]}" if key else extra[0]
        raise Bad(where, f"unknown key {extra[0]!r} (expected {', '.join(sorted(allowed))})")


def string(key: str, value: Any, *, one_line: bool = True) -> str:
    if not isinstance(value, str):
        raise Bad(key, f"expected a string, got {type_name(value)}")
    return clean_line(value) if one_line else clean(value).strip()


def strings(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Bad(key, f"expected a list of strings, got {type_name(value)}")
    return tuple(s for s in (clean_line(v) for v in value) if s)


def _line(key: str, value: Any) -> str | None:
    return string(key, value) or None


def _links(key: str, value: Any) -> tuple[str, ...]:
    links = strings(key, value)
    for link in links:
        if not is_web_link(link):
            raise Bad(key, f"link {link!r} is not an http or https URL")
    return links


def _year(key: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise Bad(key, f"expected an integer year, got {type_name(value)}")
    return value


def _paper(key: str, value: Any) -> Paper:
    if not isinstance(value, dict):
        raise Bad(key, f"expected a table {{title, arxiv, url}}, got {type_name(value)}")
    only(key, value, {"title", "arxiv", "url"})
    fields = {k: string(f"{key}.{k}", value[k]) for k in ("title", "arxiv", "url") if k in value}
    if fields.get("url") and not is_web_link(fields["url"]):
        raise Bad(key, "paper.url is not an http or https URL")
    return Paper(**fields)


def _bitext(key: str, value: Any) -> Bi:
    if isinstance(value, str):
        text = string(key, value, one_line=False)
        return Bi(zh=text) if has_cjk(text) else Bi(en=text)
    if not isinstance(value, dict):
        raise Bad(key, f"expected a table with en and zh, got {type_name(value)}")
    only(key, value, {"en", "zh"})
    en, zh = value.get("en"), value.get("zh")
    return Bi(
        en=None if en is None else string(f"{key}.en", en, one_line=False) or None,
        zh=None if zh is None else string(f"{key}.zh", zh, one_line=False) or None,
    )


def _bilist(key: str, value: Any) -> BiList:
    if isinstance(value, list):
        items = strings(key, value)
        return BiList(zh=items) if any(has_cjk(s) for s in items) else BiList(en=items)
    if not isinstance(value, dict):
        raise Bad(key, f"expected a table with en and zh lists, got {type_name(value)}")
    only(key, value, {"en", "zh"})
    return BiList(en=strings(f"{key}.en", value.get("en", [])), zh=strings(f"{key}.zh", value.get("zh", [])))


def _snippet(key: str, value: Any) -> Snippet:
    if isinstance(value, str):
        value = {"code": value}
    if not isinstance(value, dict) or "code" not in value:
        raise Bad(key, "expected a table with code (and lang)")
    only(key, value, {"lang", "code"})
    code = string(f"{key}.code", value["code"], one_line=False)
    lang = string(f"{key}.lang", value.get("lang", "python"))
    return Snippet(lang=lang or "text", code=code)


def _text(key: str, value: Any) -> str | None:
    return string(key, value, one_line=False) or None


def _date(key: str, value: Any) -> str:
    """A TOML local date (or a "YYYY-MM-DD" string) as its ISO text."""
    import datetime

    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise Bad(key, f"expected a date such as 2026-11-30, got {type_name(value)}")


READERS: dict[str, Callable[[str, Any], Any]] = {
    "line": _line, "names": strings, "slugs": strings, "year": _year, "paper": _paper, "links": _links,
    "bitext": _bitext, "bilist": _bilist, "snippet": _snippet, "text": _text, "date": _date,
}  # fmt: skip


class Draft(NamedTuple):
    """A term read from one file, before its relations are resolved against the whole corpus."""

    term: Term
    relations: dict[str, tuple[str, ...]]
    parsed: Parsed


def read_term(tid: str, value: Any, parsed: Parsed, report: Report, source: str) -> Draft | None:
    """One `[term.<id>]` table as a Draft; problems go to `report` (None when the term is unusable)."""
    table = f"term.{tid}"

    def bad(key: str | None, message: str) -> None:
        report.add("E101", parsed, message, table, key)

    if not ID_PATTERN.match(tid):
        bad(None, "a term id is a lowercase slug (letters, digits, hyphens)")
        return None
    if not isinstance(value, dict):
        bad(None, f"expected a table, got {type_name(value)}")
        return None
    for unknown in sorted(set(value) - TOML_KEYS):
        from difflib import get_close_matches

        close = get_close_matches(unknown, TOML_KEYS, n=1)
        bad(unknown, "unknown field" + (f" (did you mean {close[0]!r}?)" if close else ""))
    missing = [f.key for f in TOML_FIELDS if f.required and f.key not in value]
    for key in missing:
        bad(None, f"missing required field {key!r}")
    got: dict[str, Any] = {}
    for f in TOML_FIELDS:
        if f.key in value and f.key != "id":
            try:
                got[f.key] = READERS[f.kind](f.key, value[f.key])
            except Bad as exc:
                bad(exc.key, exc.message)
    if "name" in got and not got["name"]:
        bad("name", "name is empty")
    summary = got.get("summary")
    if summary is not None and summary.en is None and summary.zh is None:
        bad("summary", "needs a summary in English or Chinese")
    relations = _relations(value.get("relations"), bad) if "relations" in value else {}
    if missing or not got.get("name") or not got.get("category") or summary is None or summary == Bi():
        return None
    return Draft(Term(id=tid, source=source, **got), relations, parsed)


def _relations(raw: Any, bad: Callable[[str | None, str], None]) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        bad("relations", f"expected a table of relation lists, got {type_name(raw)}")
        return {}
    out: dict[str, tuple[str, ...]] = {}
    try:
        only("relations", raw, set(RELATION_TYPES))
    except Bad as exc:
        bad(exc.key, exc.message)
    for rtype, targets in raw.items():
        if rtype in RELATION_TYPES:
            try:
                out[rtype] = strings(f"relations.{rtype}", targets)
            except Bad as exc:
                bad(exc.key, exc.message)
    return out


def read_categories(parsed: Parsed, report: Report) -> dict[str, Category]:
    raw = parsed.data.get("category", {})
    if not isinstance(raw, dict):
        report.add("E101", parsed, "expected [category.<id>] tables", "category")
        return {}
    found: dict[str, Category] = {}
    for cid, value in raw.items():
        table = f"category.{cid}"
        try:
            if not ID_PATTERN.match(cid):
                raise Bad(None, "a category id is a lowercase slug (letters, digits, hyphens)")
            if not isinstance(value, dict):
                raise Bad(None, f"expected a table with en and zh, got {type_name(value)}")
            only("", value, {"en", "zh"})
            en = string("en", value["en"]) if "en" in value else None
            zh = string("zh", value["zh"]) if "zh" in value else None
            if not en and not zh:
                raise Bad(None, "a category needs a label (en or zh)")
        except Bad as exc:
            report.add("E101", parsed, exc.message, table, exc.key)
            continue
        found[cid] = Category(cid, en or zh or cid, zh or en or cid)
    return found
