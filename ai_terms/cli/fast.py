"""The hot path without typer: `show` and `search` in their common forms, parsed by hand.

Importing typer costs about as much as everything else `aiterms show lora` does, so the two commands people
run mid-coding are parsed here when their arguments are plain (names, --json, --fields, --limit, --category,
--tag and the global options of options.GLOBAL_OPTIONS). Anything else -- help, unknown options, completion
-- returns False and goes to the typer app, which defines the same commands; tests check that both paths
print the same output.
"""

from __future__ import annotations

from ai_terms.options import DEFAULT_LIMIT, make_options, split_global
from ai_terms.query import actions
from ai_terms.render import emit
from ai_terms.results import SearchResult, ShowResult

_COMMON_VALUES = {"--fields": "fields"}
_SEARCH_VALUES = {
    "--limit": "limit",
    "-n": "limit",
    "--category": "category",
    "-c": "category",
    "--tag": "tag",
    "-t": "tag",
}


def _split_globals(args: list[str]) -> tuple[dict[str, str | bool], list[str]] | None:
    """Leading global options and the rest; None if an option comes that this path does not know."""
    found: dict[str, str | bool] = {}
    i = 0
    while i < len(args):
        option = split_global(args, i)
        if option is not None:
            dest, value, taken = option
            found[dest] = value
            i += taken
        elif args[i].startswith("-"):
            return None
        else:
            return found, args[i:]
    return None


def _parse(command: str, rest: list[str]) -> tuple[list[str], dict[str, str], bool] | None:
    values = dict(_COMMON_VALUES)
    if command == "search":
        values.update(_SEARCH_VALUES)
    positional: list[str] = []
    options: dict[str, str] = {}
    json_ = False
    i = 0
    while i < len(rest):
        arg = rest[i]
        name, eq, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if arg == "--json":
            json_ = True
        elif name in values:
            if eq:
                options[values[name]] = inline
            elif i + 1 < len(rest):
                options[values[name]] = rest[i + 1]
                i += 1
            else:
                return None
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            positional.append(arg)
        i += 1
    return positional, options, json_


def try_fast(args: list[str]) -> bool:
    """Run `args` if this path can; False means "let typer do it"."""
    split = _split_globals(args)
    if split is None:
        return False
    settings, rest = split
    command, rest = rest[0], rest[1:]
    if command not in ("show", "search"):
        return False
    parsed = _parse(command, rest)
    if parsed is None:
        return False
    positional, options, json_ = parsed
    lang = settings.get("lang")
    if (isinstance(lang, str) and lang.lower() not in ("en", "zh", "both")) or not positional:
        return False  # typer reports the bad value
    if command == "search" and (len(positional) != 1 or not options.get("limit", "1").isdigit()):
        return False
    opts = make_options(settings, json=json_, fields=options.get("fields"))
    result: ShowResult | SearchResult
    if command == "show":
        result = actions.show(positional)
    else:
        limit = int(options.get("limit", DEFAULT_LIMIT))
        result = actions.search(positional[0], limit=limit, category=options.get("category"), tag=options.get("tag"))
    emit(result, opts)
    return True
