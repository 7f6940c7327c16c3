"""The completion scripts `aiterms completion SHELL` prints: each hands what is typed to `aiterms __complete`."""

from __future__ import annotations

from pathlib import Path

SHELLS = ("bash", "zsh", "fish")


def script(shell: str) -> str:
    """The completion script for `shell` (one of SHELLS)."""
    return (Path(__file__).parent / f"aiterms.{shell}").read_text(encoding="utf-8")
