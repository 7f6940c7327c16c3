"""The operations behind the commands: arguments in, a result out; no parsing and no terminal."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from ai_terms.errors import NoResultsError, UsageError
from ai_terms.index.store import Index, open_index
from ai_terms.messages import msg, one_of
from ai_terms.model import Brief
from ai_terms.options import DEFAULT_LIMIT
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

from .resolve import check_category, check_tag, resolve, resolve_id

P = ParamSpec("P")
R = TypeVar("R")


def uses_index(fn: Callable[P, R]) -> Callable[P, R]:
    """Give `fn` the index of all sources as `index=` unless the caller passed one, and close it after."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if kwargs.get("index") is not None:
            return fn(*args, **kwargs)
        with open_index() as index:
            kwargs["index"] = index
            return fn(*args, **kwargs)

    return wrapper


@uses_index
def show(names: list[str], *, index: Index | None = None) -> ShowResult:
    assert index is not None
    terms = tuple(resolve(index, names))
    return ShowResult(terms=terms, as_list=len(names) > 1, categories=tuple(index.categories()))


@uses_index
def search(
    query: str,
    *,
    limit: int = DEFAULT_LIMIT,
    category: str | None = None,
    tag: str | None = None,
    index: Index | None = None,
) -> SearchResult:
    from .search import search as rank

    if not query.strip():
        raise UsageError(msg("empty_query"))
    if limit < 1:
        raise UsageError(msg("limit_too_small"))
    assert index is not None
    cat = check_category(index, category)
    tag_ = check_tag(index, tag)
    hits = rank(index, query, limit=limit, category=cat, tag=tag_)
    if not hits:  # nothing is about the query: say so, with the closest names
        from .search import suggest

        return SearchResult(query=query, hits=(), suggestions=tuple(suggest(index, query, searched=True)))
    return SearchResult(query=query, hits=tuple(hits), categories=tuple(index.categories()))


def _filtered(index: Index, category: str | None, tag: str | None) -> list[Brief]:
    cat = check_category(index, category)
    tag_ = check_tag(index, tag)
    return [b for b in index.briefs() if (cat is None or b.category == cat) and (tag_ is None or tag_ in b.tags)]


@uses_index
def list_terms(
    *, category: str | None = None, tag: str | None = None, sort: str = "name", index: Index | None = None
) -> ListResult:
    if sort not in ("name", "year"):
        raise UsageError(msg("option_takes", option="--sort", choices=one_of(["name", "year"]), value=sort))
    assert index is not None
    briefs = _filtered(index, category, tag)
    if not briefs:
        raise NoResultsError(msg("no_match"))
    if sort == "year":
        briefs.sort(key=lambda b: (b.year is None, b.year or 0, b.name.casefold()))
    else:
        briefs.sort(key=lambda b: b.name.casefold())
    return ListResult(categories=tuple(index.categories()), briefs=tuple(briefs), sort=sort)


@uses_index
def compare(names: list[str], *, index: Index | None = None) -> CompareResult:
    if not 2 <= len(names) <= 4:
        raise UsageError(msg("compare_count", count=len(names)))
    assert index is not None
    ids = [resolve_id(index, name) for name in names]
    if len(set(ids)) < len(ids):
        raise UsageError(msg("compare_same"))
    return CompareResult(terms=tuple(index.terms(ids)), categories=tuple(index.categories()))


@uses_index
def categories(*, index: Index | None = None) -> CategoriesResult:
    assert index is not None
    return CategoriesResult(categories=tuple(index.categories()))


@uses_index
def related(name: str, *, depth: int = 1, index: Index | None = None) -> RelatedResult:
    """The typed neighbourhood of a term, breadth first, each term shown once at its nearest place."""
    if not 1 <= depth <= 5:
        raise UsageError(msg("depth_range"))
    assert index is not None
    (root_term,) = resolve(index, [name])
    seen = {root_term.id}
    # (term id, relation from parent) per level; children are attached after the walk.
    levels: list[list[tuple[str, str, str | None]]] = [[(root_term.id, "", None)]]
    for _ in range(depth):
        frontier = [tid for tid, _, _ in levels[-1]]
        nxt: list[tuple[str, str, str | None]] = []
        for term in index.terms(frontier):
            for rel in term.related:
                if rel.id not in seen:
                    seen.add(rel.id)
                    nxt.append((rel.id, term.id, rel.type))
        if not nxt:
            break
        levels.append(nxt)
    briefs = {b.id: b for b in index.briefs(seen)}

    def build(tid: str, relation: str | None, level: int) -> Node:
        kids: tuple[Node, ...] = ()
        if level + 1 < len(levels):
            kids = tuple(build(c, r, level + 1) for c, parent, r in levels[level + 1] if parent == tid)
        return Node(brief=briefs[tid], relation=relation, children=kids)

    return RelatedResult(root=build(root_term.id, None, 0), depth=depth, categories=tuple(index.categories()))


@uses_index
def timeline(*, category: str | None = None, index: Index | None = None) -> TimelineResult:
    assert index is not None
    every = _filtered(index, category, None)
    briefs = [b for b in every if b.year is not None]
    if not briefs:
        raise NoResultsError(msg("no_dated_match"))
    briefs.sort(key=lambda b: (b.year or 0, b.name.casefold()))
    return TimelineResult(briefs=tuple(briefs), categories=tuple(index.categories()), undated=len(every) - len(briefs))


@uses_index
def random_term(*, category: str | None = None, seed: int | None = None, index: Index | None = None) -> ShowResult:
    import random

    assert index is not None
    pool = [b.id for b in _filtered(index, category, None)]
    if not pool:
        raise NoResultsError(msg("no_match"))
    pick = random.Random(seed).choice(sorted(pool))
    return ShowResult(terms=tuple(index.terms([pick])), as_list=False, categories=tuple(index.categories()))


@uses_index
def graph(*, fmt: str = "dot", category: str | None = None, index: Index | None = None) -> GraphResult:
    if fmt not in ("dot", "mermaid"):
        raise UsageError(msg("option_takes", option="--format", choices=one_of(["dot", "mermaid"]), value=fmt))
    assert index is not None
    nodes = _filtered(index, category, None)
    keep = {b.id for b in nodes}
    edges = tuple(e for e in index.edges() if e[0] in keep and e[2] in keep)
    return GraphResult(format=fmt, nodes=tuple(nodes), edges=edges)


@uses_index
def export(*, category: str | None = None, lang: str = "both", index: Index | None = None) -> ExportResult:
    assert index is not None
    cat = check_category(index, category)
    ids = [b.id for b in _filtered(index, cat, None)]
    if not ids:
        raise NoResultsError(msg("nothing_to_export"))
    cats = tuple(index.categories())
    chosen = next((c for c in cats if c.id == cat), None)
    return ExportResult(category=chosen, categories=cats, terms=tuple(index.terms(ids)), lang=lang)


def paths() -> PathsResult:
    import os

    from ai_terms.index.cache import cache_file
    from ai_terms.sources import paths as where

    try:
        found = where.sources()
        cache: str | None = cache_file(found)
    except Exception:
        cache = None
    user = where.user_file()
    return PathsResult(
        bundled=where.bundled_path(),
        user_file=user,
        user_file_exists=os.path.isfile(user),
        overlays=tuple(where.overlay_entries()),
        cache_dir=where.cache_dir(),
        cache_file=cache,
        schema=where.schema_path(),
    )


def validate(paths: list[str], *, strict: bool = False) -> ValidateResult:
    """Lint corpus files (the bundled corpus when `paths` is empty)."""
    from ai_terms.corpus.lint import lint_paths

    files, issues, terms = lint_paths(paths, strict=strict)
    return ValidateResult(files=tuple(files), issues=tuple(issues), strict=strict, terms=terms)
