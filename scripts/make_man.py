"""Generate the man page (man/aiterms.1) from the command definitions of the typer app, so that it never
drifts from the commands; the wheel installs it as share/man/man1/aiterms.1. tests/test_man.py fails when
the committed page differs from what this script writes.

Usage: python scripts/make_man.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PAGE = REPO / "man" / "aiterms.1"
SKIP = {"help", "install_completion", "show_completion"}


def _roff(text: str) -> str:
    """Text safe in roff: backslashes and hyphens escaped, no line starting with a control character."""
    out = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + out if out.startswith((".", "'")) else out


def _option(param: object) -> list[str]:
    opts = ", ".join(f"\\fB{_roff(o)}\\fR" for o in getattr(param, "opts", []))
    if not getattr(param, "is_flag", False):
        metavar = getattr(param, "metavar", None) or getattr(param, "name", "VALUE").upper()
        opts += f" \\fI{_roff(metavar)}\\fR"
    return [".TP", opts, _roff(getattr(param, "help", None) or "")]


def render() -> str:
    from typer.main import get_command

    from ai_terms import __version__
    from ai_terms.cli.app import app

    group = get_command(app)
    lines = [
        f'.TH AITERMS 1 "" "aiterms {__version__}" "User Commands"',
        ".SH NAME",
        "aiterms \\- a fast, bilingual (English / Chinese) terminal reference for AI and machine\\-learning concepts",
        ".SH SYNOPSIS",
        "\\fBaiterms\\fR [\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...",
        ".br",
        "\\fBaiterms\\fR [\\fIGLOBAL OPTIONS\\fR] \\fITERM\\fR...  (the same as \\fBaiterms show\\fR \\fITERM\\fR...)",
        ".SH DESCRIPTION",
        _roff(group.help or ""),
        "Global options may also follow the command.",
        ".SH GLOBAL OPTIONS",
    ]
    for param in group.params:
        if param.name not in SKIP:
            lines += _option(param)
    lines.append(".SH COMMANDS")
    for name, command in sorted(group.commands.items()):  # type: ignore[attr-defined]
        args = " ".join(
            f"\\fI{_roff((p.metavar or p.name or '').upper())}\\fR"
            for p in command.params
            if p.param_type_name == "argument"
        )
        lines += [f".SS {name} {args}".rstrip(), _roff(command.help or "")]
        for param in command.params:
            if param.param_type_name == "option" and param.name not in SKIP:
                lines += _option(param)
    lines += [
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBAITERMS_LANG\\fR",
        "Default language: en, zh or both (else the locale: zh* gives Chinese).",
        ".TP",
        "\\fBAITERMS_PATH\\fR",
        "Extra glossary files or folders of *.toml, separated like PATH.",
        ".TP",
        "\\fBAITERMS_CACHE_DIR\\fR",
        "Where the compiled index is kept (default: the user cache dir).",
        ".TP",
        "\\fBNO_COLOR\\fR",
        "When set and not empty, no colours.",
        ".SH FILES",
        ".TP",
        "\\fI~/.config/aiterms/terms.toml\\fR",
        "Your own glossary (on Linux; \\fBaiterms paths\\fR prints the exact place).",
        ".SH EXIT STATUS",
        "0 success; 1 not found or no results; 2 usage error; 3 data error; 70 internal error;",
        "74 output unwritable; 130 interrupted.",
        ".SH EXAMPLES",
        ".nf",
        "aiterms lora",
        "aiterms \\-\\-lang zh show resnet vit",
        "aiterms search \\(dqkv cache\\(dq \\-\\-json",
        "aiterms list | fzf \\-\\-delimiter \\(aq\\et\\(aq \\-\\-with\\-nth 2.. "
        "\\-\\-preview \\(aqaiterms show {1}\\(aq",
        ".fi",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    PAGE.parent.mkdir(exist_ok=True)
    PAGE.write_text(render(), encoding="utf-8")
    print("wrote", PAGE.relative_to(REPO))


if __name__ == "__main__":
    main()
