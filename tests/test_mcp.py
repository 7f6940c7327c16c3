"""`aiterms mcp`: the real server started over stdio and driven by the official SDK's client."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import invoke, run_process

mcp = pytest.importorskip("mcp")


def _session(fn: Callable[[Any], Awaitable[None]], env: dict[str, str] | None = None) -> None:
    import anyio
    from mcp import ClientSession, StdioServerParameters, stdio_client

    params = StdioServerParameters(
        command=sys.executable, args=["-m", "ai_terms", "mcp"], env={**os.environ, **(env or {})}
    )

    async def main() -> None:
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            await fn(session)

    anyio.run(main)


def _cli_json(*args: str) -> Any:
    return json.loads(invoke(*args, "--json").stdout)


def test_every_tool_answers_with_the_cli_json_and_a_text_form() -> None:
    seen: dict[str, Any] = {}

    async def exchange(session: Any) -> None:
        tools = {t.name: t for t in (await session.list_tools()).tools}
        assert set(tools) == {"search", "show", "compare", "related", "categories", "list_terms"}
        for tool in tools.values():
            assert len(tool.description) > 60 and tool.input_schema["type"] == "object"
        calls = {
            "show": {"name": "低秩自适应"},
            "search": {"query": "object detection", "limit": 3},
            "compare": {"names": ["resnet", "vit"]},
            "related": {"name": "stable diffusion", "depth": 2},
            "categories": {},
            "list_terms": {"category": "dataset"},
        }
        for name, arguments in calls.items():
            result = await session.call_tool(name, arguments)
            assert not result.is_error, (name, result)
            assert result.content[0].text.strip()
            seen[name] = result.structured_content

    _session(exchange)
    assert seen["show"] == _cli_json("show", "lora")
    assert seen["search"] == _cli_json("search", "object detection", "--limit", "3")
    assert seen["compare"] == _cli_json("compare", "resnet", "vit")
    assert seen["related"] == _cli_json("related", "stable diffusion", "--depth", "2")
    assert seen["categories"] == _cli_json("categories")
    assert seen["list_terms"] == _cli_json("list", "--category", "dataset")


def test_an_unknown_term_is_a_tool_error_with_suggestions() -> None:
    async def exchange(session: Any) -> None:
        result = await session.call_tool("show", {"name": "lorra"})
        assert result.is_error
        assert result.structured_content["error"] == "UnknownTermError"
        assert any("LoRA" in s for s in result.structured_content["suggestions"])
        assert "LoRA" in result.content[0].text
        bad = await session.call_tool("related", {"name": "lora", "depth": 9})  # outside the schema
        assert bad.is_error

    _session(exchange)


def test_overlays_are_honoured(overlay: Path) -> None:
    (overlay / "team.toml").write_text('[term.hydra]\nname = "Hydra"\ncategory = "concept"\nsummary.en = "Ours."\n')

    async def exchange(session: Any) -> None:
        result = await session.call_tool("show", {"name": "hydra"})
        assert not result.is_error and result.structured_content["source"] == str(overlay / "team.toml")

    _session(exchange)


def test_the_server_exits_when_its_input_closes() -> None:
    proc = run_process("mcp", input=b"")
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr


def test_without_the_sdk_it_says_how_to_install_it() -> None:
    blocker = "import sys; sys.modules['mcp'] = None; from ai_terms.__main__ import main; sys.argv = ['aiterms', 'mcp']; main()"
    proc = subprocess.run([sys.executable, "-c", blocker], capture_output=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.decode() == "aiterms: aiterms mcp needs the MCP SDK: pip install 'aiterms[mcp]'\n"
