"""Regenerate tests/golden/*.txt from the current code: the one command for intended rendering changes."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.conftest import invoke  # noqa: E402
from tests.golden_cases import GOLDEN  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(AITERMS_CACHE_DIR=tmp, XDG_CONFIG_HOME=tmp, AITERMS_LANG="en")
        for var in ("AITERMS_PATH", "NO_COLOR"):
            os.environ.pop(var, None)
        for name, (args, width) in GOLDEN.items():
            result = invoke(*args, env={"COLUMNS": width})
            if result.exit_code != 0:
                raise SystemExit(f"{name}: {result}")
            (REPO / "tests" / "golden" / name).write_text(result.stdout, encoding="utf-8")
            print(f"wrote tests/golden/{name}")


if __name__ == "__main__":
    main()
