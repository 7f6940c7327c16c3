"""What each command produces: one result type per command, rendered as text or JSON elsewhere."""

from __future__ import annotations

from typing import NamedTuple

from .model import Brief, Category, Hit, Term


class ShowResult(NamedTuple):
    terms: tuple[Term, ...]
    as_list: bool  # JSON gives a list when several names were asked for
    categories: tuple[Category, ...] = ()


class SearchResult(NamedTuple):
    query: str
    hits: tuple[Hit, ...]
    categories: tuple[Category, ...] = ()


class ListResult(NamedTuple):
    categories: tuple[Category, ...]
    briefs: tuple[Brief, ...]
    sort: str


class CompareResult(NamedTuple):
    terms: tuple[Term, ...]
    categories: tuple[Category, ...]


class CategoriesResult(NamedTuple):
    categories: tuple[Category, ...]


class Node(NamedTuple):
    """A term in a relation tree, reached from its parent through `relation` (None at the root)."""

    brief: Brief
    relation: str | None
    children: tuple[Node, ...]


class RelatedResult(NamedTuple):
    root: Node
    depth: int
    categories: tuple[Category, ...] = ()


class TimelineResult(NamedTuple):
    briefs: tuple[Brief, ...]  # sorted by year, then name
    categories: tuple[Category, ...]
    undated: int = 0  # entries left out for want of a year


class Issue(NamedTuple):
    """One finding of the linter, with a stable rule code."""

    code: str
    severity: str  # "error" or "warning"
    file: str
    message: str
    line: int | None = None
    col: int | None = None
    key: str | None = None


class ValidateResult(NamedTuple):
    files: tuple[str, ...]
    issues: tuple[Issue, ...]
    strict: bool
    terms: int

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.severity == "error")


class GraphResult(NamedTuple):
    format: str
    nodes: tuple[Brief, ...]
    edges: tuple[tuple[str, str, str], ...]


class ExportResult(NamedTuple):
    category: Category | None
    categories: tuple[Category, ...]
    terms: tuple[Term, ...]
    lang: str


class PathsResult(NamedTuple):
    bundled: str
    user_file: str
    user_file_exists: bool
    overlays: tuple[str, ...]
    cache_dir: str
    cache_file: str | None
    schema: str
