"""The Python API: the same answers as the `--json` commands, as dictionaries, without a subprocess.

    >>> from ai_terms import api
    >>> api.show("lora")["paper"]["arxiv"]
    '2106.09685'

Each function returns exactly what the matching command prints with `--json` (same `schema_version`,
documented in docs/json.md), reads the same sources (the bundled corpus, the user file, `AITERMS_PATH`)
and the same compiled index. Errors are raised, never printed:

- `UnknownTermError` (`.name`, `.suggestions`): no entry has that name;
- `AmbiguousTermError` (`.name`, `.candidates`): several entries share it;
- `NoResultsError`: a filter that matched nothing (a search that finds nothing returns an empty `results`);
- `UsageError`: a bad argument (unknown category or tag, depth out of range, 1 or more than 4 terms to compare);
- `CorpusError` (`.file`, `.line`, `.col`, `.key`): the bundled corpus is invalid.

All of them derive from `AitermsError` (`.message`, `.exit_code`). A user or overlay file that cannot be
used is left out with an `AitermsWarning` (Python's `warnings`), as the command line prints a warning line.
Importing this module imports neither typer nor rich.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from ai_terms.errors import (
    AitermsError,
    AitermsWarning,
    AmbiguousTermError,
    CorpusError,
    NoResultsError,
    UnknownTermError,
    UsageError,
)
from ai_terms.messages import msg, one_of
from ai_terms.options import DEFAULT_LIMIT, LANGS
from ai_terms.query import actions

P = ParamSpec("P")
R = TypeVar("R")

__all__ = [
    "AitermsError",
    "AitermsWarning",
    "AmbiguousTermError",
    "CorpusError",
    "NoResultsError",
    "UnknownTermError",
    "UsageError",
    "categories",
    "compare",
    "related",
    "search",
    "show",
]


def show(name: str, *, lang: str | None = None) -> dict[str, Any]:
    """The entry `name` names (id, name, full name, Chinese name or alias), as `aiterms show NAME --json`.

    The object holds both languages whatever `lang` is; `lang` ("en", "zh" or "both") only sets the language
    of an error's message, as `--lang` does on the command line.
    """
    lang = _lang(lang)
    try:
        data: dict[str, Any] = _warned(actions.show, [name]).to_json()
    except AitermsError as exc:
        raise exc.in_language(lang) from None
    return data


def search(
    query: str, *, limit: int = DEFAULT_LIMIT, category: str | None = None, tag: str | None = None
) -> dict[str, Any]:
    """Ranked matches for `query` in either language, as `aiterms search QUERY --json`."""
    if limit < 1:
        raise UsageError(msg("api_limit", limit=limit))
    result: dict[str, Any] = _warned(actions.search, query, limit=limit, category=category, tag=tag).to_json()
    return result


def compare(*names: str) -> dict[str, Any]:
    """Two to four entries side by side, with how they relate, as `aiterms compare A B --json`."""
    result: dict[str, Any] = _warned(actions.compare, list(names)).to_json()
    return result


def related(name: str, *, depth: int = 1) -> dict[str, Any]:
    """The typed neighbourhood of an entry as a tree, as `aiterms related NAME --depth N --json`."""
    result: dict[str, Any] = _warned(actions.related, name, depth=depth).to_json()
    return result


def categories() -> dict[str, Any]:
    """The categories with their labels in both languages and entry counts, as `aiterms categories --json`."""
    result: dict[str, Any] = _warned(actions.categories).to_json()
    return result


def _warned(fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """Call an action; what the command line would print as warnings becomes AitermsWarning."""
    import warnings

    from ai_terms.index.store import WARNINGS

    WARNINGS.clear()
    try:
        return fn(*args, **kwargs)
    finally:
        for message in WARNINGS:
            warnings.warn(message.text("en"), AitermsWarning, stacklevel=3)
        WARNINGS.clear()


def _lang(lang: str | None) -> str:
    if lang is None:
        return "en"
    if lang not in LANGS:
        raise UsageError(msg("option_takes", option="lang", choices=one_of(LANGS), value=lang))
    return lang
