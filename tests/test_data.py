"""The bundled corpus is tested like code: ids, languages, categories, relations, schema, coverage."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import pytest
import tomli

from ai_terms.corpus.lint import lint_paths
from ai_terms.model import RELATION_TYPES
from ai_terms.normalize import name_key
from ai_terms.query.resolve import resolve_id

from .conftest import REPO, SHARED, fresh_index

CORPUS = REPO / "data" / "terms.toml"
RAW = tomli.loads(CORPUS.read_text(encoding="utf-8"))
TERMS: dict[str, dict] = RAW["term"]  # type: ignore[type-arg]


def test_corpus_has_at_least_130_entries() -> None:
    assert len(TERMS) >= 130


def test_ids_are_slugs() -> None:
    bad = [t for t in TERMS if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", t)]
    assert bad == []


def test_every_entry_is_complete_in_both_languages() -> None:
    missing = []
    for tid, term in TERMS.items():
        for key in ("summary", "body", "key_points"):
            for lang in ("en", "zh"):
                if not term.get(key, {}).get(lang):
                    missing.append(f"{tid}.{key}.{lang}")
        for key in ("strengths", "limitations", "uses"):
            if key in term and set(term[key]) != {"en", "zh"}:
                missing.append(f"{tid}.{key}")
        if not term.get("zh_name"):
            missing.append(f"{tid}.zh_name")
    assert missing == []


def test_categories_are_defined_with_both_labels() -> None:
    cats = RAW["category"]
    assert all(set(c) == {"en", "zh"} for c in cats.values())
    assert {t["category"] for t in TERMS.values()} <= set(cats)


def test_relations_are_typed_and_resolve() -> None:
    problems = []
    for tid, term in TERMS.items():
        for rtype, targets in term.get("relations", {}).items():
            if rtype not in RELATION_TYPES:
                problems.append(f"{tid}: unknown relation type {rtype}")
            for target in targets:
                if target not in TERMS or target == tid:
                    problems.append(f"{tid}.{rtype} -> {target}")
    assert problems == []


def test_no_name_or_alias_is_claimed_twice() -> None:
    owners: dict[str, set[str]] = {}
    for tid, term in TERMS.items():
        for text in (tid, term["name"], term.get("full_name"), term.get("zh_name"), *term.get("aliases", [])):
            if text:
                owners.setdefault(name_key(text), set()).add(tid)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_arxiv_ids_are_well_formed_and_match_urls() -> None:
    for tid, term in TERMS.items():
        paper = term.get("paper")
        if paper and "arxiv" in paper:
            assert re.fullmatch(r"\d{4}\.\d{4,5}", paper["arxiv"]), tid
            assert paper["arxiv"] in paper.get("url", paper["arxiv"]), tid


def test_bundled_corpus_passes_strict_validation() -> None:
    _, issues, _ = lint_paths([], strict=True)
    assert [f"{i.code} {i.key} {i.message}" for i in issues] == []


def test_bundled_corpus_matches_the_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO / "ai_terms" / "schema" / "terms.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(_as_json(RAW), schema)


def _as_json(value: Any) -> Any:
    """TOML values as JSON tools see them (Taplo checks a TOML date against "format": "date" as a string)."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def test_snippets_are_valid_python() -> None:
    for tid, term in TERMS.items():
        snippet = term.get("snippet")
        if snippet and snippet.get("lang", "python") == "python":
            compile(snippet["code"], f"<{tid} snippet>", "exec")


def _unresolved(names: list[str]) -> list[str]:
    index = fresh_index()
    missing = []
    for name in names:
        try:
            resolve_id(index, name)
        except Exception as exc:
            missing.append(f"{name}: {exc}")
    return missing


def _headline_names(text: str) -> list[str]:
    """The usual names of every headline concept of seed-terms.md (sections S1, S2, S3)."""
    names: list[str] = []
    part = text.split("## 2. Headline concept entries", 1)[1].split("## 3. Passing mentions", 1)[0]
    for heading in re.findall(r"^#### S\d-\w+ (.+)$", part, flags=re.M):
        heading = re.sub(r"\((also|shares) [^)]*\)", "", heading).strip()
        group, _, members = heading.partition(":")
        names += [m.strip() for m in members.split(",") if m.strip()]
        group = re.sub(r"\s*\([^)]*\)", "", group).strip()
        for suffix in (" and variants", " series", " and Hybrid ViT"):
            group = group.removesuffix(suffix)
        paren = re.findall(r"\(([^)]*)\)", heading.partition(":")[0])
        if group != "Lightweight models":  # a grouping heading; its members are entries of their own
            names.append(group)
        names += [p for p in paren if not re.search(r"[\u4e00-\u9fff]", p)]
    return names


@pytest.mark.skipif(not (SHARED / "seed-terms.md").exists(), reason="../shared/ is not beside this clone")
def test_every_headline_concept_resolves_by_its_usual_name() -> None:
    names = _headline_names((SHARED / "seed-terms.md").read_text(encoding="utf-8"))
    assert len(names) >= 45
    assert _unresolved(names) == []


@pytest.mark.parametrize(
    ("name", "tid"),
    [
        ("PaddlePaddle", "paddlepaddle"),
        ("飞桨", "paddlepaddle"),
        ("PaddleClas", "paddleclas"),
        ("Segment Anything Model", "sam"),
        ("GoogleNet", "googlenet"),
        ("SWIN", "swin-transformer"),
        ("Diffusion Transformer", "dit"),
        ("Denoising Diffusion Probabilistic Models", "ddpm"),
        ("Graph Neural Networks", "gnn"),
        ("混合专家模型", "moe"),
        ("扩散模型", "diffusion-model"),
        ("残差网络", "resnet"),
        ("sklearn", "scikit-learn"),
        ("Inception v1", "googlenet"),
    ],
)
def test_names_the_article_uses_resolve(name: str, tid: str) -> None:
    assert resolve_id(fresh_index(), name) == tid


def test_passing_mentions_resolve() -> None:
    mentions = [
        "AlexNet",
        "VGG",
        "BERT",
        "Word2Vec",
        "Faster R-CNN",
        "Mask R-CNN",
        "RetinaNet",
        "FPN",
        "VAE",
        "GAN",
        "DALL-E",
        "ONNX Runtime",
        "TorchScript",
        "Caffe2",
        "Protocol Buffers",
        "ImageNet",
        "COCO",
        "LVIS",
        "C4",
        "attention",
        "fine-tuning",
        "transfer learning",
        "zero-shot learning",
        "contrastive learning",
        "knowledge distillation",
        "quantization",
        "pruning",
        "mixed precision",
        "batch normalization",
        "residual connection",
        "depthwise separable convolution",
        "Keypoint R-CNN",
        "YOLOv3",
        "ResNet-50",
        "Hybrid ViT",
        "Noisy Student",
        "EfficientNet-B7",
        "self-attention",
    ]
    assert _unresolved(mentions) == []
