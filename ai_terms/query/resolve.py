"""Names to entries: id, name, full name, Chinese name or alias, as PRODUCT's resolution rules say."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ai_terms.errors import AmbiguousTermError, UnknownTermError, UsageError
from ai_terms.index.store import NAME_FIELDS
from ai_terms.messages import msg
from ai_terms.normalize import name_key

if TYPE_CHECKING:
    from ai_terms.index.store import Index
    from ai_terms.model import Brief, Term


def resolve_id(index: Index, name: str) -> str:
    """The id of the one entry `name` names, or an error with suggestions or candidates."""
    key = name_key(name)
    if not key:
        raise UsageError(msg("not_a_name", name=name))
    found = index.ids_for_key(key)
    if not found:
        whole = _whole_word_prefix(index, name, key)
        if whole is not None:
            from ai_terms.index.store import NOTES

            NOTES.append(msg("taken_as", name=name, term=whole[1]))
            return whole[0]
        from .search import suggest

        raise UnknownTermError(name, suggest(index, name))
    best = min(NAME_FIELDS.index(field) for _, field in found)
    top = [tid for tid, field in found if NAME_FIELDS.index(field) == best]
    if len(top) > 1:
        briefs = index.briefs(top)
        raise AmbiguousTermError(name, [(b.id, b.name, b.source) for b in briefs])
    return top[0]


def _whole_word_prefix(index: Index, name: str, key: str) -> tuple[str, str] | None:
    """(id, name) of the one entry whose name (else full or Chinese name) begins with `name` as whole words
    ("diffusion" → "Diffusion model"), or None when there is none or several."""
    if len(key) < 3:
        return None
    words = _words(name)
    tiers: tuple[dict[str, str], dict[str, str]] = ({}, {})
    for _, tid, field, text in index.keys_with_prefix(key, limit=200):
        parts = _words(text)
        if field != "alias" and parts[: len(words)] == words and (len(parts) > len(words) or not text.isascii()):
            tiers[field not in ("id", "name")].setdefault(tid, text)
    for found in tiers:
        if found:
            if len(found) > 1:
                return None
            (tid,) = found
            (brief,) = index.briefs([tid])
            return tid, brief.name
    return None


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-_.]+", text.casefold()) if w]


def name_completions(index: Index, text: str, *, literal: bool = False, limit: int = 5000) -> list[tuple[str, Brief]]:
    """(name, entry) for each entry with a name that begins with `text` as names are matched (so "kv c"
    reaches "KV cache"), for shell completion: the name itself if it begins with `text` in any case, else
    the Chinese name, id, full name or alias that does (a name in the script being typed first), else the
    first that matches only without spaces and hyphens. `literal`: exactly what is typed comes first."""
    from ai_terms.text import has_cjk

    key = name_key(text)
    matched: dict[str, list[tuple[str, str]]] = {}
    if key:
        for _, tid, field, name in index.keys_with_prefix(key, limit=limit):
            matched.setdefault(tid, []).append((field, name))
    briefs = index.briefs(list(matched) if key else None)
    folded = text.casefold()
    chinese = bool(text) and has_cjk(text)
    out: dict[str, Brief] = {}
    for brief in briefs:
        rows = sorted(matched.get(brief.id, []), key=lambda row: NAME_FIELDS.index(row[0]))
        names = [n for n in (brief.name, brief.zh_name, *(name for _, name in rows)) if n]
        names.sort(key=lambda n: has_cjk(n) != chinese)
        pick = next((n for n in names if n.startswith(text)), None) if literal else None
        pick = pick or next((n for n in names if n.casefold().startswith(folded)), None)
        pick = pick or next((n for n in names if name_key(n).startswith(key)), None)
        if pick is not None:
            out.setdefault(pick, brief)
    return list(out.items())


def resolve(index: Index, names: list[str]) -> list[Term]:
    """The entries `names` name, in order; the first unknown or ambiguous name raises."""
    ids = [resolve_id(index, n) for n in names]
    return index.terms(ids)


def check_category(index: Index, category: str | None) -> str | None:
    """`category` as a known category id (matched like a name), or a usage error with suggestions."""
    if category is None:
        return None
    cats = index.categories()
    key = name_key(category)
    for cat in cats:
        if key in (name_key(cat.id), name_key(cat.en), name_key(cat.zh)):
            return cat.id
    raise _unknown("category", category, [c.id for c in cats])


def check_tag(index: Index, tag: str | None) -> str | None:
    """`tag` as a known tag, or a usage error with suggestions."""
    if tag is None:
        return None
    tags = sorted(index.tags())
    key = name_key(tag)
    for known in tags:
        if name_key(known) == key:
            return known
    raise _unknown("tag", tag, tags)


def _unknown(what: str, value: str, known: list[str]) -> UsageError:
    from .search import closest

    near = [known[i] for i in closest(value, [name_key(k) for k in known], limit=3, cutoff=50)]
    hint = msg("did_you_mean", names=near) if near else msg("nothing")
    return UsageError(msg(f"unknown_{what}", value=value, hint=hint, known=known))
