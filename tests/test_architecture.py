"""The shape of the code: layers without import cycles, modules of readable size, and one table of global
options that typer, the fast path and the hoisting agree on."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from typer.main import get_command

from ai_terms.cli.app import app
from ai_terms.options import GLOBAL_OPTIONS, hoist_globals, split_global

from .conftest import REPO

PACKAGE = REPO / "ai_terms"
MAX_LINES = 400


def _module(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every ai_terms module `path` imports, at module level or inside functions."""
    here = _module(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("ai_terms"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            if base.startswith("ai_terms"):
                found.add(base)
                found.update(f"{base}.{a.name}" for a in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        # a package's __init__ is not an edge: importing ai_terms.x.y runs it, but it imports nothing here
        graph[name] = {m for m in _imports(path) if m in modules and m != name and m != "ai_terms"}
    return graph


def test_there_is_no_import_cycle() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_400_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_typer_declares_exactly_the_table_of_global_options() -> None:
    params = {
        p.name: p
        for p in get_command(app).params
        if p.name not in ("version", "help", "install_completion", "show_completion")
    }
    assert set(params) == {opt.dest for opt in GLOBAL_OPTIONS}
    for opt in GLOBAL_OPTIONS:
        param = params[opt.dest]
        assert tuple(param.opts) == opt.names
        assert param.help == opt.help  # type: ignore[attr-defined]
        assert getattr(param, "is_flag", False) != opt.takes_value


def test_global_options_are_hoisted_and_parsed_from_the_table() -> None:
    assert hoist_globals(["show", "lora", "--lang", "zh", "--no-color"]) == [
        "--lang",
        "zh",
        "--no-color",
        "show",
        "lora",
    ]
    assert hoist_globals(["show", "--", "--lang"]) == ["show", "--", "--lang"]
    for opt in GLOBAL_OPTIONS:
        for name in opt.names:
            args = [name, "zh"] if opt.takes_value else [name]
            assert split_global(args, 0) == (opt.dest, "zh" if opt.takes_value else True, len(args))
