"""Git-style paging: long output on a terminal goes through $PAGER (default `less -FRX`), short output does not."""

from __future__ import annotations

import os
import sys


def _height() -> int:
    lines = os.environ.get("LINES", "")
    if lines.isdigit() and int(lines) > 0:
        return int(lines)
    try:
        return os.get_terminal_size(sys.stdout.fileno()).lines
    except (OSError, ValueError, AttributeError):
        return 25


def output(text: str, *, pager: bool) -> None:
    """Write `text` to stdout, through the pager when asked and when it is taller than the terminal."""
    if pager and text.count("\n") >= _height() and page(text):
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
    proc.wait()
    return True
