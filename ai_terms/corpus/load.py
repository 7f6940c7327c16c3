"""Reading corpus files: TOML in, checked and merged terms out, every problem located to file, line and key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ai_terms.errors import CorpusError
from ai_terms.model import (
    BILINGUAL_LISTS,
    BILINGUAL_TEXT,
    RELATION_TYPES,
    Bi,
    BiList,
    Category,
    Paper,
    Relation,
    Snippet,
    Term,
)
from ai_terms.sources.paths import Source
from ai_terms.sources.sanitize import clean, clean_line, is_web_link

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

TERM_FIELDS = frozenset(
    {
        "name",
        "full_name",
        "zh_name",
        "aliases",
        "category",
        "tags",
        "year",
        "org",
        "paper",
        "links",
        "snippet",
        "formula",
        "checked",
        "relations",
        *BILINGUAL_TEXT,
        *BILINGUAL_LISTS,
    }
)
TOP_LEVEL = frozenset({"category", "term"})
# Most specific first: the order relations are shown in, and which one wins when a pair is linked twice.
RELATION_ORDER = (
    "is_a", "has_kind", "part_of", "has_part", "variant_of", "has_variant", "successor_of", "succeeded_by",
    "implements", "implemented_by", "uses", "used_by", "see_also",
)  # fmt: skip


@dataclass(slots=True)
class Loaded:
    """What loading all sources gives: categories, terms by id, and warnings worth showing."""

    categories: dict[str, Category] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Parsed:
    """One file's raw tables, kept with its text so later checks can point at lines."""

    path: str
    label: str
    text: str
    data: dict[str, Any]


def read_file(path: str, label: str | None = None, *, bundled: bool = False) -> Parsed:
    """Read and parse one TOML file, or raise a CorpusError that names the line and column."""
    import tomli

    shown = label or path
    try:
        if bundled:
            from ai_terms.sources.paths import bundled_bytes

            raw = bundled_bytes()
        else:
            with open(path, "rb") as fh:
                raw = fh.read()
    except IsADirectoryError:
        raise CorpusError(shown, "is a folder, expected a TOML file") from None
    except OSError as exc:
        raise CorpusError(shown, f"cannot read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CorpusError(shown, "invalid UTF-8", line=line, col=col) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = _parse_large(text) if len(text) > PARALLEL_PARSE_FROM else None
        if data is None:
            data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        msg = getattr(exc, "msg", str(exc))
        where: tuple[int | None, int | None] = (getattr(exc, "lineno", None), getattr(exc, "colno", None))
        raise CorpusError(shown, f"invalid TOML: {msg}", line=where[0], col=where[1]) from None
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


class _Checker:
    """Type checks for one file's tables; errors carry the location of the offending key."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed

    def fail(self, table: str, key: str | None, message: str) -> CorpusError:
        line, col = locate(self.parsed.text, table, key)
        full_key = f"{table}.{key}" if key else table
        return CorpusError(self.parsed.label, message, line=line, col=col, key=full_key)

    def string(self, table: str, key: str, value: Any, *, one_line: bool = True) -> str:
        if not isinstance(value, str):
            raise self.fail(table, key, f"expected a string, got {_type_name(value)}")
        return clean_line(value) if one_line else clean(value).strip()

    def strings(self, table: str, key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(table, key, f"expected a list of strings, got {_type_name(value)}")
        return tuple(s for s in (clean_line(v) for v in value) if s)

    def bi_text(self, table: str, key: str, value: Any) -> Bi:
        if isinstance(value, str):
            text = self.string(table, key, value, one_line=False)
            return Bi(zh=text) if _CJK.search(text) else Bi(en=text)
        if not isinstance(value, dict):
            raise self.fail(table, key, f"expected a table with en and zh, got {_type_name(value)}")
        self.only(table, key, value, {"en", "zh"})
        en = value.get("en")
        zh = value.get("zh")
        return Bi(
            en=None if en is None else self.string(table, f"{key}.en", en, one_line=False) or None,
            zh=None if zh is None else self.string(table, f"{key}.zh", zh, one_line=False) or None,
        )

    def bi_list(self, table: str, key: str, value: Any) -> BiList:
        if isinstance(value, list):
            items = self.strings(table, key, value)
            zh = any(_CJK.search(s) for s in items)
            return BiList(zh=items) if zh else BiList(en=items)
        if not isinstance(value, dict):
            raise self.fail(table, key, f"expected a table with en and zh lists, got {_type_name(value)}")
        self.only(table, key, value, {"en", "zh"})
        return BiList(
            en=self.strings(table, f"{key}.en", value.get("en", [])),
            zh=self.strings(table, f"{key}.zh", value.get("zh", [])),
        )

    def only(self, table: str, key: str, value: dict[str, Any], allowed: set[str]) -> None:
        extra = sorted(set(value) - allowed)
        if extra:
            expected = ", ".join(sorted(allowed))
            where = f"{key}.{extra[0]}" if key else extra[0]
            raise self.fail(table, where, f"unknown key {extra[0]!r} (expected {expected})")


def _type_name(value: Any) -> str:
    return {dict: "a table", list: "a list", str: "a string", bool: "a boolean", int: "an integer"}.get(
        type(value), type(value).__name__
    )


def _categories(parsed: Parsed, check: _Checker) -> dict[str, Category]:
    raw = parsed.data.get("category", {})
    if not isinstance(raw, dict):
        raise check.fail("category", None, "expected [category.<id>] tables")
    found: dict[str, Category] = {}
    for cid, value in raw.items():
        table = f"category.{cid}"
        if not ID_PATTERN.match(cid):
            raise check.fail(table, None, "a category id is a lowercase slug (letters, digits, hyphens)")
        if not isinstance(value, dict):
            raise check.fail(table, None, f"expected a table with en and zh, got {_type_name(value)}")
        check.only(table, "", value, {"en", "zh"})
        en = check.string(table, "en", value["en"]) if "en" in value else None
        zh = check.string(table, "zh", value["zh"]) if "zh" in value else None
        if not en and not zh:
            raise check.fail(table, None, "a category needs a label (en or zh)")
        found[cid] = Category(cid, en or zh or cid, zh or en or cid)
    return found


@dataclass(slots=True)
class Draft:
    """A term checked for types, before relations are resolved against the whole corpus."""

    term: Term
    relations: dict[str, tuple[str, ...]]
    parsed: Parsed


def _term(tid: str, value: Any, parsed: Parsed, check: _Checker, kind: str) -> Draft:
    table = f"term.{tid}"
    if not ID_PATTERN.match(tid):
        raise check.fail(table, None, "a term id is a lowercase slug (letters, digits, hyphens)")
    if not isinstance(value, dict):
        raise check.fail(table, None, f"expected a table, got {_type_name(value)}")
    unknown = sorted(set(value) - TERM_FIELDS)
    if unknown:
        from difflib import get_close_matches

        close = get_close_matches(unknown[0], TERM_FIELDS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise check.fail(table, unknown[0], f"unknown field{hint}")
    for required in ("name", "category", "summary"):
        if required not in value:
            raise check.fail(table, None, f"missing required field {required!r}")
    name = check.string(table, "name", value["name"])
    if not name:
        raise check.fail(table, "name", "name is empty")
    summary = check.bi_text(table, "summary", value["summary"])
    if summary.en is None and summary.zh is None:
        raise check.fail(table, "summary", "needs a summary in English or Chinese")
    opt: dict[str, Any] = {}
    for key in ("full_name", "zh_name", "org"):
        if key in value:
            opt[key] = check.string(table, key, value[key]) or None
    for key in ("aliases", "tags"):
        if key in value:
            opt[key] = check.strings(table, key, value[key])
    if "links" in value:
        links = check.strings(table, "links", value["links"])
        for link in links:
            if not is_web_link(link):
                raise check.fail(table, "links", f"link {link!r} is not an http or https URL")
        opt["links"] = links
    if "year" in value:
        year = value["year"]
        if not isinstance(year, int) or isinstance(year, bool):
            raise check.fail(table, "year", f"expected an integer year, got {_type_name(year)}")
        opt["year"] = year
    if "paper" in value:
        paper = value["paper"]
        if not isinstance(paper, dict):
            raise check.fail(table, "paper", f"expected a table {{title, arxiv, url}}, got {_type_name(paper)}")
        check.only(table, "paper", paper, {"title", "arxiv", "url"})
        fields = {k: check.string(table, f"paper.{k}", paper[k]) for k in ("title", "arxiv", "url") if k in paper}
        if fields.get("url") and not is_web_link(fields["url"]):
            raise check.fail(table, "paper", "paper.url is not an http or https URL")
        opt["paper"] = Paper(**fields)
    for key in BILINGUAL_TEXT:
        if key in value and key != "summary":
            opt[key] = check.bi_text(table, key, value[key])
    for key in BILINGUAL_LISTS:
        if key in value:
            opt[key] = check.bi_list(table, key, value[key])
    if "snippet" in value:
        snip = value["snippet"]
        if isinstance(snip, str):
            snip = {"code": snip}
        if not isinstance(snip, dict) or "code" not in snip:
            raise check.fail(table, "snippet", "expected a table with code (and lang)")
        check.only(table, "snippet", snip, {"lang", "code"})
        code = check.string(table, "snippet.code", snip["code"], one_line=False)
        lang = check.string(table, "snippet.lang", snip.get("lang", "python"))
        opt["snippet"] = Snippet(lang=lang or "text", code=code)
    if "formula" in value:
        opt["formula"] = check.string(table, "formula", value["formula"], one_line=False) or None
    if "checked" in value:
        opt["checked"] = _date(check, table, value["checked"])
    relations: dict[str, tuple[str, ...]] = {}
    if "relations" in value:
        rel = value["relations"]
        if not isinstance(rel, dict):
            raise check.fail(table, "relations", f"expected a table of relation lists, got {_type_name(rel)}")
        check.only(table, "relations", rel, set(RELATION_TYPES))
        for rtype, targets in rel.items():
            relations[rtype] = check.strings(table, f"relations.{rtype}", targets)
    source = "bundled" if kind == "bundled" else parsed.label
    term = Term(id=tid, name=name, category="", summary=summary, source=source, **opt)
    category = check.string(table, "category", value["category"])
    return Draft(term=_with(term, category=category), relations=relations, parsed=parsed)


def _date(check: _Checker, table: str, value: Any) -> str:
    """A TOML local date (or a "YYYY-MM-DD" string) as its ISO text."""
    import datetime

    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise check.fail(table, "checked", f"expected a date such as 2026-11-30, got {_type_name(value)}")


def _with(term: Term, **changes: Any) -> Term:
    return term._replace(**changes)


def load(sources: list[Source]) -> Loaded:
    """Read every source in order, later ids replacing earlier ones, and resolve relations."""
    result = Loaded()
    drafts: dict[str, Draft] = {}
    for source in sources:
        label = "bundled corpus (" + source.path + ")" if source.kind == "bundled" else source.path
        bundled = source.kind == "bundled"
        parsed = read_file(source.path, label if bundled else None, bundled=bundled)
        _merge_file(parsed, source.kind, result, drafts)
    _finish(result, drafts)
    return result


def _merge_file(parsed: Parsed, kind: str, result: Loaded, drafts: dict[str, Draft]) -> None:
    check = _Checker(parsed)
    for key in parsed.data:
        if key not in TOP_LEVEL:
            line, col = locate(parsed.text, key)
            raise CorpusError(
                parsed.label,
                "unknown top-level key (expected [category.<id>] or [term.<id>] tables)",
                line=line,
                col=col,
                key=key,
            )
    result.categories.update(_categories(parsed, check))
    terms = parsed.data.get("term", {})
    if not isinstance(terms, dict):
        raise check.fail("term", None, "expected [term.<id>] tables")
    for tid, value in terms.items():
        drafts[tid] = _term(tid, value, parsed, check, kind)


def _finish(result: Loaded, drafts: dict[str, Draft]) -> None:
    for tid, draft in drafts.items():
        if draft.term.category not in result.categories:
            check = _Checker(draft.parsed)
            from difflib import get_close_matches

            close = get_close_matches(draft.term.category, list(result.categories), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            known = ", ".join(sorted(result.categories))
            raise check.fail(
                f"term.{tid}", "category", f"unknown category {draft.term.category!r}{hint} (known: {known})"
            )
    related: dict[str, list[Relation]] = {tid: [] for tid in drafts}
    seen: set[tuple[str, str, str]] = set()

    def add(src: str, rtype: str, dst: str) -> None:
        if (src, rtype, dst) not in seen:
            seen.add((src, rtype, dst))
            target = drafts[dst].term
            related[src].append(Relation(rtype, dst, target.name, target.zh_name))

    for tid, draft in drafts.items():
        for rtype, targets in draft.relations.items():
            for target in targets:
                if target == tid:
                    result.warnings.append(f"{draft.parsed.label}: term.{tid}: relates to itself; ignored")
                    continue
                if target not in drafts:
                    line, _ = locate(draft.parsed.text, f"term.{tid}", f"relations.{rtype}")
                    where = f"{draft.parsed.label}:{line}" if line else draft.parsed.label
                    result.warnings.append(
                        f"{where}: term.{tid}.relations.{rtype}: no term {target!r}; relation ignored"
                    )
                    continue
                add(tid, rtype, target)
                add(target, RELATION_TYPES[rtype], tid)
    order = {t: i for i, t in enumerate(RELATION_ORDER)}
    for tid, draft in drafts.items():
        # One link per pair of terms: when a pair is stated twice (A uses B, B part_of A), the more specific wins.
        best: dict[str, Relation] = {}
        for rel in related[tid]:
            if rel.id not in best or order[rel.type] < order[best[rel.id].type]:
                best[rel.id] = rel
        rels = tuple(sorted(best.values(), key=lambda r: (order[r.type], r.name.casefold())))
        result.terms[tid] = _with(draft.term, related=rels)
