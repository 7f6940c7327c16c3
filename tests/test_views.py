"""The record views (search, list, compare, paths) keep every word of their text at any width, in both
languages: cells wrap by the layout engine's rules, and narrow terminals get stacked records."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ai_terms.labels import category_label, texts, title
from ai_terms.query import actions
from ai_terms.render import grid, tables
from ai_terms.render.layout import Painter, cell_width
from ai_terms.results import CompareResult, ListResult, PathsResult, SearchResult
from ai_terms.text import HAN

from .conftest import invoke, run_under_pty

PLAIN = Painter(color=False, unicode=True)
LANGS = ("en", "zh", "both")
_CJK = re.compile(f"[{HAN}]")
_WORD = re.compile(rf"[^\s{HAN}，。、；：！？（）「」『』《》“”‘’…·│─╭╮╰╯├┤┬┴┼]+")
_CLOSING = tuple("，。、；：！？）」』》”’")

# Tests run with the process-wide cache of conftest; results are read once per session here.


@cache
def _search(query: str) -> SearchResult:
    return actions.search(query, limit=6)


@cache
def _compare(names: tuple[str, ...]) -> CompareResult:
    return actions.compare(list(names))


@cache
def _list(category: str) -> ListResult:
    return actions.list_terms(category=category)


def _inputs(result: object, lang: str) -> Iterator[str]:
    """The texts a view is given to show."""
    if isinstance(result, SearchResult):
        for hit in result.hits:
            b = hit.brief
            yield title(b.name, b.zh_name)
            yield category_label(b.category, result.categories, lang)
            yield from texts(b.summary, lang)
            if not tables.in_summary(hit, lang):  # else its words are highlighted in the summary
                yield hit.match.snippet
    elif isinstance(result, ListResult):
        for b in result.briefs:
            yield title(b.name, b.zh_name)
            yield str(b.year or "")
            yield from texts(b.summary, lang)
    elif isinstance(result, CompareResult):
        for t in result.terms:
            yield title(t.name, t.zh_name)
        for name, cells in tables.compare_rows(result, lang):
            yield name
            for cell in cells:
                for block in cell:
                    yield "".join(r.text for r in block.runs)
    elif isinstance(result, PathsResult):
        yield from (p for _, paths in tables.paths_rows(result, lang) for p in paths)


def _words(text: str) -> list[str]:
    """Latin words (links split at "/", where they may break) of `text`."""
    return [part for word in _WORD.findall(text) for part in re.split(r"(?<=/)", word) if part]


def check_nothing_lost(result: object, lang: str, width: int) -> list[str]:
    lines = tables.lines(result, lang, width, PLAIN)
    shown = "\n".join(lines)
    given_text = "\n".join(_inputs(result, lang))
    missing = [w for w in _words(given_text) if w not in shown]
    assert not missing, f"words lost at {width} columns ({lang}): {missing[:10]}"
    have, need = Counter(_CJK.findall(shown)), Counter(_CJK.findall(given_text))
    assert not need - have, f"Chinese characters lost at {width} columns ({lang}): {need - have}"
    if "…" not in given_text:
        assert "…" not in shown
    if not isinstance(result, PathsResult):  # a path longer than the terminal is printed whole, on its own line
        assert max(cell_width(line) for line in lines) <= width
    for line in lines:
        for segment in re.split(r"\s{2,}|│", line):
            assert not segment.strip().startswith(_CLOSING), f"line starts with closing punctuation: {line!r}"
    return lines


QUERIES = ("object detection", "目标检测", "fine-tune large models with few parameters", "注意力", "kv cache", "rope")
COMPARES = (
    ("resnet", "vit"),
    ("batch-norm", "dropout"),
    ("batch-norm", "dropout", "vit", "bert"),
    ("lora", "qlora", "dora"),
)
CATEGORIES = ("metric", "framework", "benchmark")
WIDTHS = st.integers(min_value=40, max_value=200)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(query=st.sampled_from(QUERIES), lang=st.sampled_from(LANGS), width=WIDTHS)
def test_search_loses_no_word(query: str, lang: str, width: int) -> None:
    check_nothing_lost(_search(query), lang, width)


@SETTINGS
@given(names=st.sampled_from(COMPARES), lang=st.sampled_from(LANGS), width=WIDTHS)
def test_compare_loses_no_word(names: tuple[str, ...], lang: str, width: int) -> None:
    check_nothing_lost(_compare(names), lang, width)


@SETTINGS
@given(category=st.sampled_from(CATEGORIES), lang=st.sampled_from(LANGS), width=WIDTHS)
def test_list_loses_no_word(category: str, lang: str, width: int) -> None:
    check_nothing_lost(_list(category), lang, width)


@SETTINGS
@given(lang=st.sampled_from(LANGS), width=WIDTHS)
def test_paths_lose_nothing(lang: str, width: int) -> None:
    lines = check_nothing_lost(actions.paths(), lang, width)
    for _, paths in tables.paths_rows(actions.paths(), lang):
        for path in paths:
            assert any(path in line for line in lines), f"{path} is not on one line"


def test_search_is_a_table_when_wide_and_stacked_when_narrow() -> None:
    result = _search("object detection")
    assert tables.lines(result, "en", 120, PLAIN)[0].split()[:2] == ["#", "Term"]
    narrow = tables.lines(result, "en", 60, PLAIN)
    assert narrow[0].startswith("1. Object detection") and "#" not in narrow[0]


@pytest.mark.parametrize("width", ["80", "100", "160"])
def test_list_keeps_the_year_and_whole_summaries(width: str) -> None:
    out = invoke("--lang", "en", "list", "--category", "metric", env={"COLUMNS": width}).stdout
    assert "Year" in out.splitlines()[1] and "…" not in out
    assert "2002" in out  # BLEU's year


def test_compare_in_chinese_at_160_columns_keeps_the_resnet_summary() -> None:
    out = invoke("--lang", "zh", "compare", "resnet", "vit", env={"COLUMNS": "160"}).stdout
    resnet, vit = _compare(("resnet", "vit")).terms
    assert resnet.summary.zh and resnet.summary.zh.endswith("。")
    assert not Counter(_CJK.findall(f"{resnet.summary.zh}{vit.summary.zh}")) - Counter(_CJK.findall(out))
    assert out.count("…") == f"{resnet.formula}{vit.formula}".count("…")  # the formula's own, none added


def test_paths_at_60_columns_are_whole() -> None:
    out = invoke("paths", env={"COLUMNS": "60", "AITERMS_CACHE_DIR": "/" + "x" * 80}).stdout
    assert "/" + "x" * 80 in out and "…" not in out


def test_wide_terminals_keep_a_readable_measure() -> None:
    lines = tables.lines(_search("object detection"), "en", 200, PLAIN)
    assert max(cell_width(line) for line in lines) < 200
    stacked_summary = [line for line in tables.lines(_list("metric"), "en", 200, PLAIN) if line.strip()]
    assert max(cell_width(line) for line in stacked_summary) <= 36 + 2 + 4 + 2 + grid.MEASURE


_ANSI = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;;[^\x1b]*\x1b\\")
ON_A_TERMINAL: list[tuple[tuple[str, ...], Callable[[], object]]] = [
    (("compare", "resnet", "vit"), lambda: _compare(("resnet", "vit"))),
    (("compare", "batch-norm", "dropout", "vit", "bert"), lambda: _compare(("batch-norm", "dropout", "vit", "bert"))),
    (("list", "--category", "metric"), lambda: _list("metric")),
    (("search", "object detection", "--limit", "6"), lambda: _search("object detection")),
    (("paths",), actions.paths),
]


@pytest.mark.parametrize("width", [40, 80, 160])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", range(len(ON_A_TERMINAL)))
def test_on_a_real_terminal_each_view_is_the_checked_drawing(case: int, lang: str, width: int) -> None:
    """Under a pseudo-terminal of that width (no COLUMNS), the output, colours taken off, is the drawing the
    property tests above check word by word."""
    import os

    args, result = ON_A_TERMINAL[case]
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    shown = run_under_pty(["--lang", lang, "--no-pager", *args], env, columns=width, lines=500)
    plain = _ANSI.sub("", shown).replace("\r\n", "\n").rstrip("\n")
    assert plain == "\n".join(tables.lines(result(), lang, width, PLAIN))
    assert "\x1b[" in shown or args[0] == "paths"  # it knew it was a terminal: colours


def test_a_chinese_name_breaks_at_its_space_not_inside() -> None:
    lines = tables.lines(_compare(("batch-norm", "dropout")), "zh", 80, PLAIN)
    assert any("批量归一化" in line for line in lines[:4])  # the header: "Batch Normalization ·" / "批量归一化"
