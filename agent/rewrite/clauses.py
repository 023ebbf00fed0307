"""Pass `clauses`: compound sentences become simple ones, one fact each.

ACE reads best (and the families write) one fact per sentence. This pass splits at `;`, at
`and` / `, and` / `, then` / `while` when a new clause starts (a verb with an elided subject, or a new
subject with its verb), at `so that`, and turns a question's condition (`... if S?`,
`If S, what ...?`) into a fact before the question.
"""

from __future__ import annotations

import re

from agent.rewrite.draft import Sentence
from agent.rewrite.lexicon import (
    DETERMINERS,
    LEMMA_OF_3SG,
    LEMMA_OF_GERUND,
    LEMMA_OF_PAST,
    PREPOSITIONS,
    VERBS,
    is_plural_noun,
    third_person,
    verb_lemma,
)
from agent.rewrite.references import bind_pronouns

_MODALS = {"can", "could", "will", "would", "may", "might", "must", "should", "does", "do", "did"}
_FINITE = {*LEMMA_OF_3SG, *LEMMA_OF_PAST, "is", "are", "was", "were", "has", "have"} | _MODALS
_CONDITION = re.compile(r"^(.*?),?\s+\b(if|when|given that|provided that|assuming that)\s+(.+?)([?.!])$", re.I)
_LEADING_CONDITION = re.compile(r"^(?:if|when|after|once|given that|suppose that|suppose|assume that|assuming that)\s+(.+?),\s*(.+)$", re.I)
# `Given that a box is 2 m long, 3 m wide and 1 m high, find its volume.`: the condition runs
# to the comma before the question, whatever commas it has itself.
_CONDITION_THEN_QUESTION = re.compile(
    r"^(?:if|when|after|once|given that|suppose that|suppose|assume that|assuming that)\s+(.+),\s*((?:what|how|which|who|find|calculate|compute|determine)\b.+)$",
    re.I,
)
_QUESTION_START = re.compile(r"^(what|how|which|who|when|where|find|calculate|compute|determine|in how)\b", re.I)
_SO_THAT = re.compile(r",?\s+so that\s+", re.I)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d+(?:\.\d+)?(?:/\d+)?|[^\sA-Za-z\d]")


_FRONTED = re.compile(r"^((?:in|for|after|within|at)\s+(?:a\s+(?:steady|constant)\s+)?\d[^,]*?\s+(?:hours?|minutes?|seconds?|days?|weeks?|years?|per\s+[a-z]+)),?\s+(.+?)([.?!])$", re.I)
_HAS_TO = re.compile(r"\b(has|have|needs|need|wants|want)\s+to\s+([a-z]+)\b")


def _finite(m: re.Match[str]) -> str:
    """`has to cover` -> `covers`, `have to pay` -> `pay` (the obligation adds nothing to the facts)."""
    lemma = verb_lemma(m.group(2))
    if lemma is None:
        return m.group(0)
    return third_person(lemma) if m.group(1).endswith("s") else lemma


def _unfront(text: str) -> str:
    """`In 3 hours a car goes 90 miles.` -> `A car goes 90 miles in 3 hours.` (the PP after the verb)."""
    m = _FRONTED.match(text)
    if m is None:
        return text
    phrase, rest, mark = m.groups()
    return f"{rest[:1].upper()}{rest[1:]} {phrase[:1].lower()}{phrase[1:]}{mark}"


def split_clauses(sentence: Sentence) -> list[Sentence]:
    """The simple sentences that `sentence` is made of (itself when it is simple)."""
    text = _HAS_TO.sub(_finite, _unfront(sentence.text))
    parts = [piece for part in _split_conditions(_absolute(text)) for piece in _split_who(part)]
    parts = [piece for part in parts for piece in _split_semicolons(part)]
    parts = [piece for part in parts for piece in _split_so_that(part)]
    parts = [piece for part in parts for piece in _split_coordination(part)]
    parts = [piece for part in parts for piece in _split_gapping(part)]
    parts = [piece for part in parts for piece in _split_participle(part)]
    return [sentence.with_text(part) for part in parts]


_PARTICIPLE = re.compile(r"^(.+?),\s+([a-z]+ing)\b(.*?)([.!])$")


def _split_participle(text: str) -> list[str]:
    """`A ladder leans against a wall, reaching 12 feet up.` -> `... It reaches 12 feet up.`:
    a participle clause after a comma says more about the subject (the pronoun is resolved
    by the references pass)."""
    m = _PARTICIPLE.match(text)
    lemma = LEMMA_OF_GERUND.get(m.group(2)) if m else None
    if m is None or lemma is None or _QUESTION_START.match(text) or not _has_finite_verb(m.group(1)):
        return [text]
    left, _, rest, mark = m.groups()
    head = _subject(left.split())
    plural = bool(head) and (" and " in " ".join(head) or head[-1].lower() == "they")
    subject = head[0] if len(head) == 1 and head[0][0].isupper() and head[0].lower() not in DETERMINERS else ("They" if plural else "It")
    return [_sentence(left, "."), _sentence(f"{subject} {lemma if plural else third_person(lemma)}{rest}", mark)]


# `... and the pump in 20 hours.` / `..., Bob in 7.`: a second subject with only a measure phrase
_GAP = re.compile(r"^(.+?)(?:,\s*and|\s+and|,)\s+((?:the|a|an)\s+[a-z]+|[A-Z][a-z]+)\s+(in|for|at|with)\s+(\d[\d./]*(?:\s+[a-z]+(?:\s+per\s+[a-z]+)?)?)([.!])$")


_MEASURED_PP = r"\d[\d./]*\s+[a-z]+\s+(?:in|for)\s+\d[\d./]*\s+[a-z]+"
# `A car travels 120 miles in 2 hours and then 180 miles in 3 hours.`: the subject and verb again
_GAP_AGAIN = re.compile(rf"^((?:The|A|An)\s+[a-z]+\s+[a-z]+|[A-Z][a-z]+\s+[a-z]+)\s+({_MEASURED_PP}),?\s+(?:and\s+then|and|then)\s+({_MEASURED_PP})([.!])$")


def _split_gapping(text: str) -> list[str]:
    """`The pipe fills the pool in 40 hours and the pump in 20 hours.` -> `... The pump fills the
    pool in 20 hours.`: in gapping, the second subject repeats the first clause's verb and
    object with its own measure (a bare number borrows the first one's unit)."""
    if _QUESTION_START.match(text):
        return [text]
    again = _GAP_AGAIN.match(text)
    if again is not None:  # `travels 120 miles in 2 hours and then 180 miles in 3 hours`
        subject_verb, mark = again.group(1), again.group(4)
        return [_sentence(f"{subject_verb} {again.group(2)}", "."), _sentence(f"{subject_verb} {again.group(3)}", mark)]
    m = _GAP.match(text)
    if m is None:
        return [text]
    left, subject, preposition, measure, mark = m.groups()
    words = left.split()
    head = _subject(words)
    if not head or _has_finite_verb(subject):
        return [text]
    predicate = " ".join(words[len(head) :])
    given = re.search(rf"\b{preposition}\s+(\d[\d./]*)(\s+[a-z]+(?:\s+per\s+[a-z]+)?)?", predicate)
    if given is None:
        return [text]
    if not re.search(r"[a-z]", measure) and given.group(2):  # `Bob in 7`: the unit of the first
        measure += given.group(2)
    second = predicate[: given.start()] + f"{preposition} {measure}" + predicate[given.end() :]
    second = re.sub(r"\balone\s+", "", second)
    verb = words[len(head)].lower()
    if verb in LEMMA_OF_3SG and not subject[0].isupper() and subject.split()[-1].endswith("s") and is_plural_noun(subject.split()[-1]):
        return [text]  # `the pumps`: agreement would change; not a gap this rule writes
    return [_sentence(left, "."), _sentence(f"{subject} {second}", mark)]


_WITH_ITS = re.compile(r"^(.+?),?\s+with\s+(its|his|her|their)\s+([a-z]+)\s+(\d[^,.;?!]*?)([.?!])$")


# `... to John, who already has 21.`: a non-restrictive relative clause about a named person
_WHO = re.compile(r"^(.+?\b([A-Z][a-z]+)),\s+who\s+(.+?)([.?!])$")


def _split_who(text: str) -> list[str]:
    """`Tom gives 19 pens to John, who has 21.` -> `John has 21. Tom gives 19 pens to John.`:
    the relative clause states what holds of the person when the main clause happens, so it
    comes first; a question keeps its place last."""
    m = _WHO.match(text)
    if m is None or m.group(2) in ("I",) or not _has_finite_verb(m.group(3)):
        return [text]
    main, name, clause, mark = m.groups()
    clause = re.sub(r"^(?:already|also|still|now)\s+", "", clause)
    fact = _sentence(f"{name} {clause}", ".")
    return [fact, _sentence(main, mark)]


def _absolute(text: str) -> str:
    """`A ladder leans on a wall with its base 5 feet from the wall.` -> `...; its base is 5 feet ...`."""
    m = _WITH_ITS.match(text)
    if m is None:
        return text
    head, possessive, noun, rest, mark = m.groups()
    return f"{head}; {possessive} {noun} is {rest}{mark}"


def _split_conditions(text: str) -> list[str]:
    """`What is X if S?` and `If S, what is X?` -> `S.` then the question."""
    mark = text[-1] if text[-1] in "?.!" else "."
    leading = _CONDITION_THEN_QUESTION.match(text) or _LEADING_CONDITION.match(text)
    if leading and (mark == "?" or _QUESTION_START.match(leading.group(2))):
        return [_sentence(leading.group(1), "."), _sentence(leading.group(2).rstrip("?.!"), mark)]
    trailing = _CONDITION.match(text)
    if trailing and mark == "?" and _has_finite_verb(trailing.group(3)):
        condition = bind_pronouns(trailing.group(3), trailing.group(1))  # it moves before its antecedents
        return [_sentence(condition, "."), _sentence(trailing.group(1), mark)]
    return [text]


def _split_semicolons(text: str) -> list[str]:
    pieces = [p.strip() for p in text.split(";") if p.strip()]
    if len(pieces) == 1:
        return [text]
    mark = text[-1] if text[-1] in "?.!" else "."
    return [_sentence(p.rstrip("?.!"), mark if i == len(pieces) - 1 else ".") for i, p in enumerate(pieces)]


def _split_so_that(text: str) -> list[str]:
    pieces = _SO_THAT.split(text, maxsplit=1)
    if len(pieces) == 1:
        return [text]
    return [_sentence(pieces[0], "."), _sentence(pieces[1].rstrip("?.!"), text[-1] if text[-1] in "?.!" else ".")]


def _split_coordination(text: str) -> list[str]:
    """Split at `and`/`, then` where a second clause starts; recurse on the rest. `while` and
    `whereas` between two clauses coordinate them too (`a pump fills it while a leak empties
    it`: both hold at once, which is what a sequence of ACE facts says)."""
    if _QUESTION_START.match(text) or text.lower().startswith("if "):
        return [text]
    tokens = [m for m in _WORD.finditer(text)]
    words = [m.group(0) for m in tokens]
    for i, word in enumerate(words):
        if word.lower() not in ("and", "then", "while", "whereas") or i == 0:
            continue
        cut = i - 1 if words[i - 1] == "," else i
        left, right = words[:cut], words[i + 1 :]
        if right and right[0].lower() == "then":
            right = right[1:]
        if not _has_finite_verb(" ".join(left)):
            continue
        kind = _clause_kind(right)
        if kind is None:
            continue
        mark = text[-1] if text[-1] in "?.!" else "."
        head = _sentence(text[: tokens[cut].start()].rstrip(" ,"), ".")
        rest_text = text[tokens[i + 1].start() :] if kind == "clause" else _elided_subject(left, right) + text[tokens[i + 1].start() :]
        rest_text = re.sub(r"^then\s+", "", rest_text, flags=re.I)
        return [head, *_split_coordination(_sentence(rest_text.rstrip("?.!"), mark))]
    return [text]


def _clause_kind(right: list[str]) -> str | None:
    """`clause` when `right` has its own subject and verb, `predicate` when it starts with a verb."""
    if not right:
        return None
    first = right[0].lower()
    if first in _FINITE and first not in ("do", "does", "did") and (first in LEMMA_OF_3SG or first in _MODALS or first in LEMMA_OF_PAST or first in ("is", "are", "has", "have", "was", "were")):
        return "predicate"
    if first in DETERMINERS or right[0][0].isupper() or first in ("it", "he", "she", "they", "its", "his", "her", "their"):
        for word in right[1:6]:
            lower = word.lower()
            if lower in _FINITE:
                return "clause"
            if lower in PREPOSITIONS or lower in ("and", ",") or word[0].isdigit():
                return None
    return None


def _elided_subject(left: list[str], right: list[str]) -> str:
    """The pronoun that stands for the left clause's subject (`they` for a plural verb)."""
    first = right[0].lower()
    plural = first in ("are", "were", "have") or (first in VERBS and first not in LEMMA_OF_3SG)
    subject = _subject(left)
    if subject and subject[0][0].isupper() and subject[0].lower() not in DETERMINERS and len(subject) == 1:
        return subject[0] + " "  # a proper name repeats as itself
    return "They " if plural else "It "


def _subject(words: list[str]) -> list[str]:
    for i, word in enumerate(words):
        if word.lower() in _FINITE:
            return words[:i]
    return []


def _has_finite_verb(text: str) -> bool:
    return any(w.lower() in _FINITE for w in _WORD.findall(text))


def _sentence(text: str, mark: str) -> str:
    text = text.strip().rstrip(",")
    return text[:1].upper() + text[1:] + mark
