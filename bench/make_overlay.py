"""Write a synthetic overlay of N terms (default 10,000) for the scale benchmarks; deterministic per seed.

Each entry is shaped like a team glossary entry: a name, a full name, an alias, a category, two tags, a
year, a one-sentence summary in English and Chinese, a three-sentence English body, three key points and
two relations (one to another overlay entry, one into the bundled corpus): about 800 bytes, 8 MB in all.
"""

from __future__ import annotations

import random
import sys

SYLLABLES = "ka lo ra ne ti mu so va de pi zu ro fe ly qua tor neo gen flux mod net".split()
WORDS = (
    "model layer training data attention vector network gradient feature image text token sequence graph "
    "kernel matrix loss optimizer batch sample embedding encoder decoder pipeline inference latency memory"
).split()
HAN = "模型训练数据注意力向量网络梯度特征图像文本序列图结构核矩阵损失优化批量样本嵌入编码解码推理延迟内存"
CATEGORIES = ["model", "technique", "concept", "library", "architecture"]
# Links into the bundled corpus, spread so that no bundled entry gains thousands of relations.
BUNDLED = ["transformer", "cnn", "attention", "embedding", "fine-tuning", "pre-training", "optimizer", "gpu"]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _zh(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(HAN) for _ in range(n)) + "。"


def overlay(n: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        name = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + str(i)
        out.append(
            f'[term.syn-{i:05d}]\nname = "{name}"\nfull_name = "{name} {rng.choice(WORDS).title()} Method"\n'
            f'aliases = ["{name.lower()}-x"]\ncategory = "{rng.choice(CATEGORIES)}"\n'
            f'tags = ["{rng.choice(WORDS)}", "synthetic"]\nyear = {rng.randint(1990, 2025)}\n'
            f'summary.en = "{_sentence(rng, 18)}"\nsummary.zh = "{_zh(rng, 30)}"\n'
            f'body.en = "{" ".join(_sentence(rng, 12) for _ in range(3))}"\n'
            f'key_points.en = ["{_sentence(rng, 8)}", "{_sentence(rng, 8)}", "{_sentence(rng, 8)}"]\n'
            f'relations.see_also = ["syn-{rng.randrange(n):05d}", "{rng.choice(BUNDLED)}"]\n'
        )
    return "\n".join(out)


if __name__ == "__main__":
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    with open(sys.argv[1], "w", encoding="utf-8") as fh:
        fh.write(overlay(count))
