"""The editor recipes of docs/editors/, tried in the editors themselves (headless; skipped where an editor is
not installed), and the commands they run checked against the CLI."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.main import get_command

from ai_terms.cli.app import app
from ai_terms.options import GLOBAL_OPTIONS

from .conftest import REPO, aiterms_on_path, invoke

EDITORS = REPO / "docs" / "editors"
BUFFER = "we fine-tune with LoRA today\nthe KV cache grows\n"  # "LoRA" at line 1, column 19 (0-based 18)

# Each recipe's command line as it is written in the recipe, and the aiterms arguments it comes to for a term.
COMMANDS = [
    ("aiterms.vim", "set keywordprg=aiterms", []),  # K runs `aiterms WORD`
    (
        "aiterms.vim",
        "systemlist('aiterms show --format markdown ' . shellescape(l:term))",
        ["show", "--format", "markdown"],
    ),
    ("aiterms.lua", "{ 'aiterms', 'show', '--format', 'markdown', term }", ["show", "--format", "markdown"]),
    ("aiterms.el", '"show" "--format" "markdown" term', ["show", "--format", "markdown"]),
]


def _tasks() -> list[dict[str, object]]:
    tasks = json.loads((EDITORS / "tasks.json").read_text(encoding="utf-8"))["tasks"]
    assert isinstance(tasks, list)
    return tasks


def _run(argv: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = aiterms_on_path(tmp_path)
    full.update(HOME=str(tmp_path), LANG="C.UTF-8", **env)
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=full, timeout=60, cwd=tmp_path)


# -- the commands ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("recipe", "written", "args"), COMMANDS, ids=[f"{c[0]}:{c[2][:1]}" for c in COMMANDS])
@pytest.mark.parametrize("fast", [True, False], ids=["fast-path", "typer"])
def test_each_recipe_command_is_a_valid_aiterms_invocation(
    recipe: str, written: str, args: list[str], fast: bool
) -> None:
    assert written in (EDITORS / recipe).read_text(encoding="utf-8")
    env: dict[str, str | None] = {} if fast else {"AITERMS_NO_FASTPATH": "1"}
    for term, name in (("LoRA", "LoRA · 低秩自适应"), ("KV cache", "KV cache · KV 缓存")):
        result = invoke(*args, term, env=env)
        assert result.exit_code == 0 and name in result.stdout, result
    missing = invoke(*args, "nosuchterm", env=env)
    assert missing.exit_code == 1 and missing.stderr.startswith("aiterms: unknown term 'nosuchterm'"), missing


def test_the_recipes_pass_only_options_that_exist() -> None:
    show = getattr(get_command(app), "commands", {})["show"]
    known = {name for param in show.params for name in param.opts} | {n for o in GLOBAL_OPTIONS for n in o.names}
    comments = {"aiterms.vim": '"', "aiterms.lua": "--", "aiterms.el": ";", "tasks.json": "//"}
    for recipe, comment in comments.items():
        text = (EDITORS / recipe).read_text(encoding="utf-8")
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(comment))
        used = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", code))
        assert used and used <= known, (recipe, used - known)


def test_vscode_files_are_plain_json_that_vscode_reads() -> None:
    config = json.loads((EDITORS / "tasks.json").read_text(encoding="utf-8"))  # plain JSON: no comments
    assert config["version"] == "2.0.0"
    inputs = {i["id"] for i in config.get("inputs", [])}
    labels = set()
    for task in _tasks():
        assert task["type"] == "process" and task["command"] == "aiterms"  # no shell to split "KV cache"
        args = task["args"]
        assert isinstance(args, list) and args[:2] == ["show", "--no-pager"] and len(args) == 3
        for ref in re.findall(r"\$\{input:([^}]+)\}", str(args)):
            assert ref in inputs
        labels.add(task["label"])
    bindings = json.loads((EDITORS / "keybindings.json").read_text(encoding="utf-8"))
    assert {b["args"] for b in bindings} == labels
    assert all(b["command"] == "workbench.action.tasks.runTask" and b["key"] for b in bindings)


def test_vscode_tasks_run_with_their_variables_filled_in(tmp_path: Path) -> None:
    values = {"${selectedText}": "LoRA", "${input:aitermsTerm}": "KV cache"}
    for task in _tasks():
        args = task["args"]
        assert isinstance(args, list)
        argv = [str(task["command"]), *(values.get(str(a), str(a)) for a in args)]
        proc = _run(argv, tmp_path, COLUMNS="80")
        assert proc.returncode == 0 and "╭─ " in proc.stdout, proc.stderr
        assert ("LoRA · 低秩自适应" if "LoRA" in argv else "KV cache · KV 缓存") in proc.stdout


# -- in the editors --------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("vim") is None, reason="needs vim")
def test_vim_k_and_the_preview_window(tmp_path: Path) -> None:
    (tmp_path / "buffer.txt").write_text(BUFFER, encoding="utf-8")
    vim = [
        "vim",
        "-Es",
        "-u",
        "NONE",
        "-N",
        "-i",
        "NONE",
        "-c",
        f"source {EDITORS / 'aiterms.vim'}",
        "-c",
        "call cursor(1, 20)",
    ]
    pressed_k = _run([*vim, "-c", "normal K", "-c", "qa!", "buffer.txt"], tmp_path)
    assert (
        pressed_k.returncode == 0
        and "LoRA · 低秩自适应" in pressed_k.stdout
        and "Low-Rank Adaptation" in pressed_k.stdout
    )
    out = tmp_path / "preview.md"
    save = f"call writefile(getline(1, '$'), '{out}')"
    previewed = _run([*vim, "-c", "Aiterms", "-c", "wincmd P", "-c", save, "-c", "qa!", "buffer.txt"], tmp_path)
    assert previewed.returncode == 0, previewed.stderr
    assert out.read_text(encoding="utf-8").startswith("### LoRA · 低秩自适应\n\n*Low-Rank Adaptation*")


NVIM_PROBE = """
require('aiterms')
local out = {}
local function take_float(label)
  table.insert(out, label)
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      vim.list_extend(out, vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, 3, false))
      vim.api.nvim_win_close(win, true)
    end
  end
end
vim.cmd('edit buffer.txt')
vim.api.nvim_win_set_cursor(0, { 1, 19 })
vim.cmd('normal \\\\a')
take_float('-- <Leader>a')
vim.api.nvim_win_set_cursor(0, { 2, 4 })
vim.cmd('normal v7l\\\\a')
take_float('-- selection')
vim.cmd('Aiterms 批量归一化')
take_float('-- :Aiterms')
vim.fn.writefile(out, 'float.md')
"""


@pytest.mark.skipif(shutil.which("nvim") is None, reason="needs nvim")
def test_neovim_hover_in_a_floating_window(tmp_path: Path) -> None:
    (tmp_path / "buffer.txt").write_text(BUFFER, encoding="utf-8")
    (tmp_path / "lua").mkdir()
    shutil.copy(EDITORS / "aiterms.lua", tmp_path / "lua" / "aiterms.lua")  # as ~/.config/nvim/lua/aiterms.lua
    (tmp_path / "probe.lua").write_text(NVIM_PROBE, encoding="utf-8")
    argv = [
        "nvim",
        "--headless",
        "-u",
        "NONE",
        "-i",
        "NONE",
        "--cmd",
        f"set rtp^={tmp_path}",
        "-c",
        "luafile probe.lua",
        "-c",
        "qa!",
    ]
    proc = _run(
        argv, tmp_path, XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path)
    )
    assert proc.returncode == 0, proc.stderr
    lines = (tmp_path / "float.md").read_text(encoding="utf-8").splitlines()
    assert lines[:8] == [
        "-- <Leader>a", "### LoRA · 低秩自适应", "", "*Low-Rank Adaptation*",
        "-- selection", "### KV cache · KV 缓存", "", "*Key-value cache*",
    ]  # fmt: skip
    assert lines[8:10] == ["-- :Aiterms", "### Batch Normalization · 批量归一化"]


EMACS_PROBE = """
(progn
  (with-temp-buffer
    (insert "we fine-tune with LoRA today")
    (goto-char 20)
    (call-interactively #'aiterms-show))
  (with-current-buffer "*aiterms*"
    (princ (format "%s %s\\n%s" major-mode buffer-read-only (buffer-string))))
  (condition-case err (aiterms-show "nosuchterm")
    (user-error (princ (format "\\nuser-error: %s" (error-message-string err))))))
"""


@pytest.mark.skipif(shutil.which("emacs") is None, reason="needs emacs")
def test_emacs_aiterms_show(tmp_path: Path) -> None:
    argv = ["emacs", "--batch", "-Q", "-l", str(EDITORS / "aiterms.el"), "--eval", EMACS_PROBE]
    proc = _run(argv, tmp_path)
    assert proc.returncode == 0, proc.stderr
    first, rest = proc.stdout.split("\n", 1)
    assert first in ("text-mode t", "markdown-mode t")
    assert rest.startswith("### LoRA · 低秩自适应\n\n*Low-Rank Adaptation*")
    assert "\nuser-error: aiterms: unknown term 'nosuchterm'" in proc.stdout
