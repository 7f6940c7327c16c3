"""Terminal rendering with rich. Corpus text only ever enters as rich Text, so markup in it stays literal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ai_terms.labels import category_label as _cat_label
from ai_terms.labels import category_style as _cat_style
from ai_terms.labels import relation_label, title
from ai_terms.messages import msg
from ai_terms.model import Brief, Category
from ai_terms.options import Options
from ai_terms.results import (
    CategoriesResult,
    Node,
    RelatedResult,
    TimelineResult,
)


def _title(name: str, zh_name: str | None) -> Text:
    return Text(title(name, zh_name), style="bold")


def categories_table(result: CategoriesResult) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("id")
    table.add_column("English")
    table.add_column("中文")
    table.add_column("#", justify="right")
    for c in result.categories:
        table.add_row(Text(c.id, style=_cat_style(c.id)), Text(c.en), Text(c.zh), str(c.terms))
    return table


def _node_label(node: Node, lang: str, cats: Sequence[Category]) -> Text:
    text = Text()
    if node.relation:
        text.append(relation_label(node.relation, lang) + " → ", style="dim")
    title = _title(node.brief.name, node.brief.zh_name)
    title.stylize(_cat_style(node.brief.category))
    text.append_text(title)
    text.append("  " + _cat_label(node.brief.category, cats, lang), style="dim")
    return text


def related_tree(result: RelatedResult, lang: str) -> Tree:
    def grow(tree: Tree, node: Node) -> None:
        for child in node.children:
            grow(tree.add(_node_label(child, lang, result.categories)), child)

    root = Tree(_node_label(result.root, lang, result.categories), guide_style="dim")
    grow(root, result.root)
    return root


def timeline_view(result: TimelineResult, lang: str, width: int = 80) -> Table:
    by_year: dict[int, list[Brief]] = {}
    for b in result.briefs:
        by_year.setdefault(b.year or 0, []).append(b)
    most = max(len(v) for v in by_year.values())
    room = max(12, width - 20)  # year, bar and the gaps between the columns
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(justify="right", style="bold", min_width=4, no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    previous: int | None = None
    for year in sorted(by_year):
        if previous is not None and year - previous > 1:
            table.add_row("", Text("┊", style="dim"), Text(""))  # a run of years with no entries
        previous = year
        briefs = by_year[year]
        bar = Text("█" * max(1, round(8 * len(briefs) / most)), style="cyan")
        table.add_row(str(year), bar, _packed_names(briefs, lang, room))
    return table


def _packed_names(briefs: list[Brief], lang: str, room: int) -> Text:
    """Names joined by " · " and packed into lines of `room` cells, never breaking inside a name."""
    names = Text()
    used = 0
    for i, b in enumerate(briefs):
        shown = b.name if lang != "zh" or not b.zh_name else b.zh_name
        width = Text(shown).cell_len
        if i and used + 3 + width > room:
            names.append(" ·\n", style="dim")
            used = 0
        elif i:
            names.append(" · ", style="dim")
            used += 3
        names.append(shown, style=_cat_style(b.category))
        used += width
    return names


def timeline_renderables(result: TimelineResult, lang: str, width: int) -> list[RenderableType]:
    out: list[RenderableType] = [timeline_view(result, lang, width)]
    if result.undated:
        out.append(Text(msg("undated", count=result.undated).text(lang), style="dim"))
    return out


# What each result is drawn as, given the language and the width: the views emit() reaches by name.
VIEWS: dict[type, Callable[[Any, str, int], list[RenderableType]]] = {
    CategoriesResult: lambda r, lang, width: [categories_table(r)],
    RelatedResult: lambda r, lang, width: [related_tree(r, lang)],
    TimelineResult: timeline_renderables,
}


def renderables(result: Any, lang: str, width: int = 80) -> list[RenderableType]:
    return VIEWS[type(result)](result, lang, width)


# Views made of one line per record: piped (and no COLUMNS set), they are printed at full length for grep
# and cut, not at 80 columns.
LINE_VIEWS = (CategoriesResult,)
UNLIMITED = 1000


def make_console(opts: Options, **kwargs: Any) -> Console:
    return Console(
        color_system="auto" if opts.color else None,
        markup=False,
        highlight=False,
        emoji=False,
        **kwargs,
    )


def render(result: Any, opts: Options) -> None:
    from ai_terms.render.pager import output, piped_in_full

    is_tty = sys.stdout.isatty()
    wide = isinstance(result, LINE_VIEWS) and piped_in_full()
    console = make_console(opts, width=UNLIMITED) if wide else make_console(opts)
    with console.capture() as capture:
        for item in renderables(result, opts.lang, console.width):
            console.print(item)
    text = "\n".join(line.rstrip() for line in capture.get().split("\n"))
    output(text, pager=opts.pager and is_tty)
