"""Exploring: related trees, timeline, random, graph export, Markdown export, completion, pager."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ai_terms.cli.app import _complete_category, _complete_term

from .conftest import invoke, run_under_pty


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    result = invoke(*args)
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_related_walks_both_directions_to_the_asked_depth() -> None:
    root = _json("related", "stable diffusion", "--json")["root"]
    kids = {c["id"]: c["relation"] for c in root["children"]}
    assert kids["u-net"] == "has_part" and kids["clip"] == "uses" and kids["controlnet"] == "used_by"
    assert all(c["children"] == [] for c in root["children"])
    deep = _json("related", "stable diffusion", "--depth", "2", "--json")["root"]
    assert any(c["children"] for c in deep["children"])
    seen: list[str] = []

    def walk(node: dict) -> None:  # type: ignore[type-arg]
        seen.append(node["id"])
        for child in node["children"]:
            walk(child)

    walk(deep)
    assert len(seen) == len(set(seen))  # each term once, at its nearest place
    assert invoke("related", "lora", "--depth", "9").exit_code == 2
    text = invoke("related", "stable diffusion").stdout
    assert "uses → CLIP" in text and "parts → U-Net" in text


def test_timeline_is_ordered_and_filterable() -> None:
    terms = _json("timeline", "--category", "dataset", "--json")["terms"]
    assert {t["category"] for t in terms} == {"dataset"}
    years = [t["year"] for t in terms]
    assert years == sorted(years)
    drawn = invoke("timeline").stdout
    assert "2015" in drawn and "ResNet" in drawn and "█" in drawn


def test_random_is_reproducible_with_a_seed() -> None:
    first = _json("random", "--seed", "7", "--json")
    assert first == _json("random", "--seed", "7", "--json")
    model = _json("random", "--category", "model", "--seed", "1", "--json")
    assert model["category"] == "model"


def test_graph_exports_dot_and_mermaid() -> None:
    dot = invoke("graph", "--category", "model")
    assert dot.exit_code == 0 and dot.stdout.startswith("digraph aiterms {") and dot.stdout.rstrip().endswith("}")
    assert '"faster-r-cnn" -> "r-cnn" [label="successor of"]' in invoke("graph").stdout
    mermaid = invoke("graph", "--format", "mermaid")
    assert mermaid.stdout.startswith("graph LR") and "t_stable_diffusion" in mermaid.stdout
    data = _json("graph", "--json")
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert invoke("graph", "--format", "svg").exit_code == 2


def test_export_markdown_cheat_sheet() -> None:
    both = invoke("export", "--category", "dataset").stdout
    assert both.startswith("# aiterms: Dataset · 数据集") and "### ImageNet" in both and "要点：" in both
    en = invoke("--lang", "en", "export", "--category", "dataset").stdout
    assert "要点" not in en and "Key points:" in en
    zh = invoke("--lang", "zh", "export").stdout
    assert zh.startswith("# aiterms: 全部条目") and "## 模型" in zh
    assert invoke("export", "--format", "pdf").exit_code == 2


def test_completion_offers_ids_names_and_categories() -> None:
    names = [n for n, _ in _complete_term("lo")]
    assert "lora" in names and "loss-function" in names
    assert "LoRA" not in names or "lora" in names
    assert _complete_category("da") == ["dataset"]


def test_shell_completion_end_to_end() -> None:
    env = dict(os.environ, _AITERMS_COMPLETE="complete_bash", COMP_WORDS="aiterms show resn", COMP_CWORD="2")
    proc = subprocess.run([sys.executable, "-m", "ai_terms"], capture_output=True, text=True, env=env, timeout=60)
    assert "resnet" in proc.stdout.split()


def test_pager_is_used_only_on_a_terminal(tmp_path: Path) -> None:
    """Run under a pseudo-terminal, with PAGER writing what it receives to a file."""
    pytest.importorskip("pty")
    captured = tmp_path / "paged.txt"
    env = dict(os.environ, PAGER=f"cat > {captured}", LINES="20", COLUMNS="80", TERM="xterm")

    def under_pty(*args: str) -> None:
        run_under_pty(list(args), env)

    under_pty("show", "lora")
    assert captured.exists() and "LoRA" in captured.read_text(encoding="utf-8")
    captured.unlink()
    under_pty("--no-pager", "show", "lora")
    assert not captured.exists()
    under_pty("categories")  # short output: never paged
    assert not captured.exists()
