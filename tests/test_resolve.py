from __future__ import annotations

import pytest

from ai_terms.errors import AmbiguousTermError, UnknownTermError, UsageError
from ai_terms.query.resolve import check_category, resolve_id

from .conftest import fresh_index, invoke


@pytest.mark.parametrize(
    "name", ["lora", "LoRA", "Low-Rank Adaptation", "低秩自适应", "ＬｏＲＡ", "low rank adaptation"]
)
def test_every_form_reaches_lora(name: str) -> None:
    assert resolve_id(fresh_index(), name) == "lora"


def test_unknown_name_suggests_closest_in_both_scripts() -> None:
    with pytest.raises(UnknownTermError) as info:
        resolve_id(fresh_index(), "lorra")
    assert info.value.suggestions[0] == "LoRA (低秩自适应)"


def test_unknown_name_exits_1_with_did_you_mean_on_stderr() -> None:
    result = invoke("show", "resnett")
    assert result.exit_code == 1, result
    assert result.stdout == ""
    assert "Did you mean" in result.stderr and "ResNet" in result.stderr
    assert result.stderr.count("\n") == 1


def test_shared_name_lists_candidates(overlay) -> None:  # type: ignore[no-untyped-def]
    (overlay / "team.toml").write_text(
        '[term.team-a]\nname = "Zeta"\ncategory = "concept"\nsummary.en = "A."\n'
        '[term.team-b]\nname = "Zeta"\ncategory = "concept"\nsummary.en = "B."\n',
        encoding="utf-8",
    )
    with pytest.raises(AmbiguousTermError) as info:
        resolve_id(fresh_index(), "zeta")
    assert len(info.value.candidates) == 2
    result = invoke("show", "zeta")
    assert result.exit_code == 1 and "team-a" in result.stderr and "team-b" in result.stderr


def test_an_id_beats_an_alias_of_another_entry(overlay) -> None:  # type: ignore[no-untyped-def]
    (overlay / "team.toml").write_text(
        '[term.team-x]\nname = "Team X"\naliases = ["lora"]\ncategory = "concept"\nsummary.en = "X."\n',
        encoding="utf-8",
    )
    assert resolve_id(fresh_index(), "lora") == "lora"


def test_empty_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        resolve_id(fresh_index(), " - ")


def test_category_matches_by_id_or_label_and_suggests() -> None:
    index = fresh_index()
    assert check_category(index, "模型") == "model"
    assert check_category(index, "Datasets".rstrip("s")) == "dataset"
    with pytest.raises(UsageError, match="Did you mean: model"):
        check_category(index, "modle")
