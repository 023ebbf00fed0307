"""Checking a rewrite with the ACE parser, and turning its errors into issues with spans.

The rewriter's output is only ACE if tasks.ace's parser accepts it; a rejection is mapped
back to the sentence of the user's input it came from, so the issue points at their words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from agent.rewrite.draft import Draft, Sentence
from agent.rewrite.lexicon import is_plural_noun
from agent.rewrite.units import unit_for


class ParserUnavailable(RuntimeError):
    """tasks.ace is not importable, so no rewrite can be validated."""


def load_parser():  # noqa: ANN201 - returns (parse_ace, AceError) from tasks.ace
    """Import the ACE parser lazily, so the passes work (and are tested) on their own."""
    try:
        from tasks.ace import AceError, parse_ace
    except ImportError as exc:  # pragma: no cover - only before tasks.ace exists
        raise ParserUnavailable(f"the ACE parser (tasks.ace) cannot be imported: {exc}") from exc
    return parse_ace, AceError


def parse_error(text: str) -> str | None:
    """None when `text` parses as ACE, else the parser's message."""
    parse_ace, ace_error = load_parser()
    try:
        parse_ace(text)
    except ace_error as exc:
        return str(exc)
    return None


def check_draft(draft: Draft) -> bool:
    """Parse the whole draft; on failure record an issue on the first sentence that fails."""
    error = parse_error(draft.text())
    if error is None:
        return True
    culprit = _first_failing(draft.sentences)
    if culprit is None:  # each sentence parses alone: the problem is between sentences
        whole = Sentence(text=draft.text(), start=0, end=len(draft.source))
        draft.issue(whole, f"the rewritten text is not ACE: {error}", "parse")
        return False
    sentence, message = culprit
    draft.issue(sentence, f"rewritten as {sentence.text!r}, which is not ACE: {message}", "parse")
    return False


def _first_failing(sentences: list[Sentence]) -> tuple[Sentence, str] | None:
    """The first sentence whose prefix of the text stops parsing, with the parser's message."""
    for i, sentence in enumerate(sentences):
        error = parse_error(" ".join(s.text for s in sentences[: i + 1]))
        if error is not None:
            return sentence, error
    return None


# A number as the passes write it: `12`, `2.5`, `3/8`, `-4`, `1,200`; not part of a word (`X1`).
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\w.])\d+(?:\.\d+)?(?:/\d+)?(?![\d])")
# `1 foot is 12 inches.`, `1 square yard is 9 square feet.`: a unit's conversion factor that a
# pass states on purpose; it is allowed when the factor is the one the unit table gives.
_CONVERSION_FACT = re.compile(r"\b1\s+(square\s+|cubic\s+)?([a-z]+)\s+is\s+(\d+(?:/\d+)?)\s+(square\s+|cubic\s+)?([a-z]+)\b")


@dataclass(frozen=True)
class NumberChange:
    """A value the rewrite lost (in the English, not in the ACE) or invented (the reverse)."""

    value: Fraction
    lost: bool
    text: str  # how the value was written where it was found
    unit_changed: bool = False  # the value is there, but measured in another unit

    def describe(self) -> str:
        if self.unit_changed:
            return f"the measure {self.text} of the text has another unit in the rewrite, so its meaning changed"
        if self.lost:
            return f"the number {self.text} of the text is missing from the rewrite, so its meaning changed"
        return f"the rewrite states the number {self.text}, which the text does not give"


@dataclass(frozen=True)
class Number:
    """One number written in a text, and whether a unit follows it (a measurement)."""

    value: Fraction
    text: str
    measure: bool  # `725 miles`, `34 miles per hour`, `20 dollars`, `15 percent`
    counts: bool  # followed by a plural noun that is no unit: `two shorter sides`, `3 apples`
    unit: str | None = None  # the measurement's unit as lemmas: `mile/hour`, `square foot`


def numbers_in(text: str) -> list[Number]:
    """The numbers written in `text`, in order, each with what follows it."""
    found = []
    for m in _NUMBER.finditer(text):
        after = re.match(r"\s+((?:square|cubic)\s+)?([a-z]+)(?:\s+([a-z]+))?", text[m.end() :])
        unit = after is not None and unit_for(after.group(2)) is not None
        counted = after is not None and not unit and (is_plural_noun(after.group(2)) or bool(after.group(3) and is_plural_noun(after.group(3))))
        found.append(Number(_value(m.group(0)), m.group(0), unit, counted, _unit_lemma(text[m.end() :]) if unit else None))
    return found


_UNIT_WORDS = re.compile(r"\s+((?:square|cubic)\s+)?([a-z]+)(?:\s+per\s+([a-z]+))?")


def _unit_lemma(after: str) -> str | None:
    """`feet per second ...` -> `foot/second`, `square meters` -> `square meter`."""
    m = _UNIT_WORDS.match(after)
    unit = unit_for(m.group(2)) if m else None
    if m is None or unit is None:
        return None
    lemma = f"{m.group(1) or ''}{unit.singular}"
    per = unit_for(m.group(3)) if m.group(3) else None
    return f"{lemma}/{per.singular}" if per is not None else lemma


def numbers_of(text: str) -> Counter[Fraction]:
    """The multiset of numeric values written in `text` (exact, so `2.50` and `5/2` are equal)."""
    return Counter(n.value for n in numbers_in(text))


def declared_numbers(ace: str) -> Counter[Fraction]:
    """Values the rewrite adds on purpose: the factors of stated unit conversions (`1 foot is 12
    inches.`), each checked against the unit table, and the `1` that states them."""
    from agent.rewrite.quantities import CONVERSIONS

    declared: Counter[Fraction] = Counter()
    for m in _CONVERSION_FACT.finditer(ace):
        big_power, big, factor, small_power, small = m.groups()
        power = {"square ": 2, "cubic ": 3}.get(big_power or small_power or "", 1)
        known = CONVERSIONS.get((_lemma(big), _lemma(small)))
        if known is None or (big_power or "") != (small_power or "") or _value(factor) != known**power:
            continue
        declared.update([Fraction(1), _value(factor)])
    return declared


def number_changes(english: str, ace: str, *, derived: bool = False) -> list[NumberChange]:
    """What the rewrite of `english` (digits for number words, units expanded) into `ace` lost
    or invented. Declared conversion factors may be added; a lost `1` may have become `a`, and
    a lost count of things (`two shorter sides`) may have become that many noun phrases.
    `derived`: the ACE is a concept's definition, whose other numbers are computed from the
    text (a ratio from listed terms, an equation's constants), so only measurements must be
    kept, as any number (`3 meters longer` may become `Y = X + 3`)."""
    given, stated = numbers_in(english), numbers_in(ace)
    lost = _values(given, derived) - _values(stated)
    invented = _values(stated, derived) - _values(given) - declared_numbers(ace)
    spelled = {n.value: n for n in given + stated}
    excused = {n.value for n in given if not n.measure and (n.value == 1 or (n.counts and n.value <= 4))}
    changes = [NumberChange(v, True, spelled[v].text) for v in sorted(lost.elements()) if v not in excused]
    changes += [NumberChange(v, False, spelled[v].text) for v in sorted(invented.elements())]
    return changes + _unit_changes(given, stated)


def _base(unit: str | None) -> str | None:
    """`mile/hour` -> `mile`: what is counted (the `per` part is often implied: `4 percent a year`)."""
    return unit.split("/")[0] if unit else None


def _unit_changes(given: list[Number], stated: list[Number]) -> list[NumberChange]:
    """A measurement kept with another unit (`40 km/h` became `40 miles per hour`)."""
    before = Counter((n.value, _base(n.unit)) for n in given if n.measure)
    after = Counter((n.value, _base(n.unit)) for n in stated if n.measure)
    values_after = {n.value for n in stated if n.measure}
    changed = [(v, u) for v, u in (before - after).elements() if v in values_after and (v, u) not in after]
    return [
        NumberChange(v, True, f"{next(n.text for n in given if n.value == v)} {u}", unit_changed=True)
        for v, u in changed
    ]


def _values(numbers: list[Number], measures_only: bool = False) -> Counter[Fraction]:
    return Counter(n.value for n in numbers if n.measure or not measures_only)


def _value(text: str) -> Fraction:
    return Fraction(text.replace(",", ""))


def _lemma(unit: str) -> str:
    found = unit_for(unit)
    return found.singular if found is not None else unit


def check_numbers(draft: Draft, reference: list[Sentence]) -> bool:
    """Record an issue for each number the draft lost or invented since `reference` (the
    sentences once number words and units became digits); True when every number was kept."""
    changes = number_changes(" ".join(s.text for s in reference), draft.text(), derived=draft.final)
    for change in changes:
        where = reference if change.lost else draft.sentences
        pattern = re.compile(rf"(?<![\w.]){re.escape(change.text)}(?![\d])")
        sentence = next((s for s in where if pattern.search(s.text)), None)
        if sentence is None or not change.lost:  # an invented number has no words of its own
            sentence = Sentence(text=draft.text(), start=0, end=len(draft.source)) if sentence is None else sentence
        draft.issue(sentence, change.describe(), "numbers", change.text)
    return not changes
