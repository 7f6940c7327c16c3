"""JSON output: each result's own JSON (docs/json.md), printed as it is, ASCII-escaped only where stdout
cannot take UTF-8."""

from __future__ import annotations

import json
import sys

from ai_terms.options import Options
from ai_terms.render.pager import write
from ai_terms.results import Result


def render(result: Result, opts: Options) -> None:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    data = result.to_json(opts.fields)
    write(json.dumps(data, ensure_ascii=encoding not in ("utf8", "utf16", "utf32"), indent=2))
