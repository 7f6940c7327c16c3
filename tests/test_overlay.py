"""User glossaries: the user file and AITERMS_PATH, replacement by id, monolingual entries, and bad files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import invoke

GOOD = """
[category.team]
en = "Team"
zh = "团队"

[term.hydra]
name = "Hydra"
category = "team"
summary.zh = "我们团队的配置系统。"
relations.see_also = ["lora"]

[term.lora]
name = "LoRA"
category = "technique"
summary.en = "Our own note on LoRA."
"""


def test_overlay_adds_and_replaces_entries_and_knows_its_source(overlay: Path) -> None:
    path = overlay / "team.toml"
    path.write_text(GOOD, encoding="utf-8")
    hydra = json.loads(invoke("show", "hydra", "--json").stdout)
    assert hydra["source"] == str(path) and hydra["summary"] == {"en": None, "zh": "我们团队的配置系统。"}
    lora = json.loads(invoke("show", "lora", "--json").stdout)
    assert lora["summary"]["en"] == "Our own note on LoRA." and lora["source"] == str(path)
    assert "团队" in invoke("categories").stdout


def test_user_file_then_aiterms_path_in_that_order(
    isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = isolated / "config" / "aiterms" / "terms.toml"
    user.parent.mkdir(parents=True)
    user.write_text('[term.x1]\nname = "X1"\ncategory = "concept"\nsummary.en = "from user file"\n', encoding="utf-8")
    assert json.loads(invoke("show", "x1", "--json").stdout)["summary"]["en"] == "from user file"
    later = tmp_path / "z.toml"
    later.write_text('[term.x1]\nname = "X1"\ncategory = "concept"\nsummary.en = "from AITERMS_PATH"\n')
    monkeypatch.setenv("AITERMS_PATH", str(later))
    assert json.loads(invoke("show", "x1", "--json").stdout)["summary"]["en"] == "from AITERMS_PATH"


def test_aiterms_path_takes_files_and_several_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = tmp_path / "a.toml"
    b = tmp_path / "b.toml"
    a.write_text('[term.aa]\nname = "AA"\ncategory = "concept"\nsummary.en = "a"\n', encoding="utf-8")
    b.write_text('[term.bb]\nname = "BB"\ncategory = "concept"\nsummary.en = "b"\n', encoding="utf-8")
    monkeypatch.setenv("AITERMS_PATH", os.pathsep.join([str(a), "", str(b)]))
    assert invoke("show", "aa", "bb").exit_code == 0


def test_overlay_is_never_written(overlay: Path) -> None:
    path = overlay / "team.toml"
    path.write_text(GOOD, encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    for args in (["show", "hydra"], ["list"], ["validate", str(path)], ["search", "hydra"]):
        invoke(*args)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in overlay.iterdir()) == ["team.toml"]


# Each malformed overlay: (file content as bytes, text expected in the one-line error, expected location).
X = b'[term.x]\nname = "X"\ncategory = "concept"\nsummary.en = "s"\n'  # a valid term to spoil
MALFORMED = {
    "bad syntax": (b'[term.x]\nname = "X\n', "invalid TOML", ":2:"),
    "wrong type": (X + b'year = "2020"\n', "expected an integer year", "term.x.year"),
    "unknown category": (
        b'[term.x]\nname = "X"\ncategory = "modle"\nsummary.en = "s"\n',
        "unknown category 'modle'; did you mean 'model'?",
        "term.x.category",
    ),
    "duplicate keys": (b'[term.x]\nname = "X"\nname = "Y"\n', "Cannot overwrite a value", ":3:"),
    "invalid utf-8": (b'[term.x]\nname = "\xff\xfe"\n', "invalid UTF-8", ":2:"),
    "binary": (bytes(range(256)) * 4, "", ""),
    "empty table": (b"[term.x]\n", "missing required field 'name'", "term.x"),
    "unknown field": (
        b'[term.x]\nname = "X"\ncategory = "concept"\nsumary.en = "s"\nsummary.en = "s"\n',
        "unknown field (did you mean 'summary'?)",
        "term.x.sumary",
    ),
    "bad id": (b'[term.Bad_Id]\nname = "X"\ncategory = "concept"\nsummary.en = "s"\n', "lowercase slug", "term.Bad_Id"),
    "javascript link": (X + b'links = ["javascript:alert(1)"]\n', "not an http or https URL", "term.x.links"),
    "no summary": (b'[term.x]\nname = "X"\ncategory = "concept"\n', "missing required field 'summary'", "term.x"),
    "term not a table": (b"term = 3\n", "expected [term.<id>] tables", "term"),
    "unknown relation type": (
        X + b"relations.uses = []\nrelations.badrel = []\n",
        "unknown key 'badrel'",
        ":6:1: term.x.relations.badrel",
    ),
    "unknown category label": (b'[category.x]\nen = "X"\nfr = "Y"\n', "unknown key 'fr'", ":3:1: category.x.fr"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_overlay_is_skipped_with_one_warning_and_fails_validate(overlay: Path, case: str) -> None:
    content, expected, where = MALFORMED[case]
    path = overlay / "bad.toml"
    path.write_bytes(content)
    (overlay / "good.toml").write_text(GOOD, encoding="utf-8")
    for _ in range(2):  # on every run, not only when the index is built
        result = invoke("show", "lora")
        assert result.exit_code == 0 and "Our own note on LoRA." in result.stdout, result
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"aiterms: warning: {path}")
        assert expected in result.stderr and where in result.stderr and "file skipped" in result.stderr
        assert "Traceback" not in result.stderr
    assert invoke("show", "hydra").exit_code == 0  # the good file next to it is served
    checked = invoke("validate", str(path))
    assert checked.exit_code == 3 and "Traceback" not in checked.stdout + checked.stderr


def test_error_names_line_and_column(overlay: Path) -> None:
    (overlay / "bad.toml").write_text('[term.x]\nname = "X"\ncategory = "concept"\nsummary.en = "s"\nyear = "1"\n')
    assert ":5:1: term.x.year: expected an integer year" in invoke("list").stderr


def test_a_broken_bundled_corpus_is_still_exit_3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ai_terms.sources import paths

    broken = tmp_path / "terms.toml"
    broken.write_text('[term.x]\nname = "X\n', encoding="utf-8")
    monkeypatch.setattr(paths, "bundled_path", lambda: str(broken))
    monkeypatch.setattr(paths, "bundled_bytes", broken.read_bytes)
    result = invoke("show", "lora")
    assert result.exit_code == 3 and "bundled corpus" in result.stderr and "invalid TOML" in result.stderr


def test_dangling_relation_in_overlay_is_a_warning(overlay: Path) -> None:
    (overlay / "t.toml").write_text(
        '[term.x]\nname = "X"\ncategory = "concept"\nsummary.en = "s"\nrelations.uses = ["nope"]\n', encoding="utf-8"
    )
    result = invoke("show", "x")
    assert result.exit_code == 0 and "warning" in result.stderr and "'nope'" in result.stderr
    assert invoke("show", "x").stderr == ""  # shown once, when the index was rebuilt


def test_missing_path_folder_without_toml_and_folder_as_user_file(
    isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AITERMS_PATH", str(tmp_path / "missing.toml"))
    result = invoke("show", "lora")
    assert result.exit_code == 0 and "no such file or folder" in result.stderr and "file skipped" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("AITERMS_PATH", str(empty))
    result = invoke("show", "lora")
    assert result.exit_code == 0 and "holds no *.toml files" in result.stderr
    monkeypatch.delenv("AITERMS_PATH")
    (isolated / "config" / "aiterms" / "terms.toml").mkdir(parents=True)
    result = invoke("show", "lora")
    assert result.exit_code == 0 and "is a folder" in result.stderr and "LoRA" in result.stdout


def test_validate_overlay_with_the_same_rules(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[term.x]\nname = "X"\ncategory = "concept"\nsummary.zh = "用PyTorch实现,很快"\n'
        'aliases = ["ResNet"]\npaper = {title = "T", arxiv = "12.34"}\nrelations.uses = ["nope", "x"]\n'
        "year = 1492\n",
        encoding="utf-8",
    )
    result = invoke("validate", str(path), "--json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    codes = {i["code"] for i in data["issues"]}
    assert {"T301", "T302", "E130", "E160", "E120", "E121", "E161"} <= codes
    assert all(i["line"] for i in data["issues"])
    monolingual = tmp_path / "ok.toml"
    monolingual.write_text('[term.y]\nname = "Y"\ncategory = "concept"\nsummary.en = "Fine."\n', encoding="utf-8")
    assert invoke("validate", str(monolingual)).exit_code == 0
    assert invoke("validate", "--strict", str(monolingual)).exit_code == 3
