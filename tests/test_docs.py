"""The docs prove themselves: commands, JSON fields, rule codes and the README's commands stay documented."""

from __future__ import annotations

import re

import pytest
from typer.main import get_command

from ai_terms.cli.app import app
from ai_terms.corpus.lint import RULES
from ai_terms.results import BRIEF_FIELDS, HIT_FIELDS, TERM_FIELDS

from .conftest import REPO, invoke

README = (REPO / "README.md").read_text(encoding="utf-8")
JSON_DOC = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_the_commands_are_the_documented_ones() -> None:
    expected = ["show", "search", "list", "compare", "categories", "related", "timeline", "random"]
    expected += ["validate", "graph", "export", "paths", "completion", "mcp"]
    assert sorted(expected) == COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(name: str) -> None:
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    assert command.help and len(command.help) > 20
    assert f"`aiterms {name}" in README
    if name not in ("validate", "paths", "export", "graph", "completion", "mcp"):
        assert any(p.name == "json_" for p in command.params), f"{name} lacks --json"


def test_every_json_field_is_documented() -> None:
    for field in {**TERM_FIELDS, **BRIEF_FIELDS, **HIT_FIELDS}:
        assert f"`{field}`" in JSON_DOC, field
    assert "schema_version" in JSON_DOC


def test_every_rule_code_is_documented() -> None:
    doc = (REPO / "docs" / "validate.md").read_text(encoding="utf-8")
    for code in RULES:
        assert f"`{code}`" in doc


def test_readme_opens_with_the_install_and_test_commands_that_ci_runs() -> None:
    blocks = re.findall(r"```sh\n(.+?)\n```", README, flags=re.S)
    install, tests = blocks[0], blocks[1]
    assert install.endswith("aiterms show lora") and "pip install ." in install
    assert "pytest" in tests
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci


def test_readme_exit_codes_match_the_code() -> None:
    from ai_terms import errors

    for code in (errors.EXIT_OK, errors.EXIT_NOT_FOUND, errors.EXIT_USAGE, errors.EXIT_DATA, 70, 74, 130):
        assert f"| {code} |" in README


# -- the Chinese README, kept in step with the English one ------------------------------------------------------

README_ZH = (REPO / "README.zh-CN.md").read_text(encoding="utf-8")
_BLOCK = re.compile(r"```(\w*)\n(.*?)\n```", flags=re.S)


def _shell_lines(readme: str) -> list[tuple[str, list[str]]]:
    """Each command line of a README's sh and console blocks (prompt and trailing comment removed), with the
    output a console block shows under it."""
    found: list[tuple[str, list[str]]] = []
    for lang, body in _BLOCK.findall(readme):
        if lang not in ("sh", "console"):
            continue
        for line in body.splitlines():
            if lang == "console" and not line.startswith("$ "):
                if found and line:
                    found[-1][1].append(line)
                continue
            command = re.sub(r"\s+#\s.*$", "", line.removeprefix("$ ")).strip()
            if command and not command.startswith("#"):
                found.append((command, []))
    return found


def _aiterms_examples() -> dict[str, list[str]]:
    """The `aiterms ...` lines of both READMEs and the output they show (none: any output, exit 0)."""
    examples: dict[str, list[str]] = {}
    for readme in (README, README_ZH):
        for command, output in _shell_lines(readme):
            if command.split()[0].endswith("aiterms") and "--install-completion" not in command:
                examples.setdefault(command, output)
    return examples


def test_each_readme_links_to_the_other_at_the_top() -> None:
    assert "[中文](README.zh-CN.md)" in "\n".join(README.splitlines()[:4])
    assert "[English](README.md)" in "\n".join(README_ZH.splitlines()[:4])


def test_the_chinese_readme_has_the_same_commands_exit_codes_and_sections() -> None:
    english, chinese = _shell_lines(README), _shell_lines(README_ZH)
    assert english[:2] == chinese[:2]  # the install and test commands, word for word
    assert sorted({c for c, _ in chinese}) == sorted({c for c, _ in english})
    for code in re.findall(r"^\| (\d+) \|", README, flags=re.M):
        assert f"| {code} |" in README_ZH
    for name in COMMANDS:
        assert f"`aiterms {name}" in README_ZH
    assert len(re.findall(r"^## ", README_ZH, flags=re.M)) >= len(re.findall(r"^## ", README, flags=re.M))


@pytest.mark.parametrize(("command", "shown"), sorted(_aiterms_examples().items()))
def test_the_readme_examples_run(command: str, shown: list[str]) -> None:
    import shlex

    words = shlex.split(command)
    cut = next((i for i, w in enumerate(words) if w in ("|", ">")), len(words))  # our part of a pipe or redirect
    out = invoke(*words[1:cut])
    if shown and shown[0].startswith("aiterms: "):  # an error, shown with its message
        assert out.exit_code in (1, 2) and (out.stdout + out.stderr).strip() == "\n".join(shown), out
    else:
        assert out.exit_code == 0 and out.stdout, out
        assert all(line in out.stdout for line in shown), out
