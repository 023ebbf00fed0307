"""Pass `answer_form`: instructions about how to write the answer are not facts; drop them.

`Give the exact answer in terms of pi.`, `Leave pi in the answer.`, `the exact volume`:
ladder's answers are always exact, so these change nothing and are removed (recorded as a
step). An instruction that would change the answer (`Round to the nearest tenth.`) cannot
be honoured by an exact answer and is reported as an issue instead.
"""

from __future__ import annotations

import re

from agent.rewrite.draft import CannotRewrite, Sentence

_INSTRUCTION = re.compile(
    r"^(?:give|leave|express|write|state|keep)\b.*\b(?:answer|pi|exact|fraction|simplest form|exactly)\b.*[.!]$", re.I
)
_PHRASES = [
    re.compile(r",?\s*(?:and\s+)?leave\s+pi\s+in\s+the\s+answer", re.I),
    re.compile(r",?\s*(?:expressed\s+|given\s+)?in\s+terms\s+of\s+pi", re.I),
    re.compile(r",?\s*as\s+an?\s+(?:exact\s+)?(?:fraction|value|number)(?=[?.!])", re.I),
    re.compile(r"\b(?:the\s+)?exact(?:ly)?\s+(?=[a-z])", re.I),
]
# `round` as a verb of the answer (`round to`, `rounded off`, `round your answer`), not the
# shape (`a round table`, `round trip`).
_ROUNDING = re.compile(
    r"\b(?:round(?:ed|ing)?(?=\s+(?:it\s+|this\s+|that\s+|the\s+\w+\s+|your\s+\w+\s+)?(?:to|off|up|down)\b)|round(?=\s+(?:your|the)\s+answer)"
    r"|to the nearest|approximately|estimate|decimal places?|significant figures?)",
    re.I,
)


def drop_answer_form(sentence: Sentence) -> list[Sentence]:
    """Nothing for an answer-form instruction, the sentence without such phrases otherwise."""
    text = sentence.text
    rounding = _ROUNDING.search(text)
    if rounding:
        raise CannotRewrite("ladder answers exactly; a rounded or approximate answer cannot be asked for", rounding.group(0))
    if _INSTRUCTION.match(text):
        return []
    for phrase in _PHRASES:
        text = phrase.sub(lambda m: "the " if m.group(0).lower().startswith("the") else "", text)
    text = re.sub(r"\s+([?.!,])", r"\1", text)
    return [sentence.with_text(text)]
