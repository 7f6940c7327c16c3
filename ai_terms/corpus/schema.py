"""What the field table says to the outside: the JSON Schema of the corpus format and the field lists of the
docs, generated from model.FIELDS. `python scripts/make_schema.py` writes them; tests check the shipped
files agree."""

from __future__ import annotations

from typing import Any

from ai_terms.model import FIELDS, KINDS, RELATION_TYPES, TOML_FIELDS, Field

SLUG = "^[a-z0-9][a-z0-9-]*$"
ARXIV = r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$"
_STRING: dict[str, Any] = {"type": "string"}
_STRINGS: dict[str, Any] = {"type": "array", "items": _STRING}
_BILINGUAL = {"type": "object", "additionalProperties": False, "minProperties": 1}
_BOTH = {"en": _STRING, "zh": _STRING}
KIND_SCHEMAS: dict[str, dict[str, Any]] = {
    "line": _STRING,
    "names": _STRINGS,
    "slugs": _STRINGS,
    "year": {"type": "integer", "minimum": 1900, "maximum": 2100},
    "paper": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "title": _STRING,
            "arxiv": {"type": "string", "pattern": ARXIV},
            "url": {"type": "string", "pattern": "^https?://"},
        },
    },
    "links": {"type": "array", "items": {"type": "string", "pattern": r"^https?://\S+$"}},
    "bitext": {"oneOf": [{"type": "string", "minLength": 1}, {**_BILINGUAL, "properties": _BOTH}]},
    "bilist": {"oneOf": [_STRINGS, {**_BILINGUAL, "properties": {"en": _STRINGS, "zh": _STRINGS}}]},
    "snippet": {
        "oneOf": [
            _STRING,
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["code"],
                "properties": {"lang": _STRING, "code": _STRING},
            },
        ]
    },
    "text": {"type": "string", "minLength": 1},
    "date": {"type": "string", "format": "date"},
}  # fmt: skip


def _sentence(text: str) -> str:
    text = text.replace("`", "")
    return text[0].upper() + text[1:] + ("" if text.endswith(("…", ".")) else ".")


def _property(field: Field) -> dict[str, Any]:
    prop = {**KIND_SCHEMAS[field.kind], "description": _sentence(field.about)}
    if field.required and field.kind == "line":
        prop["minLength"] = 1
    return prop


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a corpus file (ai_terms/schema/terms.schema.json)."""
    fields = [f for f in TOML_FIELDS if f.key != "id"]
    properties = {f.key: _property(f) for f in fields}
    slugs = {"type": "array", "items": {"type": "string", "pattern": SLUG}, "uniqueItems": True}
    properties["relations"] = {
        "type": "object",
        "additionalProperties": False,
        "description": "Typed links to other term ids.",
        "properties": dict.fromkeys(RELATION_TYPES, slugs),
    }
    table = {"type": "object", "propertyNames": {"type": "string", "pattern": SLUG}}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://aiterms.invalid/schema/terms.schema.json",
        "title": "aiterms corpus file",
        "description": "A bundled corpus or user glossary for aiterms (docs/corpus-format.md).",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "category": {
                **table,
                "additionalProperties": {**_BILINGUAL, "properties": _BOTH},
            },
            "term": {
                **table,
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": [f.key for f in fields if f.required],
                    "properties": properties,
                },
            },
        },
    }


def corpus_fields_markdown() -> str:
    """The field table of docs/corpus-format.md."""
    rows = ["| field | type | meaning |", "|---|---|---|"]
    for f in TOML_FIELDS:
        if f.key == "id":
            continue
        kind = KINDS[f.kind] + (", **required**" if f.required else "")
        rows.append(f"| `{f.key}` | {kind} | {f.about} |")
    rows.append("| `relations.<type>` | list of term ids | typed links to other terms (below) |")
    return "\n".join(rows)


def json_fields_markdown() -> str:
    """The term-object field table of docs/json.md."""
    return "\n".join(["| field | meaning |", "|---|---|", *(f"| `{f.key}` | {f.meaning} |" for f in FIELDS)])
