"""The rendered outputs pinned by golden files: name -> arguments. Regenerate with scripts/update_golden.py."""

from __future__ import annotations

GOLDEN: dict[str, list[str]] = {
    "show-lora.txt": ["--lang", "en", "show", "lora"],
    "show-lora-zh.txt": ["--lang", "zh", "show", "lora"],
    "show-resnet-both.txt": ["--lang", "both", "show", "resnet"],
    "compare-resnet-vit.txt": ["--lang", "en", "compare", "resnet", "vit"],
    "compare-resnet-vit-zh.txt": ["--lang", "zh", "compare", "resnet", "vit"],
}
WIDTH = "100"
