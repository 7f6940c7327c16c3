"""The man page is generated from the command definitions and names every command and option."""

from __future__ import annotations

from typing import Any

from typer.main import get_command

from ai_terms.cli.app import app

from .conftest import REPO, load_script

PAGE = (REPO / "man" / "aiterms.1").read_text(encoding="utf-8")


def _generator() -> Any:
    return load_script("make_man")


def test_the_committed_page_is_what_the_script_writes() -> None:
    assert _generator().render() == PAGE, "run: python scripts/make_man.py"


def test_every_command_and_option_is_in_the_page() -> None:
    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f".SS {name}" in PAGE
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if param.param_type_name == "option" and opt != "--help":
                    assert opt.replace("-", "\\-") in PAGE, (name, opt)
    for param in group.params:
        if param.name not in ("help", "install_completion", "show_completion"):
            for opt in param.opts:
                assert opt.replace("-", "\\-") in PAGE
