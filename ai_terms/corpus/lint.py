"""The corpus linter behind `aiterms validate`: every rule has a stable code, documented in docs/validate.md."""

from __future__ import annotations

import datetime
import re
from typing import Any

from ai_terms.errors import CorpusError
from ai_terms.model import BILINGUAL_LISTS, BILINGUAL_TEXT, Bi, BiList, Term
from ai_terms.normalize import name_key
from ai_terms.results import Issue, ValidateResult
from ai_terms.sources.paths import bundled_path, toml_files

from .load import TOP_LEVEL, Draft, Parsed, _categories, _Checker, _term, locate, read_file

RULES: dict[str, str] = {
    "E100": "file cannot be read or is not valid UTF-8 TOML",
    "E101": "schema: wrong type, unknown field, missing required field or bad id",
    "E110": "unknown category",
    "E120": "relation to a term that does not exist",
    "E121": "relation from a term to itself",
    "E130": "alias claimed by two entries",
    "W131": "name, full name or Chinese name that another entry also uses (show prefers ids, then names)",
    "E140": "missing language (--strict: every text field in both English and Chinese)",
    "E141": "key points: 3 to 6 bullets, the same number in both languages (--strict)",
    "T301": "Chinese text uses ASCII punctuation next to Chinese characters",
    "T302": "no space between a Chinese character and a Latin letter or digit",
    "E150": "summary longer than one sentence allows (200 characters English, 100 Chinese); an error under --strict",
    "E160": "arXiv id is malformed or does not match paper.url",
    "E161": "year out of range",
    "W190": "entry replaces one defined in an earlier file",
}

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ASCII_PUNCT = re.compile(rf"[{_HAN}][,;:!?()]|[,;:!?(][{_HAN}]|[{_HAN}]\.(?:\s|$)")
_NO_SPACE = re.compile(rf"[{_HAN}][A-Za-z0-9]|[A-Za-z0-9][{_HAN}]")
_ARXIV = re.compile(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")
SUMMARY_MAX = {"en": 200, "zh": 100}


class _Linter:
    def __init__(self, strict: bool) -> None:
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
        self.issues.append(Issue(code, severity, file, message, line, col, full_key))

    def from_error(self, code: str, exc: CorpusError) -> None:
        self.issues.append(Issue(code, "error", exc.file, exc.detail, exc.line, exc.col, exc.key))


def _expand(paths: list[str], lint: _Linter) -> list[tuple[str, str]]:
    if not paths:
        return [(bundled_path(), "bundled")]
    files: list[tuple[str, str]] = []
    for path in paths:
        try:
            files.extend((f, "overlay") for f in toml_files(path, origin="the command line"))
        except CorpusError as exc:
            lint.from_error("E100", exc)
    return files


def lint_paths(paths: list[str], *, strict: bool = False) -> ValidateResult:
    """Check corpus files (the bundled corpus when `paths` is empty) against every rule."""
    lint = _Linter(strict)
    files = _expand(paths, lint)
    parsed_files: list[Parsed] = []
    for path, _ in files:
        try:
            parsed_files.append(read_file(path))
        except CorpusError as exc:
            lint.from_error("E100", exc)
    # Overlays are checked against the bundled corpus they extend: its categories and terms count as known.
    known_categories: set[str] = set()
    known_terms: dict[str, tuple[Term, Parsed | None]] = {}
    if paths:
        try:
            base = read_file(bundled_path())
            known_categories |= set(base.data.get("category", {}))
            for tid, value in base.data.get("term", {}).items():
                try:
                    known_terms[tid] = (_term(tid, value, base, _Checker(base), "bundled").term, None)
                except CorpusError:
                    continue
        except CorpusError:
            pass
    drafts: list[Draft] = []
    for parsed in parsed_files:
        check = _Checker(parsed)
        for key in parsed.data:
            if key not in TOP_LEVEL:
                lint.add("E101", parsed, "unknown top-level key", key)
        try:
            known_categories |= set(_categories(parsed, check))
        except CorpusError as exc:
            lint.from_error("E101", exc)
        terms = parsed.data.get("term", {})
        if not isinstance(terms, dict):
            lint.add("E101", parsed, "expected [term.<id>] tables", "term")
            continue
        for tid, value in terms.items():
            try:
                draft = _term(tid, value, parsed, check, "overlay")
            except CorpusError as exc:
                lint.from_error("E101", exc)
                continue
            if tid in known_terms:
                earlier = known_terms[tid][1]
                where = earlier.label if earlier else "the bundled corpus"
                lint.add("W190", parsed, f"replaces {tid!r} from {where}", f"term.{tid}")
            known_terms[tid] = (draft.term, parsed)
            drafts.append(draft)
    for draft in drafts:
        _check_term(lint, draft, known_categories, known_terms)
    _check_names(lint, drafts, known_terms)
    issues = sorted(lint.issues, key=lambda i: (i.file, i.line or 0, i.col or 0, i.code))
    return ValidateResult(
        files=tuple(p.label for p in parsed_files),
        issues=tuple(issues),
        strict=strict,
        terms=len(drafts),
    )


def _check_term(lint: _Linter, draft: Draft, categories: set[str], terms: dict[str, Any]) -> None:
    term, parsed = draft.term, draft.parsed
    table = f"term.{term.id}"
    if term.category not in categories:
        lint.add("E110", parsed, f"unknown category {term.category!r}", table, "category")
    for rtype, targets in draft.relations.items():
        for target in targets:
            if target == term.id:
                lint.add("E121", parsed, "a term cannot relate to itself", table, f"relations.{rtype}")
            elif target not in terms:
                lint.add("E120", parsed, f"no term {target!r}", table, f"relations.{rtype}")
    if term.year is not None and not 1900 <= term.year <= datetime.date.today().year + 1:
        lint.add("E161", parsed, f"year {term.year} is out of range", table, "year")
    if term.paper and term.paper.arxiv:
        arxiv = term.paper.arxiv
        if not _ARXIV.match(arxiv):
            lint.add("E160", parsed, f"{arxiv!r} is not an arXiv id such as 2106.09685", table, "paper")
        elif term.paper.url and "arxiv.org" in term.paper.url and arxiv not in term.paper.url:
            lint.add("E160", parsed, f"paper.url does not point at arXiv {arxiv}", table, "paper")
    for lang, limit in SUMMARY_MAX.items():
        text = getattr(term.summary, lang)
        if text and len(text) > limit:
            severity = "error" if lint.strict else "warning"
            lint.add(
                "E150",
                parsed,
                f"summary.{lang} has {len(text)} characters (at most {limit})",
                table,
                "summary",
                severity=severity,
            )
    _check_languages(lint, term, parsed, table)
    _check_chinese(lint, term, parsed, table)


def _check_languages(lint: _Linter, term: Term, parsed: Parsed, table: str) -> None:
    if not lint.strict:
        return
    if not term.zh_name:
        lint.add("E140", parsed, "missing zh_name", table)
    for key in BILINGUAL_TEXT:
        value: Bi = getattr(term, key)
        for lang in ("en", "zh"):
            if not getattr(value, lang):
                lint.add("E140", parsed, f"missing {key}.{lang}", table, key)
    for key in BILINGUAL_LISTS:
        values: BiList = getattr(term, key)
        required = key == "key_points"
        if not required and not values:
            continue
        for lang in ("en", "zh"):
            if not getattr(values, lang):
                lint.add("E140", parsed, f"missing {key}.{lang}", table, key)
    kp = term.key_points
    if kp.en and kp.zh and (len(kp.en) != len(kp.zh) or not 3 <= len(kp.en) <= 6):
        lint.add(
            "E141", parsed, f"key_points has {len(kp.en)} English and {len(kp.zh)} Chinese bullets", table, "key_points"
        )


def _chinese_texts(term: Term) -> list[tuple[str, str]]:
    texts = [("summary", term.summary.zh or ""), ("body", term.body.zh or "")]
    for key in BILINGUAL_LISTS:
        texts += [(key, item) for item in getattr(term, key).zh]
    return texts


def _check_chinese(lint: _Linter, term: Term, parsed: Parsed, table: str) -> None:
    reported: set[tuple[str, str]] = set()
    for key, text in _chinese_texts(term):
        for code, pattern, what in (
            ("T301", _ASCII_PUNCT, "ASCII punctuation next to Chinese"),
            ("T302", _NO_SPACE, "no space between Chinese and Latin/digit"),
        ):
            found = pattern.search(text)
            if found and (code, key) not in reported:
                reported.add((code, key))
                context = text[max(0, found.start() - 8) : found.end() + 8].replace("\n", " ")
                lint.add(code, parsed, f"{what}: “{context}”", table, f"{key}.zh")


def _check_names(lint: _Linter, drafts: list[Draft], terms: dict[str, tuple[Term, Parsed | None]]) -> None:
    owners: dict[str, set[str]] = {}
    for tid, (term, _) in terms.items():
        for text in (term.id, term.name, term.full_name, term.zh_name, *term.aliases):
            if text:
                owners.setdefault(name_key(text), set()).add(tid)
    for draft in drafts:
        term = draft.term
        for field, text in (("name", term.name), ("full_name", term.full_name), ("zh_name", term.zh_name)):
            others = owners.get(name_key(text or ""), set()) - {term.id} if text else set()
            if others:
                lint.add(
                    "W131",
                    draft.parsed,
                    f"{field} {text!r} also names {', '.join(sorted(others))}",
                    f"term.{term.id}",
                    field,
                    severity="warning",
                )
        for alias in term.aliases:
            others = owners.get(name_key(alias), set()) - {term.id}
            if others:
                lint.add(
                    "E130",
                    draft.parsed,
                    f"alias {alias!r} also names {', '.join(sorted(others))}",
                    f"term.{term.id}",
                    "aliases",
                )
