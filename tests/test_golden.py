"""Rendered output pinned at a fixed width, without colour. Regenerate: python scripts/update_golden.py"""

from __future__ import annotations

import pytest

from .conftest import REPO, invoke
from .golden_cases import GOLDEN


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_rendered_output_matches_golden_file(name: str) -> None:
    expected = (REPO / "tests" / "golden" / name).read_text(encoding="utf-8")
    args, width = GOLDEN[name]
    result = invoke(*args, env={"COLUMNS": width})
    assert result.exit_code == 0, result
    assert result.stdout == expected, f"{name} differs; if the change is intended run: python scripts/update_golden.py"
