"""Name keys: the one normalisation every lookup, alias check and suggestion agrees on."""

from __future__ import annotations

import unicodedata

# Characters a name may be written with or without: "Low-Rank", "low rank", "low_rank", "U.Net".
_IGNORED_PUNCT = frozenset("-._·・")


def _strip(text: str) -> str:
    out = []
    for ch in text:
        if ch in _IGNORED_PUNCT or ch.isspace():
            continue
        cat = unicodedata.category(ch)
        if cat == "Pd" or cat[0] == "C":  # dashes, control and format characters (RLM, ZWSP, BOM)
            continue
        out.append(ch)
    return "".join(out)


def _once(text: str) -> str:
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return _strip(folded)


# ASCII text needs no Unicode folding: drop the ignored punctuation, whitespace and controls in one pass.
_ASCII_DROP = str.maketrans("", "", "-._ \t\n\r\x0b\x0c" + "".join(map(chr, range(32))) + "\x7f")


def name_key(text: str) -> str:
    """Fold `text` to the key names are matched on: NFKC, case folded, no spaces, dashes, dots, underscores."""
    if text.isascii():
        return text.lower().translate(_ASCII_DROP)
    key = _once(text)
    # Folding and stripping can each expose work for the other (a removed mark lets NFKC compose);
    # iterate to a fixed point so that name_key is idempotent.
    for _ in range(4):
        again = _once(key)
        if again == key:
            return key
        key = again
    return key
