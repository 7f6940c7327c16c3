"""The record views: search results, lists, compare and paths, drawn with the layout engine alone.

Each view is a table when its columns can be read at the terminal's width and stacked records when they
cannot (grid.py decides); either way every word of its text is shown, wrapped, never cut. Like the `show`
panel, these views do not import rich.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ai_terms.labels import (
    bullets,
    category_label,
    category_style,
    colon,
    field_label,
    label,
    paper_url,
    relation_label,
    texts,
    title,
)
from ai_terms.messages import msg
from ai_terms.model import FIELDS, Brief, Paper
from ai_terms.options import Options
from ai_terms.render.grid import (
    MEASURE,
    UNLIMITED,
    Cell,
    Column,
    boxed_room,
    draw,
    draw_boxed,
    heads,
    paragraphs,
    widths,
)
from ai_terms.render.layout import KEEP, Block, Painter, Run
from ai_terms.results import CompareResult, ListResult, PathsResult, SearchResult, ValidateResult


def _title_runs(name: str, zh_name: str | None, category: str) -> tuple[Run, ...]:
    return (Run(title(name, zh_name), f"bold {category_style(category)} {KEEP}"),)


def _highlighted(text: str, words: set[str]) -> list[Run]:
    """`text` with every occurrence of `words` (case-insensitive) styled."""
    words = {w for w in words if w.strip()}
    if not words:
        return [Run(text)]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    return _spans(text, [m.span() for m in pattern.finditer(text)])


def _spans(text: str, spans: Sequence[tuple[int, int]], style: str = "bold yellow") -> list[Run]:
    """`text` with the (start, end) `spans` styled; a span overlapping an earlier one is skipped."""
    runs: list[Run] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            continue
        runs += [Run(text[last:start]), Run(text[start:end], style)]
        last = end
    return [r for r in [*runs, Run(text[last:])] if r.text]


# -- search ------------------------------------------------------------------------------------------------


def in_summary(hit: Any, lang: str) -> bool:
    """Whether a hit matched in the summary as shown (in `lang`): then the words are highlighted there."""
    match = hit.match
    if match.kind != "text" or match.field != "summary" or not match.spans:
        return False
    shown = " ".join(texts(hit.brief.summary, lang)).casefold()
    return all(match.snippet[s:e].casefold() in shown for s, e in match.spans)


def _why_and_summary(hit: Any, lang: str) -> tuple[Cell, Cell]:
    """Why a hit matched, and its summary; a match inside the summary is highlighted there instead."""
    match = hit.match
    summaries = texts(hit.brief.summary, lang)
    if in_summary(hit, lang):
        words = {match.snippet[s:e] for s, e in match.spans}
        why: Cell = (Block((Run(field_label(match.field, lang), "dim"),)),)
        return why, tuple(Block(tuple(_highlighted(s, words))) for s in summaries)
    head = Run(field_label(match.field, lang) + colon(lang), "dim")
    why = (Block((head, *_spans(match.snippet, match.spans))),)
    return why, tuple(Block((Run(s),)) for s in summaries)


def search_lines(result: SearchResult, lang: str, width: int, painter: Painter, measure: int) -> list[str]:
    columns = (
        Column("#", right=True),
        Column(label("term", lang), grow=1, least=28, cap=36),
        Column(label("category", lang)),
        Column(label("why", lang), grow=1, least=16, cap=30),
        Column(label("summary", lang), grow=3, least=36, cap=measure),
    )
    rows = []
    for i, hit in enumerate(result.hits, 1):
        b = hit.brief
        why, summary = _why_and_summary(hit, lang)
        category = (Block((Run(category_label(b.category, result.categories, lang), "dim"),)),)
        rows.append([(Block((Run(str(i), "dim"),)),), (Block(_title_runs(b.name, b.zh_name, b.category)),),
                     category, why, summary])  # fmt: skip
    sizes = widths(columns, rows, width, 2)
    if sizes is not None:
        return draw(columns, [heads(columns), *rows], sizes, painter)
    out: list[str] = []  # stacked: name and category, then why (unless highlighted below), then the summary
    room = min(width, measure + 3)
    for i, hit in enumerate(result.hits, 1):
        b = hit.brief
        head = Block((*_title_runs(b.name, b.zh_name, b.category), Run("  "), *rows[i - 1][2][0].runs), rest=3,
                     lead=(Run(f"{i}. ", "dim"),))  # fmt: skip
        why, summary = rows[i - 1][3], rows[i - 1][4]
        shown = [] if in_summary(hit, lang) else list(why)
        body = [Block(b.runs, first=3, rest=3) for b in (*shown, *summary)]
        out += [*paragraphs([head, *body], room, painter), ""]
    return out[:-1]


# -- list --------------------------------------------------------------------------------------------------


def list_lines(result: ListResult, lang: str, width: int, painter: Painter, measure: int) -> list[str]:
    by_cat: dict[str, list[Brief]] = {}
    for b in result.briefs:
        by_cat.setdefault(b.category, []).append(b)
    columns = (
        Column(label("name", lang), grow=1, least=28, cap=36),
        Column(label("year", lang), right=True),
        Column(label("summary", lang), grow=3, least=30, cap=measure),
    )
    out: list[str] = []
    for cat in result.categories:
        briefs = by_cat.get(cat.id)
        if not briefs:
            continue
        heading = [Run(category_label(cat.id, result.categories, lang), f"bold {category_style(cat.id)}")]
        out += paragraphs([Block((*heading, Run(f" ({len(briefs)})", "dim")))], width, painter)
        rows = [
            [
                (Block(_title_runs(b.name, b.zh_name, b.category)),),
                (Block((Run(str(b.year or ""), "dim"),)),),
                tuple(Block((Run(s),)) for s in texts(b.summary, lang)),
            ]
            for b in briefs
        ]
        sizes = widths(columns, rows, width, 2)
        if sizes is not None:
            out += draw(columns, [heads(columns), *rows], sizes, painter)
        else:  # stacked: the name and year, the summary below
            room = min(width, measure + 2)
            for b, row in zip(briefs, rows, strict=True):
                year = [Run("  "), Run(str(b.year), "dim")] if b.year else []
                out += paragraphs([Block((*_title_runs(b.name, b.zh_name, b.category), *year), rest=2)], room, painter)
                out += paragraphs([Block(p.runs, first=2, rest=2) for p in row[2]], room, painter)
        out.append("")
    return out[:-1]


# -- compare -----------------------------------------------------------------------------------------------


def _none(lang: str) -> Cell:
    return (Block((Run(label("none", lang), "dim"),)),)


def _paper(paper: Paper | None) -> list[Run]:
    if paper is None or not (paper.title or paper.arxiv):
        return []
    runs = [Run(paper.title or "", "italic")] if paper.title else []
    url = paper_url(paper)
    shown = f"arXiv:{paper.arxiv}" if paper.arxiv else url
    if shown:
        runs += [Run(" · ")] if runs else []
        runs.append(Run(shown, f"underline link {url}" if url else "underline"))
    return runs


def _cells(result: CompareResult, key: str, kind: str, values: list[Any], lang: str) -> list[Cell]:
    """The cells of one compare row, by the field (a few draw their own way) or by its kind."""
    if key == "category":
        cats = [category_label(c, result.categories, lang) for c in values]
        return [(Block((Run(c, "bold" if len(set(cats)) > 1 else ""),)),) for c in cats]
    if key == "year":
        known = [y for y in values if y]
        first = min(known) if len(set(known)) > 1 else None
        return [(Block((Run(str(y), "bold green" if y == first else ""),)),) if y else _none(lang) for y in values]
    if key == "tags":
        shared = set(values[0]).intersection(*values[1:])
        out: list[Cell] = []
        for tags in values:
            runs = [Run(t + ("," if i < len(tags) - 1 else ""), "dim" if t in shared else "bold") for i, t in
                    enumerate(tags)]  # fmt: skip
            out.append((Block(tuple(_spaced(runs))),) if tags else _none(lang))
        return out
    if key == "formula":
        return [tuple(Block((Run(line, "green"),), rest=2) for line in v.split("\n")) if v else _none(lang)
                for v in values]  # fmt: skip
    if kind == "bilist":
        return [tuple(Block((Run("• " + item),), rest=2) for item in bullets(v, lang)) or _none(lang) for v in values]
    if kind == "bitext":
        return [tuple(Block((Run(t),)) for t in texts(v, lang)) or _none(lang) for v in values]
    if kind == "paper":
        return [(Block(tuple(_paper(v))),) if _paper(v) else _none(lang) for v in values]
    if kind in ("names", "slugs", "links"):
        return [(Block((Run(", ".join(v)),)),) if v else _none(lang) for v in values]
    return [(Block((Run(str(v)),)),) if v else _none(lang) for v in values]


def _spaced(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for i, run in enumerate(runs):
        out += [Run(" "), run] if i else [run]
    return out


_SOMETIMES = frozenset({"bilist", "text", "snippet", "names", "links"})  # rows shown only when a term has one


def compare_rows(result: CompareResult, lang: str) -> list[tuple[str, list[Cell]]]:
    """(row label, a cell per term) for each field compare shows (model.FIELDS), then how they relate."""
    terms = result.terms
    rows = []
    for f in sorted((f for f in FIELDS if f.compare), key=lambda f: f.compare):
        values = [getattr(t, f.key) for t in terms]
        if f.kind in _SOMETIMES and not any(values):
            continue
        rows.append((label(f.key, lang), _cells(result, f.key, f.kind, values, lang)))
    ids = {t.id for t in terms}
    relates: list[Cell] = []
    for t in terms:
        links = [f"{relation_label(r.type, lang)} {r.label(lang)}" for r in t.related if r.id in ids]
        relates.append(tuple(Block((Run(link),)) for link in links) or _none(lang))
    rows.append((label("relates", lang), relates))
    return rows


def compare_lines(result: CompareResult, lang: str, width: int, painter: Painter, measure: int) -> list[str]:
    rows = compare_rows(result, lang)
    titles = [(Block(_title_runs(t.name, t.zh_name, t.category)),) for t in result.terms]
    columns = [Column(""), *(Column("", grow=1, least=18, cap=measure) for _ in result.terms)]
    cells = [[(Block((Run(name, "bold cyan"),)),), *row] for name, row in rows]
    header = [(Block(()),), *titles]
    sizes = widths(columns, [header, *cells], boxed_room(width, len(columns)), 0)
    if sizes is not None:
        return draw_boxed(columns, [header, *cells], sizes, painter)
    out: list[str] = []  # stacked: each field, then each term's value under its name
    room = min(width, measure + 4)
    for name, row in rows:
        out += paragraphs([Block((Run(name, "bold cyan"),))], room, painter)
        for head, cell in zip(titles, row, strict=True):
            if len(cell) == 1 and not cell[0].rest:  # one paragraph: after the name, on its line
                runs = (*head[0].runs, Run(colon(lang), "dim"), *cell[0].runs)
                out += paragraphs([Block(runs, first=2, rest=4)], room, painter)
                continue
            out += paragraphs([Block(head[0].runs, first=2, rest=2)], room, painter)
            out += paragraphs([Block(b.runs, first=4 + b.first, rest=4 + b.rest) for b in cell], room, painter)
        out.append("")
    return out[:-1]


# -- paths -------------------------------------------------------------------------------------------------


def paths_rows(result: PathsResult, lang: str) -> list[tuple[str, list[str]]]:
    def say(key: str, **args: object) -> str:
        return msg(f"paths.{key}", **args).text(lang)

    user_file = result.user_file if result.user_file_exists else say("absent", path=result.user_file)
    return [
        (say("bundled"), [result.bundled]),
        (say("user_file"), [user_file]),
        (say("overlays"), list(result.overlays) or [say("not_set")]),
        (say("cache_dir"), [result.cache_dir]),
        (say("cache_file"), [result.cache_file or say("unreadable")]),
        (say("schema"), [result.schema]),
    ]


def paths_lines(result: PathsResult, lang: str, width: int, painter: Painter, measure: int) -> list[str]:
    """Paths are never wrapped or shortened: side by side when they fit, else each under its label."""
    rows = paths_rows(result, lang)
    columns = (Column("", whole=True), Column("", whole=True))
    cells = [[(Block((Run(name, "bold"),)),), tuple(Block((Run(p),)) for p in paths)] for name, paths in rows]
    sizes = widths(columns, cells, width, 2)
    if sizes is not None:
        return draw(columns, cells, sizes, painter)
    out = []
    for name, paths in rows:
        out.append(painter.paint(Run(name, "bold")))
        out += ["  " + p for p in paths]
    return out


# -- validate ----------------------------------------------------------------------------------------------


def validate_lines(result: ValidateResult, lang: str, width: int, painter: Painter, measure: int) -> list[str]:
    """One finding per line, as compilers print them (file:line:col: code message [key]), never wrapped:
    editors and grep read them whole; then the summary."""
    out = []
    for issue in result.issues:
        where = (
            issue.file
            + (f":{issue.line}" if issue.line else "")
            + (f":{issue.col}" if issue.line and issue.col else "")
        )
        message = issue.message_zh if lang == "zh" and issue.message_zh else issue.message
        runs = [Run(where + ": ", "bold"), Run(issue.code + " ", "red" if issue.severity == "error" else "yellow")]
        runs += [Run(message), *([Run(f" [{issue.key}]", "dim")] if issue.key else [])]
        out.append("".join(painter.paint(r) for r in runs))
    warnings = len(result.issues) - result.errors
    counts = msg(
        "validate_summary", errors=result.errors, warnings=warnings, files=len(result.files), terms=result.terms
    )
    summary = counts.text(lang) + (msg("strict").text(lang) if result.strict else "")
    out.append(painter.paint(Run(summary, "bold red" if result.errors else "bold green")))
    return out


# -- drawing -----------------------------------------------------------------------------------------------

LINES: dict[type, Callable[[Any, str, int, Painter, int], list[str]]] = {
    SearchResult: search_lines,
    ListResult: list_lines,
    CompareResult: compare_lines,
    PathsResult: paths_lines,
    ValidateResult: validate_lines,
}
PIPED_IN_FULL = (ListResult, SearchResult, PathsResult)  # piped without COLUMNS: full-length lines for grep


def lines(result: Any, lang: str, width: int, painter: Painter, *, measure: int = MEASURE) -> list[str]:
    return LINES[type(result)](result, lang, width, painter, measure)


def render(result: Any, opts: Options) -> None:
    from ai_terms.render.pager import output, painter, piped_in_full, terminal_size

    width, measure = terminal_size()[0], MEASURE
    if isinstance(result, PIPED_IN_FULL) and piped_in_full():
        width = measure = UNLIMITED
    text = "\n".join(lines(result, opts.lang, width, painter(opts), measure=measure))
    output(text + "\n", pager=opts.pager and sys.stdout.isatty())
