"""The rendered outputs pinned by golden files: name -> (arguments, width). Regenerate with
scripts/update_golden.py."""

from __future__ import annotations

WIDTH = "100"

GOLDEN: dict[str, tuple[list[str], str]] = {
    "show-lora.txt": (["--lang", "en", "show", "lora"], WIDTH),
    "show-lora-zh.txt": (["--lang", "zh", "show", "lora"], WIDTH),
    "show-resnet-both.txt": (["--lang", "both", "show", "resnet"], WIDTH),
    "compare-resnet-vit.txt": (["--lang", "en", "compare", "resnet", "vit"], WIDTH),
    "compare-resnet-vit-zh.txt": (["--lang", "zh", "compare", "resnet", "vit"], WIDTH),
}
# The record views at three widths in both languages: a table where it can be read, stacked where not.
VIEWS = {
    "compare": ["compare", "batch-norm", "dropout", "vit", "bert"],
    "list": ["list", "--category", "metric"],
    "search": ["search", "object detection", "--limit", "4"],
    "search-zh-query": ["search", "目标检测", "--limit", "4"],
}
for _view, _args in VIEWS.items():
    for _lang in ("en", "zh"):
        for _width in ("60", "80", "120"):
            GOLDEN[f"{_view}-{_lang}-{_width}.txt"] = (["--lang", _lang, *_args], _width)
