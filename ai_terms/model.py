"""Immutable records for terms and query results: the core's vocabulary, free of any terminal concern.

They are NamedTuples rather than frozen dataclasses: as immutable, and typed as strictly, but defining
two dozen dataclasses (and importing `dataclasses`) costs more start-up time than the whole `show` command.
"""

from __future__ import annotations

from collections.abc import Callable
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
    """One entry. Its fields are FIELDS, in the same order (a test holds them together)."""

    id: str
    name: str
    full_name: str | None = None
    zh_name: str | None = None
    aliases: tuple[str, ...] = ()
    category: str = ""
    tags: tuple[str, ...] = ()
    year: int | None = None
    org: str | None = None
    paper: Paper | None = None
    links: tuple[str, ...] = ()
    summary: Bi = Bi()
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
        """The documented JSON object of a term (docs/json.md), field by field from FIELDS."""
        return {
            key: value if convert is None else convert(value)
            for (key, convert), value in zip(_WRITERS, self, strict=True)
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Term:
        return cls(**{key: data[key] if read is None else read(data[key]) for key, read in _READERS if key in data})


class Issue(NamedTuple):
    """One finding about a corpus file, with a stable rule code (docs/validate.md)."""

    code: str
    severity: str  # "error" or "warning"
    file: str
    message: str
    line: int | None = None
    col: int | None = None
    key: str | None = None
    message_zh: str | None = None  # the message in Chinese, for `validate` under --lang zh (JSON keeps English)


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


# -- the field table -------------------------------------------------------------------------------------


class Field(NamedTuple):
    """One field of a term: everything the loader, the linter, JSON, the schema, the docs, search and the
    renderers need to know about it. Adding a field is a row here (and an attribute of Term); only a field
    that wants a special place on screen needs layout code as well."""

    key: str  # TOML key, JSON name and Term attribute
    kind: str  # how it is read, checked and written: one of KINDS
    meaning: str  # for JSON readers (docs/json.md, --fields errors)
    about: str  # for corpus writers (docs/corpus-format.md, the JSON Schema)
    en: str  # its label on screen
    zh: str
    required: bool = False  # in every corpus file
    strict: bool = False  # present in both languages in the bundled corpus (validate --strict)
    search: str = ""  # the full-text column it feeds ("" for none); weights are in SEARCH_WEIGHTS
    show: str = ""  # its place in `show`: a slot of the panel ("" for none, see render/panel.py)
    compare: int = 0  # its row in `compare` (0 for none); list kinds show only when some term has one


# What each kind is in TOML (for the docs).
KINDS: dict[str, str] = {
    "id": "",  # the table key, not a field
    "line": "string",
    "names": "list of strings",
    "slugs": "list of slugs",
    "year": "integer",
    "paper": "table `{title, arxiv, url}`",
    "links": "list of https URLs",
    "bitext": "string per language (`.en`, `.zh`)",
    "bilist": "list of strings per language (`.en`, `.zh`)",
    "snippet": "strings `.lang`, `.code`",
    "text": "string (several lines allowed)",
    "date": "date (`2026-11-30`)",
    "related": "",  # from `relations.<type>` tables
    "source": "",  # where it was read from
}

FIELDS: tuple[Field, ...] = (
    Field("id", "id", "stable lowercase slug that identifies the entry",
          "the key after `term.`: a lowercase slug of letters, digits and hyphens", "Id", "id"),
    Field("name", "line", "the name as its owners spell it",
          "the name as its owners spell it (`LoRA`, `GoogLeNet`)", "Name", "名称",
          required=True, search="name", show="title"),
    Field("full_name", "line", "expansion or long name, or null",
          "the expansion or long name (`Low-Rank Adaptation`)", "Full name", "全称",
          search="name", show="subtitle", compare=2),
    Field("zh_name", "line", "the Chinese name (or the Latin name where Chinese engineers use that), or null",
          "the standard Chinese name (`低秩自适应`); the Latin name again where Chinese engineers use that (`PyTorch`)",
          "Chinese name", "中文名", strict=True, search="name", show="title"),
    Field("aliases", "names", "other names that resolve to this entry",
          "other names people type for the same thing: abbreviations, spellings, versions, Chinese variants; "
          "never another method or model",
          "Also known as", "别名", search="name", show="tail"),
    Field("category", "line", "category id (see `aiterms categories`)", "a category id", "Category", "类别",
          required=True, show="meta", compare=1),
    Field("tags", "slugs", "topic tags",
          "topics: `vision`, `nlp`, `generative`, `multimodal`, `training`, `deployment`, `llm`, …", "Tags", "标签",
          search="tags", compare=12),
    Field("year", "year", "year introduced, or null", "the year it was introduced (first paper, first public release)",
          "Year", "年份", show="meta", compare=3),
    Field("org", "line", "organisation(s) behind it, or null", "the organisation(s) behind it",
          "Organisation", "机构", search="org", show="meta", compare=4),
    Field("paper", "paper", "{title, arxiv, url} of the introducing paper, or null",
          "the paper that introduced it; `arxiv` is a bare id such as `2106.09685`; `url` is https", "Paper", "论文",
          show="paper", compare=5),
    Field("links", "links", "official https links", "official site, repository, documentation", "Links", "链接",
          show="tail"),
    Field("summary", "bitext", "{en, zh}: one sentence each (null where an overlay gives one language)",
          "one sentence", "Summary", "简介", required=True, strict=True, search="summary", show="lead", compare=6),
    Field("body", "bitext", "{en, zh}: one to three paragraphs each",
          "one to three short paragraphs, separated by blank lines", "Description", "正文",
          strict=True, search="body", show="body"),
    Field("key_points", "bilist", "{en, zh}: lists of key facts", "three to six facts worth remembering",
          "Key points", "要点", strict=True, search="key_points", show="list", compare=8),
    Field("strengths", "bilist", "{en, zh}: lists of strengths", "optional: strengths", "Strengths", "优点",
          search="more", show="list", compare=9),
    Field("limitations", "bilist", "{en, zh}: lists of limitations", "optional: limitations", "Limitations", "局限",
          search="more", show="list", compare=10),
    Field("uses", "bilist", "{en, zh}: lists of typical uses", "optional: typical uses", "Typical uses", "典型用途",
          search="more", show="list", compare=11),
    Field("snippet", "snippet", "{lang, code}: a minimal code example, or null",
          "a minimal, correct code example, for things you call from code", "Example", "示例", show="code"),
    Field("formula", "text", "the defining formula in plain Unicode math, or null",
          "the defining formula in plain Unicode math that reads in a terminal (`F1 = 2·P·R / (P + R)`); no LaTeX",
          "Formula", "公式", show="formula", compare=7),
    Field("checked", "date", "date (YYYY-MM-DD) the entry's facts and snippet were last verified, or null",
          "the day the entry's facts and snippet were last verified", "Checked", "核实于", show="footer"),
    Field("related", "related",
          "[{type, id, name, zh_name}]: typed relations in both directions (see docs/json.md for the types)",
          "", "Related", "相关条目", show="related"),
    Field("source", "source", "'bundled' or the path of the overlay file that defined the entry", "",
          "Source", "来源", show="footer"),
)  # fmt: skip
FIELD = {f.key: f for f in FIELDS}
TOML_FIELDS = tuple(f for f in FIELDS if KINDS[f.kind])
# Full-text columns and their weights: names matter most, but the name tier of search already ranks them,
# so here they only add to the text; a summary says what the thing is, the best evidence of a match.
SEARCH_WEIGHTS: dict[str, float] = {
    "name": 2.0, "tags": 2.5, "org": 2.5, "summary": 3.0, "key_points": 1.2, "body": 1.0, "more": 0.8,
}  # fmt: skip


def fields_of(kind: str) -> tuple[str, ...]:
    return tuple(f.key for f in FIELDS if f.kind == kind)


def _same(value: Any) -> Any:
    return value


def _paper_json(p: Paper | None) -> dict[str, Any] | None:
    return None if p is None else {"title": p.title, "arxiv": p.arxiv, "url": p.url}


def _snippet_json(s: Snippet | None) -> dict[str, Any] | None:
    return None if s is None else {"lang": s.lang, "code": s.code}


_TO_JSON: dict[str, Callable[[Any], Any]] = {
    "id": _same, "line": _same, "year": _same, "text": _same, "date": _same, "source": _same,
    "names": list, "slugs": list, "links": list,
    "paper": _paper_json,
    "bitext": lambda b: {"en": b.en, "zh": b.zh},
    "bilist": lambda b: {"en": list(b.en), "zh": list(b.zh)},
    "snippet": _snippet_json,
    "related": lambda rels: [{"type": r.type, "id": r.id, "name": r.name, "zh_name": r.zh_name} for r in rels],
}  # fmt: skip
_FROM_JSON: dict[str, Callable[[Any], Any]] = {
    "id": _same, "line": _same, "year": _same, "text": _same, "date": _same, "source": _same,
    "names": tuple, "slugs": tuple, "links": tuple,
    "paper": lambda d: Paper(**d) if d else None,
    "bitext": lambda d: Bi(**d),
    "bilist": lambda d: BiList(en=tuple(d.get("en", ())), zh=tuple(d.get("zh", ()))),
    "snippet": lambda d: Snippet(**d) if d else None,
    "related": lambda rels: tuple(Relation(**r) for r in rels),
}  # fmt: skip

_PLAIN = frozenset({"id", "line", "year", "text", "date", "source"})  # JSON holds these as they are
# Per field, in Term's order: its key and the converter of its kind (None where the value is kept as it is).
_WRITERS = tuple((f.key, None if f.kind in _PLAIN else _TO_JSON[f.kind]) for f in FIELDS)
_READERS = tuple((f.key, None if f.kind in _PLAIN else _FROM_JSON[f.kind]) for f in FIELDS)
