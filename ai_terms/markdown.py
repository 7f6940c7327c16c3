"""Markdown: one entry, or a cheat sheet of many, with labels in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence

from ai_terms.labels import colon, label, list_separator, paper_url, relation_label, title
from ai_terms.model import RELATION_TYPES, Category, Term

_ALL_TERMS = {"en": "All terms", "zh": "全部条目"}


def _md(text: str) -> str:
    """Text safe inside Markdown: no raw HTML, no accidental emphasis or links."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out


def term_markdown(term: Term, langs: list[str]) -> list[str]:
    """One entry as Markdown lines: heading, meta, then summary, formula and key points per language."""
    lead = langs[0]  # labels in the first language; names in both when both are asked for
    names_lang = lead if len(langs) == 1 else "both"
    lines = [f"### {_md(title(term.name, term.zh_name))}", ""]
    if term.full_name:
        lines += [f"*{_md(term.full_name)}*", ""]
    meta = []
    if term.year:
        meta.append(f"{label('year', lead)}{colon(lead)}{term.year}")
    if term.org:
        meta.append(f"{label('org', lead)}{colon(lead)}{_md(term.org)}")
    if term.paper and term.paper.title:
        link = paper_url(term.paper)
        paper = f"[{_md(term.paper.title)}]({link})" if link else _md(term.paper.title)
        meta.append(f"{label('paper', lead)}{colon(lead)}{paper}")
    if meta:
        lines += [" · ".join(meta), ""]
    for i, lang in enumerate(langs):
        summary = getattr(term.summary, lang)
        if summary:
            lines += [f"**{_md(summary)}**", ""]
        if term.formula and i == 0:
            lines += ["```text", term.formula, "```", ""]
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


def cheat_sheet(category: Category | None, categories: Sequence[Category], terms: Sequence[Term], lang: str) -> str:
    """A Markdown cheat sheet: the terms grouped by category, in `lang` (en, zh or both)."""
    langs = ["en", "zh"] if lang == "both" else [lang]
    lead = langs[0]
    if category:
        heading = category.en if lead == "en" else category.zh
        if lang == "both":
            heading = f"{category.en} · {category.zh}"
    else:
        heading = _ALL_TERMS[lead]
    lines = [f"# aiterms: {_md(heading)}", ""]
    by_cat: dict[str, list[Term]] = {}
    for term in terms:
        by_cat.setdefault(term.category, []).append(term)
    for cat in categories:
        group = sorted(by_cat.get(cat.id, []), key=lambda t: t.name.casefold())
        if not group:
            continue
        if category is None:
            heading = {"en": cat.en, "zh": cat.zh}[lead] if lang != "both" else f"{cat.en} · {cat.zh}"
            lines += [f"## {_md(heading)}", ""]
        for term in group:
            lines += term_markdown(term, langs)
    return "\n".join(lines).rstrip() + "\n"
