"""Pass `references`: pronouns become the noun phrases they stand for.

The ACE fragment refers back with definite noun phrases (`the ladder`), so `it`, `its base`,
`they` and `his` are replaced by the most recent subject that fits: a singular subject for
`it`, a coordination or plural subject for `they`, a proper name for `he`/`she`. Each choice
is recorded as a step; a pronoun with nothing to refer to is an issue, not a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.rewrite.lexicon import (
    BASE_SYNONYMS,
    CONJUNCTIONS,
    DETERMINERS,
    HUMAN_NOUNS,
    LEMMA_OF_3SG,
    LEMMA_OF_PAST,
    PREPOSITIONS,
    VERBS,
    is_plural_noun,
)
from agent.rewrite.units import unit_for

_QUESTION_AUXILIARIES = {"do", "does", "did", "will", "would", "can", "could", "should", "must"}
_VERB_FORMS = {*VERBS, *LEMMA_OF_3SG, *LEMMA_OF_PAST}
_FINITE = {*LEMMA_OF_3SG, *LEMMA_OF_PAST, "is", "are", "was", "were", "has", "have", "can", "will", "does", "do"}
_PRONOUN = re.compile(r"\b(it|its|they|them|their|he|him|his|she|her)\b", re.I)
# `it` with no referent: `How long does it take ...`, `it takes 3 hours to ...`
_DUMMY_IT = re.compile(r"\bit\s+(?:will\s+|would\s+)?(?:takes?|took)\b", re.I)


@dataclass(frozen=True)
class Referent:
    text: str  # `the ladder`, `John`, `John and Mary`
    plural: bool
    person: bool
    role: str = "subject"  # or "object": where the noun phrase stood in its sentence


class Unresolved(ValueError):
    """A pronoun with no antecedent; the message names the pronoun."""


def subject_of(sentence: str) -> Referent | None:
    """The subject noun phrase of a declarative sentence, as a definite referent."""
    words = sentence.rstrip("?.!").split()
    for i, word in enumerate(words):
        if word.lower() in _FINITE:
            head = words[:i]
            break
    else:
        return None
    if "," in " ".join(head):
        head = " ".join(head).rsplit(",", 1)[1].split()
    if not head or head[0].lower() in ("it", "they", "he", "she", "how", "what", "there"):
        return None
    if len(head) == 3 and head[1] == "and" and head[0][0].isupper() and head[2][0].isupper():
        return Referent(" ".join(head), plural=True, person=True)
    if len(head) == 3 and head[1].endswith("'s") and head[2] in _NOT_OBJECT_HEAD | _ATTRIBUTES:
        head = [head[0], head[1][:-2]]  # `A car's speed is ...`: what moves on is the car
    if "of" in head[1:-1] and head[0].lower() in ("the", "each", "a", "an", "one"):
        head = head[len(head) - 1 - head[::-1].index("of") + 1 :]  # `the base of the ladder` -> `the ladder`
    if head[0].lower() in DETERMINERS:
        noun = " ".join(head[1:])
        if " and " in noun or not noun:
            return Referent("they", plural=True, person=False) if " and " in noun else None
        return Referent(f"the {noun}", plural=is_plural_noun(noun.split()[-1]), person=False)
    if len(head) == 1 and head[0][0].isupper():
        return Referent(head[0], plural=False, person=True)
    if len(head) == 2 and head[0][0].isdigit():
        return Referent(f"the {head[1]}", plural=True, person=False)
    return None


def resolve_pronouns(sentences: list[str]) -> list[str]:
    """Each sentence with its pronouns replaced; raises Unresolved for an orphan pronoun."""
    history: list[Referent] = []
    out = []
    for sentence in sentences:
        resolved = _PRONOUN.sub(lambda m, s=sentence: _replace(m, [*history, *_salient(_earlier_in(s, m.start()))], s), sentence)
        out.append(resolved[:1].upper() + resolved[1:])
        # Later entries win: the subject is preferred, so it goes last.
        if re.search(r"\b\d+(?:\.\d+)?\s+(?:dollars|euros|cents)\b", resolved):
            history.append(Referent("the money", plural=False, person=False, role="object"))
        history.extend(reversed(objects_of(resolved)))
        subject = subject_of(resolved)
        if subject is not None and subject.text != "they":
            history.append(subject)
    return out


_OBJECT = re.compile(r"\b(?:a|an|the)\s+((?:[a-z]+\s)?[a-z]+)\b(?!\s+of\b)")
_AUXILIARIES = {"is", "are", "was", "were", "does", "do", "did", "will", "would", "can", "could", "if", "when", "that", "and", "so"}
_COUNTED = re.compile(r"\b\d+\s+([a-z]+s)\b(?!\s+(?:per|of)\b)")
_FUNCTION = PREPOSITIONS | CONJUNCTIONS | DETERMINERS | {"together", "alone", "apart"}
_ATTRIBUTES = {"price", "cost", "age", "weight", "mass", "area", "volume", "perimeter", "radius", "depth", "side", "base"}
_NOT_OBJECT_HEAD = {"speed", "length", "height", "width", "distance", "time", "rate", "total", "sum"}


def objects_of(sentence: str) -> list[Referent]:
    """Definite referents for the non-subject noun phrases (`a wall`, `the fence`)."""
    subject = subject_of(sentence)
    body = sentence
    if subject is not None:
        position = sentence.lower().find(subject.text.split()[-1].lower())
        body = sentence[position + len(subject.text.split()[-1]) :] if position >= 0 else sentence
    found = []
    for match in _COUNTED.finditer(body):
        if unit_for(match.group(1)) is None:  # `5 hours` is a measure, not things one can refer to
            found.append(Referent(f"the {match.group(1)}", plural=True, person=False, role="object"))
    for match in _OBJECT.finditer(body):
        noun = match.group(1)
        words = noun.split()
        if words[-1] in _NOT_OBJECT_HEAD or words[-1] in _FINITE or words[0] in _FINITE:
            continue
        if len(words) == 2 and (words[1] in _FINITE or words[1] in _FUNCTION):
            noun = words[0]
        if _before_number(body, match.start(1) + len(noun)):
            continue
        found.append(Referent(f"the {noun}", plural=is_plural_noun(noun.split()[-1]), person=False, role="object"))
    return found


def _before_number(text: str, end: int) -> bool:
    """`a steady 60 miles per hour`: an adjective before a measure, no thing to refer to."""
    return bool(re.match(r"\s+\d", text[end:]))


def _earlier_in(sentence: str, end: int) -> list[Referent]:
    """Noun phrases of `sentence` before offset `end`, in order: a pronoun may refer back
    within its own sentence (`if a pump fills it`, `What does a bike cost if its price ...`).
    A phrase right before a verb is that clause's subject, any other is an object."""
    found = []
    prefix = sentence[:end]
    for match in _COUNTED.finditer(prefix):  # `What do 22 tickets cost when 16 of them ...`
        if unit_for(match.group(1)) is None and is_plural_noun(match.group(1)):
            found.append(Referent(f"the {match.group(1)}", plural=True, person=False, role="object"))
    for match in _OBJECT.finditer(prefix):
        words = match.group(1).split()
        if len(words) == 2 and (words[1] in _VERB_FORMS or words[1] in _FINITE or words[1] in _FUNCTION):
            words = words[:1]  # `a theater sell`: the noun, then the verb
        if words[-1] in _NOT_OBJECT_HEAD or words[0] in _FINITE or words[0] in _FUNCTION:
            continue
        noun = " ".join(words)
        if _before_number(prefix, match.start(1) + len(noun)):
            continue
        after = prefix[match.start(1) + len(noun) :].split()
        verb = after and (after[0] in _FINITE or after[0] in _VERB_FORMS) and after[0] not in _QUESTION_AUXILIARIES
        before = prefix[: match.start()].split()
        governed = bool(before) and before[-1].lower() in PREPOSITIONS  # `from the wall is its base`
        role = "subject" if verb and not governed else "object"  # `up the wall does it reach`: no subject
        found.append(Referent(f"the {noun}", plural=is_plural_noun(words[-1]), person=False, role=role))
    return found


def _salient(referents: list[Referent]) -> list[Referent]:
    """Subjects after objects, so that a subject pronoun finds its clause-mate subject first
    (`What does a bike cost after a discount if its price ...`: `its` is the bike's)."""
    return [r for r in referents if r.role != "subject"] + [r for r in referents if r.role == "subject"]


def _replace(match: re.Match[str], history: list[Referent], sentence: str) -> str:
    word = match.group(0)
    lower = word.lower()
    if lower == "it" and _DUMMY_IT.match(sentence, match.start()):
        return word
    if lower == "her" and _followed_by_noun(sentence, match.end()):
        lower = "hers"  # possessive `her`
    before = re.search(r"\b([a-z]+)\s+$", sentence[: match.start()])
    in_object_position = (
        before is not None and before.group(1) not in _AUXILIARIES and lower in ("it", "them")
    )
    referent = _antecedent(lower, [r for r in history if r.role == "object"]) if in_object_position else None
    referent = referent or _antecedent(lower, history if in_object_position else _salient(history))
    if referent is None:
        raise Unresolved(f"{word!r} has no earlier noun phrase it can refer to")
    if lower in ("its", "their", "his", "hers"):
        return _possessive(referent, sentence, match)
    return referent.text


def _antecedent(pronoun: str, history: list[Referent]) -> Referent | None:
    for referent in reversed(history):
        if pronoun in ("it", "its") and not referent.plural and not referent.person:
            return referent
        if pronoun in ("they", "them", "their") and referent.plural:
            return referent
        human = referent.person or referent.text.split()[-1] in HUMAN_NOUNS  # `the cyclist ... she`
        if pronoun in ("he", "him", "his", "she", "her", "hers") and human and not referent.plural:
            return referent
    if pronoun in ("they", "them", "their"):
        people = [r.text for r in history if r.person and not r.plural]
        unique = list(dict.fromkeys(people))
        if len(unique) == 2:
            return Referent(" and ".join(unique), plural=True, person=True)
        things = list(dict.fromkeys(r.text for r in history if r.role == "subject" and not r.person and not r.plural))
        if len(things) == 2 and not unique:  # `A tap fills ...; a hose fills ... they`: the two doers
            return Referent(" and ".join(things), plural=True, person=False)
    return None


def _followed_by_noun(sentence: str, end: int) -> bool:
    rest = [w.strip(",.;:?!") for w in sentence[end:].split()]
    return bool(rest) and rest[0].isalpha() and rest[0].lower() not in _FINITE and rest[0].lower() not in _FUNCTION  # `take her to`


def _possessive(referent: Referent, sentence: str, match: re.Match[str]) -> str:
    """`its base` -> `the base of the ladder` is done by the caller's marker `<of>`."""
    return f"<{referent.text}>"


_BASES = dict.fromkeys(BASE_SYNONYMS, "base")  # `its foot` -> `the base of the ladder`, as `the foot of` is
_MARKED = re.compile(r"<([^>]+)>\s+((?:[a-z]+\s)*?[a-z]+)(?=\s+(?:is|are|was|from|of|on|to|in|at|and|stands|reaches|touches|measures|has)\b|[,.?!]|$)")


def expand_possessives(sentence: str) -> str:
    """`<the ladder> base is ...` -> `the base of the ladder is ...`; `41 of the toys` -> `41 toys`."""
    sentence = re.sub(r"(?<![/.\d])\b(\d+)\s+of\s+the\s+([a-z]+s)\b", r"\1 \2", sentence)
    result = _MARKED.sub(lambda m: f"the {_BASES.get(m.group(2), m.group(2))} of {m.group(1)}", sentence)
    if "<" in result:  # no noun found after the possessive: use ACE's `'s` form
        result = re.sub(r"<([^>]+)>\s+", r"\1's ", result)
    return result[:1].upper() + result[1:]


def bind_pronouns(text: str, earlier: str) -> str:
    """`text` with the pronouns that refer to noun phrases of `earlier` (or of `text` itself)
    replaced by them; other pronouns stay. A pass that moves a clause in front of the words
    its pronouns refer to (`What is X if a pump fills it ...?`) binds them first."""
    history = _salient(_earlier_in(earlier, len(earlier)))

    def replace(match: re.Match[str]) -> str:
        try:
            return _replace(match, [*history, *_salient(_earlier_in(text, match.start()))], text)
        except Unresolved:
            return match.group(0)

    bound = expand_possessives(_PRONOUN.sub(replace, text))
    return bound if text[:1].isupper() else bound[:1].lower() + bound[1:]
