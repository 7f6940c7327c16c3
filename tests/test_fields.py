"""The field table (model.FIELDS) is the one place a field is defined: the record, the readers, JSON, the
schema, the docs, search and the views all follow it; `formula` and `checked` prove it end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ai_terms.corpus.check import READERS
from ai_terms.corpus.schema import KIND_SCHEMAS, corpus_fields_markdown, json_fields_markdown, json_schema
from ai_terms.labels import LABELS
from ai_terms.model import _FROM_JSON, _TO_JSON, FIELDS, KINDS, SEARCH_WEIGHTS, TOML_FIELDS, Term
from ai_terms.results import TERM_FIELDS

from .conftest import REPO, invoke


def test_the_record_has_exactly_the_fields_of_the_table_in_its_order() -> None:
    assert Term._fields == tuple(f.key for f in FIELDS)
    assert list(TERM_FIELDS) == [f.key for f in FIELDS]


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.key)
def test_every_field_is_read_written_labelled_and_placed(field: object) -> None:
    f = FIELDS[[x.key for x in FIELDS].index(field.key)]  # type: ignore[attr-defined]
    assert f.kind in KINDS and f.kind in _TO_JSON and f.kind in _FROM_JSON
    if f in TOML_FIELDS and f.key != "id":
        assert f.kind in READERS and f.kind in KIND_SCHEMAS and f.about
    assert LABELS["en"][f.key] and LABELS["zh"][f.key] and f.meaning
    assert not f.search or f.search in SEARCH_WEIGHTS


def test_the_shipped_schema_and_docs_are_generated_from_the_table() -> None:
    shipped = json.loads((REPO / "ai_terms" / "schema" / "terms.schema.json").read_text(encoding="utf-8"))
    assert shipped == json_schema(), "run: python scripts/make_schema.py"
    assert corpus_fields_markdown() in (REPO / "docs" / "corpus-format.md").read_text(encoding="utf-8")
    assert json_fields_markdown() in (REPO / "docs" / "json.md").read_text(encoding="utf-8")


ENTRY = """
[term.f1-demo]
name = "F1 demo"
category = "concept"
tags = ["evaluation"]
summary.en = "A demo metric."
summary.zh = "演示用的指标。"
formula = "F1 = 2·P·R / (P + R)"
checked = {checked}
"""


def test_formula_and_checked_end_to_end(overlay: Path) -> None:
    (overlay / "demo.toml").write_text(ENTRY.format(checked="2026-11-30"), encoding="utf-8")
    data = json.loads(invoke("show", "f1 demo", "--json").stdout)
    assert data["formula"] == "F1 = 2·P·R / (P + R)" and data["checked"] == "2026-11-30"
    shown = invoke("show", "f1 demo", "--no-color").stdout
    assert "Formula" in shown and "F1 = 2·P·R / (P + R)" in shown
    assert "Checked: 2026-11-30" in shown.splitlines()[-1]  # the footer
    assert "核实于：2026-11-30" in invoke("--lang", "zh", "show", "f1 demo").stdout
    compared = invoke("compare", "f1 demo", "lora").stdout
    assert "Formula" in compared and "2·P·R" in compared
    assert "Formula" not in invoke("compare", "resnet", "bert").stdout  # no row when no term has one
    exported = json.loads(invoke("export", "--category", "concept", "--json").stdout)["markdown"]
    assert "```text\nF1 = 2·P·R / (P + R)\n```" in exported


def test_validate_warns_when_checked_is_older_than_18_months(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_text(ENTRY.format(checked="2024-01-15"), encoding="utf-8")
    result = invoke("validate", str(old))
    flat = " ".join(result.stdout.split())  # the line wraps where the temporary path's length puts it
    assert result.exit_code == 0 and "W170" in result.stdout and "checked 2024-01-15" in flat
    future = tmp_path / "future.toml"
    future.write_text(ENTRY.format(checked="2999-01-01"), encoding="utf-8")
    assert "E171" in invoke("validate", str(future)).stdout
    bad = tmp_path / "bad.toml"
    bad.write_text(ENTRY.format(checked='"last week"'), encoding="utf-8")
    result = invoke("validate", str(bad), "--json")
    assert result.exit_code == 3 and "expected a date such as 2026-11-30" in result.stdout


def test_the_bundled_corpus_is_checked_recently_enough() -> None:
    result = invoke("validate", "--json")
    assert not [i for i in json.loads(result.stdout)["issues"] if i["code"] in ("W170", "E171")]
