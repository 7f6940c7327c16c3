"""Text formats meant for other tools: Graphviz DOT, Mermaid, and the Markdown cheat sheet's text view."""

from __future__ import annotations

from ai_terms.labels import relation_label
from ai_terms.options import Options
from ai_terms.render.pager import write
from ai_terms.results import ExportResult, GraphResult


def _dot_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def dot(result: GraphResult) -> str:
    lines = ["digraph aiterms {", "  rankdir=LR;", '  node [shape=box, style=rounded, fontname="sans-serif"];']
    for b in result.nodes:
        label = b.name if not b.zh_name or b.zh_name == b.name else f"{b.name}\\n{b.zh_name}"
        label = _dot_str(label).replace("\\\\n", "\\n")
        lines.append(f"  {_dot_str(b.id)} [label={label}];")
    for src, rtype, dst in result.edges:
        style = ", style=dashed, dir=none" if rtype == "see_also" else ""
        lines.append(f"  {_dot_str(src)} -> {_dot_str(dst)} [label={_dot_str(relation_label(rtype, 'en'))}{style}];")
    lines.append("}")
    return "\n".join(lines)


def _mermaid_id(tid: str) -> str:
    return "t_" + tid.replace("-", "_")


def _mermaid_label(text: str) -> str:
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def mermaid(result: GraphResult) -> str:
    lines = ["graph LR"]
    for b in result.nodes:
        label = _mermaid_label(b.name)
        if b.zh_name and b.zh_name != b.name:
            label += "<br/>" + _mermaid_label(b.zh_name)
        lines.append(f'  {_mermaid_id(b.id)}["{label}"]')
    for src, rtype, dst in result.edges:
        arrow = "-.-" if rtype == "see_also" else "-->"
        lines.append(f"  {_mermaid_id(src)} {arrow}|{relation_label(rtype, 'en')}| {_mermaid_id(dst)}")
    return "\n".join(lines)


def graph(result: GraphResult, opts: Options) -> None:
    write(dot(result) if result.format == "dot" else mermaid(result))


def cheat_sheet(result: ExportResult, opts: Options) -> None:
    write(result.markdown())
