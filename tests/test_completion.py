"""Shell completion, tried in the shells themselves: a line typed into interactive bash and zsh on a
pseudo-terminal with Tab pressed, fish through `complete -C`, and the `aiterms __complete` protocol."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ai_terms.cli.complete import bash_replies, complete, split_words, term_candidates

from .conftest import aiterms_on_path, invoke

READY = "READY> "
DONE = "__DONE__"


def _values(words: list[str], current: str) -> list[str]:
    return [c.value for c in complete(words, current)[0]]


def _answer(*args: str) -> list[str]:
    result = invoke("__complete", *args)
    assert result.exit_code == 0 and result.stderr == "", result
    return result.stdout.splitlines()


# -- what is offered -------------------------------------------------------------------------------------


def test_chinese_names_and_names_with_spaces_are_offered_whole() -> None:
    assert "批量归一化" in _values(["show"], "批量")
    assert {"KV cache", "KV cache reuse"} <= set(_values(["show"], "kv"))
    assert _values(["show"], "kv c") == ["KV cache", "KV cache reuse"]
    assert "Low-Rank Adaptation" in _values(["compare", "qlora"], "low-r")  # the full name that begins so


def test_the_top_level_offers_commands_and_terms() -> None:
    top = _values([], "lo")
    assert "LoRA" in top and "Logits" in top
    assert {"show", "search"} <= set(_values([], "s")) and "ShuffleNet" in _values([], "s")
    assert set(_values([], "")) == {"show", "search", "list", "compare", "categories", "related", "timeline",
                                    "random", "validate", "graph", "export", "paths", "completion", "mcp"}  # fmt: skip
    assert "QLoRA" in _values(["lora"], "qlo")  # `aiterms lora qlora` is `aiterms show lora qlora`
    assert "QLoRA" in _values(["--lang", "zh"], "qlo")


def test_options_and_their_values() -> None:
    assert _values(["--lang"], "z") == ["zh"]
    assert _values([], "--lang=") == ["--lang=en", "--lang=zh", "--lang=both"]
    assert _values(["list", "--category"], "da") == ["dataset"]
    assert _values(["list"], "--category=da") == ["--category=dataset"]
    assert "--brief" in _values(["show"], "--b")
    assert "QLoRA" in _values(["show", "--json"], "qlo")  # after a flag, a term again
    assert _values(["show", "--format"], "qlo") == []  # the value of --format is no term
    assert _values(["completion"], "") == ["bash", "zsh", "fish"]
    assert complete(["validate"], "") == ([], True)  # file names
    assert _values(["related", "lora"], "q") == []  # related takes one term


def test_descriptions_follow_the_language() -> None:
    (lora,) = [c for c in term_candidates("lora", "zh") if c.value == "LoRA"]
    assert lora.help.startswith("一种") and "\n" not in lora.help
    assert _answer("zsh", "--lang", "zh", "show", "lor")[1].startswith("term\tLoRA:一种")


# -- the protocol ----------------------------------------------------------------------------------------


def test_bash_gets_words_quoted_as_the_word_was_begun() -> None:
    assert _answer("bash", "aiterms show kv") == ["words", "KV\\ cache", "KV\\ cache\\ reuse"]
    assert _answer("bash", 'aiterms show "kv c') == ["words", "KV cache", "KV cache reuse"]
    assert _answer("bash", "aiterms show 'lloyd") == ["words", "Lloyd'\\''s algorithm"]
    assert _answer("bash", "aiterms show kv\\ cache\\ r") == ["words", "KV\\ cache\\ reuse"]
    assert _answer("bash", "aiterms list --category=da") == ["words", "dataset"]  # readline's word is `da`
    assert _answer("bash", "FOO=1 aiterms show 批量归") == ["words", "批量归一化"]
    assert _answer("bash", "aiterms validate ") == ["files"]
    assert bash_replies("LLM.i", ["LLM.int8()"]) == ["LLM.int8\\(\\)"]
    assert bash_replies("W", ["Weights & Biases"]) == ["Weights\\ \\&\\ Biases"]
    assert bash_replies('"w', ['Weights & "B" $x']) == ['Weights & \\"B\\" \\$x']
    assert bash_replies("a:b", ["a:bc", "x:bd"], breaks=" :") == ["bc"]


def test_zsh_and_fish_lines() -> None:
    assert _answer("zsh", "show", "批量归") == ["words", "term\t批量归一化:" + term_candidates("批量归一化")[0].help]
    assert _answer("zsh", "show", "mAP@[") == ["words", "term\tmAP@[.5\\:.95]:" + term_candidates("mAP@[")[0].help]
    assert _answer("zsh", "kvc")[0] == "loose"  # no name begins so: matched without the space
    fish = _answer("fish", "show", '"kv c')
    assert fish[0] == "words" and [line.split("\t")[0] for line in fish[1:]] == ["KV cache", "KV cache reuse"]


def test_the_words_of_a_line() -> None:
    assert split_words('aiterms show "kv c') == (["aiterms", "show", "kv c"], '"kv c', '"')
    assert split_words("a 'b c' d\\ e ") == (["a", "b c", "d e"], "", "")
    assert split_words("a 'it\\'s'", fish=True) == (["a", "it's"], "'it\\'s'", "")


def test_completion_never_prints_anything_else() -> None:
    for args in ([], ["bash"], ["csh", "x"], ["zsh"], ["bash", "aiterms show \x1b[31m\x00"], ["fish", "\\"]):
        result = invoke("__complete", *args)
        assert result.exit_code == 0 and result.stderr == "" and "Traceback" not in result.stdout


def test_completing_a_term_imports_neither_typer_nor_rich() -> None:
    probe = "import json, sys\nfrom ai_terms.__main__ import run\nrun(sys.argv[1:])\n"
    probe += "print(json.dumps(sorted(sys.modules)))"
    args = ["__complete", "bash", "aiterms show lo"]
    proc = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=60)
    loaded = {m.split(".")[0] for m in json.loads(proc.stdout.splitlines()[-1])}
    assert "LoRA" in proc.stdout and not loaded & {"typer", "rich", "rapidfuzz"}


def test_the_scripts_and_typers_install_options_are_ours(tmp_path: Path) -> None:
    env = dict(os.environ, HOME=str(tmp_path), _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    for shell in ("bash", "zsh", "fish"):
        ours = invoke("completion", shell).stdout
        assert "__complete" in ours
        shown = subprocess.run([sys.executable, "-m", "ai_terms", "--show-completion", shell], env=env,
                               capture_output=True, text=True, timeout=60)  # fmt: skip
        assert shown.stdout.strip() == ours.strip(), shown.stderr
    subprocess.run([sys.executable, "-m", "ai_terms", "--install-completion", "fish"], env=env, capture_output=True,
                   timeout=60, check=True)  # fmt: skip
    installed = tmp_path / ".config" / "fish" / "completions" / "aiterms.fish"
    assert installed.read_text(encoding="utf-8").strip() == invoke("completion", "fish").stdout.strip()


# -- in the shells ---------------------------------------------------------------------------------------


def _type_in(argv: list[str], env: dict[str, str], lines: list[str]) -> list[list[str]]:
    """Type each line into an interactive shell on a pseudo-terminal and press Tab, then have the shell print
    the words the line now holds (`printf '<%s>\\n' LINE`): what accepting the completion gives."""
    pty = pytest.importorskip("pty")
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child: the shell
        os.execvpe(argv[0], argv, env)
    output = b""

    def read_until(marker: bytes, count: int) -> None:
        nonlocal output
        while output.count(marker) < count:
            ready, _, _ = select.select([fd], [], [], 60)
            chunk = os.read(fd, 65536) if ready else b""
            assert chunk, f"the shell stopped answering; it printed:\n{output.decode(errors='replace')}"
            output += chunk

    try:
        read_until(READY.encode(), 1)
        # Ctrl-A, the printf, Ctrl-E, then a marker (split by quotes, so that only its output matches)
        then = f"\x01printf '<%s>\\n' \x05; echo {DONE[:4]}''{DONE[4:]}\r"
        os.write(fd, "".join(f"{line}\t{then}" for line in lines).encode("utf-8"))
        read_until(f"\n{DONE}".encode(), len(lines))
        os.write(fd, b"exit\r")
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    answers: list[list[str]] = [[]]
    for line in output.decode("utf-8", "replace").replace("\r", "").split("\n"):
        if line == DONE:
            answers.append([])
        elif line.startswith("<") and line.endswith(">"):
            answers[-1].append(line[1:-1])
    return answers[: len(lines)]


# (typed, then Tab: the words the line holds)
CASES = [
    ("aiterms show 批量归", ["aiterms", "show", "批量归一化"]),
    ("aiterms show kv", ["aiterms", "show", "KV cache"]),  # "KV cache" and "KV cache reuse": the common part
    ('aiterms show "kv cache r', ["aiterms", "show", "KV cache reuse"]),
    ("aiterms show 'kv cache r", ["aiterms", "show", "KV cache reuse"]),
    ("aiterms show kvcacher", ["aiterms", "show", "KV cache reuse"]),
    ("aiterms lor", ["aiterms", "LoRA"]),
    ("aiterms lora ql", ["aiterms", "lora", "QLoRA"]),
    ("aiterms show weights", ["aiterms", "show", "Weights & Biases"]),
    ("aiterms show llm.i", ["aiterms", "show", "LLM.int8()"]),
    ("aiterms show lloyd", ["aiterms", "show", "Lloyd's algorithm"]),
    ("aiterms --lang=z", ["aiterms", "--lang=zh"]),
    ("aiterms list --category=datas", ["aiterms", "list", "--category=dataset"]),
    ("aiterms compl", ["aiterms", "completion"]),
]


def _shell_env(tmp_path: Path) -> dict[str, str]:
    env = aiterms_on_path(tmp_path)
    env.update(TERM="dumb", LANG="C.UTF-8", HOME=str(tmp_path), INPUTRC=os.devnull)
    return env


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_in_bash(tmp_path: Path) -> None:
    rc = tmp_path / "bashrc"
    rc.write_text(f"PS1='{READY}'\n{invoke('completion', 'bash').stdout}", encoding="utf-8")
    got = _type_in(["bash", "--noprofile", "--rcfile", str(rc), "-i"], _shell_env(tmp_path), [c[0] for c in CASES])
    assert got == [c[1] for c in CASES]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="needs zsh")
def test_zsh_completes_in_zsh(tmp_path: Path) -> None:
    (tmp_path / "fpath").mkdir()
    (tmp_path / "fpath" / "_aiterms").write_text(invoke("completion", "zsh").stdout, encoding="utf-8")
    (tmp_path / ".zshrc").write_text(
        f"PROMPT='{READY}'\nbindkey -e\nfpath=({tmp_path / 'fpath'} $fpath)\nautoload -Uz compinit\ncompinit -u -D\n",
        encoding="utf-8",
    )  # installed as the README says: a file on $fpath, autoloaded by compinit
    env = _shell_env(tmp_path)
    env["ZDOTDIR"] = str(tmp_path)
    got = _type_in(["zsh", "-i"], env, [c[0] for c in CASES])
    assert got == [c[1] for c in CASES]


@pytest.mark.skipif(shutil.which("fish") is None, reason="needs fish")
def test_fish_completes_in_fish(tmp_path: Path) -> None:
    script = tmp_path / "aiterms.fish"
    script.write_text(invoke("completion", "fish").stdout, encoding="utf-8")
    env = _shell_env(tmp_path)
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))

    def listed(line: str) -> list[str]:
        quoted = "'" + line.replace("\\", "\\\\").replace("'", "\\'") + "'"
        command = f"source {script}; complete -C {quoted}"
        proc = subprocess.run(["fish", "--no-config", "-c", command], env=env, capture_output=True, timeout=60)
        assert proc.returncode == 0 and not proc.stderr, proc.stderr.decode()
        return [line.split("\t")[0] for line in proc.stdout.decode("utf-8").splitlines()]

    assert listed("aiterms show 批量") == ["批量大小", "批量归一化", "批量梯度下降"]
    assert listed("aiterms show kv") == ["KV cache", "KV cache reuse"]
    assert listed("aiterms show 'kv c") == ["KV cache", "KV cache reuse"]
    assert {"show", "ShuffleNet"} <= set(listed("aiterms sh"))
    init = f"source {script}; function fish_prompt; printf '{READY}'; end"
    got = _type_in(["fish", "--no-config", "-C", init, "-i"], env, [c[0] for c in CASES])
    # fish drops candidates that do not look like the word at all: "kvcacher" stays as typed
    expected = [c[1] if c[0] != "aiterms show kvcacher" else ["aiterms", "show", "kvcacher"] for c in CASES]
    assert got == expected
