"""Hostile input: any argument to any command, untrusted overlay text, broken pipes, odd terminals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import invoke, run_process

DOCUMENTED = {0, 1, 2, 3}
NASTY = [
    "",
    " ",
    "[/bold]",
    "[bold red]x[/]",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;http://evil\x07click\x1b]8;;\x07",
    "\u202eevil\u202c",
    "\u200f\u200e",
    "ＬｏＲＡ",
    "低秩自适应" * 50,
    "a" * 100_000,
    "--",
    "-",
    "%s%n{0}",
    "\x00",
    "../../etc/passwd",
    "\ud7ff\ue000\U0010ffff",
]
COMMANDS: list[list[str]] = [
    ["show"],
    ["show", "lora"],
    ["search"],
    ["search", "--category"],
    ["search", "lora", "--tag"],
    ["list", "--category"],
    ["list", "--tag"],
    ["compare", "lora"],
    ["related"],
    ["timeline", "--category"],
    ["random", "--category"],
    ["graph", "--category"],
    ["export", "--category"],
    ["show", "lora", "--fields"],
    ["--lang"],
]


def _check(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code in DOCUMENTED, result
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert "\x1b" not in result.stderr
    if result.exit_code != 0:
        assert result.stderr.count("\n") <= 2, result  # one line (and at most one warning line)


@pytest.mark.parametrize("value", NASTY, ids=range(len(NASTY)))
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c) or "none")
def test_nasty_arguments(command: list[str], value: str) -> None:
    _check([*command, value.replace("\x00", "")])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(COMMANDS),
    st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=80),
)
def test_any_text_to_any_command(command: list[str], text: str) -> None:
    _check([*command, text])


def test_markup_in_arguments_is_shown_literally() -> None:
    result = invoke("show", "[bold]nope[/bold]")
    assert result.exit_code == 1 and "[bold]nope[/bold]" in result.stderr


HOSTILE_OVERLAY = r"""
[term.evil]
name = "Evil[/bold] \u001b[31mRED\u001b[0m"
category = "concept"
aliases = ["evil-one"]
summary.en = "Rings the bell \u0007 and \u001b]8;;http://x\u0007hides a link\u001b]8;;\u0007; [bold red]markup[/] stays literal."
body.en = "Line one\u009b31m.\u202e"
links = ["https://example.org/ok"]
"""


def test_overlay_text_is_stripped_of_escapes_and_markup_stays_literal(overlay: Path) -> None:
    (overlay / "evil.toml").write_text(HOSTILE_OVERLAY, encoding="utf-8")
    for args in (["show", "evil-one"], ["search", "bell"], ["list"], ["--lang", "zh", "show", "evil-one"]):
        result = invoke(*args)
        assert result.exit_code == 0, result
        for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert bad not in result.stdout
    shown = invoke("show", "evil-one").stdout
    assert "[bold red]markup[/] stays literal" in shown and "Evil[/bold]" in shown
    data = json.loads(invoke("show", "evil-one", "--json").stdout)
    assert "\x1b" not in json.dumps(data, ensure_ascii=False)


def test_broken_pipe_is_quiet() -> None:
    proc = subprocess.run(
        f"{sys.executable} -m ai_terms list | head -1",
        shell=True,
        capture_output=True,
        env=dict(os.environ),
        timeout=60,
    )
    assert proc.returncode == 0
    assert proc.stderr == b"", proc.stderr
    assert len(proc.stdout.splitlines()) == 1


def test_ascii_only_stdout() -> None:
    for args in (
        ["show", "lora"],
        ["--lang", "zh", "show", "lora"],
        ["search", "扩散模型"],
        ["show", "lora", "--json"],
    ):
        proc = run_process(*args, env={"PYTHONIOENCODING": "ascii"})
        assert proc.returncode == 0, proc.stderr
        proc.stdout.decode("ascii")
    data = json.loads(run_process("show", "lora", "--json", env={"PYTHONIOENCODING": "ascii"}).stdout)
    assert data["zh_name"] == "低秩自适应"  # \u-escaped, nothing lost


def test_forty_column_terminal() -> None:
    for args in (["show", "lora"], ["compare", "resnet", "vit"], ["search", "diffusion"], ["list"], ["timeline"]):
        result = invoke(*args, env={"COLUMNS": "40"})
        assert result.exit_code == 0, result
        widths = [len(line) for line in result.stdout.splitlines()]
        assert max(widths) <= 40, args


def test_unknown_command_and_empty_argv() -> None:
    bare = invoke()
    assert bare.exit_code == 0 and "Usage" in bare.stdout
    assert invoke("frobnicate").exit_code == 1  # aiterms TERM: an unknown term
    assert invoke("--frobnicate").exit_code == 2
