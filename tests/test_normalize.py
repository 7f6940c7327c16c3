from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ai_terms.normalize import name_key
from ai_terms.sources.sanitize import clean, clean_line


def test_forms_of_one_name_share_a_key() -> None:
    forms = ["LoRA", "lora", "Lo-RA", "lo_ra", "L.o.R.A", " LoRA ", "ＬｏＲＡ", "\u200fLoRA\u200e", "LO\u200bRA"]
    assert {name_key(f) for f in forms} == {"lora"}


def test_keeps_chinese_and_drops_separators() -> None:
    assert name_key("低秩 自适应") == "低秩自适应"
    assert name_key("Low-Rank Adaptation") == "lowrankadaptation"
    assert name_key("U-Net") == name_key("unet") == name_key("U.Net")


@given(st.text())
def test_name_key_is_idempotent(text: str) -> None:
    assert name_key(name_key(text)) == name_key(text)


@given(st.text())
def test_clean_leaves_no_control_characters(text: str) -> None:
    out = clean(text)
    assert not any(ord(c) < 32 and c not in "\n\t" for c in out)
    assert "\x1b" not in out and "\x9b" not in out
    assert "\n" not in clean_line(text)


def test_clean_removes_whole_escape_sequences() -> None:
    assert clean("\x1b[31mred\x1b[0m and \x1b]8;;http://x\x07link\x1b]8;;\x07") == "red and link"
    assert clean("safe \u202eevil") == "safe evil"
