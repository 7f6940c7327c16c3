"""`aiterms mcp`: the Model Context Protocol server over stdio, for coding assistants.

Each tool answers with the same JSON as the matching `--json` command (as structured content) plus a short
text form for the model to read; a name that reaches no entry is a tool error that carries the suggestions.
The SDK is an optional extra (`pip install 'aiterms[mcp]'`): nothing here is imported by other commands.
"""

# No `from __future__ import annotations` here: the SDK reads the tools' annotations at runtime.
from typing import TYPE_CHECKING, Annotated, Any

from ai_terms import __version__
from ai_terms.errors import AitermsError, AmbiguousTermError, UnknownTermError, UsageError
from ai_terms.labels import title
from ai_terms.messages import msg
from ai_terms.options import DEFAULT_LIMIT
from ai_terms.query import actions

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer

INSTRUCTIONS = (
    "aiterms is a checked, bilingual (English / Chinese) reference of AI and machine-learning concepts: "
    "what a term means, its paper with a verified arXiv id and year, its defining formula, key facts, "
    "a code snippet checked against current library releases, and typed relations to other terms. "
    "Use `search` to find entries, `show` for one entry, `compare` for 2-4 entries side by side, `related` "
    "to walk the relation graph. Prefer these facts over memory for arXiv ids, years and library APIs."
)


# What each tool does, written for the model that chooses between them.
TOOLS = {
    "search": (
        "Search the AI/ML glossary in English or Chinese (typos are forgiven). Returns entries ranked best "
        "first, each with its id, names, category, summary in both languages and why it matched. Use an id "
        "from the results with `show`."
    ),
    "show": (
        "One glossary entry in full: names in both languages, category, year, organisation, paper (verified "
        "arXiv id), summary, body and key points in English and Chinese, formula, a code snippet checked "
        "against current library releases, and typed relations. An unknown name is an error that lists close "
        "names."
    ),
    "compare": ("Compare 2 to 4 entries side by side (all their fields) and list how they relate to each other."),
    "related": (
        "The typed neighbourhood of an entry as a tree (is_a, part_of, uses, implements, variant_of, "
        "successor_of, see_also and their inverses), up to `depth` steps out."
    ),
    "categories": ("The glossary's categories with English and Chinese labels and how many entries each holds."),
    "list_terms": ("List the entries of one category (and/or tag), with names and one-line summaries."),
}


def _text_of_term(term: dict[str, Any]) -> str:
    """A short, model-friendly text form of one term object."""
    lines = [f"# {title(term['name'], term['zh_name'])} ({term['id']})"]
    if term["full_name"]:
        lines.append(term["full_name"])
    meta = [str(v) for v in (term["category"], term["year"], term["org"]) if v]
    lines.append(" · ".join(meta))
    paper = term["paper"]
    if paper and paper["title"]:
        lines.append(f"Paper: {paper['title']}" + (f" (arXiv:{paper['arxiv']})" if paper["arxiv"] else ""))
    for lang in ("en", "zh"):
        if term["summary"][lang]:
            lines.append(term["summary"][lang])
    if term["formula"]:
        lines.append(f"Formula: {term['formula']}")
    lines += [f"- {p}" for p in term["key_points"]["en"] or term["key_points"]["zh"]]
    if term["snippet"]:
        lines.append(f"```{term['snippet']['lang']}\n{term['snippet']['code'].strip()}\n```")
    if term["related"]:
        lines.append("Related: " + "; ".join(f"{r['type']} {r['name']} ({r['id']})" for r in term["related"]))
    return "\n".join(lines)


def _text_of_hits(data: dict[str, Any]) -> str:
    rows = [f"{len(data['results'])} result(s) for {data['query']!r}:"]
    for i, hit in enumerate(data["results"], 1):
        summary = hit["summary"]["en"] or hit["summary"]["zh"] or ""
        rows.append(f"{i}. {title(hit['name'], hit['zh_name'])} ({hit['id']}, {hit['category']}): {summary}")
    return "\n".join(rows)


def _text_of_tree(node: dict[str, Any], depth: int = 0) -> list[str]:
    via = f"{node['relation']} → " if node["relation"] else ""
    lines = ["  " * depth + f"{via}{title(node['name'], node['zh_name'])} ({node['id']})"]
    for child in node["children"]:
        lines += _text_of_tree(child, depth + 1)
    return lines


def build_server() -> "MCPServer":
    """The server with its tools; raises ImportError when the SDK is not installed."""
    from mcp.server.mcpserver import MCPServer
    from mcp.types import CallToolResult, TextContent
    from pydantic import Field

    server = MCPServer(name="aiterms", version=__version__, instructions=INSTRUCTIONS, log_level="WARNING")

    def answer(data: Any, text: str) -> CallToolResult:
        return CallToolResult(content=[TextContent(type="text", text=text)], structured_content=data)

    def failure(exc: AitermsError) -> CallToolResult:
        data: dict[str, Any] = {"error": type(exc).__name__, "message": exc.message}
        if isinstance(exc, UnknownTermError):
            data.update(name=exc.name, suggestions=exc.suggestions)
        elif isinstance(exc, AmbiguousTermError):
            data.update(name=exc.name, candidates=exc.candidates)
        return CallToolResult(
            content=[TextContent(type="text", text=exc.message)], structured_content=data, is_error=True
        )

    Name = Annotated[
        str, Field(description="A term's id, name, full name, Chinese name or alias, e.g. 'lora' or '低秩自适应'.")
    ]

    @server.tool(description=TOOLS["search"])
    def search(
        query: Annotated[str, Field(description="Words in English or Chinese, e.g. 'kv cache' or '目标检测'.")],
        limit: Annotated[int, Field(ge=1, le=50, description="At most this many results.")] = DEFAULT_LIMIT,
        category: Annotated[str | None, Field(description="Only this category id (see `categories`).")] = None,
        tag: Annotated[str | None, Field(description="Only entries with this tag, e.g. 'nlp'.")] = None,
    ) -> CallToolResult:
        try:
            data = actions.search(query, limit=limit, category=category, tag=tag).to_json()
        except AitermsError as exc:
            return failure(exc)
        return answer(data, _text_of_hits(data))

    @server.tool(description=TOOLS["show"])
    def show(name: Name) -> CallToolResult:
        try:
            data = actions.show([name]).to_json()
        except AitermsError as exc:
            return failure(exc)
        return answer(data, _text_of_term(data))

    @server.tool(description=TOOLS["compare"])
    def compare(
        names: Annotated[list[str], Field(min_length=2, max_length=4, description="2 to 4 term names or ids.")],
    ) -> CallToolResult:
        try:
            data = actions.compare(list(names)).to_json()
        except AitermsError as exc:
            return failure(exc)
        text = "\n\n".join(_text_of_term(t) for t in data["terms"])
        links = [f"{r['from']} {r['type']} {r['to']}" for r in data["relations"]]
        return answer(data, text + ("\n\nHow they relate: " + "; ".join(links) if links else ""))

    @server.tool(description=TOOLS["related"])
    def related(
        name: Name,
        depth: Annotated[int, Field(ge=1, le=5, description="How many steps out (1-5).")] = 1,
    ) -> CallToolResult:
        try:
            data = actions.related(name, depth=depth).to_json()
        except AitermsError as exc:
            return failure(exc)
        return answer(data, "\n".join(_text_of_tree(data["root"])))

    @server.tool(description=TOOLS["categories"])
    def categories() -> CallToolResult:
        data = actions.categories().to_json()
        text = "\n".join(f"{c['id']}: {c['en']} / {c['zh']} ({c['count']})" for c in data["categories"])
        return answer(data, text)

    @server.tool(description=TOOLS["list_terms"])
    def list_terms(
        category: Annotated[str | None, Field(description="A category id (see `categories`).")] = None,
        tag: Annotated[str | None, Field(description="A tag, e.g. 'nlp'.")] = None,
    ) -> CallToolResult:
        if category is None and tag is None:
            return failure(UsageError(msg("mcp_list_filter")))
        try:
            data = actions.list_terms(category=category, tag=tag).to_json()
        except AitermsError as exc:
            return failure(exc)
        rows = [
            f"{title(t['name'], t['zh_name'])} ({t['id']}): {t['summary']['en'] or t['summary']['zh']}"
            for t in data["terms"]
        ]
        return answer(data, "\n".join(rows))

    return server


def serve() -> None:
    """Run the server on stdin/stdout until the client closes its input."""
    try:
        server = build_server()
    except ImportError:
        raise UsageError(msg("mcp_missing")) from None
    server.run("stdio")
