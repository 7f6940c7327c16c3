"""The `show` panel: what an entry shows, and where, drawn with the layout engine (layout.py).

`aiterms show lora` is the command people run mid-coding, and importing rich costs more than everything else
it does, so the panel is drawn with the stdlib alone, as are the record views (tables.py). Text
is only ever written as text: corpus content is never interpreted, and overlay text was cleaned of escapes
on loading.

Each field's place is its `show` slot in model.FIELDS: the slots below are the layout; a new field with the
slot of an existing one (a list, a tail line) appears without any change here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from ai_terms.labels import (
    bullets,
    category_label,
    category_style,
    colon,
    label,
    list_separator,
    paper_url,
    relation_label,
    texts,
)
from ai_terms.model import FIELDS, Category, Term
from ai_terms.options import Options
from ai_terms.render.layout import Block, Painter, Run, cell_width, line_text, wrap
from ai_terms.results import ShowResult

_LISTS = tuple(f.key for f in FIELDS if f.show == "list")
_TAIL = tuple(f.key for f in FIELDS if f.show == "tail")


def _heading(key: str, lang: str) -> list[Block]:
    return [Block(()), Block((Run(label(key, lang), "bold cyan"),))]


def blocks(term: Term, lang: str, cats: Iterable[Category], bullet: str) -> list[Block]:
    """The panel's content, as paragraphs of styled runs, slot by slot."""
    blank = Block(())
    out: list[Block] = []
    if term.full_name:  # subtitle
        out.append(Block((Run(term.full_name, "italic"),)))
    meta = [Run(category_label(term.category, cats, lang), category_style(term.category))]
    for value in (str(term.year) if term.year else None, term.org):
        if value:
            meta += [Run(" · "), Run(value)]
    out.append(Block(tuple(meta)))
    paper = term.paper
    if paper is not None and (paper.title or paper.arxiv):
        runs = [Run(label("paper", lang) + colon(lang), "dim"), Run(paper.title or "", "italic")]
        url = paper_url(paper)
        if paper.arxiv:
            runs += [Run(" · "), Run(f"arXiv:{paper.arxiv}", f"underline link {url}" if url else "underline")]
        elif url:
            runs += [Run(" · "), Run(url, f"underline link {url}")]
        out.append(Block(tuple(runs)))
    for summary in texts(term.summary, lang):  # lead
        out += [blank, Block((Run(summary, "bold"),))]
    for body in texts(term.body, lang):
        for para in body.split("\n\n"):
            out += [blank, Block((Run(" ".join(para.split())),))]
    if term.formula:
        out += _heading("formula", lang)
        for line in term.formula.strip("\n").split("\n"):  # wrapped at spaces, continuations indented
            out.append(Block((Run(line, "green"),), first=2, rest=4))
    for key in _LISTS:
        items = bullets(getattr(term, key), lang)
        if items:
            out += _heading(key, lang)
            out += [Block((Run(f"{bullet} {item}"),), first=1, rest=3) for item in items]
    if term.snippet:
        out += _heading("snippet", lang)
        out.append(Block((Run(term.snippet.code.strip("\n"), "green"),), first=2, rest=2, wrap=False))
    if term.related:
        out += _heading("related", lang)
        groups: dict[str, list[str]] = {}
        for rel in term.related:
            groups.setdefault(rel.type, []).append(rel.label(lang))
        pad = max(cell_width(relation_label(t, lang)) for t in groups)
        sep = list_separator(lang)
        for rtype, names in groups.items():
            heading = relation_label(rtype, lang)
            heading += " " * (pad - cell_width(heading) + 1)
            out.append(Block((Run(sep.join(names)),), first=2, rest=3 + pad, lead=(Run(heading, "dim"),)))
    tail = [_tail_line(key, getattr(term, key), lang) for key in _TAIL if getattr(term, key)]
    if tail:
        out += [blank, *tail]
    return out


def _tail_line(key: str, values: tuple[str, ...], lang: str) -> Block:
    head = label(key, lang) + colon(lang)
    if key == "links":
        runs: list[Run] = []
        for i, link in enumerate(values):
            runs += [Run("  " if i else ""), Run(link, f"link {link}")]
    else:
        runs = [Run(list_separator(lang).join(values))]
    return Block(tuple(runs), rest=cell_width(head), lead=(Run(head, "dim"),))


def footer(term: Term, lang: str) -> list[str]:
    """The notes for the bottom border: when the entry's facts were checked, and where an overlay entry
    comes from."""
    notes = []
    if term.checked:
        notes.append(f"{label('checked', lang)}{colon(lang)}{term.checked}")
    if term.source != "bundled":
        notes.append(f"{label('source', lang)}{colon(lang)}{term.source}")
    return notes


WIDEST = 100  # the panel's width on wide terminals: its lines keep a readable measure


def panel(term: Term, lang: str, cats: Iterable[Category], *, width: int, painter: Painter) -> str:
    """The whole panel as a string of `width` cells per line."""
    tl, tr, bl, br, h, v = ("╭", "╮", "╰", "╯", "─", "│") if painter.unicode else ("+", "+", "+", "+", "-", "|")
    border = category_style(term.category)
    inner = max(10, width - 4)
    title = [Run(term.name, "bold")]
    if term.zh_name and term.zh_name != term.name:
        title += [Run(" · " if painter.unicode else " - "), Run(term.zh_name, "bold")]
    title_text = "".join(r.text for r in title)
    content = blocks(term, lang, cats, "•" if painter.unicode else "*")
    if cell_width(title_text) > width - 6:  # too long for the border: the first lines say it, wrapped
        content = [Block(tuple(title)), *content]
        title, title_text = [], ""
    notes = footer(term, lang)
    while notes and cell_width("  ".join(notes)) > width - 8:  # what the border cannot hold goes inside, whole
        content += [Block(()), Block((Run(notes.pop(), "dim"),))]
    note = "  ".join(notes)
    top = (
        painter.paint(Run(tl + h + " ", border))
        + "".join(painter.paint(r) for r in title)
        + painter.paint(Run(" " + h * max(0, width - 5 - cell_width(title_text)) + tr, border))
        if title
        else painter.paint(Run(tl + h * (width - 2) + tr, border))
    )
    lines = [top]
    left = painter.paint(Run(v, border)) + " "
    right = " " + painter.paint(Run(v, border))
    for block in content:
        for indent, pieces in wrap(block, inner):
            body, used = line_text(indent, pieces, painter)
            lines.append(left + body + " " * max(0, inner - used) + right)
    bottom_fill = width - 2
    if note:
        fill = max(0, bottom_fill - cell_width(note) - 3)
        lines.append(
            painter.paint(Run(bl + h * fill + " ", border))
            + painter.paint(Run(note, "dim"))
            + painter.paint(Run(" " + h + br, border))
        )
    else:
        lines.append(painter.paint(Run(bl + h * bottom_fill + br, border)))
    if not painter.unicode:
        lines = [line.replace("·", "-") for line in lines]
    return "\n".join(lines) + "\n"


def render(result: ShowResult, opts: Options) -> None:
    from ai_terms.render.pager import output, painter, terminal_size

    width = min(terminal_size()[0], WIDEST)
    drawn = painter(opts)
    text = "".join(panel(t, opts.lang, result.categories, width=width, painter=drawn) for t in result.terms)
    output(text, pager=opts.pager and sys.stdout.isatty())
