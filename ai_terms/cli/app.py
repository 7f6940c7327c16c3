"""The typer command line: each command parses, calls actions, and hands the result to render.emit."""

from __future__ import annotations

from typing import Annotated

import typer

from ai_terms import __version__
from ai_terms.options import DEFAULT_LIMIT, Options, global_option, make_options
from ai_terms.query import actions
from ai_terms.render import emit

app = typer.Typer(
    name="aiterms",
    help="A fast, bilingual (English / 中文) terminal reference for AI and machine-learning concepts.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Global settings (options.GLOBAL_OPTIONS), filled by the callback: one per process, read by every command.
_state: dict[str, str | bool] = {}


def _complete_term(incomplete: str) -> list[tuple[str, str]]:
    """Term names for typer's own completion protocol (our scripts use `aiterms __complete`, cli.complete)."""
    from ai_terms.index.store import open_index
    from ai_terms.query.resolve import name_completions

    lang = "zh" if _state.get("lang") == "zh" else "en"
    try:
        with open_index() as index:
            found = name_completions(index, incomplete, literal=True)
    except Exception:
        return []
    return [(name, brief.summary.pick(lang) or "") for name, brief in found if name.startswith(incomplete)]


def _complete_category(incomplete: str) -> list[str]:
    from ai_terms.index.store import open_index

    try:
        with open_index() as index:
            return [c.id for c in index.categories() if c.id.startswith(incomplete)]
    except Exception:
        return []


def _opts(json_: bool = False, fields: str | None = None, lang: str | None = None) -> Options:
    return make_options(_state, json=json_, fields=fields, lang=lang)


Json = Annotated[bool, typer.Option("--json", help="Print JSON (both languages) instead of text.")]
Fields = Annotated[
    str | None,
    typer.Option("--fields", help="Comma-separated JSON fields to keep (implies --json).", metavar="F1,F2"),
]
Category = Annotated[
    str | None,
    typer.Option("--category", "-c", help="Only this category.", autocompletion=_complete_category),
]
Tag = Annotated[str | None, typer.Option("--tag", "-t", help="Only terms with this tag.")]


def _version(value: bool) -> None:
    if value:
        print(f"aiterms {__version__}")
        raise typer.Exit()


_LANG, _NO_COLOR, _NO_PAGER = (global_option(d) for d in ("lang", "no_color", "no_pager"))


@app.callback()
def main(
    lang: Annotated[str | None, typer.Option(*_LANG.names, help=_LANG.help)] = None,
    no_color: Annotated[bool, typer.Option(*_NO_COLOR.names, help=_NO_COLOR.help)] = False,
    no_pager: Annotated[bool, typer.Option(*_NO_PAGER.names, help=_NO_PAGER.help)] = False,
    version: Annotated[
        bool, typer.Option("--version", "-V", help="Print the version.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """A fast, bilingual (English / 中文) terminal reference for AI and machine-learning concepts."""
    _state.clear()
    _state.update({k: v for k, v in (("lang", lang), ("no_color", no_color), ("no_pager", no_pager)) if v})


@app.command()
def show(
    terms: Annotated[
        list[str], typer.Argument(help="Names, ids, aliases or Chinese names.", autocompletion=_complete_term)
    ],
    json_: Json = False,
    fields: Fields = None,
    brief: Annotated[bool, typer.Option("--brief", help="One line per term: name, Chinese name, summary.")] = False,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="text (default), markdown, brief or json.", metavar="FORMAT")
    ] = None,
) -> None:
    """Show the full entry of one or more terms."""
    from ai_terms.options import OutputFormat

    chosen = "brief" if brief else (fmt or "text").lower()
    if chosen not in {f.value for f in OutputFormat}:
        from ai_terms.errors import UsageError
        from ai_terms.messages import msg, one_of

        choices = one_of(["text", "markdown", "brief", "json"])
        raise UsageError(msg("option_takes", option="--format", choices=choices, value=fmt))
    opts = make_options(_state, json=json_, fields=fields, format=OutputFormat(chosen))
    emit(actions.show(terms), opts)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words in English or Chinese; typos are forgiven.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many results.")] = DEFAULT_LIMIT,
    category: Category = None,
    tag: Tag = None,
    json_: Json = False,
    fields: Fields = None,
) -> None:
    """Search names, aliases and text in both languages, best match first."""
    opts = _opts(json_, fields)
    emit(actions.search(query, limit=limit, category=category, tag=tag), opts)


@app.command("list")
def list_(
    category: Category = None,
    tag: Tag = None,
    sort: Annotated[str, typer.Option("--sort", help="name or year.")] = "name",
    plain: Annotated[
        bool, typer.Option("--plain", help="One entry per line, tab-separated: id, name, Chinese name, summary.")
    ] = False,
    json_: Json = False,
    fields: Fields = None,
) -> None:
    """List entries, grouped by category (one tab-separated line per entry when piped)."""
    import os
    import sys

    from ai_terms.options import OutputFormat

    # Piped, as the other line views: no terminal, and no COLUMNS saying how wide one would be.
    lines = plain or (not sys.stdout.isatty() and not os.environ.get("COLUMNS"))
    opts = make_options(_state, json=json_, fields=fields, format=OutputFormat.LINES if lines else OutputFormat.TEXT)
    emit(actions.list_terms(category=category, tag=tag, sort=sort), opts)


@app.command()
def compare(
    terms: Annotated[list[str], typer.Argument(help="Two to four terms.", autocompletion=_complete_term)],
    json_: Json = False,
) -> None:
    """Compare 2 to 4 terms side by side."""
    emit(actions.compare(terms), _opts(json_))


@app.command()
def categories(json_: Json = False) -> None:
    """List categories with labels in both languages and counts."""
    emit(actions.categories(), _opts(json_))


@app.command()
def related(
    term: Annotated[str, typer.Argument(help="A term.", autocompletion=_complete_term)],
    depth: Annotated[int, typer.Option("--depth", "-d", help="How many steps out (1-5).")] = 1,
    json_: Json = False,
) -> None:
    """Show the typed neighbourhood of a term as a tree."""
    emit(actions.related(term, depth=depth), _opts(json_))


@app.command()
def timeline(category: Category = None, json_: Json = False) -> None:
    """Draw terms on a timeline by year, to see the history of the field at a glance."""
    emit(actions.timeline(category=category), _opts(json_))


@app.command("random")
def random_(
    category: Category = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed, for a reproducible pick.")] = None,
    json_: Json = False,
    fields: Fields = None,
) -> None:
    """Show one entry at random."""
    opts = _opts(json_, fields)
    emit(actions.random_term(category=category, seed=seed), opts)


@app.command()
def validate(
    paths: Annotated[list[str] | None, typer.Argument(help="Corpus files or folders (default: bundled).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Require every field in both languages.")] = False,
    json_: Json = False,
) -> None:
    """Lint corpus files with stable rule codes; exit 3 on errors."""
    result = actions.validate(paths or [], strict=strict)
    emit(result, _opts(json_))
    if result.errors:
        from ai_terms.errors import ValidationFailed

        raise ValidationFailed(result.errors)


@app.command()
def graph(
    fmt: Annotated[str, typer.Option("--format", "-f", help="dot (Graphviz) or mermaid.")] = "dot",
    category: Category = None,
    json_: Json = False,
) -> None:
    """Export the relation graph as Graphviz DOT or Mermaid."""
    emit(actions.graph(fmt=fmt, category=category), _opts(json_))


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="markdown.")] = "markdown",
    category: Category = None,
    json_: Json = False,
) -> None:
    """Export a Markdown cheat sheet (of one category, or all), in --lang (default both)."""
    from ai_terms.errors import UsageError
    from ai_terms.messages import literal, msg

    if fmt != "markdown":
        raise UsageError(msg("option_takes", option="--format", choices=literal("markdown"), value=fmt))
    lang = str(_state.get("lang") or "both")
    emit(actions.export(category=category, lang=lang), _opts(json_, lang=lang))


@app.command()
def paths(json_: Json = False) -> None:
    """Show where the bundled corpus, the user file, the overlays and the cache live."""
    emit(actions.paths(), _opts(json_))


@app.command()
def mcp() -> None:
    """Serve the Model Context Protocol over stdio, for coding assistants (needs: pip install 'aiterms[mcp]')."""
    from ai_terms.cli.mcp_server import serve

    serve()


@app.command()
def completion(
    shell: Annotated[str, typer.Argument(help="bash, zsh or fish.", metavar="SHELL")],
) -> None:
    """Print the completion script for bash, zsh or fish; the README shows where to put it."""
    from ai_terms.cli.scripts import SHELLS, script
    from ai_terms.errors import UsageError
    from ai_terms.messages import msg

    if shell not in SHELLS:
        raise UsageError(msg("completion_shell", shell=shell))
    print(script(shell), end="")


def _install_our_scripts() -> None:
    """typer's --install-completion and --show-completion write the scripts `completion` prints (they take
    a %-template; pinned typer range)."""
    from typer import _completion_shared

    from ai_terms.cli.scripts import SHELLS, script

    for shell in SHELLS:
        _completion_shared._completion_scripts[shell] = script(shell).replace("%", "%%")


_install_our_scripts()
