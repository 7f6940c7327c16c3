"""The compiled index: rebuilt when stale or corrupt, skipped when unwritable, safe under concurrency."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ai_terms.index.cache import cache_file
from ai_terms.sources.paths import sources

from .conftest import fresh_index, invoke


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "own-cache"
    monkeypatch.setenv("AITERMS_CACHE_DIR", str(cache))
    return cache


def test_index_is_built_once_then_reused(own_cache: Path) -> None:
    first = fresh_index()
    assert first.path and Path(first.path).parent == own_cache
    mtime = os.stat(first.path).st_mtime_ns
    second = fresh_index()
    assert second.path == first.path and os.stat(second.path).st_mtime_ns == mtime


def test_edited_overlay_rebuilds_the_index(own_cache: Path, overlay: Path) -> None:
    path = overlay / "t.toml"
    path.write_text('[term.x]\nname = "X"\ncategory = "concept"\nsummary.en = "one"\n', encoding="utf-8")
    assert json.loads(invoke("show", "x", "--json").stdout)["summary"]["en"] == "one"
    path.write_text('[term.x]\nname = "X"\ncategory = "concept"\nsummary.en = "two, longer"\n', encoding="utf-8")
    assert json.loads(invoke("show", "x", "--json").stdout)["summary"]["en"] == "two, longer"


@pytest.mark.parametrize("garbage", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 200])
def test_corrupt_cache_is_rebuilt(own_cache: Path, garbage: bytes) -> None:
    path = Path(cache_file(sources()))
    path.parent.mkdir(parents=True)
    path.write_bytes(garbage)
    result = invoke("show", "lora", "--json")
    assert result.exit_code == 0, result
    assert fresh_index().path == str(path) and path.stat().st_size > 10000


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_cache_dir_works_from_memory_as_non_root(own_cache: Path) -> None:
    own_cache.mkdir()
    own_cache.chmod(0o500)
    try:
        result = invoke("show", "lora", "--json")
        assert result.exit_code == 0, result
        assert list(own_cache.iterdir()) == []
    finally:
        own_cache.chmod(0o700)


def test_cache_path_that_cannot_be_a_dir_works_from_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("AITERMS_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file: never creatable
    result = invoke("show", "lora", "--json")
    assert result.exit_code == 0, result
    assert fresh_index().path is None


def test_eight_parallel_first_runs_agree(own_cache: Path, overlay: Path) -> None:
    (overlay / "t.toml").write_text('[term.x]\nname = "X"\ncategory = "concept"\nsummary.en = "s"\n', encoding="utf-8")
    env = dict(os.environ)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "ai_terms", "show", "lora", "x", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(8)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, [e for _, e in outputs]
    assert len({out for out, _ in outputs}) == 1
    assert all(err == b"" for _, err in outputs)
    leftovers = [p.name for p in own_cache.iterdir() if not p.name.endswith(".sqlite")]
    assert leftovers == []
