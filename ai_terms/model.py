"""Immutable records for terms and query results: the core's vocabulary, free of any terminal concern.

They are NamedTuples rather than frozen dataclasses: as immutable, and typed as strictly, but defining
two dozen dataclasses (and importing `dataclasses`) costs more start-up time than the whole `show` command.
"""

from __future__ import annotations

from typing import Any, NamedTuple

SCHEMA_VERSION = 1

# Relation types as stored in the corpus, and the name of each one seen from its target.
RELATION_TYPES: dict[str, str] = {
    "is_a": "has_kind",
    "part_of": "has_part",
    "uses": "used_by",
    "implements": "implemented_by",
    "variant_of": "has_variant",
    "successor_of": "succeeded_by",
    "see_also": "see_also",
}

BILINGUAL_TEXT = ("summary", "body")
BILINGUAL_LISTS = ("key_points", "strengths", "limitations", "uses")


class Bi(NamedTuple):
    """One text in both languages; a monolingual overlay leaves one side None."""

    en: str | None = None
    zh: str | None = None

    def pick(self, lang: str) -> str | None:
        """The text in `lang`, falling back to the other language."""
        first, second = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first if first is not None else second


class BiList(NamedTuple):
    """A list of bullets in both languages."""

    en: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()

    def pick(self, lang: str) -> tuple[str, ...]:
        first, second = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first or second

    def __bool__(self) -> bool:  # a NamedTuple of two fields is always truthy; "has any bullet" is meant
        return bool(self.en or self.zh)


class Paper(NamedTuple):
    title: str | None = None
    arxiv: str | None = None
    url: str | None = None


class Snippet(NamedTuple):
    lang: str
    code: str


class Relation(NamedTuple):
    """A typed edge seen from one term: `type` is a stored type or its inverse (used_by, has_kind...)."""

    type: str
    id: str
    name: str
    zh_name: str | None = None

    def label(self, lang: str) -> str:
        """The target's name as a reader of `lang` calls it."""
        if not self.zh_name or self.zh_name == self.name or lang == "en":
            return self.name
        return self.zh_name if lang == "zh" else f"{self.name} ({self.zh_name})"


class Term(NamedTuple):
    id: str
    name: str
    category: str
    summary: Bi
    full_name: str | None = None
    zh_name: str | None = None
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    year: int | None = None
    org: str | None = None
    paper: Paper | None = None
    links: tuple[str, ...] = ()
    body: Bi = Bi()
    key_points: BiList = BiList()
    strengths: BiList = BiList()
    limitations: BiList = BiList()
    uses: BiList = BiList()
    snippet: Snippet | None = None
    formula: str | None = None
    checked: str | None = None
    related: tuple[Relation, ...] = ()
    source: str = "bundled"

    def to_json(self) -> dict[str, Any]:
        """The documented JSON object of a term (docs/json.md)."""
        return {
            "id": self.id,
            "name": self.name,
            "full_name": self.full_name,
            "zh_name": self.zh_name,
            "aliases": list(self.aliases),
            "category": self.category,
            "tags": list(self.tags),
            "year": self.year,
            "org": self.org,
            "paper": None
            if self.paper is None
            else {"title": self.paper.title, "arxiv": self.paper.arxiv, "url": self.paper.url},
            "links": list(self.links),
            "summary": {"en": self.summary.en, "zh": self.summary.zh},
            "body": {"en": self.body.en, "zh": self.body.zh},
            **{
                name: {"en": list(value.en), "zh": list(value.zh)}
                for name in BILINGUAL_LISTS
                for value in (getattr(self, name),)
            },
            "snippet": None if self.snippet is None else {"lang": self.snippet.lang, "code": self.snippet.code},
            "formula": self.formula,
            "checked": self.checked,
            "related": [{"type": r.type, "id": r.id, "name": r.name, "zh_name": r.zh_name} for r in self.related],
            "source": self.source,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Term:
        paper = data.get("paper")
        snippet = data.get("snippet")
        return cls(
            id=data["id"],
            name=data["name"],
            category=data["category"],
            summary=Bi(**data["summary"]),
            full_name=data.get("full_name"),
            zh_name=data.get("zh_name"),
            aliases=tuple(data.get("aliases", ())),
            tags=tuple(data.get("tags", ())),
            year=data.get("year"),
            org=data.get("org"),
            paper=Paper(**paper) if paper else None,
            links=tuple(data.get("links", ())),
            body=Bi(**data.get("body", {})),
            **{
                name: BiList(
                    en=tuple(data.get(name, {}).get("en", ())),
                    zh=tuple(data.get(name, {}).get("zh", ())),
                )
                for name in BILINGUAL_LISTS
            },
            snippet=Snippet(**snippet) if snippet else None,
            formula=data.get("formula"),
            checked=data.get("checked"),
            related=tuple(Relation(**r) for r in data.get("related", ())),
            source=data.get("source", "bundled"),
        )


class Category(NamedTuple):
    id: str
    en: str
    zh: str
    terms: int = 0  # how many entries it holds ("count" would shadow tuple.count)


class Brief(NamedTuple):
    """The few fields lists, timelines and search results need, read without the full entry."""

    id: str
    name: str
    zh_name: str | None
    category: str
    year: int | None
    tags: tuple[str, ...]
    summary: Bi
    source: str


class Match(NamedTuple):
    """Why a search result matched: the field, the kind of match and a plain-text snippet.

    `spans` are (start, end) offsets into `snippet` to highlight.
    """

    field: str
    kind: str
    snippet: str
    spans: tuple[tuple[int, int], ...] = ()


class Hit(NamedTuple):
    brief: Brief
    score: float
    match: Match
