"""What each command produces: one result type per command, rendered as text or JSON elsewhere."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Brief, Category, Hit, Term


@dataclass(frozen=True, slots=True)
class ShowResult:
    terms: tuple[Term, ...]
    as_list: bool  # JSON gives a list when several names were asked for
    categories: tuple[Category, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]


@dataclass(frozen=True, slots=True)
class ListResult:
    categories: tuple[Category, ...]
    briefs: tuple[Brief, ...]
    sort: str


@dataclass(frozen=True, slots=True)
class CompareResult:
    terms: tuple[Term, ...]
    categories: tuple[Category, ...]


@dataclass(frozen=True, slots=True)
class CategoriesResult:
    categories: tuple[Category, ...]


@dataclass(frozen=True, slots=True)
class Node:
    """A term in a relation tree, reached from its parent through `relation` (None at the root)."""

    brief: Brief
    relation: str | None
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class RelatedResult:
    root: Node
    depth: int


@dataclass(frozen=True, slots=True)
class TimelineResult:
    briefs: tuple[Brief, ...]  # sorted by year, then name
    categories: tuple[Category, ...]


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding of the linter, with a stable rule code."""

    code: str
    severity: str  # "error" or "warning"
    file: str
    message: str
    line: int | None = None
    col: int | None = None
    key: str | None = None


@dataclass(frozen=True, slots=True)
class ValidateResult:
    files: tuple[str, ...]
    issues: tuple[Issue, ...]
    strict: bool
    terms: int

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.severity == "error")


@dataclass(frozen=True, slots=True)
class GraphResult:
    format: str
    nodes: tuple[Brief, ...]
    edges: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True, slots=True)
class ExportResult:
    category: Category | None
    categories: tuple[Category, ...]
    terms: tuple[Term, ...]
    lang: str


@dataclass(frozen=True, slots=True)
class PathsResult:
    bundled: str
    user_file: str
    user_file_exists: bool
    overlays: tuple[str, ...]
    cache_dir: str
    cache_file: str | None
    schema: str
