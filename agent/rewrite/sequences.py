"""Pass `sequences` (part of `concepts`): arithmetic and geometric sequences in ACE.

A sequence is given by its kind, first term and difference (or ratio); a question about the
N-th term or the sum of the first N terms speaks about a sequence of N terms:

    An arithmetic sequence has 45 terms. The sequence has a first term of -19 and a
    difference of 4. What is the last term of the sequence?

English gives the same facts as `starts with A`, `the first term is A`, `a common difference
of D`, `each term is D more (less) than the one before`, `each term is R times the one
before`, `progression`, or by listing terms (`the sequence 2, 4, 8, ...`).
"""

from __future__ import annotations

import re
from fractions import Fraction

from agent.rewrite.conservation import keeps_stated_numbers

_NUM = r"-?\d+(?:\.\d+)?(?:/\d+)?"
_KIND = re.compile(r"\b(arithmetic|geometric)\s+(?:sequence|progression|series)\b", re.I)
_FIRST = re.compile(
    rf"(?:starts\s+(?:with|at)|begins\s+(?:with|at)|first\s+term\s+(?:of\s+[a-z ]+?\s+)?is|first\s+term\s+(?:of|=|equal\s+to)?)\s*({_NUM})", re.I
)
_DIFFERENCE = re.compile(rf"(?:common\s+)?difference\s+(?:of\s+|is\s+|=\s*)?({_NUM})", re.I)
_RATIO = re.compile(rf"(?:common\s+)?ratio\s+(?:of\s+|is\s+|=\s*)?({_NUM})", re.I)
_MORE = re.compile(rf"each\s+term\s+is\s+({_NUM})\s+(more|less|greater|smaller)\s+than", re.I)
_TIMES = re.compile(rf"each\s+term\s+is\s+(?:the\s+previous\s+term\s+)?({_NUM})?\s*times\s+(?:the\s+one\s+before|the\s+previous(?:\s+term)?|a\s+fixed\s+number)", re.I)
_LIST = re.compile(rf"({_NUM}),\s*({_NUM}),\s*({_NUM})((?:,\s*{_NUM})*),?\s*(?:\.\.\.|…)")
_NTH = re.compile(r"\b(?:the\s+)?(\d+)(?:st|nd|rd|th)\s+term\b", re.I)
_SUM = re.compile(r"\b(?:sum\s+of|total\s+of|add(?:\s+up)?|adding(?:\s+up)?)\s+the\s+first\s+(\d+)\s+terms\b", re.I)


@keeps_stated_numbers
def define_sequence(text: str) -> str | None:
    """The canonical ACE of a sequence question, or None when `text` is not one."""
    listed = _LIST.search(text)
    kind = _KIND.search(text)
    sort = kind.group(1).lower() if kind else _kind_from_wording(text, listed)
    if sort is None or (listed is not None and _kind_of_listing(listed) != sort):
        return None  # the listed terms must follow the named kind
    first = _FIRST.search(text)
    first_value = first.group(1) if first else (listed.group(1) if listed else None)
    step = _step(text, sort, listed)
    nth, total = _NTH.search(text), _SUM.search(text)
    if first_value is None or step is None or (nth is None and total is None):
        return None
    count = (nth or total).group(1)
    noun = "difference" if sort == "arithmetic" else "ratio"
    asked = "the last term" if nth else "the sum of the terms"
    return (
        f"{'An' if sort == 'arithmetic' else 'A'} {sort} sequence has {count} terms. "
        f"The sequence has a first term of {first_value} and a {noun} of {step}. "
        f"What is {asked} of the sequence?"
    )


def _kind_from_wording(text: str, listed: re.Match[str] | None) -> str | None:
    if listed is not None:
        return _kind_of_listing(listed)
    if _MORE.search(text) or re.search(r"difference\s+between\s+(?:neighbouring|neighboring|consecutive)", text, re.I):
        return "arithmetic"
    if _TIMES.search(text):
        return "geometric"
    return None


def _terms(listed: re.Match[str]) -> list[Fraction]:
    return [Fraction(t) for t in re.findall(_NUM, listed.group(0))]


def _kind_of_listing(listed: re.Match[str]) -> str | None:
    """`3, 7, 11, ...` is arithmetic, `2, 4, 8, ...` geometric; a listing that is neither is no sequence of these."""
    terms = _terms(listed)
    steps = {b - a for a, b in zip(terms, terms[1:], strict=False)}
    if len(steps) == 1:
        return "arithmetic"
    if 0 not in terms and len({b / a for a, b in zip(terms, terms[1:], strict=False)}) == 1:
        return "geometric"
    return None


def _step(text: str, sort: str, listed: re.Match[str] | None) -> str | None:
    if sort == "arithmetic":
        m = _DIFFERENCE.search(text)
        if m:
            return m.group(1)
        more = _MORE.search(text)
        if more:
            return more.group(1) if more.group(2).lower() in ("more", "greater") else _negate(more.group(1))
        if listed:
            return _format(Fraction(listed.group(2)) - Fraction(listed.group(1)))
        return None
    m = _RATIO.search(text)
    if m:
        return m.group(1)
    times = _TIMES.search(text)
    if times and times.group(1):
        return times.group(1)
    if listed and Fraction(listed.group(1)) != 0:
        return _format(Fraction(listed.group(2)) / Fraction(listed.group(1)))
    return None


def _negate(value: str) -> str:
    return value[1:] if value.startswith("-") else f"-{value}"


def _format(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
