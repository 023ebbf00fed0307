"""Input the agent will not try: empty, huge or binary text, explained in one paragraph."""

from __future__ import annotations

import unicodedata

_WHAT_WE_TAKE = (
    "ladder answers short math word problems written in plain English, for example "
    "'A 13 foot ladder leans against a wall and reaches 12 feet up the wall. "
    "How far is its base from the wall?'"
)


def input_problem(text: object, max_chars: int) -> str | None:
    """None when `text` is worth rewriting; otherwise a paragraph saying what was wrong."""
    if not isinstance(text, str):
        return f"{_WHAT_WE_TAKE}. The input was a {type(text).__name__}, not text."
    if not text.strip():
        return f"{_WHAT_WE_TAKE}. The input was empty."
    if len(text) > max_chars:
        return (
            f"{_WHAT_WE_TAKE}. The input has {len(text):,} characters, more than the "
            f"{max_chars:,} a question may have; ask one question at a time."
        )
    bad = [i for i, ch in enumerate(text) if _is_binary(ch)]
    if bad:
        return (
            f"{_WHAT_WE_TAKE}. The input looks like binary data, not text: it has "
            f"{len(bad)} control or undecodable character(s), the first at offset {bad[0]}."
        )
    return None


def _is_binary(ch: str) -> bool:
    if ch in "\n\r\t":
        return False
    category = unicodedata.category(ch)
    return category in ("Cc", "Cs", "Co", "Cn") or ch == "\ufffd"
