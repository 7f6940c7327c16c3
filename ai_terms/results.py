"""What each command produces: one result type per command, each able to give its own JSON (docs/json.md).

Text views live in render/; a result knows nothing of terminals.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ai_terms.errors import UsageError
from ai_terms.messages import Message, literal, msg, suggestion
from ai_terms.model import FIELD, FIELDS, SCHEMA_VERSION, Brief, Category, Hit, Issue, Term

# Every field of a term object, with its meaning: the source of --fields errors and of docs/json.md.
TERM_FIELDS: dict[str, str] = {f.key: f.meaning for f in FIELDS}
BRIEF_FIELDS: dict[str, str] = {k: FIELD[k].meaning for k in Brief._fields}
HIT_FIELDS: dict[str, str] = {
    **BRIEF_FIELDS,
    "score": (
        "relevance, higher is better: exact names about 100, prefixes 70-80, fuzzy names 20-60, "
        "full text up to 35, plus a tenth of the text score"
    ),
    "match": "{field, kind, snippet, highlights}: why it matched; kind is exact, prefix, fuzzy or text",
}
_V = {"schema_version": SCHEMA_VERSION}


def select(obj: dict[str, Any], fields: tuple[str, ...] | None, known: dict[str, str]) -> dict[str, Any]:
    """`obj` reduced to `fields`; an unknown field is a usage error that lists the valid ones."""
    if fields is None:
        return obj
    unknown = [f for f in fields if f not in known]
    if unknown:
        raise UsageError(msg("unknown_field", field=unknown[0], valid=_valid_fields(known)))
    return {f: obj[f] for f in fields}


def _valid_fields(known: dict[str, str]) -> Message:
    """The fields --fields takes: with their meanings in English, with their labels in Chinese."""
    from ai_terms.labels import LABELS

    zh = LABELS["zh"]
    en_text = "; ".join(f"{name}: {meaning}" for name, meaning in known.items())
    zh_text = "、".join(f"{name}（{zh[name]}）" if name in zh and zh[name] != name else name for name in known)
    return literal(en_text, zh_text)


def brief_json(brief: Brief) -> dict[str, Any]:
    data: dict[str, Any] = dict(zip(Brief._fields, brief, strict=True))
    data["tags"] = list(brief.tags)
    data["summary"] = {"en": brief.summary.en, "zh": brief.summary.zh}
    return data


def term_json(term: Term, fields: tuple[str, ...] | None = None) -> dict[str, Any]:
    return {**_V, **select(term.to_json(), fields, TERM_FIELDS)}


class ShowResult(NamedTuple):
    terms: tuple[Term, ...]
    as_list: bool  # JSON gives a list when several names were asked for
    categories: tuple[Category, ...] = ()

    def to_json(self, fields: tuple[str, ...] | None = None) -> Any:
        items = [term_json(t, fields) for t in self.terms]
        return items if self.as_list else items[0]


class SearchResult(NamedTuple):
    query: str
    hits: tuple[Hit, ...]
    categories: tuple[Category, ...] = ()
    suggestions: tuple[str, ...] = ()  # closest names, when nothing is about the query

    def nothing(self) -> Message:
        """The message when nothing is about the query."""
        if self.suggestions:
            return msg("nothing_about.closest", query=self.query, names=[suggestion(s) for s in self.suggestions])
        return msg("nothing_about", query=self.query)

    def to_json(self, fields: tuple[str, ...] | None = None) -> Any:
        hits = []
        for hit in self.hits:
            m = hit.match
            match = {"field": m.field, "kind": m.kind, "snippet": m.snippet, "highlights": [list(s) for s in m.spans]}
            hits.append(select({**brief_json(hit.brief), "score": hit.score, "match": match}, fields, HIT_FIELDS))
        return {**_V, "query": self.query, "count": len(hits), "results": hits}


class ListResult(NamedTuple):
    categories: tuple[Category, ...]
    briefs: tuple[Brief, ...]
    sort: str

    def to_json(self, fields: tuple[str, ...] | None = None) -> Any:
        terms = [select(brief_json(b), fields, BRIEF_FIELDS) for b in self.briefs]
        return {**_V, "count": len(terms), "sort": self.sort, "terms": terms}


class CompareResult(NamedTuple):
    terms: tuple[Term, ...]
    categories: tuple[Category, ...]

    def to_json(self, fields: tuple[str, ...] | None = None) -> Any:
        ids = {t.id for t in self.terms}
        relations = [{"from": t.id, "type": r.type, "to": r.id} for t in self.terms for r in t.related if r.id in ids]
        shared = set(self.terms[0].tags).intersection(*(t.tags for t in self.terms[1:]))
        terms = [term_json(t, fields) for t in self.terms]
        return {**_V, "terms": terms, "relations": relations, "shared_tags": sorted(shared)}


class CategoriesResult(NamedTuple):
    categories: tuple[Category, ...]

    def to_json(self, fields: tuple[str, ...] | None = None) -> Any:
        return {**_V, "categories": [{"id": c.id, "en": c.en, "zh": c.zh, "count": c.terms} for c in self.categories]}


class Node(NamedTuple):
    """A term in a relation tree, reached from its parent through `relation` (None at the root)."""

    brief: Brief
    relation: str | None
    children: tuple[Node, ...]

    def to_json(self) -> dict[str, Any]:
        b = self.brief
        return {
            "id": b.id,
            "name": b.name,
            "zh_name": b.zh_name,
            "category": b.category,
            "relation": self.relation,
            "children": [c.to_json() for c in self.children],
        }


class RelatedResult(NamedTuple):
    root: Node
    depth: int
    categories: tuple[Category, ...] = ()

    def to_json(self, fields: tuple[str, ...] | None = None) -> Any:
        return {**_V, "depth": self.depth, "root": self.root.to_json()}


class TimelineResult(NamedTuple):
    briefs: tuple[Brief, ...]  # sorted by year, then name
    categories: tuple[Category, ...]
    undated: int = 0  # entries left out for want of a year

    def to_json(self, fields: tuple[str, ...] | None = None) -> Any:
        return {**_V, "terms": [brief_json(b) for b in self.briefs], "undated": self.undated}


_ISSUE_KEYS = ("code", "severity", "file", "line", "col", "key", "message")


class ValidateResult(NamedTuple):
    files: tuple[str, ...]
    issues: tuple[Issue, ...]
    strict: bool
    terms: int

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.severity == "error")

    def to_json(self, fields: tuple[str, ...] | None = None) -> Any:
        return {
            **_V,
            "ok": self.errors == 0,
            "strict": self.strict,
            "files": list(self.files),
            "terms": self.terms,
            "errors": self.errors,
            "warnings": len(self.issues) - self.errors,
            "issues": [
                {k: getattr(i, k) for k in ("code", "severity", "file", "line", "col", "key", "message")}
                for i in self.issues
            ],
        }


class GraphResult(NamedTuple):
    format: str
    nodes: tuple[Brief, ...]
    edges: tuple[tuple[str, str, str], ...]

    def to_json(self, fields: tuple[str, ...] | None = None) -> Any:
        nodes = [{"id": b.id, "name": b.name, "zh_name": b.zh_name, "category": b.category} for b in self.nodes]
        edges = [{"from": s, "type": t, "to": d} for s, t, d in self.edges]
        return {**_V, "nodes": nodes, "edges": edges}


class ExportResult(NamedTuple):
    category: Category | None
    categories: tuple[Category, ...]
    terms: tuple[Term, ...]
    lang: str

    def markdown(self) -> str:
        from ai_terms.markdown import cheat_sheet

        return cheat_sheet(self.category, self.categories, self.terms, self.lang)

    def to_json(self, fields: tuple[str, ...] | None = None) -> Any:
        category = self.category.id if self.category else None
        return {**_V, "category": category, "lang": self.lang, "markdown": self.markdown()}


class PathsResult(NamedTuple):
    bundled: str
    user_file: str
    user_file_exists: bool
    overlays: tuple[str, ...]
    cache_dir: str
    cache_file: str | None
    schema: str

    def to_json(self, fields: tuple[str, ...] | None = None) -> Any:
        return {**_V, **self._asdict(), "overlays": list(self.overlays)}


Result = (
    ShowResult | SearchResult | ListResult | CompareResult | CategoriesResult | RelatedResult | TimelineResult
    | ValidateResult | GraphResult | ExportResult | PathsResult
)  # fmt: skip
