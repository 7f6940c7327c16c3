"""Checking one file's tables: each term field is read by its kind (model.FIELDS), and every problem is
handed to a Report with the key it is about; what was read cleanly becomes a Term."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from ai_terms.corpus.toml import Parsed, locate
from ai_terms.errors import CorpusError
from ai_terms.messages import MESSAGES, Message, literal, msg
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
        message: Message,
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
        self.issues.append(Issue(code, severity, file, message.text("en"), line, col, full_key, message.text("zh")))

    def error(self, code: str, exc: CorpusError) -> None:
        """A CorpusError raised below (reading a file) as a finding."""
        if self.stop:
            raise exc
        self.issues.append(
            Issue(code, "error", exc.file, exc.detail, exc.line, exc.col, exc.key, exc.reason.text("zh"))
        )


class Bad(Exception):
    """A field that cannot be read: the key it is about (below the term's table) and what is wrong."""

    def __init__(self, key: str | None, message: Message) -> None:
        super().__init__(message.text("en"))
        self.key = key
        self.message = message


def type_name(value: Any) -> Message:
    """What a TOML value is, as "a table" or "表"."""
    name = type(value).__name__
    return msg(f"type.{name}") if f"type.{name}" in MESSAGES else literal(name)


def only(key: str, value: dict[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(value) - allowed)
    if extra:
        where = f"{key}.{extra[0]}" if key else extra[0]
        raise Bad(where, msg("unknown_key", key=extra[0], allowed=sorted(allowed)))


def string(key: str, value: Any, *, one_line: bool = True) -> str:
    if not isinstance(value, str):
        raise Bad(key, msg("expected_string", got=type_name(value)))
    return clean_line(value) if one_line else clean(value).strip()


def strings(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Bad(key, msg("expected_strings", got=type_name(value)))
    return tuple(s for s in (clean_line(v) for v in value) if s)


def _line(key: str, value: Any) -> str | None:
    return string(key, value) or None


def _links(key: str, value: Any) -> tuple[str, ...]:
    links = strings(key, value)
    for link in links:
        if not is_web_link(link):
            raise Bad(key, msg("not_web_link", link=link))
    return links


def _year(key: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise Bad(key, msg("expected_year", got=type_name(value)))
    return value


def _paper(key: str, value: Any) -> Paper:
    if not isinstance(value, dict):
        raise Bad(key, msg("expected_paper", got=type_name(value)))
    only(key, value, {"title", "arxiv", "url"})
    fields = {k: string(f"{key}.{k}", value[k]) for k in ("title", "arxiv", "url") if k in value}
    if fields.get("url") and not is_web_link(fields["url"]):
        raise Bad(key, msg("paper_url"))
    return Paper(**fields)


def _bitext(key: str, value: Any) -> Bi:
    if isinstance(value, str):
        text = string(key, value, one_line=False)
        return Bi(zh=text) if has_cjk(text) else Bi(en=text)
    if not isinstance(value, dict):
        raise Bad(key, msg("expected_bitext", got=type_name(value)))
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
        raise Bad(key, msg("expected_bilist", got=type_name(value)))
    only(key, value, {"en", "zh"})
    return BiList(en=strings(f"{key}.en", value.get("en", [])), zh=strings(f"{key}.zh", value.get("zh", [])))


def _snippet(key: str, value: Any) -> Snippet:
    if isinstance(value, str):
        value = {"code": value}
    if not isinstance(value, dict) or "code" not in value:
        raise Bad(key, msg("expected_snippet"))
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
    raise Bad(key, msg("expected_date", got=type_name(value)))


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

    def bad(key: str | None, message: Message) -> None:
        report.add("E101", parsed, message, table, key)

    if not ID_PATTERN.match(tid):
        bad(None, msg("bad_term_id"))
        return None
    if not isinstance(value, dict):
        bad(None, msg("expected_table", got=type_name(value)))
        return None
    for unknown in sorted(set(value) - TOML_KEYS):
        from difflib import get_close_matches

        close = get_close_matches(unknown, TOML_KEYS, n=1)
        bad(unknown, msg("unknown_term_field.close", close=close[0]) if close else msg("unknown_term_field"))
    missing = [f.key for f in TOML_FIELDS if f.required and f.key not in value]
    for key in missing:
        bad(None, msg("missing_field", key=key))
    got: dict[str, Any] = {}
    for f in TOML_FIELDS:
        if f.key in value and f.key != "id":
            try:
                got[f.key] = READERS[f.kind](f.key, value[f.key])
            except Bad as exc:
                bad(exc.key, exc.message)
    if "name" in got and not got["name"]:
        bad("name", msg("empty_name"))
    summary = got.get("summary")
    if summary is not None and summary.en is None and summary.zh is None:
        bad("summary", msg("needs_summary"))
    relations = _relations(value.get("relations"), bad) if "relations" in value else {}
    if missing or not got.get("name") or not got.get("category") or summary is None or summary == Bi():
        return None
    return Draft(Term(id=tid, source=source, **got), relations, parsed)


def _relations(raw: Any, bad: Callable[[str | None, Message], None]) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        bad("relations", msg("expected_relations", got=type_name(raw)))
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
        report.add("E101", parsed, msg("expected_categories"), "category")
        return {}
    found: dict[str, Category] = {}
    for cid, value in raw.items():
        table = f"category.{cid}"
        try:
            if not ID_PATTERN.match(cid):
                raise Bad(None, msg("bad_category_id"))
            if not isinstance(value, dict):
                raise Bad(None, msg("expected_bitext", got=type_name(value)))
            only("", value, {"en", "zh"})
            en = string("en", value["en"]) if "en" in value else None
            zh = string("zh", value["zh"]) if "zh" in value else None
            if not en and not zh:
                raise Bad(None, msg("category_label"))
        except Bad as exc:
            report.add("E101", parsed, exc.message, table, exc.key)
            continue
        found[cid] = Category(cid, en or zh or cid, zh or en or cid)
    return found
