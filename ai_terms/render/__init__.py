"""Rendering a result: one renderer per output format, and for text one view per result type.

The table below is the one place that says which module draws what; each module is imported only when
its output is asked for (the `show` panel and JSON never import rich).
"""

from __future__ import annotations

import importlib

from ai_terms.options import Options, OutputFormat
from ai_terms.results import (
    CategoriesResult,
    CompareResult,
    ExportResult,
    GraphResult,
    ListResult,
    PathsResult,
    RelatedResult,
    Result,
    SearchResult,
    ShowResult,
    TimelineResult,
    ValidateResult,
)

# The module (under ai_terms.render) and function that draw each result as text.
TEXT_VIEWS: dict[type, tuple[str, str]] = {
    ShowResult: ("panel", "render"),  # drawn without rich: the hot path (panel.py says why)
    GraphResult: ("export", "graph"),
    ExportResult: ("export", "cheat_sheet"),
    SearchResult: ("tables", "render"),  # drawn without rich (tables.py)
    ListResult: ("tables", "render"),  # drawn without rich (tables.py)
    CompareResult: ("tables", "render"),  # drawn without rich (tables.py)
    CategoriesResult: ("views", "render"),
    RelatedResult: ("views", "render"),
    TimelineResult: ("views", "render"),
    ValidateResult: ("tables", "render"),  # one finding per line (tables.py)
    PathsResult: ("tables", "render"),  # drawn without rich (tables.py)
}
# Formats other than text, each drawn by one function whatever the result.
FORMATS: dict[OutputFormat, tuple[str, str]] = {
    OutputFormat.JSON: ("json_view", "render"),
    OutputFormat.BRIEF: ("plain", "brief"),
    OutputFormat.MARKDOWN: ("plain", "markdown"),
    OutputFormat.LINES: ("plain", "lines"),
}


def emit(result: Result, opts: Options) -> None:
    """Print `result` as `opts` asks. A search that found nothing prints its empty JSON (or, as text,
    nothing) and leaves with NoResultsError, whose message says so and names the closest entries."""
    if isinstance(result, SearchResult) and not result.hits:
        if opts.format is not OutputFormat.TEXT:
            _draw(result, opts)
        from ai_terms.errors import NoResultsError

        raise NoResultsError(result.nothing())
    _draw(result, opts)


def _draw(result: Result, opts: Options) -> None:
    module, function = FORMATS.get(opts.format) or TEXT_VIEWS[type(result)]
    getattr(importlib.import_module(f"ai_terms.render.{module}"), function)(result, opts)
