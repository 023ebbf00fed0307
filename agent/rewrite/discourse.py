"""Pass `discourse`: the text as ACE discourse: question last, articles, capitals, marks.

ACE introduces a thing with `a` and refers back to it with `the`; the question is the last
sentence. After the other passes moved facts around, this pass puts the query last, turns a
first mention `the X` into `a X` and a repeated `a X` into `the X`, and makes each sentence
start with a capital and end with one terminal mark.
"""

from __future__ import annotations

import re

from agent.rewrite.draft import Draft

_NP = re.compile(r"\b([Aa]n?|[Tt]he)\s+((?:first|second|third|right|other)\s+)?([a-z]+)\b(?!\s+of\s+\d)")
_FUNCTION = {"of", "in", "on", "at", "to", "and", "from", "with", "by", "for", "is", "are", "has", "have", "that"}
_COUNTED = re.compile(r"\b\d+(?:\.\d+)?\s+([a-z]+)(?:\s+([a-z]+))?\b")
_POWERS = {"square", "cubic"}  # `49 square meters` counts meters; a square is another thing
_NOT_NOUN = {"of", "in", "on", "at", "to", "and", "speed", "length", "height", "width", "distance", "time",
             "radius", "diameter", "side", "base", "area", "volume", "perimeter", "price", "weight", "depth"}  # fmt: skip


def fix_discourse(draft: Draft) -> None:
    """Reorder and re-article the draft's sentences in place."""
    facts = _introduced_first([s for s in draft.sentences if not s.is_question])
    questions = [s for s in draft.sentences if s.is_question]
    ordered = facts + questions
    seen: set[str] = set()
    for pair in _COUNTED.findall(" ".join(s.text for s in ordered)):
        seen.update(word for word in pair if word and word not in _POWERS)  # `60 cookies` anywhere makes `the cookies` definite
    fixed = []
    said: set[str] = set()
    for sentence in ordered:
        question = sentence.is_question
        text = _NP.sub(lambda m, q=question: _article(m, seen, q), sentence.text)
        for pair in _COUNTED.findall(text):
            seen.update(word for word in pair if word and word not in _POWERS)
            if pair[0] in ("dollars", "dollar", "euros", "cents"):
                seen.add("money")  # an amount of dollars is the money the text refers back to
        text = text[:1].upper() + text[1:]
        if text[-1] not in ".?!":
            text += "."
        key = re.sub(r"^(?:A|An|The)\s", "", text)
        if key in said:
            continue  # the same fact twice (stated, then restated in the question)
        said.add(key)
        fixed.append(sentence.with_text(text))
    draft.sentences = fixed


_DEFINITE = re.compile(r"\bthe\s+([a-z]+)\b", re.I)
_INTRODUCED = re.compile(r"(?:\b(?:a|an)\s+|\b\d+(?:\.\d+)?\s+)([a-z]+)\b", re.I)


def _introduced_first(facts: list) -> list:
    """A fact that introduces a thing (`A jar has 25 cards.`) goes before a fact of the same
    English sentence that only refers to it (`Paul takes 80 percent of the cards.`): a definite
    noun phrase refers back, so what it refers to must come first. Other orders are kept."""
    ordered = list(facts)
    for j in range(1, len(ordered)):
        later = ordered[j]
        introduced = {m.group(1).lower() for m in _INTRODUCED.finditer(later.text)}
        for i in range(j):
            earlier = ordered[i]
            if (earlier.start, earlier.end) != (later.start, later.end):
                continue
            referred = {m.group(1).lower() for m in _DEFINITE.finditer(earlier.text)}
            own = {m.group(1).lower() for m in _INTRODUCED.finditer(earlier.text)}
            if (referred & introduced) - own - {"share", "rest", "money"}:
                ordered.insert(i, ordered.pop(j))
                break
    return ordered


def _article(m: re.Match[str], seen: set[str], question: bool) -> str:
    article, modifier, noun = m.group(1), m.group(2) or "", m.group(3)
    key = f"{modifier}{noun}"
    following = re.match(r"\s+([a-z]+)\b", m.string[m.end() :])
    if following and following.group(1) not in _NOT_NOUN and following.group(1) not in _FUNCTION:
        seen.add(following.group(1))  # `an arithmetic sequence` introduces `sequence` too
    if noun in _NOT_NOUN:
        return m.group(0)
    if m.string[m.end() :].lstrip().startswith("of "):
        seen.add(key)
        return m.group(0)
    capital = article[0].isupper()
    if key not in seen:
        seen.add(key)
        if article.lower() == "the" and not question:  # a question may ask about `the new price`
            return _cap(_indefinite(modifier or noun), capital) + f" {modifier}{noun}"
        return m.group(0)
    if article.lower() in ("a", "an"):
        return _cap("the", capital) + f" {modifier}{noun}"
    return m.group(0)


def _indefinite(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _cap(word: str, capital: bool) -> str:
    return word.capitalize() if capital else word


_HAS_FACT = re.compile(r"^(.+?) has (an? [a-z ]+? of .+)\.$")


def merge_measures(draft: Draft) -> None:
    """`A box has a length of 3 meters. The box has a width of 2 meters.` from one English
    sentence become `A box has a length of 3 meters and a width of 2 meters.` (pattern P9):
    what the user said in one sentence stays one sentence."""
    merged: list = []
    for sentence in draft.sentences:
        previous = merged[-1] if merged else None
        current = _HAS_FACT.match(sentence.text)
        last = _HAS_FACT.match(previous.text) if previous is not None else None
        if (
            previous is not None and current and last
            and (previous.start, previous.end) == (sentence.start, sentence.end)
            and _same_thing(last.group(1), current.group(1))
        ):
            merged[-1] = previous.with_text(f"{last.group(1)} has {last.group(2)} and {current.group(2)}.")
            continue
        merged.append(sentence)
    draft.sentences = merged


def _same_thing(first: str, second: str) -> bool:
    strip = re.compile(r"^(?:a|an|the)\s+", re.I)
    return strip.sub("", first).lower() == strip.sub("", second).lower()
