"""Behaviour found in a new-user pass: completion scripts, pager failure, NO_COLOR, full disks, names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ai_terms.index.cache import cache_file
from ai_terms.options import color_allowed
from ai_terms.sources.paths import sources

from .conftest import fresh_index, invoke


@pytest.mark.parametrize(
    ("shell", "marker"), [("bash", "COMPREPLY"), ("zsh", "#compdef aiterms"), ("fish", "complete --command aiterms")]
)
def test_completion_scripts_for_each_shell(shell: str, marker: str) -> None:
    result = invoke("completion", shell)
    assert result.exit_code == 0 and marker in result.stdout
    assert invoke("completion", "csh").exit_code == 2


def test_no_color_counts_only_when_not_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "")
    assert color_allowed(False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not color_allowed(False)
    assert not color_allowed(True)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_is_a_clean_error() -> None:
    for args in (["show", "lora"], ["show", "lora", "--json"], ["list"]):
        with open("/dev/full", "w") as full:
            proc = subprocess.run(
                [sys.executable, "-m", "ai_terms", *args], stdout=full, stderr=subprocess.PIPE, timeout=60
            )
        assert proc.returncode == 74
        assert proc.stderr.decode().strip() == "aiterms: cannot write output: No space left on device"


def test_missing_pager_prints_the_text_itself(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    env = dict(os.environ, PAGER=str(tmp_path / "no-such-pager"), LINES="10", COLUMNS="80", TERM="xterm")
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, "-m", "ai_terms", "show", "lora"], env)
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert b"Low-Rank Adaptation" in b"".join(chunks)


def test_compare_refuses_the_same_term_twice() -> None:
    result = invoke("compare", "lora", "LoRA")
    assert result.exit_code == 2 and "same entry" in result.stderr


def test_did_you_mean_prefers_names_the_input_begins() -> None:
    assert "Did you mean: Hunyuan-DiT (混元 DiT)" in invoke("show", "hunyuan-d").stderr
    assert "Did you mean: Hunyuan-DiT (混元 DiT)" in invoke("show", "混元 d").stderr
    assert "Try: aiterms search 'xyzzyq'" in invoke("show", "xyzzyq").stderr


def test_unknown_tag_lists_the_known_ones() -> None:
    result = invoke("list", "--tag", "nope")
    assert result.exit_code == 2 and "Known: " in result.stderr and "vision" in result.stderr


def test_timeline_counts_the_undated() -> None:
    data = json.loads(invoke("timeline", "--json").stdout)
    assert data["undated"] > 0 and all(t["year"] for t in data["terms"])
    assert "no year" in invoke("timeline").stdout


def test_validate_warns_when_a_name_is_another_entrys(tmp_path: Path) -> None:
    path = tmp_path / "radio.toml"
    path.write_text('[term.lora-radio]\nname = "LoRa"\ncategory = "concept"\nsummary.en = "A radio protocol."\n')
    data = json.loads(invoke("validate", str(path), "--json").stdout)
    assert [i["code"] for i in data["issues"]] == ["W131"] and data["ok"]


def test_old_indexes_of_other_sources_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "prune-cache"
    cache.mkdir()
    monkeypatch.setenv("AITERMS_CACHE_DIR", str(cache))
    old = cache / "index-0000000000000000.sqlite"
    old.write_bytes(b"old")
    recent = cache / "index-1111111111111111.sqlite"
    recent.write_bytes(b"recent")
    month_ago = time.time() - 40 * 24 * 3600
    os.utime(old, (month_ago, month_ago))
    fresh_index()
    assert not old.exists() and recent.exists() and Path(cache_file(sources())).exists()
