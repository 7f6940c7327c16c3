"""A small terminal layout engine with the stdlib alone: display widths (Chinese characters take two cells),
wrapping with Chinese line-break rules (no line starts with closing punctuation or ends with an opening one,
Latin words are never split, Chinese may break between characters), code cut only where Python allows,
and ANSI styles with OSC 8 links. The `show` panel is drawn with it (panel.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from ai_terms.text import WIDE

_SGR = {
    "bold": "1",
    "dim": "2",
    "italic": "3",
    "underline": "4",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
    "white": "37",
    "bright_magenta": "95",
    "bright_white": "97",
}
_NO_START = frozenset("，。、；：！？）」』”’》〉】…,.;:!?)]}%")
_NO_END = frozenset("（「『“‘《〈【([{")
_UNIT = re.compile(rf"\s+|[{WIDE}]|[^\s{WIDE}]+")
_URL_PARTS = re.compile(r"[^/]*/+|[^/]+")


KEEP = "keep"  # a style word: the run's Chinese characters break only where a space is (names)


class Run(NamedTuple):
    """A piece of text with one style: space-separated SGR names, optionally "link URL", optionally KEEP."""

    text: str
    style: str = ""


class Block(NamedTuple):
    """A paragraph: runs wrapped to the width, the first line indented `first`, the others `rest`.

    `lead` is written as it is at the start of the first line (a label with its alignment padding).
    """

    runs: tuple[Run, ...]
    first: int = 0
    rest: int = 0
    wrap: bool = True
    lead: tuple[Run, ...] = ()


def cell_width(text: str) -> int:
    """Display width in terminal cells."""
    if text.isascii():
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _units(runs: Iterable[Run]) -> list[tuple[list[Run], bool]]:
    """Breakable units (each a list of styled pieces) and whether each is white space."""
    units: list[tuple[list[Run], bool]] = []
    for run in runs:
        for match in _UNIT.finditer(run.text):
            piece = match.group()
            if piece.isspace():  # one space, or two where a run asks for a wider gap (never more)
                gap = "  " if piece.startswith("  ") else " "
                units.append(([Run(gap, run.style)], True))
                continue
            if piece.startswith(("http://", "https://")) and len(piece) > 24:  # a link may break after a "/"
                parts = _URL_PARTS.findall(piece)
                units.append(([Run(parts[0], run.style)], False))
                units += [([Run(part, run.style)], False) for part in parts[1:]]
                continue
            prev = units[-1] if units else None
            if (
                prev
                and not prev[1]
                and (
                    piece[0] in _NO_START
                    or prev[0][-1].text[-1] in _NO_END
                    # a word that goes on in the next run (a highlighted stem, say) stays one unit
                    or (match.start() == 0 and cell_width(piece[0]) == 1 and cell_width(prev[0][-1].text[-1]) == 1)
                    # a name asks to keep its Chinese whole ("keep"): 批量归一化 breaks only if wider than a line
                    or (KEEP in run.style.split() and match.start() > 0 and prev[0][-1].style == run.style)
                )
            ):
                prev[0].append(Run(piece, run.style))
            else:
                units.append(([Run(piece, run.style)], False))
    return units


def _split(pieces: list[Run], room: int) -> tuple[list[Run], list[Run]]:
    """Cut a unit that is wider than a whole line at `room` cells."""
    head: list[Run] = []
    used = 0
    for i, piece in enumerate(pieces):
        for j, ch in enumerate(piece.text):
            w = cell_width(ch)
            if used + w > room and used > 0:
                head.append(Run(piece.text[:j], piece.style))
                return head, [Run(piece.text[j:], piece.style), *pieces[i + 1 :]]
            used += w
        head.append(piece)
    return head, []


HARD_CUT = "↩"  # ends a code line cut where Python would not allow it (inside a long string)


def _breaks(line: str, depth: int = 0) -> tuple[list[int], list[int], int]:
    """Where a line of Python may be broken and stay valid: inside brackets after "(", "[", "{", "," or a
    space, or before a comment (first list); at a space outside brackets with a backslash (second list);
    never inside a string. Also the bracket depth at the end of the line, which starts at `depth`."""
    spots: list[int] = []
    escapes: list[int] = []
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote and line[i - 1] != "\\":
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
        elif ch == "#":  # a comment may move to its own line; nothing inside it is a place to break code
            spots.append(i)
            break
        elif ch in "([{":
            depth += 1
            spots.append(i + 1)
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif depth > 0 and ch in ", ":
            spots.append(i + 1)
        elif ch == " " and line[:i].strip():
            escapes.append(i)
    return spots, escapes, depth


def code_lines(code: str, room: int) -> list[str]:
    """The lines of a code snippet cut to `room` cells where Python allows it: inside brackets, or with a
    backslash, continuations indented four more; long comments continue as comments. A line with no such
    place (a long string) is cut hard and marked with HARD_CUT."""
    out: list[str] = []
    depth = 0
    for original in code.split("\n"):
        line = original
        end_depth = _breaks(line, depth)[2]
        lead = len(line) - len(line.lstrip())
        # Continuations are indented four more, but never past half the width (deep lines in narrow panels).
        indent = " " * min(lead + 4, room // 2)
        rounds = 0
        while cell_width(line) > room:
            rounds += 1
            if rounds > 100:  # no progress is possible (pathological width): cut what is left and move on
                line = _split([Run(line)], room - 1)[0][0].text + HARD_CUT
                break
            if len(line) - len(line.lstrip()) > room // 2:  # indentation alone would not leave room to cut
                line = " " * (room // 4) + line.lstrip()
                continue
            if line.lstrip().startswith("#"):  # a long comment: wrap its words, each line a comment again
                start = len(line) - len(line.lstrip()) + 2  # past "# ": a cut there would make no progress
                spaces = [i for i, ch in enumerate(line) if ch == " " and start < i and cell_width(line[:i]) <= room]
                if spaces:
                    out.append(line[: spaces[-1]].rstrip())
                    line = indent + "# " + line[spaces[-1] :].lstrip()
                    continue
            spots, escapes, _ = _breaks(line, depth)
            floor = len(line) - len(line.lstrip())
            fits = [i for i in spots if floor < i and cell_width(line[:i].rstrip()) <= room]
            slashes = [i for i in escapes if floor < i and cell_width(line[:i].rstrip()) + 2 <= room]
            if fits:
                head, rest = line[: fits[-1]].rstrip(), line[fits[-1] :].lstrip()
            elif slashes:
                head, rest = line[: slashes[-1]].rstrip() + " \\", line[slashes[-1] :].lstrip()
            else:
                pieces, _ = _split([Run(line)], room - 1)
                cut = max(len(pieces[0].text) if pieces else room - 1, floor + 1)  # always cut some code
                head, rest = line[:cut] + HARD_CUT, line[cut:]
            depth = _breaks(line[: len(line) - len(rest)], depth)[2]
            out.append(head)
            line = indent + rest
        out.append(line)
        depth = end_depth
    return out


def wrap(block: Block, width: int) -> list[tuple[int, list[Run]]]:
    """Lines of (indent, pieces) for `block` in `width` cells."""
    if not block.wrap:
        style = block.runs[0].style if block.runs else ""
        code = "".join(r.text for r in block.runs)
        return [(block.first, [Run(line, style)]) for line in code_lines(code, max(1, width - block.first))]
    lines: list[tuple[int, list[Run]]] = []
    indent = block.first
    current: list[Run] = list(block.lead)
    used = sum(cell_width(r.text) for r in block.lead)
    fresh = True  # nothing but the lead on this line yet: a space here would only pad
    space: Run | None = None
    for pieces, is_space in _units(block.runs):
        if is_space:
            space = None if fresh else pieces[0]
            continue
        w = sum(cell_width(p.text) for p in pieces)
        gap = len(space.text) if space is not None else 0
        if used + gap + w <= width - indent:
            if space is not None:
                current.append(space)
            current.extend(pieces)
            used += gap + w
        else:
            if current:
                lines.append((indent, current))
                indent = block.rest
            while w > width - indent:
                head, pieces = _split(pieces, width - indent)
                lines.append((indent, head))
                indent = block.rest
                w = sum(cell_width(p.text) for p in pieces)
            current, used = list(pieces), w
        fresh = False
        space = None
    lines.append((indent, current))
    return lines


def extent(block: Block) -> tuple[int, int]:
    """(least, natural) cells for `block`: the narrowest width it wraps to without splitting a word (its
    widest unbreakable unit, with the indent), and its width on one line."""
    lead = sum(cell_width(r.text) for r in block.lead)
    if not block.wrap:
        lines = "".join(r.text for r in block.runs).split("\n")
        widest = block.first + max(cell_width(line) for line in lines)
        return widest, widest
    units: list[int] = []
    natural = 0
    spaced = 0  # the space that waits before the next unit (none leads a line)
    for pieces, space in _units(block.runs):
        if space:
            spaced = len(pieces[0].text) if units else 0
            continue
        units.append(sum(cell_width(p.text) for p in pieces))
        natural += units[-1] + spaced
        spaced = 0
    if not units:
        return block.first + lead, block.first + lead
    least = max(block.first + lead + units[0], block.rest + max(units))
    return least, max(least, block.first + lead + natural)


def line_text(indent: int, pieces: list[Run], painter: Painter) -> tuple[str, int]:
    """A wrapped line painted (neighbours of one style in one escape sequence), and its width in cells."""
    used = indent + sum(cell_width(p.text) for p in pieces)
    if not painter.color:  # nothing to paint: the text as it is
        return " " * indent + "".join(p.text for p in pieces), used
    merged: list[Run] = []
    for piece in pieces:
        if merged and merged[-1].style == piece.style:
            merged[-1] = Run(merged[-1].text + piece.text, piece.style)
        else:
            merged.append(piece)
    return " " * indent + "".join(painter.paint(p) for p in merged), used


class Painter(NamedTuple):
    """How to write styles: ANSI or nothing, OSC 8 links or not, box characters or ASCII."""

    color: bool
    unicode: bool

    def paint(self, run: Run) -> str:
        if not self.color or not run.style or not run.text:
            return run.text
        codes = []
        link = None
        words = run.style.split()
        for i, word in enumerate(words):
            if word == "link" and i + 1 < len(words):
                link = words[i + 1]
            elif word in _SGR:
                codes.append(_SGR[word])
        text = f"\x1b[{';'.join(codes)}m{run.text}\x1b[0m" if codes else run.text
        if link:
            text = f"\x1b]8;;{link}\x1b\\{text}\x1b]8;;\x1b\\"
        return text
