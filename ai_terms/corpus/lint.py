"""The corpus linter behind `aiterms validate`: the loader's own findings (read in its keep-everything mode)
plus the rules only a linter checks. Every rule has a stable code, documented in docs/validate.md."""

from __future__ import annotations

import datetime
import re

from ai_terms.corpus.check import Draft, Report
from ai_terms.corpus.load import Reading, read_into
from ai_terms.errors import CorpusError
from ai_terms.messages import msg
from ai_terms.model import FIELDS, Issue, Term, fields_of
from ai_terms.normalize import name_key
from ai_terms.sources.paths import bundled_path, toml_files
from ai_terms.text import HAN

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
    "W170": "checked more than 18 months ago: verify the entry's facts and snippet again",
    "E171": "checked date in the future",
    "W190": "entry replaces one defined in an earlier file",
}

_ASCII_PUNCT = re.compile(rf"[{HAN}][,;:!?()]|[,;:!?(][{HAN}]|[{HAN}]\.(?:\s|$)")
_NO_SPACE = re.compile(rf"[{HAN}][A-Za-z0-9]|[A-Za-z0-9][{HAN}]")
_ARXIV = re.compile(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")
SUMMARY_MAX = {"en": 200, "zh": 100}
STALE_AFTER_DAYS = 548  # about 18 months
_BITEXT = fields_of("bitext")
_BILIST = fields_of("bilist")
_STRICT = {f.key for f in FIELDS if f.strict}


def lint_paths(
    paths: list[str], *, strict: bool = False, today: datetime.date | None = None
) -> tuple[list[str], list[Issue], int]:
    """Check corpus files (the bundled corpus when `paths` is empty) against every rule: the files' labels,
    the findings in file and line order, and how many terms were checked."""
    report = Report(stop=False, strict=strict)
    reading = Reading(report)
    mine: list[Draft] = []
    if paths:
        # Overlays are checked against the bundled corpus they extend: its categories and terms count as known.
        base = Reading(Report(stop=False))
        read_into(base, bundled_path())
        reading.categories.update(base.categories)
        reading.drafts.update(base.drafts)
        for path in paths:
            try:
                files = toml_files(path, origin=msg("the_command_line"))
            except CorpusError as exc:
                report.error("E100", exc)
                continue
            for file in files:
                for draft in read_into(reading, file):
                    if draft.term.id in base.drafts or any(d.term.id == draft.term.id for d in mine):
                        earlier = next((d.parsed.label for d in mine if d.term.id == draft.term.id), None)
                        tid = draft.term.id
                        said = msg("replaces", id=tid, where=earlier) if earlier else msg("replaces.bundled", id=tid)
                        report.add("W190", draft.parsed, said, f"term.{tid}")
                    mine.append(draft)
    else:
        mine = read_into(reading, bundled_path())
    reading.check_categories(mine)
    reading.check_relations(mine)
    for draft in mine:
        _check_term(report, draft, today or datetime.date.today())
    _check_names(report, mine, reading)
    issues = sorted(report.issues, key=lambda i: (i.file, i.line or 0, i.col or 0, i.code))
    return [p.label for p in reading.files], issues, len(mine)


def _check_term(report: Report, draft: Draft, today: datetime.date) -> None:
    term, parsed = draft.term, draft.parsed
    table = f"term.{term.id}"
    if term.year is not None and not 1900 <= term.year <= today.year + 1:
        report.add("E161", parsed, msg("year_range", year=term.year), table, "year")
    if term.paper and term.paper.arxiv:
        arxiv = term.paper.arxiv
        if not _ARXIV.match(arxiv):
            report.add("E160", parsed, msg("bad_arxiv", arxiv=arxiv), table, "paper")
        elif term.paper.url and "arxiv.org" in term.paper.url and arxiv not in term.paper.url:
            report.add("E160", parsed, msg("arxiv_url", arxiv=arxiv), table, "paper")
    for lang, limit in SUMMARY_MAX.items():
        text = getattr(term.summary, lang)
        if text and len(text) > limit:
            message = msg("summary_length", key=f"summary.{lang}", count=len(text), limit=limit)
            report.add("E150", parsed, message, table, "summary", severity="error" if report.strict else "warning")
    if term.checked:
        age = (today - datetime.date.fromisoformat(term.checked)).days
        if age > STALE_AFTER_DAYS:
            report.add("W170", parsed, msg("stale", date=term.checked, months=age // 30), table, "checked")
        elif age < 0:
            report.add("E171", parsed, msg("future", date=term.checked), table, "checked")
    if report.strict:
        _check_languages(report, term, draft, table)
    _check_chinese(report, draft, table)


def _check_languages(report: Report, term: Term, draft: Draft, table: str) -> None:
    parsed = draft.parsed
    if not term.zh_name:
        report.add("E140", parsed, msg("missing_language", key="zh_name"), table)
    for key in (*_BITEXT, *_BILIST):
        value = getattr(term, key)
        if key not in _STRICT and not value:
            continue
        for lang in ("en", "zh"):
            if not getattr(value, lang):
                report.add("E140", parsed, msg("missing_language", key=f"{key}.{lang}"), table, key)
    kp = term.key_points
    if kp.en and kp.zh and (len(kp.en) != len(kp.zh) or not 3 <= len(kp.en) <= 6):
        message = msg("key_point_counts", en=len(kp.en), zh=len(kp.zh))
        report.add("E141", parsed, message, table, "key_points")


def _check_chinese(report: Report, draft: Draft, table: str) -> None:
    term = draft.term
    texts = [(key, getattr(term, key).zh or "") for key in _BITEXT]
    texts += [(key, item) for key in _BILIST for item in getattr(term, key).zh]
    reported: set[tuple[str, str]] = set()
    for key, text in texts:
        for code, pattern, what in (
            ("T301", _ASCII_PUNCT, "ascii_punctuation"),
            ("T302", _NO_SPACE, "no_space"),
        ):
            found = pattern.search(text)
            if found and (code, key) not in reported:
                reported.add((code, key))
                context = text[max(0, found.start() - 8) : found.end() + 8].replace("\n", " ")
                report.add(code, draft.parsed, msg(what, context=context), table, f"{key}.zh")


def _check_names(report: Report, mine: list[Draft], reading: Reading) -> None:
    owners: dict[str, set[str]] = {}
    for tid, draft in reading.drafts.items():
        term = draft.term
        for text in (term.id, term.name, term.full_name, term.zh_name, *term.aliases):
            if text:
                owners.setdefault(name_key(text), set()).add(tid)
    for draft in mine:
        term, table = draft.term, f"term.{draft.term.id}"
        for key, text in (("name", term.name), ("full_name", term.full_name), ("zh_name", term.zh_name)):
            others = owners.get(name_key(text or ""), set()) - {term.id} if text else set()
            if others:
                said = msg("shared_name", key=key, text=text, others=sorted(others))
                report.add("W131", draft.parsed, said, table, key)
        for alias in term.aliases:
            others = owners.get(name_key(alias), set()) - {term.id}
            if others:
                said = msg("shared_alias", alias=alias, others=sorted(others))
                report.add("E130", draft.parsed, said, table, "aliases")
