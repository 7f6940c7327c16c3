"""The CLI end to end through the real entry point: commands, JSON contract, exit codes, global options."""

from __future__ import annotations

import json

import pytest

from ai_terms import __version__
from ai_terms.results import BRIEF_FIELDS, HIT_FIELDS, TERM_FIELDS

from .conftest import invoke, run_process


def _json(*args: str) -> object:
    result = invoke(*args)
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def test_show_json_has_every_documented_field_and_both_languages() -> None:
    data = _json("show", "lora", "--json")
    assert isinstance(data, dict)
    assert set(data) == {"schema_version", *TERM_FIELDS}
    assert data["schema_version"] == 1
    assert data["paper"]["arxiv"] == "2106.09685"
    for key in ("summary", "body", "key_points"):
        assert data[key]["en"] and data[key]["zh"]
    assert data["source"] == "bundled"
    assert {"type": "is_a", "id": "fine-tuning", "name": "Fine-tuning", "zh_name": "微调"} in data["related"]


def test_show_several_gives_a_list() -> None:
    data = _json("show", "lora", "resnet", "--json")
    assert isinstance(data, list) and [d["id"] for d in data] == ["lora", "resnet"]


def test_json_is_identical_whatever_the_language() -> None:
    assert _json("show", "vit", "--json") == _json("--lang", "zh", "show", "vit", "--json")


def test_fields_selects_and_unknown_field_lists_valid_ones() -> None:
    assert _json("show", "lora", "--fields", "id,year") == {"schema_version": 1, "id": "lora", "year": 2021}
    result = invoke("show", "lora", "--fields", "id,nope")
    assert result.exit_code == 2
    assert "unknown field 'nope'" in result.stderr and "summary:" in result.stderr


def test_search_json_contract() -> None:
    data = _json("search", "object detection", "--json", "--limit", "5")
    assert isinstance(data, dict)
    assert data["schema_version"] == 1 and data["query"] == "object detection"
    assert 1 <= data["count"] == len(data["results"]) <= 5
    for hit in data["results"]:
        assert set(hit) == set(HIT_FIELDS)
        assert hit["match"]["kind"] in {"exact", "prefix", "fuzzy", "text"}
    scores = [h["score"] for h in data["results"]]
    assert scores == sorted(scores, reverse=True)


def test_search_no_results_exits_1() -> None:
    result = invoke("search", "qqqqzzzzxxxx")
    assert result.exit_code == 1 and "nothing about 'qqqqzzzzxxxx'" in result.stderr and result.stdout == ""
    nothing = invoke("search", "dumpling recipe", "--json")
    assert nothing.exit_code == 1 and "nothing about" in nothing.stderr
    assert json.loads(nothing.stdout) == {"schema_version": 1, "query": "dumpling recipe", "count": 0, "results": []}


def test_show_miss_suggests_what_search_finds_and_takes_a_whole_word_prefix() -> None:
    miss = invoke("show", "dpoo")
    assert miss.exit_code == 1 and "DPO (直接偏好优化)" in miss.stderr
    taken = invoke("show", "diffusion")
    assert taken.exit_code == 0 and "Diffusion model" in taken.stdout
    assert "'diffusion' is taken as Diffusion model" in taken.stderr
    assert invoke("show", "diffusion", "--json").stdout.count('"id": "diffusion-model"') == 1


def test_search_filters_and_unknown_category() -> None:
    data = _json("search", "detection", "--category", "dataset", "--json")
    assert isinstance(data, dict) and {h["category"] for h in data["results"]} == {"dataset"}
    result = invoke("search", "x", "--category", "modle")
    assert result.exit_code == 2 and "Did you mean: model" in result.stderr


def test_list_groups_filters_and_sorts() -> None:
    data = _json("list", "--category", "dataset", "--sort", "year", "--json")
    assert isinstance(data, dict)
    terms = data["terms"]
    assert terms and all(set(t) == set(BRIEF_FIELDS) for t in terms)
    years = [t["year"] for t in terms if t["year"]]
    assert years == sorted(years)
    assert invoke("list", "--sort", "size").exit_code == 2
    assert invoke("list", "--tag", "graph").exit_code == 0


def test_compare_two_to_four_terms() -> None:
    data = _json("compare", "resnet", "vit", "--json")
    assert isinstance(data, dict) and [t["id"] for t in data["terms"]] == ["resnet", "vit"]
    assert "vision" in data["shared_tags"]
    assert invoke("compare", "resnet").exit_code == 2
    assert invoke("compare", "a", "b", "c", "d", "e").exit_code == 2
    text = invoke("--no-color", "compare", "resnet", "vit", "convnext")
    assert text.exit_code == 0 and "How they relate" in text.stdout


def test_categories_have_both_labels_and_counts() -> None:
    data = _json("categories", "--json")
    assert isinstance(data, dict)
    cats = {c["id"]: c for c in data["categories"]}
    assert cats["model"]["zh"] == "模型" and cats["model"]["count"] > 0


def test_lang_option_anywhere_and_env_default(monkeypatch: pytest.MonkeyPatch) -> None:
    zh = invoke("show", "lora", "--lang", "zh").stdout
    assert "要点" in zh
    monkeypatch.setenv("AITERMS_LANG", "zh")
    assert "要点" in invoke("show", "lora").stdout
    monkeypatch.delenv("AITERMS_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "要点" in invoke("show", "lora").stdout
    both = invoke("--lang", "both", "show", "lora").stdout
    assert "Key points · 要点" in both
    assert invoke("show", "lora", "--lang", "fr").exit_code == 2


def test_text_output_is_plain_when_not_a_terminal() -> None:
    out = invoke("show", "lora").stdout
    assert "\x1b" not in out and "LoRA · 低秩自适应" in out


def test_version_and_help() -> None:
    assert invoke("--version").stdout.strip() == f"aiterms {__version__}"
    result = invoke("--help")
    assert result.exit_code == 0
    for command in (
        "show",
        "search",
        "list",
        "compare",
        "categories",
        "related",
        "timeline",
        "random",
        "validate",
        "graph",
        "export",
        "paths",
    ):
        assert command in result.stdout


def test_bad_option_is_one_line_usage_error() -> None:
    result = invoke("show", "lora", "--frobnicate")
    assert result.exit_code == 2
    assert result.stderr.startswith("aiterms: error:") and result.stderr.count("\n") == 1
    word = invoke("nosuchcommand")  # a bare word is a term to show (aiterms TERM): unknown, exit 1
    assert word.exit_code == 1 and "unknown term 'nosuchcommand'" in word.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["show", "lora"],
        ["show", "lora", "--json"],
        ["show", "LoRA", "vit", "--lang", "zh"],
        ["show", "lora", "--fields", "id,name"],
        ["search", "object detection", "--json"],
        ["search", "扩散模型", "--limit", "3"],
        ["search", "detection", "-c", "library", "--json"],
        ["show", "nosuchterm"],
        ["search", "x", "--category", "nope"],
    ],
)
def test_fast_path_prints_exactly_what_typer_prints(args: list[str]) -> None:
    fast = invoke(*args)
    slow = invoke(*args, env={"AITERMS_NO_FASTPATH": "1"})
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)


def test_python_dash_m_works() -> None:
    proc = run_process("show", "lora", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "lora"


def test_paths_reports_every_location(overlay) -> None:  # type: ignore[no-untyped-def]
    (overlay / "a.toml").write_text("", encoding="utf-8")
    data = _json("paths", "--json")
    assert isinstance(data, dict)
    assert data["bundled"].endswith("terms.toml") and data["user_file"].endswith("aiterms/terms.toml")
    assert data["overlays"] == [str(overlay)] and data["schema"].endswith("terms.schema.json")
