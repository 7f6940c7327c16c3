"""The docs prove themselves: commands, JSON fields, rule codes and the README's commands stay documented."""

from __future__ import annotations

import re

import pytest
from typer.main import get_command

from ai_terms.cli.app import app
from ai_terms.corpus.lint import RULES
from ai_terms.results import BRIEF_FIELDS, HIT_FIELDS, TERM_FIELDS

from .conftest import REPO

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
