"""`respectively`: a coordinated subject paired, in order, with a coordinated list of values.

`A car and a bus drive toward each other at 60 km/h and 40 km/h respectively.` says two
things, one per subject: `A car drives toward the bus at 60 km/h; a bus drives toward the car
at 40 km/h.` Every later pass reads who does what from a single clause, so the pairing is
undone first (within the sentence, joined by `;`, which the clauses pass splits). A sentence
whose lists do not pair up (three subjects, two values) is left as it is: the parser or a
later pass reports it, and no value is dropped or given to the wrong owner.
"""

from __future__ import annotations

import re

from agent.rewrite.lexicon import LEMMA_OF_3SG, PREPOSITIONS, VERBS, third_person

_NP = r"(?:(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?[a-z]+|[A-Z][a-z]+)"
_SUBJECTS = re.compile(rf"^({_NP})\s+and\s+({_NP})\s+(.+)$")
_RESPECTIVELY = re.compile(r",?\s+respectively\b,?")
_SINGULAR = {"are": "is", "were": "was", "have": "has"}
_STOP = PREPOSITIONS | {"and", "or", "are", "is", "were", "was", "have", "has", "each", "other"}


def distribute_respectively(text: str) -> str:
    """`text` with one clause per subject when it pairs two subjects with two values."""
    marker = _RESPECTIVELY.search(text)
    subjects = _SUBJECTS.match(text)
    if marker is None or subjects is None:
        return text
    first, second, predicate = subjects.groups()
    cut = marker.start() - subjects.start(3)
    *modifier, noun = second.split(" ")[1:] or [""]
    if modifier and _is_verb(noun):  # `a bus start ...`: the verb is no modifier's noun
        second, predicate, cut = second[: -len(noun) - 1], f"{noun} {predicate}", cut + len(noun) + 1
    pair = _pair(predicate[:cut])
    if pair is None:
        return text
    start, left, right = pair
    head, tail = predicate[:start], predicate[cut + (marker.end() - marker.start()) :]
    tail = tail.rstrip(".!")
    mark = text[-1] if text[-1] in ".!" else "."
    joint = ""
    shared = [m for m in re.finditer(r" and ([a-z]+) ", head) if _is_verb(m.group(1))]
    shared = [m for m in shared if len(head[: m.start()].split()) >= 2]  # not `fill and empty`
    if shared:  # `start 200 km apart and drive toward ...`: the first predicate is both's, once
        joint, head = head[: shared[-1].start()], head[shared[-1].start() + len(" and ") :]
    verbs = re.match(r"^([a-z]+) and ([a-z]+) ", head)  # `fill and empty a tank`: verbs pair too
    heads = [head, head]
    if verbs and _is_verb(verbs.group(1)) and _is_verb(verbs.group(2)):
        rest = head[verbs.end() :]
        heads = [f"{verbs.group(1)} {rest}", f"{verbs.group(2)} {rest}"]
    clauses = [
        _clause(first, second, heads[0] + left + tail),
        _clause(second, first, heads[1] + right + tail),
    ]
    if joint:
        clauses.insert(0, f"{first} and {second} {joint}")
    return "; ".join(clauses) + mark


def _pair(before: str) -> tuple[int, str, str] | None:
    """Where the paired values start in `before`, and the two values (`60 km/h`, `40 km/h`)."""
    split = before.rfind(" and ")
    if split < 0:
        return None
    right = before[split + len(" and ") :].strip()
    words = before[:split].split(" ")
    taken: list[str] = []
    while words and words[-1] and words[-1].lower() not in _STOP and not _is_verb(words[-1]):
        taken.insert(0, words.pop())
    if not taken or not right:
        return None
    left = " ".join(taken)
    if re.fullmatch(r"[\d./]+", left) and re.match(r"[\d./]+\s+\S", right):  # `5 and 7 years old`
        left += right[len(right.split()[0]) :]
    start = len(" ".join(words)) + (1 if words else 0)
    return start, left, right


def _clause(subject: str, other: str, predicate: str) -> str:
    """`subject` with the predicate in the singular; `each other` is the other subject."""
    other_np = re.sub(r"^(?:A|An|a|an)\s+", "the ", other)
    other_np = other_np[:1].lower() + other_np[1:] if other_np.split()[0] in ("The",) else other_np
    predicate = re.sub(r"\beach other\b", other_np, predicate)
    words = predicate.split(" ")
    for i, word in enumerate(words):
        if (i == 0 or words[i - 1] == "and") and word in _SINGULAR:
            words[i] = _SINGULAR[word]
        elif (i == 0 or words[i - 1] == "and") and word in VERBS and word not in LEMMA_OF_3SG:
            words[i] = third_person(word)
    return f"{subject} {' '.join(words)}".strip()


def _is_verb(word: str) -> bool:
    return word in VERBS or word in LEMMA_OF_3SG
