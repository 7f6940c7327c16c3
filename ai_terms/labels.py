"""Labels, colours and language choices shared by every view and format (no rich import here)."""

from __future__ import annotations

from collections.abc import Iterable

from ai_terms.model import FIELDS, Bi, BiList, Category, Paper

# Headings that are not fields (the fields' own labels are in model.FIELDS).
_OTHER_LABELS: dict[str, dict[str, str]] = {
    "en": {"relates": "How they relate", "term": "Term", "why": "Matched", "score": "Score", "count": "Terms",
           "none": "—"},
    "zh": {"relates": "相互关系", "term": "条目", "why": "匹配", "score": "得分", "count": "条目数", "none": "—"},
}  # fmt: skip
LABELS: dict[str, dict[str, str]] = {
    lang: {**{f.key: getattr(f, lang) for f in FIELDS}, **_OTHER_LABELS[lang]} for lang in ("en", "zh")
}
RELATION_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "is_a": "is a",
        "has_kind": "kinds",
        "part_of": "part of",
        "has_part": "parts",
        "uses": "uses",
        "used_by": "used by",
        "implements": "implements",
        "implemented_by": "implemented by",
        "variant_of": "variant of",
        "has_variant": "variants",
        "successor_of": "successor of",
        "succeeded_by": "succeeded by",
        "see_also": "see also",
    },
    "zh": {
        "is_a": "属于",
        "has_kind": "细分类型",
        "part_of": "所属",
        "has_part": "组成部分",
        "uses": "使用",
        "used_by": "使用方",
        "implements": "实现了",
        "implemented_by": "实现于",
        "variant_of": "变体源自",
        "has_variant": "变体",
        "successor_of": "前身",
        "succeeded_by": "后继",
        "see_also": "另见",
    },
}
# The fields a search can match on, as a reader calls them.
MATCH_FIELDS: dict[str, dict[str, str]] = {
    "en": {
        "id": "id",
        "name": "name",
        "full_name": "full name",
        "zh_name": "Chinese name",
        "alias": "alias",
        "tags": "tags",
        "org": "organisation",
        "summary": "summary",
        "key_points": "key points",
        "body": "description",
        "more": "strengths and uses",
    },
    "zh": {
        "id": "id",
        "name": "名称",
        "full_name": "全称",
        "zh_name": "中文名",
        "alias": "别名",
        "tags": "标签",
        "org": "机构",
        "summary": "简介",
        "key_points": "要点",
        "body": "正文",
        "more": "优缺点与用途",
    },
}
CATEGORY_STYLES = {
    "framework": "magenta",
    "library": "blue",
    "model": "green",
    "architecture": "cyan",
    "technique": "yellow",
    "concept": "bright_white",
    "format": "red",
    "dataset": "bright_magenta",
}


def label(key: str, lang: str) -> str:
    """A heading in `lang`; "both" gives "English · 中文"."""
    if lang == "both":
        en, zh = LABELS["en"][key], LABELS["zh"][key]
        return en if en == zh else f"{en} · {zh}"
    return LABELS[lang][key]


def relation_label(rtype: str, lang: str) -> str:
    if lang == "both":
        return f"{RELATION_LABELS['en'][rtype]} · {RELATION_LABELS['zh'][rtype]}"
    return RELATION_LABELS[lang][rtype]


def colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def list_separator(lang: str) -> str:
    return "、" if lang == "zh" else ", "


def texts(value: Bi, lang: str) -> list[str]:
    """The text(s) to show: one language (falling back to the other), or both."""
    if lang == "both":
        return [t for t in (value.en, value.zh) if t]
    picked = value.pick(lang)
    return [picked] if picked else []


def bullets(value: BiList, lang: str) -> list[str]:
    return [*value.en, *value.zh] if lang == "both" else list(value.pick(lang))


def category_label(category: str, cats: Iterable[Category], lang: str) -> str:
    for c in cats:
        if c.id == category:
            return {"en": c.en, "zh": c.zh}.get(lang, f"{c.en} · {c.zh}")
    return category


def category_style(category: str) -> str:
    return CATEGORY_STYLES.get(category, "white")


def field_label(field: str, lang: str) -> str:
    return MATCH_FIELDS["zh" if lang == "zh" else "en"].get(field, field)


def title(name: str, zh_name: str | None, sep: str = " · ") -> str:
    """ "Name · 中文名", or the name alone when the Chinese name is the same."""
    return f"{name}{sep}{zh_name}" if zh_name and zh_name != name else name


def paper_url(paper: Paper) -> str | None:
    """Where the paper can be read: its URL, else its arXiv abstract page."""
    return paper.url or (f"https://arxiv.org/abs/{paper.arxiv}" if paper.arxiv else None)
