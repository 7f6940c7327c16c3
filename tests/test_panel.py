"""The show panel's own layout: wrapping by display width, spacing, code that stays valid when wrapped."""

from __future__ import annotations

import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from ai_terms.render.layout import HARD_CUT, Block, Run, cell_width, code_lines, wrap

from .conftest import REPO, invoke

TERMS = tomli.loads((REPO / "data" / "terms.toml").read_text(encoding="utf-8"))["term"]
SNIPPETS = {tid: t["snippet"]["code"] for tid, t in TERMS.items() if "snippet" in t}
PYTHON = {tid for tid, t in TERMS.items() if "snippet" in t and t["snippet"].get("lang", "python") == "python"}


def test_cell_width_counts_chinese_as_two() -> None:
    assert cell_width("LoRA") == 4 and cell_width("低秩") == 4 and cell_width("é") == 1


def test_closing_punctuation_never_starts_a_line() -> None:
    text = "一种参数高效的微调方法：冻结预训练模型，只训练叠加在部分权重矩阵上的低秩增量。" * 3
    for width in range(8, 40):
        for _, pieces in wrap(Block((Run(text),)), width):
            line = "".join(p.text for p in pieces)
            assert line[:1] not in "，。：；、）", (width, line)
            assert cell_width(line) <= width


def test_spaces_survive_on_continuation_lines() -> None:
    block = Block((Run("Image classification (图像分类), Pre-training (预训练), CNN"),), rest=10, lead=(Run("x" * 10),))
    for width in range(24, 40):
        for _, pieces in wrap(block, width):
            line = "".join(p.text for p in pieces)
            assert "Imageclassification" not in line and "),P" not in line


@pytest.mark.parametrize("tid", sorted(SNIPPETS))
@pytest.mark.parametrize("room", [36, 52, 76])
def test_wrapped_snippets_fit_and_stay_valid_python(tid: str, room: int) -> None:
    lines = code_lines(SNIPPETS[tid].strip("\n"), room)
    assert all(cell_width(line) <= room for line in lines)
    if tid not in PYTHON:  # shell, SQL, C++: cut to fit; only Python is checked to stay valid
        return
    if not any(line.endswith(HARD_CUT) for line in lines):  # a cut inside a long string is marked instead
        compile("\n".join(lines), f"<{tid} at {room}>", "exec")
    if room == 76:
        assert not any(line.endswith(HARD_CUT) for line in lines), lines


def test_piped_list_and_paths_are_not_cut_at_80_columns() -> None:
    for args in (["paths"], ["list"], ["search", "diffusion"]):
        out = invoke(*args, env={"COLUMNS": None}).stdout
        assert all(line == line.rstrip() for line in out.splitlines())
    assert any(len(line) > 100 for line in invoke("list", env={"COLUMNS": None}).stdout.splitlines())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab (),'\"#=\\ \n低秩")), max_size=200), st.integers(8, 90))
def test_code_lines_always_fit_and_end(code: str, room: int) -> None:
    lines = code_lines(code, room)
    assert all(cell_width(line) <= room for line in lines)
