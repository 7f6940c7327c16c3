"""ai_terms.api: the same dictionaries as the --json commands, documented exceptions, no typer or rich."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from ai_terms import api

from .conftest import invoke


def _cli_json(*args: str) -> Any:
    return json.loads(invoke(*args, "--json").stdout)


def test_each_function_returns_what_the_json_command_prints() -> None:
    assert api.show("LoRA") == _cli_json("show", "lora")
    assert api.search("目标检测", limit=5) == _cli_json("search", "目标检测", "--limit", "5")
    assert api.search("detection", category="model", tag="vision") == _cli_json(
        "search", "detection", "--category", "model", "--tag", "vision"
    )
    assert api.compare("resnet", "vit", "convnext") == _cli_json("compare", "resnet", "vit", "convnext")
    assert api.related("stable diffusion", depth=2) == _cli_json("related", "stable diffusion", "--depth", "2")
    assert api.categories() == _cli_json("categories")
    assert api.show("lora")["schema_version"] == 1


def test_errors_are_the_documented_exceptions() -> None:
    with pytest.raises(api.UnknownTermError) as unknown:
        api.show("lorra")
    assert unknown.value.name == "lorra" and any("LoRA" in s for s in unknown.value.suggestions)
    assert unknown.value.exit_code == 1
    with pytest.raises(api.UnknownTermError, match="你要找的是不是"):
        api.show("lorra", lang="zh")
    with pytest.raises(api.UsageError):
        api.show("lora", lang="fr")
    with pytest.raises(api.UsageError):
        api.compare("lora")
    with pytest.raises(api.UsageError):
        api.related("lora", depth=9)
    with pytest.raises(api.UsageError):
        api.search("lora", category="nope")
    with pytest.raises(api.AitermsError):
        api.search("lora", limit=0)


def test_a_broken_bundled_corpus_is_a_corpus_error(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from ai_terms.sources import paths

    bad = tmp_path / "terms.toml"
    bad.write_text('[term.x]\nname = "X\n', encoding="utf-8")
    monkeypatch.setattr(paths, "bundled_path", lambda: str(bad))
    monkeypatch.setattr(paths, "bundled_bytes", bad.read_bytes)
    with pytest.raises(api.CorpusError) as error:
        api.show("lora")
    assert error.value.line == 2


def test_a_broken_overlay_is_a_warning_not_an_error(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[term.x]\nname = "X\n', encoding="utf-8")
    monkeypatch.setenv("AITERMS_PATH", str(bad))
    with pytest.warns(api.AitermsWarning, match="file skipped"):
        assert api.show("lora")["id"] == "lora"


def test_importing_the_api_imports_neither_typer_nor_rich() -> None:
    code = "import sys, ai_terms.api as a; a.show('lora'); a.search('lora'); print(sorted(m for m in ('typer', 'rich') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.strip() == "[]"
