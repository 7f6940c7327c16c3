"""Untrusted text made safe: no control characters, terminal escapes or bidi overrides survive loading."""

from __future__ import annotations

import re

# C0 and C1 controls except tab and newline, DEL, and the bidi embedding/override/isolate controls that can
# make text display differently from what it says.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# A whole ESC sequence goes, not only the ESC, so "\x1b[31m" leaves no "[31m" behind.
_ESCAPE_SEQ = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")


def clean(text: str) -> str:
    """`text` without terminal escape sequences and unsafe control characters."""
    if text.isprintable() or not _UNSAFE.search(text):  # isprintable: no controls or format characters
        return text
    return _UNSAFE.sub("", _ESCAPE_SEQ.sub("", text))


def clean_line(text: str) -> str:
    """`clean`, and on one line: for names, ids and other single-line fields."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # the common case, decided in C
    return " ".join(clean(text).split())


def is_web_link(url: str) -> bool:
    return url.startswith(("https://", "http://")) and not any(ch.isspace() for ch in url)
