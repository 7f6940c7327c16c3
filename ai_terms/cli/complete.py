"""Shell completion without typer: the scripts `aiterms completion SHELL` prints ask `aiterms __complete`.

typer's own scripts hand bash its candidates unquoted ("KV cache" becomes two words), cannot complete inside
an open quote, and cost a typer import per Tab. Ours (ai_terms/cli/scripts/) pass what is typed to

    aiterms __complete bash LINE               the command line up to the cursor ($COMP_WORDBREAKS in the env)
    aiterms __complete zsh|fish WORD... CURRENT  the words before the cursor, dequoted, then the current one
                                               (fish: as typed; dequoted here)

and this module answers from the index: commands and terms at the top level (`aiterms TERM` is `aiterms show
TERM`), terms after show/compare/related, languages, categories and shells; options and anything else go to
typer's own completion. The first line of the answer is `files` (complete file names instead), `words`
(candidates that begin with the current word, in any case) or `loose` (candidates that match it only
without spaces and hyphens, which the shell must not filter again); each further line is one candidate,
written for its shell: bash gets the text readline should insert, quoted as the word was begun; zsh
`GROUP<TAB>VALUE:DESCRIPTION` (for _describe); fish `VALUE<TAB>DESCRIPTION`.
Nothing but candidates is ever written, and a failure answers nothing.
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

from ai_terms.cli.scripts import SHELLS
from ai_terms.options import COMMANDS, LANGS, global_option, globals_in, hoist_globals, implicit_show, lang_or_default

_TERM_COMMANDS = ("show", "compare")  # any number of terms; `related` takes one
_MAX_TERMS = 5000  # candidates for one prefix; more than any shell shows usefully
# bash's default $COMP_WORDBREAKS, for when the script's environment does not say
_BASH_BREAKS = " \t\n\"'@><=;|&(:"
# Characters a bash word needs a backslash before, outside quotes (the break characters included, so that
# readline's idea of the word stays the whole name).
_BASH_SPECIAL = frozenset(" \t\n\"'\\$`&;|<>()[]{}*?!#~=:@^")
_LABELS = {"en": {"command": "command", "shell": "shell", "lang": "language"},
           "zh": {"command": "命令", "shell": "终端", "lang": "语言"}}  # fmt: skip


class Candidate(NamedTuple):
    """One completion: the whole word, what it is (zsh groups them), and a description."""

    value: str
    group: str  # command, term or value
    help: str = ""


# -- what to offer -----------------------------------------------------------------------------------------


def complete(words: list[str], current: str) -> tuple[list[Candidate], bool]:
    """Candidates for `current`, the word being typed after `words` (which follow `aiterms`), and whether
    file names should be offered instead."""
    if current.startswith("--") and "=" in current:  # --category=da: complete the value, keep the option
        name, _, value = current.partition("=")
        found, files = _answer([*words, name], value)
        return [c._replace(value=f"{name}={c.value}") for c in found], files
    return _answer(words, current)


def _answer(words: list[str], current: str) -> tuple[list[Candidate], bool]:
    settings, rest = globals_in(words)
    lang = lang_or_default(settings.get("lang"))
    labels = _LABELS["zh" if lang == "zh" else "en"]
    if words and words[-1] in global_option("lang").names:
        return [Candidate(v, "value", labels["lang"]) for v in LANGS if v.startswith(current)], False
    if not rest:  # the command's place: a command, or a term (`aiterms lora`)
        if current.startswith("-"):
            return _typer(words, current), False
        found = [Candidate(c, "command", labels["command"]) for c in COMMANDS if c.startswith(current)]
        return found + (term_candidates(current, lang) if current else []), False
    command, args = (rest[0], rest[1:]) if rest[0] in COMMANDS else ("show", rest)
    positional = None if current.startswith("-") else _positionals(command, args)
    if positional is None:  # an option, or an option's value: typer knows them
        return _typer(words, current), False
    if command in _TERM_COMMANDS or (command == "related" and not positional):
        return term_candidates(current, lang), False
    if command == "completion" and not positional:
        return [Candidate(s, "value", labels["shell"]) for s in SHELLS if s.startswith(current)], False
    return [], command == "validate"


def _positionals(command: str, args: list[str]) -> list[str] | None:
    """The arguments among `args` (what follows the command), or None when the word after them is the
    value of an option."""
    if not any(a.startswith("-") for a in args):
        return args  # no option to ask typer about: the common case stays free of typer
    takes_value = _value_options(command)
    out: list[str] = []
    i = 0
    while i < len(args):
        if args[i] == "--":
            return out + args[i + 1 :]
        if args[i] in takes_value:
            if i + 1 == len(args):
                return None
            i += 1
        elif not args[i].startswith("-") or args[i] == "-":
            out.append(args[i])
        i += 1
    return out


def _value_options(command: str) -> set[str]:
    """The option names of `command` that take a value (`--format`, `-f`), as typer declares them."""
    from typer.main import get_command

    from ai_terms.cli.app import app

    found = getattr(get_command(app), "commands", {}).get(command)
    params = found.params if found is not None else []
    return {n for p in params if p.param_type_name == "option" and not getattr(p, "is_flag", False) for n in p.opts}


def term_candidates(current: str, lang: str = "en") -> list[Candidate]:
    """One candidate per entry with a name that begins with `current` (query.resolve.name_completions),
    described by its summary in `lang`."""
    from ai_terms.index.store import open_index
    from ai_terms.query.resolve import name_completions

    with open_index() as index:
        found = name_completions(index, current, limit=_MAX_TERMS)
    return [Candidate(text, "term", _one_line(brief.summary.pick(lang) or "")) for text, brief in found]


def _typer(words: list[str], current: str) -> list[Candidate]:
    """What typer's own completion offers (options, their values): it knows every parameter."""
    from typer._completion_classes import BashComplete  # any shell's class: only get_completions is used
    from typer.main import get_command

    from ai_terms.cli.app import app

    args = implicit_show(hoist_globals(words))
    items = BashComplete(get_command(app), {}, "aiterms", "_AITERMS_COMPLETE").get_completions(args, current)
    return [Candidate(i.value, "value", _one_line(i.help or "")) for i in items if i.type == "plain"]


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- what each shell is given ----------------------------------------------------------------------------


def split_words(line: str, *, fish: bool = False) -> tuple[list[str], str, str]:
    """A shell line as its words (dequoted), the last word as typed, and the quote left open in it ('' if
    none); the last word is '' when the line ends in a space. Never fails: an open quote just stays open."""
    words: list[str] = []
    chars: list[str] = []
    start = -1  # where the word being read began
    quote = ""
    i = 0
    while i < len(line):
        ch = line[i]
        nxt = line[i + 1] if i + 1 < len(line) else ""
        if quote == "'":
            if ch == "'":
                quote = ""
            elif fish and ch == "\\" and nxt in ("'", "\\"):
                chars.append(nxt)
                i += 1
            else:
                chars.append(ch)
        elif quote == '"':
            if ch == '"':
                quote = ""
            elif ch == "\\" and nxt and nxt in ('"\\$' if fish else '"\\$`\n'):
                chars.append(nxt)
                i += 1
            else:
                chars.append(ch)
        elif ch.isspace():
            if start >= 0:
                words.append("".join(chars))
                chars, start = [], -1
        else:
            if start < 0:
                start = i
            if ch in "'\"":
                quote = ch
            elif ch == "\\":
                chars.append(nxt)
                i += 1
            else:
                chars.append(ch)
        i += 1
    if start < 0:
        return words, "", ""
    return [*words, "".join(chars)], line[start:], quote


def bash_replies(raw: str, values: list[str], breaks: str = _BASH_BREAKS) -> list[str]:
    """What readline should put in place of its own completion word for each value: readline's word is the
    end of the shell word `raw` after an open quote or the last unquoted break character (`--lang=z` is
    `z`), and bash inserts the replies as they are, so they are quoted here as the word was begun."""
    quote, opened, start = "", -1, 0
    i = 0
    while i < len(raw):
        ch = raw[i]
        if quote:
            if ch == quote:
                quote = ""
                start = i + 1 if ch in breaks else start
            elif ch == "\\" and quote == '"':
                i += 1
        elif ch == "\\":
            i += 1
        else:
            if ch in "'\"":
                quote, opened = ch, i
            if ch in breaks:
                start = i + 1
        i += 1
    if quote:
        start = opened + 1
    consumed = split_words(raw[:start])[0]
    done = "".join(consumed[-1:])  # what the replaced part of the word already says, dequoted
    out = []
    for value in values:
        if not value.startswith(done):
            continue
        rest = value[len(done) :]
        if quote == "'":
            out.append(rest.replace("'", "'\\''"))
        elif quote == '"':
            out.append("".join("\\" + ch if ch in '"\\$`' else ch for ch in rest))
        else:
            out.append("".join("\\" + ch if ch in _BASH_SPECIAL else ch for ch in rest))
    return out


def _bash_words(line: str) -> tuple[list[str], str, str]:
    words, raw, _ = split_words(line)
    if raw == "":
        words.append("")
    while words and _is_assignment(words[0]):  # FOO=1 aiterms ...
        words.pop(0)
    return words[1:-1], words[-1] if words else "", raw


def _is_assignment(word: str) -> bool:
    name, eq, _ = word.partition("=")
    return bool(eq) and name.replace("_", "a").isalnum() and not name[:1].isdigit()


def answer(argv: list[str]) -> list[str]:
    """The lines `aiterms __complete SHELL ...` prints."""
    shell, args = (argv[0], argv[1:]) if argv else ("", [])
    if shell == "bash":
        words, current, raw = _bash_words(args[0] if args else "")
    elif shell in ("zsh", "fish") and args:
        words, current, raw = args[:-1], args[-1], args[-1]
        if shell == "fish":
            current = "".join(split_words(raw, fish=True)[0][-1:])
    else:
        return []
    found, files = complete(words, current)
    found.sort(key=lambda c: (c.group != "command", c.value.casefold(), c.value))
    # Names that begin with what is typed (in any case) if there are any, else those that match only as
    # `show` matches (without spaces or hyphens: "kvc" → "KV cache"), which the shell must not filter again.
    prefixed = [c for c in found if c.value.casefold().startswith(current.casefold())]
    loose = bool(found) and not prefixed
    found = found if loose else prefixed
    lines = ["files" if files else "loose" if loose else "words"]
    if shell == "bash":
        breaks = os.environ.get("COMP_WORDBREAKS", _BASH_BREAKS)
        lines += bash_replies(raw, [c.value for c in found], breaks)
    elif shell == "zsh":
        lines += [f"{c.group}\t{_zsh_escape(c.value)}:{c.help}" for c in found]
    else:
        lines += [f"{c.value}\t{c.help}" if c.help else c.value for c in found]
    return [line.replace("\n", " ") for line in lines]


def _zsh_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def main(argv: list[str]) -> int:
    """`aiterms __complete ...`: candidates on stdout, as UTF-8 whatever the locale, and nothing else."""
    try:
        text = "".join(f"{line}\n" for line in answer(argv))
        binary = getattr(sys.stdout, "buffer", None)
        if binary is not None:
            binary.write(text.encode("utf-8", "surrogateescape"))
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
    except Exception:  # a completion that fails offers nothing; a traceback would land in the command line
        pass
    return 0
