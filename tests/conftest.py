"""Test isolation: every test gets its own cache, config dir and environment, and a way to run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ai_terms.__main__ import run
from ai_terms.index.store import Index, open_index

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str

    def __str__(self) -> str:  # shown in assertion failures
        return f"exit {self.exit_code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache dir for the session: index files are keyed by their sources, so tests can share it."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_cache: Path) -> Iterator[Path]:
    """No test sees the developer's config, overlays or cache."""
    for var in ("AITERMS_PATH", "AITERMS_NO_FASTPATH", "NO_COLOR", "PAGER", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AITERMS_CACHE_DIR", str(shared_cache))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("AITERMS_LANG", "en")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "50")
    yield tmp_path


def invoke(*args: str, env: dict[str, str | None] | None = None) -> Outcome:
    """Run the real entry point (global options, fast path, typer, error handling) in-process."""
    runner = CliRunner()
    with runner.isolation(env=env) as (out, err, _):
        code = run(list(args))
        sys.stdout.flush()
        sys.stderr.flush()
        return Outcome(code, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace"))


def run_process(
    *args: str, env: dict[str, str] | None = None, input: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m ai_terms` in a subprocess with the test environment."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "ai_terms", *args], capture_output=True, env=full_env, input=input, timeout=60
    )


_OPENED: list[Index] = []


def fresh_index() -> Index:
    """open_index() for a test: closed when the test ends (Python 3.13 warns about unclosed databases)."""
    opened = open_index()
    _OPENED.append(opened)
    return opened


@pytest.fixture(autouse=True)
def close_indexes() -> Iterator[None]:
    yield
    while _OPENED:
        _OPENED.pop().close()


@pytest.fixture
def overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder named in AITERMS_PATH; tests write *.toml files into it."""
    folder = tmp_path / "overlays"
    folder.mkdir()
    monkeypatch.setenv("AITERMS_PATH", str(folder))
    return folder


def run_under_pty(args: list[str], env: dict[str, str], *, columns: int = 80, lines: int = 25) -> str:
    """Run the CLI in a child process whose stdout is a pseudo-terminal of `columns` x `lines`, wait for it
    to finish, and return what it wrote (line ends as the terminal gives them, "\r\n")."""
    import fcntl
    import pty
    import struct
    import termios

    script = "import sys\nfrom ai_terms.__main__ import run\nsys.exit(run(sys.argv[1:]))\n"
    pid, fd = pty.fork()
    if pid == 0:  # child: fd 1 is the terminal (sys.stdout may be pytest's capture)
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
            os.execve(sys.executable, [sys.executable, "-c", script, *args], env)
        finally:
            os._exit(127)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    return out.decode("utf-8", errors="replace")


def load_script(name: str) -> Any:
    """A script of scripts/ (scripts/<name>.py) imported as a module, to call what it generates."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def aiterms_on_path(tmp_path: Path) -> dict[str, str]:
    """The test environment with an `aiterms` command first on PATH, as shells and editors run it: the entry
    point installed next to this interpreter, else a wrapper running `python -m ai_terms`."""
    import shutil

    installed = shutil.which("aiterms", path=str(Path(sys.executable).parent))
    if installed is not None:
        folder = str(Path(installed).parent)
    else:
        wrapper = tmp_path / "bin" / "aiterms"
        wrapper.parent.mkdir(exist_ok=True)
        wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ai_terms "$@"\n', encoding="utf-8")
        wrapper.chmod(0o755)
        folder = str(wrapper.parent)
    return dict(os.environ, PATH=os.pathsep.join([folder, os.environ.get("PATH", "")]))
