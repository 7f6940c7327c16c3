"""Plain formats for editors and scripts: one line per entry, tab-separated lines, each entry as Markdown."""

from __future__ import annotations

from ai_terms.labels import texts, title
from ai_terms.markdown import term_markdown
from ai_terms.options import Options
from ai_terms.render.pager import write
from ai_terms.results import ListResult, ShowResult


def brief(result: ShowResult, opts: Options) -> None:
    """One line per entry: "Name · 中文名 — summary", in the chosen language (both: the two summaries)."""
    lines = []
    for term in result.terms:
        summary = " / ".join(texts(term.summary, opts.lang))
        lines.append(f"{title(term.name, term.zh_name)} — {summary}")
    write("\n".join(lines))


def markdown(result: ShowResult, opts: Options) -> None:
    """Each entry as Markdown, as `export` writes it (both languages with --lang both)."""
    langs = ["en", "zh"] if opts.lang == "both" else [opts.lang]
    write("\n".join("\n".join(term_markdown(term, langs)).rstrip() + "\n" for term in result.terms))


def lines(result: ListResult, opts: Options) -> None:
    """One line per entry, tab-separated: id, name, Chinese name (empty when none), summary in the language."""
    rows = []
    for b in result.briefs:
        fields = (b.id, b.name, b.zh_name or "", " / ".join(texts(b.summary, opts.lang)))
        rows.append("\t".join(" ".join(f.split()) for f in fields))
    write("\n".join(rows))
