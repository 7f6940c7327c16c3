"""Terminal rendering with rich. Corpus text only ever enters as rich Text, so markup in it stays literal."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ai_terms.labels import bullets as _bullets
from ai_terms.labels import category_label as _cat_label
from ai_terms.labels import category_style as _cat_style
from ai_terms.labels import colon, field_label, label, paper_url, relation_label, title
from ai_terms.labels import texts as _texts
from ai_terms.messages import msg
from ai_terms.model import FIELDS, Brief, Category, Hit, Paper
from ai_terms.options import Options
from ai_terms.results import (
    CategoriesResult,
    CompareResult,
    ListResult,
    Node,
    PathsResult,
    RelatedResult,
    SearchResult,
    TimelineResult,
    ValidateResult,
)


def _title(name: str, zh_name: str | None) -> Text:
    return Text(title(name, zh_name), style="bold")


def _paper_line_of(paper: Paper) -> Text | None:
    if not (paper.title or paper.arxiv):
        return None
    text = Text()
    url = paper_url(paper)
    text.append(paper.title or "", style="italic")
    if paper.arxiv:
        text.append(" · ")
        text.append(f"arXiv:{paper.arxiv}", style=f"underline link {url}" if url else "underline")
    elif url:
        text.append(" · ")
        text.append(url, style=f"underline link {url}")
    return text


def _match_text(hit_match: Any, lang: str) -> Text:
    text = Text(field_label(hit_match.field, lang) + colon(lang), style="dim")
    snippet = Text(" ".join(hit_match.snippet.split()) if hit_match.kind == "text" else hit_match.snippet)
    for start, end in hit_match.spans:
        snippet.stylize("bold yellow", start, end)
    text.append_text(snippet)
    return text


def _why_and_summary(hit: Hit, lang: str) -> tuple[Text, Text]:
    """Why a hit matched, and its summary; a match inside the summary is highlighted there instead."""
    summary = Text("\n".join(_texts(hit.brief.summary, lang)))
    match = hit.match
    if match.kind == "text" and match.field == "summary":
        words = {match.snippet[s:e] for s, e in match.spans}
        summary.highlight_words(words, "bold yellow", case_sensitive=False)
        return Text(field_label(match.field, lang), style="dim"), summary
    return _match_text(match, lang), summary


def search_table(result: SearchResult, lang: str) -> Table:
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column(label("term", lang), no_wrap=False, min_width=10)
    table.add_column(label("category", lang), style="dim")
    table.add_column(label("why", lang), ratio=2, overflow="fold")  # fold: Chinese has no spaces to wrap at
    table.add_column(label("summary", lang), ratio=3, overflow="fold")
    for i, hit in enumerate(result.hits, 1):
        b = hit.brief
        name = _title(b.name, b.zh_name)
        name.stylize(_cat_style(b.category))
        why, summary = _why_and_summary(hit, lang)
        table.add_row(str(i), name, _cat_label(b.category, result.categories, lang), why, summary)
    return table


NARROW = 72  # below this width, search results are stacked instead of tabled


def search_stacked(result: SearchResult, lang: str) -> list[RenderableType]:
    """One block per hit, for narrow terminals: name and category, then why, then the summary."""
    from rich.padding import Padding

    out: list[RenderableType] = []
    for i, hit in enumerate(result.hits, 1):
        b = hit.brief
        head = Text(f"{i}. ", style="dim")
        title = _title(b.name, b.zh_name)
        title.stylize(_cat_style(b.category))
        head.append_text(title)
        head.append("  " + _cat_label(b.category, result.categories, lang), style="dim")
        why, summary = _why_and_summary(hit, lang)
        out.append(head)
        if not (hit.match.kind == "text" and hit.match.field == "summary"):  # else it is highlighted below
            out.append(Padding(why, (0, 0, 0, 3)))
        out.append(Padding(summary, (0, 0, 1, 3)))
    return out


def list_tables(result: ListResult, lang: str) -> list[RenderableType]:
    out: list[RenderableType] = []
    by_cat: dict[str, list[Brief]] = {}
    for b in result.briefs:
        by_cat.setdefault(b.category, []).append(b)
    for cat in result.categories:
        briefs = by_cat.get(cat.id)
        if not briefs:
            continue
        title = Text(_cat_label(cat.id, result.categories, lang), style=f"bold {_cat_style(cat.id)}")
        title.append(f" ({len(briefs)})", style="dim")
        table = Table(title=title, title_justify="left", box=None, header_style="bold", pad_edge=False)
        widest = max(len(_title(b.name, b.zh_name)) for b in briefs)
        table.add_column(label("name", lang), no_wrap=True, min_width=min(widest, 32))
        table.add_column(label("year", lang), justify="right", style="dim")
        table.add_column(label("summary", lang), overflow="ellipsis", no_wrap=True, ratio=1)
        for b in briefs:
            summary = " / ".join(_texts(b.summary, lang))
            table.add_row(_title(b.name, b.zh_name), str(b.year or ""), Text(summary))
        out += [table, Text("")]
    return out[:-1]


def compare_table(result: CompareResult, lang: str) -> Table:
    """One column per term, one row per field that compare shows (model.FIELDS), then how they relate."""
    terms = result.terms
    table = Table(show_lines=True, header_style="bold", expand=True)
    table.add_column("", style="bold cyan", no_wrap=True)
    for t in terms:
        table.add_column(_title(t.name, t.zh_name), ratio=1, header_style=f"bold {_cat_style(t.category)}")
    none = label("none", lang)
    for f in sorted((f for f in FIELDS if f.compare), key=lambda f: f.compare):
        values = [getattr(t, f.key) for t in terms]
        if f.kind in _SOMETIMES and not any(values):
            continue
        cells = _COMPARE_CELLS.get(f.key, _cell)(result, f.kind, values, lang)
        table.add_row(label(f.key, lang), *[c if not isinstance(c, Text) or c.plain else Text(none) for c in cells])
    ids = {t.id for t in terms}
    relates = []
    for t in terms:
        links = [f"{relation_label(r.type, lang)} {r.label(lang)}" for r in t.related if r.id in ids]
        relates.append(Text("\n".join(links) or none))
    table.add_row(label("relates", lang), *relates)
    return table


_SOMETIMES = frozenset({"bilist", "text", "snippet", "names", "links"})  # rows shown only when a term has one


def _cell(result: CompareResult, kind: str, values: list[Any], lang: str) -> list[RenderableType]:
    """Cells of one compare row, by the field's kind."""
    none = label("none", lang)
    if kind == "bilist":
        return [_bullet_list(_bullets(v, lang), none) for v in values]
    if kind == "bitext":
        return [Text("\n".join(_texts(v, lang)) or none) for v in values]
    if kind == "paper":
        return [(_paper_line_of(v) if v else None) or Text(none) for v in values]
    if kind in ("names", "slugs", "links"):
        return [Text(", ".join(v) or none) for v in values]
    return [Text(str(v) if v else none) for v in values]


def _category_cells(result: CompareResult, kind: str, values: list[Any], lang: str) -> list[RenderableType]:
    cats = [_cat_label(c, result.categories, lang) for c in values]
    return [Text(c, style="bold" if len(set(cats)) > 1 else "") for c in cats]


def _year_cells(result: CompareResult, kind: str, years: list[Any], lang: str) -> list[RenderableType]:
    known = [y for y in years if y]
    first = min(known) if len(set(known)) > 1 else None
    return [Text(str(y) if y else label("none", lang), style="bold green" if y and y == first else "") for y in years]


def _tag_cells(result: CompareResult, kind: str, values: list[Any], lang: str) -> list[RenderableType]:
    shared = set(values[0]).intersection(*values[1:])
    cells: list[RenderableType] = []
    for tags in values:
        cell = Text()
        for i, tag in enumerate(tags):
            if i:
                cell.append(", ")
            cell.append(tag, style="dim" if tag in shared else "bold")
        cells.append(cell if tags else Text(label("none", lang)))
    return cells


def _formula_cells(result: CompareResult, kind: str, values: list[Any], lang: str) -> list[RenderableType]:
    return [Text(v or label("none", lang), style="green" if v else "") for v in values]


# Rows that draw their cells their own way; every other row is drawn by its kind (_cell).
_COMPARE_CELLS: dict[str, Callable[[CompareResult, str, list[Any], str], list[RenderableType]]] = {
    "category": _category_cells,
    "year": _year_cells,
    "tags": _tag_cells,
    "formula": _formula_cells,
}


def _bullet_list(items: list[str], none: str) -> RenderableType:
    """Bullets with a hanging indent, so that wrapped items stay apart."""
    if not items:
        return Text(none)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row("•", Text(item))
    return grid


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


def validate_view(result: ValidateResult, lang: str) -> list[RenderableType]:
    out: list[RenderableType] = []
    for issue in result.issues:
        where = issue.file
        if issue.line:
            where += f":{issue.line}"
            if issue.col:
                where += f":{issue.col}"
        line = Text(where + ": ", style="bold")
        line.append(issue.code + " ", style="red" if issue.severity == "error" else "yellow")
        line.append(issue.message_zh if lang == "zh" and issue.message_zh else issue.message)
        if issue.key:
            line.append(f" [{issue.key}]", style="dim")
        out.append(line)
    warnings = len(result.issues) - result.errors
    counts = msg(
        "validate_summary", errors=result.errors, warnings=warnings, files=len(result.files), terms=result.terms
    )
    summary = Text(
        counts.text(lang) + (msg("strict").text(lang) if result.strict else ""),
        style="bold red" if result.errors else "bold green",
    )
    out.append(summary)
    return out


def paths_table(result: PathsResult, lang: str) -> Table:
    def say(key: str, **args: object) -> str:
        return msg(f"paths.{key}", **args).text(lang)

    user_file = result.user_file if result.user_file_exists else say("absent", path=result.user_file)
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")  # a long path folds rather than lose its end
    table.add_row(say("bundled"), Text(result.bundled))
    table.add_row(say("user_file"), Text(user_file))
    table.add_row(say("overlays"), Text("\n".join(result.overlays) or say("not_set")))
    table.add_row(say("cache_dir"), Text(result.cache_dir))
    table.add_row(say("cache_file"), Text(result.cache_file or say("unreadable")))
    table.add_row(say("schema"), Text(result.schema))
    return table


def timeline_renderables(result: TimelineResult, lang: str, width: int) -> list[RenderableType]:
    out: list[RenderableType] = [timeline_view(result, lang, width)]
    if result.undated:
        out.append(Text(msg("undated", count=result.undated).text(lang), style="dim"))
    return out


# What each result is drawn as, given the language and the width: the views emit() reaches by name.
VIEWS: dict[type, Callable[[Any, str, int], list[RenderableType]]] = {
    SearchResult: lambda r, lang, width: search_stacked(r, lang) if width < NARROW else [search_table(r, lang)],
    ListResult: lambda r, lang, width: list_tables(r, lang),
    CompareResult: lambda r, lang, width: [compare_table(r, lang)],
    CategoriesResult: lambda r, lang, width: [categories_table(r)],
    RelatedResult: lambda r, lang, width: [related_tree(r, lang)],
    TimelineResult: timeline_renderables,
    ValidateResult: lambda r, lang, width: validate_view(r, lang),
    PathsResult: lambda r, lang, width: [paths_table(r, lang)],
}


def renderables(result: Any, lang: str, width: int = 80) -> list[RenderableType]:
    return VIEWS[type(result)](result, lang, width)


# Views made of one line per record: piped (and no COLUMNS set), they are printed at full length for grep
# and cut, not at 80 columns.
LINE_VIEWS = (ListResult, SearchResult, CategoriesResult, PathsResult, ValidateResult)
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
    from ai_terms.render.pager import output

    is_tty = sys.stdout.isatty()
    wide = not is_tty and not os.environ.get("COLUMNS") and isinstance(result, LINE_VIEWS)
    console = make_console(opts, width=UNLIMITED) if wide else make_console(opts)
    with console.capture() as capture:
        for item in renderables(result, opts.lang, console.width):
            console.print(item)
    text = "\n".join(line.rstrip() for line in capture.get().split("\n"))
    output(text, pager=opts.pager and is_tty)
