"""The one place that picks a renderer for a result: JSON, plain text formats, or rich text."""

from __future__ import annotations

import os
import sys
from typing import Any, NamedTuple


class Options(NamedTuple):
    """How to render: the language, JSON or text, the JSON fields to keep, colour and paging."""

    lang: str = "en"
    json: bool = False
    fields: tuple[str, ...] | None = None
    color: bool = True
    pager: bool = True


def default_lang() -> str:
    """AITERMS_LANG if set, else the locale: zh* gives zh, anything else en."""
    env = os.environ.get("AITERMS_LANG", "").strip().lower()  # an unknown value falls back to the locale
    if env in ("en", "zh", "both"):
        return env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def color_allowed(no_color_flag: bool) -> bool:
    return not no_color_flag and not os.environ.get("NO_COLOR")  # no-color.org: set and not empty


def emit(result: Any, opts: Options) -> None:
    if opts.json:
        from .json_view import render as render_json

        write(render_json(result, opts.fields))
        return
    from ai_terms.results import ExportResult, GraphResult, ShowResult

    if isinstance(result, ShowResult):  # the hot path: drawn without rich (render_panel.py says why)
        from .panel import render as render_panel

        render_panel(result, opts)
        return
    if isinstance(result, (GraphResult, ExportResult)):
        from .export import render as render_plain

        write(render_plain(result))
        return
    from .views import render as render_text

    render_text(result, opts)


def write(text: str) -> None:
    """Plain text to stdout, never through a rich console."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()
