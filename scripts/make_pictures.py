"""Regenerate the README pictures (docs/img/*.svg) from the real output, exported by rich.

Usage: python scripts/make_pictures.py
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PICTURES = {
    "show-lora.svg": ("aiterms show lora", ["show", "lora"]),
    "show-lora-zh.svg": ("aiterms --lang zh show lora", ["show", "lora"], "zh"),
    "compare.svg": ("aiterms compare resnet vit", ["compare", "resnet", "vit"]),
    "search.svg": ('aiterms search "object detection"', ["search", "object detection", "--limit", "6"]),
    "timeline.svg": ("aiterms timeline --category model", ["timeline", "--category", "model"]),
}
WIDTH = 100


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(AITERMS_CACHE_DIR=tmp, XDG_CONFIG_HOME=tmp, COLUMNS=str(WIDTH))
        os.environ.pop("AITERMS_PATH", None)
        from rich.console import Console
        from rich.text import Text

        from ai_terms.query import actions
        from ai_terms.render.panel import Painter, panel
        from ai_terms.render.tables import LINES, lines
        from ai_terms.render.views import renderables

        for name, spec in PICTURES.items():
            title, args = spec[0], spec[1]
            lang = spec[2] if len(spec) > 2 else "en"
            console = Console(
                file=io.StringIO(), record=True, width=WIDTH, force_terminal=True, color_system="truecolor"
            )
            command, rest = args[0], args[1:]
            if command == "show":
                result = actions.show(rest)
                painter = Painter(color=True, unicode=True)
                for term in result.terms:
                    text = panel(term, lang, result.categories, width=WIDTH, painter=painter)
                    console.print(Text.from_ansi(text.rstrip("\n")))
            else:
                if command == "compare":
                    result = actions.compare(rest)
                elif command == "search":
                    result = actions.search(rest[0], limit=int(rest[2]))
                else:
                    result = actions.timeline(category=rest[1])
                if type(result) in LINES:  # drawn by the layout engine, like the panel
                    drawn = "\n".join(lines(result, lang, WIDTH, Painter(color=True, unicode=True)))
                    console.print(Text.from_ansi(drawn))
                else:
                    for item in renderables(result, lang):
                        console.print(item)
            (REPO / "docs" / "img" / name).write_text(console.export_svg(title=title), encoding="utf-8")
            print(f"wrote docs/img/{name}")


if __name__ == "__main__":
    main()
