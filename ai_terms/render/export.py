"""Text formats meant for other tools: Graphviz DOT, Mermaid and a Markdown cheat sheet."""

from __future__ import annotations

from typing import Any

from ai_terms.model import RELATION_TYPES, Term
from ai_terms.results import ExportResult, GraphResult

from .labels import colon, label, list_separator, relation_label

_ALL_TERMS = {"en": "All terms", "zh": "全部条目"}


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


def _md(text: str) -> str:
    """Text safe inside Markdown: no raw HTML, no accidental emphasis or links."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out


def _term_md(term: Term, langs: list[str]) -> list[str]:
    lead = langs[0]  # labels in the first language; names in both when both are asked for
    names_lang = lead if len(langs) == 1 else "both"
    title = term.name
    if term.zh_name and term.zh_name != term.name:
        title += f" · {term.zh_name}"
    lines = [f"### {_md(title)}", ""]
    if term.full_name:
        lines += [f"*{_md(term.full_name)}*", ""]
    meta = []
    if term.year:
        meta.append(f"{label('year', lead)}{colon(lead)}{term.year}")
    if term.org:
        meta.append(f"{label('org', lead)}{colon(lead)}{_md(term.org)}")
    if term.paper and term.paper.title:
        link = term.paper.url or (f"https://arxiv.org/abs/{term.paper.arxiv}" if term.paper.arxiv else "")
        paper = f"[{_md(term.paper.title)}]({link})" if link else _md(term.paper.title)
        meta.append(f"{label('paper', lead)}{colon(lead)}{paper}")
    if meta:
        lines += [" · ".join(meta), ""]
    for lang in langs:
        summary = getattr(term.summary, lang)
        if summary:
            lines += [f"**{_md(summary)}**", ""]
        points = getattr(term.key_points, lang)
        if points:
            lines += [f"{label('key_points', lang)}{colon(lang).rstrip()}", ""]
            lines += [f"- {_md(p)}" for p in points]
            lines.append("")
    groups: dict[str, list[str]] = {}
    for rel in term.related:
        if rel.type in RELATION_TYPES:
            groups.setdefault(rel.type, []).append(_md(rel.label(names_lang)))
    if groups:
        sep = list_separator(lead)
        parts = [f"{relation_label(rtype, lead)} {sep.join(names)}" for rtype, names in groups.items()]
        lines += [label("related", lead) + colon(lead) + ("；" if lead == "zh" else "; ").join(parts), ""]
    return lines


def markdown(result: ExportResult) -> str:
    langs = ["en", "zh"] if result.lang == "both" else [result.lang]
    lead = langs[0]
    if result.category:
        heading = result.category.en if lead == "en" else result.category.zh
        if result.lang == "both":
            heading = f"{result.category.en} · {result.category.zh}"
    else:
        heading = _ALL_TERMS[lead]
    lines = [f"# aiterms: {_md(heading)}", ""]
    by_cat: dict[str, list[Term]] = {}
    for term in result.terms:
        by_cat.setdefault(term.category, []).append(term)
    for cat in result.categories:
        terms = sorted(by_cat.get(cat.id, []), key=lambda t: t.name.casefold())
        if not terms:
            continue
        if result.category is None:
            label = {"en": cat.en, "zh": cat.zh}[lead] if result.lang != "both" else f"{cat.en} · {cat.zh}"
            lines += [f"## {_md(label)}", ""]
        for term in terms:
            lines += _term_md(term, langs)
    return "\n".join(lines).rstrip() + "\n"


def render(result: Any) -> str:
    if isinstance(result, GraphResult):
        return dot(result) if result.format == "dot" else mermaid(result)
    if isinstance(result, ExportResult):
        return markdown(result)
    raise TypeError(f"no plain renderer for {type(result).__name__}")
