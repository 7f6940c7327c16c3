"""How a command line asks to be answered: output format, language, colour and paging.

The global options are one table, GLOBAL_OPTIONS, read by the typer app (its callback declares them from
here), by the fast path (which parses them by hand) and by `hoist_globals` (which moves them in front of the
command); a test walks typer's parameters and checks they agree with it.
"""

from __future__ import annotations

import enum
import os
from typing import NamedTuple


class OutputFormat(enum.Enum):
    """What a command prints: text for people, or JSON for programs."""

    TEXT = "text"
    JSON = "json"
    BRIEF = "brief"  # one line per entry, for editors
    MARKDOWN = "markdown"  # one entry as Markdown, as `export` writes it
    LINES = "lines"  # one tab-separated line per entry, for fzf, cut and awk


LANGS = ("en", "zh", "both")
DEFAULT_LIMIT = 10  # search results, when --limit is not given


class Options(NamedTuple):
    """How to render a result."""

    lang: str = "en"
    format: OutputFormat = OutputFormat.TEXT
    fields: tuple[str, ...] | None = None  # JSON fields to keep
    color: bool = True
    pager: bool = True


class GlobalOption(NamedTuple):
    """An option accepted before or after any command."""

    names: tuple[str, ...]  # the long name first
    dest: str
    takes_value: bool
    help: str


GLOBAL_OPTIONS: tuple[GlobalOption, ...] = (
    GlobalOption(
        ("--lang", "-l", "--language", "-L"), "lang", True, "en, zh or both. Default: $AITERMS_LANG, else the locale."
    ),
    GlobalOption(("--no-color",), "no_color", False, "No colours (also NO_COLOR)."),
    GlobalOption(("--no-pager",), "no_pager", False, "Never page long output."),
)
_BY_NAME = {name: opt for opt in GLOBAL_OPTIONS for name in opt.names}


def global_option(dest: str) -> GlobalOption:
    return next(opt for opt in GLOBAL_OPTIONS if opt.dest == dest)


def split_global(args: list[str], i: int) -> tuple[str, str | bool, int] | None:
    """If `args[i]` is a global option: (dest, value, how many words it took); else None."""
    arg = args[i]
    name, eq, inline = arg.partition("=")
    opt = _BY_NAME.get(name if name.startswith("--") else arg)
    if opt is None:
        return None
    if not opt.takes_value:
        return None if eq else (opt.dest, True, 1)
    if eq and name.startswith("--"):
        return opt.dest, inline, 1
    if i + 1 < len(args):
        return opt.dest, args[i + 1], 2
    return None


# The commands, so that `aiterms lora` can mean `aiterms show lora` without importing typer (a test checks that
# typer has exactly these).
COMMANDS = (
    "show", "search", "list", "compare", "categories", "related", "timeline", "random", "validate", "graph",
    "export", "paths", "completion", "mcp",
)  # fmt: skip


def implicit_show(args: list[str]) -> list[str]:
    """`aiterms TERM...` is `aiterms show TERM...` when the first word after the global options is not a
    command or an option (a term named like a command is reached with `show`)."""
    i = 0
    while i < len(args):
        found = split_global(args, i)
        if found is None:
            break
        i += found[2]
    if i < len(args) and not args[i].startswith("-") and args[i] not in COMMANDS:
        return [*args[:i], "show", *args[i:]]
    return args


def hoist_globals(args: list[str]) -> list[str]:
    """Move global options written after the command (`show lora --lang zh`) in front of it."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        if args[i] == "--":
            rest.extend(args[i:])
            break
        found = split_global(args, i)
        if found is None:
            rest.append(args[i])
            i += 1
        else:
            front.extend(args[i : i + found[2]])
            i += found[2]
    return front + rest


def default_lang() -> str:
    """AITERMS_LANG if set, else the locale: zh* gives zh, anything else en."""
    env = os.environ.get("AITERMS_LANG", "").strip().lower()  # an unknown value falls back to the locale
    if env in LANGS:
        return env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def pick_lang(chosen: str | None) -> str:
    """The --lang value, checked, or the default."""
    lang = (chosen or default_lang()).lower()
    if lang not in LANGS:
        from .errors import UsageError
        from .messages import msg, one_of

        raise UsageError(msg("option_takes", option="--lang", choices=one_of(LANGS), value=chosen))
    return lang


def globals_in(args: list[str]) -> tuple[dict[str, str | bool], list[str]]:
    """The global options anywhere in `args` (up to "--"), by dest, and the other words in order."""
    found: dict[str, str | bool] = {}
    rest: list[str] = []
    i = 0
    while i < len(args):
        if args[i] == "--":
            rest.extend(args[i:])
            break
        option = split_global(args, i)
        if option is None:
            rest.append(args[i])
            i += 1
        else:
            found[option[0]] = option[1]
            i += option[2]
    return found, rest


def lang_or_default(chosen: str | bool | None) -> str:
    """A --lang value if it is one (any case), else the default; never fails (for messages and completion)."""
    lang = chosen.lower() if isinstance(chosen, str) else None
    return lang if lang in LANGS else default_lang()


def message_lang(args: list[str]) -> str:
    """The language of the messages for a command line: zh when it asks for Chinese (--lang zh, else the
    default), en otherwise; a bad --lang value counts as absent."""
    return "zh" if lang_or_default(globals_in(args)[0].get("lang")) == "zh" else "en"


def color_allowed(no_color_flag: bool) -> bool:
    return not no_color_flag and not os.environ.get("NO_COLOR")  # no-color.org: set and not empty


def make_options(
    settings: dict[str, str | bool],
    *,
    json: bool = False,
    fields: str | None = None,
    lang: str | None = None,
    format: OutputFormat = OutputFormat.TEXT,
) -> Options:
    """Options from the global settings and a command's own --json/--fields (which imply JSON) or format."""
    picked = tuple(f.strip() for f in fields.split(",") if f.strip()) if fields is not None else None
    chosen = lang or settings.get("lang")
    return Options(
        lang=pick_lang(chosen if isinstance(chosen, str) else None),
        format=OutputFormat.JSON if json or picked is not None else format,
        fields=picked,
        color=color_allowed(bool(settings.get("no_color"))),
        pager=not settings.get("no_pager"),
    )
