"""Pass `phrases`: word-level variants that mean the same thing, in the fragment's words.

`Each jar` -> `Every jar` (ACE's universal determiner), `the foot of the ladder` / `the
bottom of the ladder` -> `the base of the ladder`, `the length of the hypotenuse` -> `the
hypotenuse` (a segment's length is the segment's measure), `72 meters away from` -> `72
meters from`, `How many apples does John have left?` -> `... have?`.
"""

from __future__ import annotations

import re

from agent.rewrite.lexicon import BASE_SYNONYMS, SEGMENTS

_EACH = re.compile(r"\b([Ee])ach\s+(?=[a-z]+\b(?!\s+(?:of|other)\b))")
_BASE = re.compile(rf"\b([Tt]he)\s+(?:{'|'.join(BASE_SYNONYMS)})\s+of\s+(?=the\s|an?\s)")
_SEGMENT = re.compile(rf"\b(?:the\s+)?length\s+of\s+(the\s+(?:(?:other|missing|remaining|first|second)\s+)?(?:{'|'.join(SEGMENTS)}))\b")
_AWAY = re.compile(r"\baway\s+from\b")
_LEFT = re.compile(r"\s+(?:left|now|in all|altogether|in total|still)(?=\?$)")
_STILL = re.compile(r"\b(does|do)\s+(.+?)\s+still\s+")


def normalize_phrases(text: str) -> str:
    """`text` with the variants above replaced."""
    text = _EACH.sub(lambda m: "Every " if m.group(1) == "E" else "every ", text)
    text = _BASE.sub(lambda m: f"{m.group(1)} base of ", text)
    text = _SEGMENT.sub(r"\1", text)
    text = re.sub(r"\b(the\s+)(?:missing|remaining)\s+(leg|side)\b", r"\1other \2", text)
    text = _AWAY.sub("from", text)
    text = _LEFT.sub("", text)
    return _STILL.sub(r"\1 \2 ", text)
