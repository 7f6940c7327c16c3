"""Tables drawn with the layout engine (layout.py), for the views that show records side by side.

Nothing is ever cut: every cell wraps by the engine's rules (no line starts with closing punctuation or ends
with an opening one, Latin words and numbers stay whole, Chinese may break between characters). Columns
get at least their widest word and the width below which they stop being readable; when even that does not
fit, `widths` says so (None) and the view draws its records stacked instead. No column grows past its cap,
so running text keeps a readable measure on wide terminals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ai_terms.render.layout import Block, Painter, Run, extent, line_text, wrap

MEASURE = 72  # the longest line of running text, in cells, however wide the terminal
UNLIMITED = 10_000  # no cap: output piped for grep and cut keeps each record on as few lines as it can

Cell = tuple[Block, ...]  # a cell's paragraphs


class Column(NamedTuple):
    head: str
    grow: int = 0  # share of the spare room; 0: as wide as its content, no wider
    least: int = 0  # narrower than this (cells) the column is unreadable: the view is stacked instead
    cap: int = MEASURE  # never wider than this (cells), unless a single word is wider
    right: bool = False  # numbers line up on the right
    whole: bool = False  # lines never wrap (paths): the column is as wide as its longest line, or stacked


def widths(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], room: int, gap: int) -> list[int] | None:
    """The width of each column in `room` cells (with `gap` cells between columns), or None when the
    columns cannot all be as wide as they must be to be read."""
    need: list[int] = []
    want: list[int] = []
    for i, column in enumerate(columns):
        cells = [(Block((Run(column.head),)),), *(row[i] for row in rows)]
        least = natural = 0
        for cell in cells:
            for block in cell:
                lo, hi = extent(block)
                least, natural = max(least, lo), max(natural, hi)
        if column.whole:
            least = natural
        need.append(max(least, min(column.least, natural)))
        want.append(max(need[-1], min(natural, column.cap)))
    room -= gap * (len(columns) - 1)
    if sum(need) > room:
        return None
    # Fixed columns as wide as their content if they can be; growing ones raised together to one level
    # (each between its need and its want), so that short columns are whole before long text takes the rest.
    growing = [i for i, c in enumerate(columns) if c.grow]
    out = [need[i] if c.grow else want[i] for i, c in enumerate(columns)]
    if sum(out) > room:
        out = list(need)
    for level in range(max(want) + 1):
        trial = [min(want[i], max(need[i], level)) if i in growing else out[i] for i in range(len(columns))]
        if sum(trial) > room:
            break
        out = trial
    spare = room - sum(out)
    for i in growing:  # what is left, a cell at a time, to the columns that still want it
        add = min(spare, want[i] - out[i])
        out[i] += add
        spare -= add
    return out


def _cell_lines(cell: Cell, width: int, painter: Painter) -> list[tuple[str, int]]:
    lines: list[tuple[str, int]] = []
    for block in cell:
        if not block.runs and not block.lead:
            lines.append(("", 0))
            continue
        lines += [line_text(indent, pieces, painter) for indent, pieces in wrap(block, width)]
    return lines


def _pad(text: str, used: int, width: int, right: bool) -> str:
    return " " * (width - used) + text if right else text + " " * (width - used)


def heads(columns: Sequence[Column]) -> list[Cell]:
    """The header row: each column's head in bold."""
    return [(Block((Run(c.head, "bold"),)),) for c in columns]


def _row_lines(
    row: Sequence[Cell], columns: Sequence[Column], sizes: Sequence[int], painter: Painter
) -> list[list[str]]:
    """One table row as lines of cells, each cell wrapped, painted and padded to its column's width."""
    cells = [_cell_lines(cell, size, painter) for cell, size in zip(row, sizes, strict=True)]
    out = []
    for n in range(max(len(c) for c in cells)):
        parts = []
        for lines, size, column in zip(cells, sizes, columns, strict=True):
            text, used = lines[n] if n < len(lines) else ("", 0)
            parts.append(_pad(text, used, size, column.right))
        out.append(parts)
    return out


def draw(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell]], sizes: Sequence[int], painter: Painter, *, gap: int = 2
) -> list[str]:
    """The table's lines, `gap` cells between columns (a header is a row like any other: see `heads`)."""
    return [(" " * gap).join(parts).rstrip() for row in rows for parts in _row_lines(row, columns, sizes, painter)]


def draw_boxed(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell]], sizes: Sequence[int], painter: Painter
) -> list[str]:
    """The table in a box, a rule between rows (compare): the box costs 3 cells per column plus 1."""
    h, v, corners = ("─", "│", "╭┬╮├┼┤╰┴╯") if painter.unicode else ("-", "|", "+++++++++")

    def rule(left: str, mid: str, right: str) -> str:
        return painter.paint(Run(left + mid.join(h * (s + 2) for s in sizes) + right, "dim"))

    bar = painter.paint(Run(v, "dim"))
    out = [rule(*corners[0:3])]
    for r, row in enumerate(rows):
        if r:
            out.append(rule(*corners[3:6]))
        out += [
            bar + bar.join(f" {part} " for part in parts) + bar for parts in _row_lines(row, columns, sizes, painter)
        ]
    out.append(rule(*corners[6:9]))
    return out


def boxed_room(width: int, columns: int) -> int:
    """The room left for cells in a box of `width` cells with `columns` columns."""
    return width - 3 * columns - 1


def paragraphs(blocks: Sequence[Block], width: int, painter: Painter) -> list[str]:
    """Blocks wrapped to `width` cells and painted, one string per line."""
    return [line_text(indent, pieces, painter)[0].rstrip() for block in blocks for indent, pieces in wrap(block, width)]
