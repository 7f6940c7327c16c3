"""Nothing is imported that a command does not use: checked in a fresh interpreter per command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import sys, io, json
from ai_terms.__main__ import run
out = io.StringIO()
real = sys.stdout
sys.stdout = out
code = run(sys.argv[1:])
sys.stdout = real
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _modules(*args: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=dict(os.environ), timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert data["code"] == 0, proc.stderr
    return {m.split(".")[0] for m in data["modules"]}


@pytest.fixture(autouse=True)
def warm_index() -> None:
    """Build the index first, so the probes measure the warm path (a rebuild needs tomli)."""
    subprocess.run([sys.executable, "-m", "ai_terms", "show", "lora", "--json"], capture_output=True, check=True)


def test_show_json_imports_neither_rich_nor_rapidfuzz_nor_typer() -> None:
    loaded = _modules("show", "lora", "--json")
    assert not loaded & {"rich", "rapidfuzz", "typer", "tomli", "tomllib", "mcp", "pydantic"}


def test_exact_show_rendered_imports_no_rapidfuzz_nor_typer_nor_rich() -> None:
    loaded = _modules("show", "lora")
    assert not loaded & {"rapidfuzz", "typer", "tomli", "rich"}  # the panel is drawn by render_panel


def test_other_views_render_with_rich() -> None:
    assert "rich" in _modules("categories")


def test_search_json_imports_no_rich() -> None:
    loaded = _modules("search", "object detection", "--json")
    assert not loaded & {"rich", "typer", "tomli"}


@pytest.mark.parametrize(
    "args", [("search", "object detection"), ("compare", "resnet", "vit"), ("list", "--category", "metric"), ("paths",)]
)
def test_record_views_are_drawn_without_rich(args: tuple[str, ...]) -> None:
    assert "rich" not in _modules(*args)  # the layout engine draws them (render/tables.py)
