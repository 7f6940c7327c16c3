"""Plain formats of `show` for editors and scripts: one line per entry, or each entry as Markdown."""

from __future__ import annotations

from ai_terms.labels import texts, title
from ai_terms.markdown import term_markdown
from ai_terms.options import Options
from ai_terms.render.pager import write
from ai_terms.results import ShowResult


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
