"""Git-style paging: long output on a terminal goes through $PAGER (default `less -FRX`), short output does not."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ai_terms.options import Options
    from ai_terms.render.layout import Painter


def terminal_size() -> tuple[int, int]:
    """(columns, lines): COLUMNS / LINES when set, else the terminal's, else 80 x 25 (as rich decides)."""
    size = [0, 0]
    try:
        actual = os.get_terminal_size(sys.stdout.fileno())
        size = [actual.columns, actual.lines]
    except (OSError, ValueError, AttributeError):
        size = [80, 25]
    for i, var in enumerate(("COLUMNS", "LINES")):
        value = os.environ.get(var, "")
        if value.isdigit() and int(value) > 0:
            size[i] = int(value)
    return size[0], size[1]


def piped_in_full() -> bool:
    """Whether views of one record per line print at full length: stdout is not a terminal and COLUMNS is
    not set, so grep and cut get whole lines rather than lines cut at 80 columns."""
    return not sys.stdout.isatty() and not os.environ.get("COLUMNS")


def painter(opts: Options) -> Painter:
    """How to write styles to stdout: colour only on a terminal (or FORCE_COLOR) unless turned off, box
    characters only when stdout takes UTF-8."""
    from ai_terms.render.layout import Painter

    is_tty = sys.stdout.isatty()
    color = opts.color and (is_tty or bool(os.environ.get("FORCE_COLOR"))) and os.environ.get("TERM") != "dumb"
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return Painter(color=color, unicode=encoding in ("utf8", "utf16", "utf32"))


def output(text: str, *, pager: bool) -> None:
    """Write `text` to stdout, through the pager when asked and when it is taller than the terminal."""
    if pager and text.count("\n") >= terminal_size()[1] and page(text):
        return
    sys.stdout.write(text)
    sys.stdout.flush()


def page(text: str) -> bool:
    """Send `text` through $PAGER; False if no pager could run (the caller prints it instead)."""
    import subprocess

    command = os.environ.get("PAGER") or "less"
    if command.strip() in ("", "cat"):
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LESSCHARSET", "utf-8")  # what we write; an uninstalled locale would show <E2><95><AD>
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)  # the user's own PAGER command
    except OSError:
        return False
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
        proc.stdin.close()
    except BrokenPipeError:
        pass
    # 126/127: the shell could not run or find the pager; then the caller prints the text itself
    return proc.wait() not in (126, 127)


def write(text: str) -> None:
    """Plain text to stdout, never paged, ending with a newline."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()
