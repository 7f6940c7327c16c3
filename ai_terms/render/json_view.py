"""JSON output: built from the result records, always both languages, with a schema_version."""

from __future__ import annotations

import json
import sys
from typing import Any

from ai_terms.errors import UsageError
from ai_terms.model import SCHEMA_VERSION, Brief, Hit, Term
from ai_terms.results import (
    CategoriesResult,
    CompareResult,
    ExportResult,
    GraphResult,
    ListResult,
    Node,
    PathsResult,
    RelatedResult,
    SearchResult,
    ShowResult,
    TimelineResult,
    ValidateResult,
)

# Every field of a term object, with its meaning: the source of --fields errors and of docs/json.md.
TERM_FIELDS: dict[str, str] = {
    "id": "stable lowercase slug that identifies the entry",
    "name": "the name as its owners spell it",
    "full_name": "expansion or long name, or null",
    "zh_name": "the Chinese name (or the Latin name where Chinese engineers use that), or null",
    "aliases": "other names that resolve to this entry",
    "category": "category id (see `aiterms categories`)",
    "tags": "topic tags",
    "year": "year introduced, or null",
    "org": "organisation(s) behind it, or null",
    "paper": "{title, arxiv, url} of the introducing paper, or null",
    "links": "official https links",
    "summary": "{en, zh}: one sentence each (null where an overlay gives one language)",
    "body": "{en, zh}: one to three paragraphs each",
    "key_points": "{en, zh}: lists of key facts",
    "strengths": "{en, zh}: lists of strengths",
    "limitations": "{en, zh}: lists of limitations",
    "uses": "{en, zh}: lists of typical uses",
    "snippet": "{lang, code}: a minimal code example, or null",
    "formula": "the defining formula in plain Unicode math, or null",
    "checked": "date (YYYY-MM-DD) the entry's facts and snippet were last verified, or null",
    "related": "[{type, id, name, zh_name}]: typed relations in both directions (see docs/json.md for the types)",
    "source": "'bundled' or the path of the overlay file that defined the entry",
}
BRIEF_FIELDS: dict[str, str] = {
    "id": TERM_FIELDS["id"],
    "name": TERM_FIELDS["name"],
    "zh_name": TERM_FIELDS["zh_name"],
    "category": TERM_FIELDS["category"],
    "tags": TERM_FIELDS["tags"],
    "year": TERM_FIELDS["year"],
    "summary": TERM_FIELDS["summary"],
    "source": TERM_FIELDS["source"],
}
HIT_FIELDS: dict[str, str] = {
    **BRIEF_FIELDS,
    "score": (
        "relevance, higher is better: exact names about 100, prefixes 70-80, fuzzy names 20-60, "
        "full text up to 35, plus a tenth of the text score"
    ),
    "match": "{field, kind, snippet, highlights}: why it matched; kind is exact, prefix, fuzzy or text",
}


def select(obj: dict[str, Any], fields: tuple[str, ...] | None, known: dict[str, str]) -> dict[str, Any]:
    """`obj` reduced to `fields`; an unknown field is a usage error that lists the valid ones."""
    if fields is None:
        return obj
    unknown = [f for f in fields if f not in known]
    if unknown:
        valid = "; ".join(f"{name}: {meaning}" for name, meaning in known.items())
        raise UsageError(f"unknown field {unknown[0]!r}. Valid fields: {valid}")
    return {f: obj[f] for f in fields}


def brief_json(brief: Brief) -> dict[str, Any]:
    return {
        "id": brief.id,
        "name": brief.name,
        "zh_name": brief.zh_name,
        "category": brief.category,
        "tags": list(brief.tags),
        "year": brief.year,
        "summary": {"en": brief.summary.en, "zh": brief.summary.zh},
        "source": brief.source,
    }


def hit_json(hit: Hit) -> dict[str, Any]:
    m = hit.match
    return {
        **brief_json(hit.brief),
        "score": hit.score,
        "match": {"field": m.field, "kind": m.kind, "snippet": m.snippet, "highlights": [list(s) for s in m.spans]},
    }


def _term(term: Term, fields: tuple[str, ...] | None) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, **select(term.to_json(), fields, TERM_FIELDS)}


def _node(node: Node) -> dict[str, Any]:
    b = node.brief
    return {
        "id": b.id,
        "name": b.name,
        "zh_name": b.zh_name,
        "category": b.category,
        "relation": node.relation,
        "children": [_node(c) for c in node.children],
    }


def to_data(result: Any, fields: tuple[str, ...] | None = None) -> Any:
    """The JSON value of a result, as documented in docs/json.md."""
    v = {"schema_version": SCHEMA_VERSION}
    if isinstance(result, ShowResult):
        items = [_term(t, fields) for t in result.terms]
        return items if result.as_list else items[0]
    if isinstance(result, SearchResult):
        hits = [select(hit_json(h), fields, HIT_FIELDS) for h in result.hits]
        return {**v, "query": result.query, "count": len(hits), "results": hits}
    if isinstance(result, ListResult):
        terms = [select(brief_json(b), fields, BRIEF_FIELDS) for b in result.briefs]
        return {**v, "count": len(terms), "sort": result.sort, "terms": terms}
    if isinstance(result, CompareResult):
        ids = {t.id for t in result.terms}
        relations = [{"from": t.id, "type": r.type, "to": r.id} for t in result.terms for r in t.related if r.id in ids]
        shared = set(result.terms[0].tags).intersection(*(t.tags for t in result.terms[1:]))
        return {
            **v,
            "terms": [_term(t, fields) for t in result.terms],
            "relations": relations,
            "shared_tags": sorted(shared),
        }
    if isinstance(result, CategoriesResult):
        cats = [{"id": c.id, "en": c.en, "zh": c.zh, "count": c.terms} for c in result.categories]
        return {**v, "categories": cats}
    if isinstance(result, RelatedResult):
        return {**v, "depth": result.depth, "root": _node(result.root)}
    if isinstance(result, TimelineResult):
        return {**v, "terms": [brief_json(b) for b in result.briefs], "undated": result.undated}
    if isinstance(result, ValidateResult):
        issues = [
            {
                "code": i.code,
                "severity": i.severity,
                "file": i.file,
                "line": i.line,
                "col": i.col,
                "key": i.key,
                "message": i.message,
            }
            for i in result.issues
        ]
        return {
            **v,
            "ok": result.errors == 0,
            "strict": result.strict,
            "files": list(result.files),
            "terms": result.terms,
            "errors": result.errors,
            "warnings": len(result.issues) - result.errors,
            "issues": issues,
        }
    if isinstance(result, GraphResult):
        nodes = [{"id": b.id, "name": b.name, "zh_name": b.zh_name, "category": b.category} for b in result.nodes]
        edges = [{"from": s, "type": t, "to": d} for s, t, d in result.edges]
        return {**v, "nodes": nodes, "edges": edges}
    if isinstance(result, ExportResult):
        from .export import markdown

        return {
            **v,
            "category": result.category.id if result.category else None,
            "lang": result.lang,
            "markdown": markdown(result),
        }
    if isinstance(result, PathsResult):
        return {
            **v,
            "bundled": result.bundled,
            "user_file": result.user_file,
            "user_file_exists": result.user_file_exists,
            "overlays": list(result.overlays),
            "cache_dir": result.cache_dir,
            "cache_file": result.cache_file,
            "schema": result.schema,
        }
    raise TypeError(f"no JSON renderer for {type(result).__name__}")


def render(result: Any, fields: tuple[str, ...] | None = None) -> str:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return json.dumps(to_data(result, fields), ensure_ascii=encoding not in ("utf8", "utf16", "utf32"), indent=2)
