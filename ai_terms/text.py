"""Which characters are Chinese: the one definition the loader, the linter, the tokenizer and the wrapping
engine share."""

from __future__ import annotations

import re

# CJK Unified Ideographs with Extension A and the compatibility block: the characters of Chinese words.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Wide characters a line may break between: the ideographs plus CJK radicals, symbols and punctuation,
# and full-width forms.
WIDE = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_HAN_RE: list[re.Pattern[str]] = []  # compiled on first use: `show` never needs it


def han_re() -> re.Pattern[str]:
    """A pattern matching one Chinese character."""
    if not _HAN_RE:
        _HAN_RE.append(re.compile(f"[{HAN}]"))
    return _HAN_RE[0]


def has_cjk(text: str) -> bool:
    """Whether `text` has a Chinese character."""
    return han_re().search(text) is not None
