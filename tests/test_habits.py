"""Terminal habits: `aiterms TERM`, -L/--language, show --brief and --format markdown, the pager's charset."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.main import get_command

from ai_terms.cli.app import app
from ai_terms.markdown import term_markdown
from ai_terms.options import COMMANDS
from ai_terms.query import actions

from .conftest import invoke, run_under_pty


def test_the_command_list_is_typers() -> None:
    assert set(COMMANDS) == set(get_command(app).commands)  # type: ignore[attr-defined]


def test_a_bare_term_is_show() -> None:
    assert invoke("lora").stdout == invoke("show", "lora").stdout
    assert invoke("kv cache", "--json").stdout == invoke("show", "kv cache", "--json").stdout
    assert invoke("--lang", "zh", "lora").stdout == invoke("--lang", "zh", "show", "lora").stdout
    assert invoke("list", "--category", "metric").exit_code == 0  # a command stays a command
    missing = invoke("nosuchterm")
    assert missing.exit_code == 1 and "unknown term 'nosuchterm'" in missing.stderr


@pytest.mark.parametrize("option", ["-L", "--language", "-l", "--lang"])
def test_language_options(option: str) -> None:
    assert invoke(option, "zh", "show", "lora").stdout == invoke("show", "lora", "--lang", "zh").stdout
    assert "低秩自适应" in invoke("show", "lora", option, "zh").stdout


def test_show_brief_is_one_line_per_term() -> None:
    out = invoke("show", "lora", "qlora", "--brief").stdout.splitlines()
    assert len(out) == 2 and out[0].startswith("LoRA · 低秩自适应 — A fine-tuning method")
    assert invoke("--lang", "zh", "show", "lora", "-f", "brief").stdout.startswith("LoRA · 低秩自适应 — 一种")


def test_show_format_markdown_is_the_export_rendering() -> None:
    (term,) = actions.show(["softmax"]).terms
    expected = "\n".join(term_markdown(term, ["en"])).rstrip() + "\n"
    assert invoke("show", "softmax", "--format", "markdown").stdout == expected
    assert invoke("show", "softmax", "--format", "yaml").exit_code == 2


def test_the_pager_reads_utf8_whatever_the_locale(tmp_path: Path) -> None:
    pytest.importorskip("pty")
    captured = tmp_path / "charset.txt"
    env = dict(os.environ, PAGER=f"printenv LESSCHARSET > {captured}", LINES="10", COLUMNS="80", TERM="xterm")
    env.pop("LESSCHARSET", None)
    env["LANG"] = "xx_YY.NOT-INSTALLED"
    run_under_pty(["show", "lora"], env)
    assert captured.read_text().strip() == "utf-8"


def test_piped_list_is_one_tab_separated_line_per_entry() -> None:
    out = invoke("list", env={"COLUMNS": None}).stdout.splitlines()
    count = json.loads(invoke("list", "--json").stdout)["count"]
    assert len(out) == count and all(line.count("\t") == 3 for line in out)
    rows = {line.split("\t")[0]: line.split("\t") for line in out}
    assert rows["lora"][1:3] == ["LoRA", "低秩自适应"] and rows["lora"][3].startswith("A fine-tuning method")
    zh = invoke("--lang", "zh", "list", "--plain", "--category", "metric").stdout.splitlines()
    assert all(len(line.split("\t")) == 4 for line in zh) and "准确率" in zh[0]
    assert "\t" not in invoke("list", "--category", "metric").stdout  # COLUMNS set: the table, as on a terminal
