"""Probability questions about the three standard random experiments, read part by part.

A stranger asks about coins, dice or a bag of coloured things in many words; the canonical
ACE needs only a few facts from each. This module reads them one at a time, each from the
ordinary English ways of saying it, and refuses (None) when a part is missing, ambiguous or
changes the experiment (`at least`, `with replacement`, `one red and one blue`):

- the person who acts: the one proper name that tosses, rolls, draws... (or owns the tosses:
  `Paul's 11 tosses`); when the text names nobody (`A marble is drawn at random`, `If you
  pick one marble`), `A person` acts: who acts does not change the probability;
- coins: how many tosses (`a coin 9 times`, `9 tosses of a fair coin`, `tosses 9 coins`) and
  the exact count of one face (`exactly 3 tails`, `3 of the flips are heads`, `no heads`);
- dice: how many (`two dice`, `a pair of dice`), their faces (`8-sided`, `with 8 faces each`,
  `numbered 1 to 8`; plain dice have 6) and the total asked (`the sum is 7`, `a total of 7`,
  `add up to 7`);
- draws: what the container holds (`a bag of 4 red and 5 blue marbles`, `A jar contains 4 red
  balls and 5 blue balls`), how many are taken out (`draws 2 marbles`, `takes out a marble`)
  and the colour asked (`both are red`, `the marble is red`, `of drawing 2 red marbles`).

Containers and the things in them take the canonical words (a bag, marbles): the probability
does not depend on them.

    Bob tosses 7 coins. What is the probability of 5 heads?
    Ann rolls 2 dice. Every die has 6 faces. What is the probability of a sum of 7?
    A bag has 4 red marbles and 5 blue marbles. Ann draws 2 marbles from the bag. What is
    the probability of 2 red marbles?
"""

from __future__ import annotations

import re

_N = r"(\d+)"
_ACTS = (
    r"(?:toss|flip|roll|throw|draw|pick|take|pull|select|choose|remove|grab|get)"
    r"(?:s|es|ed|ing)?|threw|thrown|drew|drawn|took|taken|chose|chosen|got|gets"
)
_ACTOR = re.compile(rf"\b([A-Z][a-z]+)(?:'s\b|\s+(?:{_ACTS})\b)")
_BY_ACTOR = re.compile(r"\b(?:tossed|flipped|rolled|thrown|drawn|picked|taken|pulled|chosen|selected)\b[^.?!]*?\bby ([A-Z][a-z]+)\b")
# A capitalised word inside a sentence, or joined to another by `and`, names someone too.
_NAMED = re.compile(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-z]+)\b|\b([A-Z][a-z]+)(?=\s+and\s+[A-Z][a-z]+\b)")
_NOT_PEOPLE = {"What", "How", "If", "When", "Find", "Give", "Calculate", "Compute", "Determine", "The", "A", "An", "Then", "Each", "Every"}
_ASKS = re.compile(r"\b(?:probability|chance|likely|likelihood)\b", re.I)
_CHANGED = re.compile(r"\b(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|or\s+more|or\s+fewer|or\s+less|with\s+replacement|replac(?:es|ing)\s+(?:it|each|the)|in\s+a\s+row|consecutive\w*|first|last|then|not|other\s+than|except|either|or)\b|n't\b", re.I)


def define_chance(text: str) -> str | None:
    """The canonical ACE of a probability question about coins, dice or draws, or None."""
    if not _ASKS.search(text) or _CHANGED.search(text):
        return None
    who = actor(text)
    if who is None:
        if _names_someone(text):
            return None  # the canonical form needs the person who acts, and it is ambiguous
        who = ANYONE
    return _coins(text, who) or _dice(text, who) or _draws(text, who)


ANYONE = "A person"  # the actor of an experiment nobody is named for


def _names_someone(text: str) -> bool:
    """Whether a proper name appears at all (then the actor must be found among the names)."""
    acting, named = _names(text)
    return bool((acting | named) - _NOT_NAMES)


_NOT_NAMES = {"I", "You", "We"}  # the reader or the writer, not a person in the story


def actor(text: str) -> str | None:
    """The one proper name that performs the experiment (`Maya rolls`, `Paul's tosses`, `is
    flipped 4 times by Sam`)."""
    acting, named = _names(text)
    return acting.pop() if len(acting) == 1 and named <= acting else None


def _names(text: str) -> tuple[set[str], set[str]]:
    """(the names that act or own the experiment, every name the text mentions)."""
    acting = {m.group(1) for m in _ACTOR.finditer(text)} | {m.group(1) for m in _BY_ACTOR.finditer(text)}
    named = {m.group(1) or m.group(2) for m in _NAMED.finditer(text)}
    return acting - _NOT_PEOPLE, named - _NOT_PEOPLE


# --- coins -------------------------------------------------------------------------------
_FAIR = r"(?:(?:fair|unbiased|ordinary|standard|regular)\s+)?"
_TOSSES = (
    re.compile(rf"\b(?:toss|flip|throw)\w*\s+(?:a|an|one|1|the)\s+{_FAIR}coin\s+{_N}\s+times\b", re.I),
    re.compile(rf"\b{_N}\s+(?:{_FAIR}coin\s+)?(?:tosses|flips|throws)\b", re.I),
    re.compile(rf"\b(?:toss|flip|throw)\w*\s+{_N}\s+{_FAIR}coins\b", re.I),
    re.compile(rf"\b{_FAIR}coin\s+is\s+(?:tossed|flipped|thrown)\s+{_N}\s+times\b", re.I),
)
_FACE = r"(heads?|tails?)\b"
_OUTCOMES = (
    re.compile(rf"\b(?:exactly\s+|precisely\s+)?(\d+|no)\s+{_FACE}", re.I),
    re.compile(rf"\b(?:exactly\s+|precisely\s+)?{_N}\s+of\s+[^.?!]*?\b(?:are|is|land|lands|come\s+up|comes\s+up|show|shows|turn\s+up|turns\s+up|being)\s+{_FACE}", re.I),
)


# `lands heads exactly twice` (the numbers pass wrote `2 times`); `all of them land heads`
_FACE_TIMES = re.compile(rf"\b{_FACE[:-2]}\s+(?:exactly\s+|precisely\s+)?{_N}\s+times\b", re.I)
_ALL_FACES = re.compile(rf"\ball\s+(?:of\s+them\s+|of\s+the\s+[a-z]+\s+|the\s+[a-z]+\s+|{_N}\s+)?(?:land\s+|come\s+up\s+|show\s+|are\s+|turn\s+up\s+)?{_FACE}", re.I)


def _coins(text: str, who: str) -> str | None:
    tosses = _only(_TOSSES, text)
    if tosses is None:
        return None
    outcomes = {tuple(g for g in m.groups() if g is not None) for p in _OUTCOMES for m in p.finditer(text)}
    outcomes |= {(m.group(2), m.group(1)) for m in _FACE_TIMES.finditer(text)}
    outcomes |= {(tosses[0], m.groups()[-1]) for m in _ALL_FACES.finditer(text)}
    if len(outcomes) != 1:
        return None
    count, face = outcomes.pop()
    count = "0" if count.lower() == "no" else count
    if int(count) > int(tosses[0]):
        return None
    face = face.lower().rstrip("s")
    face = face if count == "1" else f"{face}s"
    return f"{who} tosses {tosses[0]} coins. What is the probability of {count} {face}?"


# --- dice --------------------------------------------------------------------------------
_DICE = re.compile(rf"\b(?:{_N}|a\s+pair\s+of)\s+(?:(?:fair|standard|ordinary|regular|identical|\d+[\s-](?:sided|faced))\s+)*dice\b", re.I)
_ONE_DIE_TWICE = re.compile(rf"\b(?:a|one|1)\s+{_FAIR}die\s+(twice|{_N}\s+times)\b", re.I)
_FACES = (
    re.compile(rf"\b{_N}[\s-](?:sided|faced)\b", re.I),
    re.compile(rf"\bwith\s+{_N}\s+(?:faces|sides)\b", re.I),
    re.compile(rf"\b(?:has|have)\s+{_N}\s+(?:faces|sides)\b", re.I),
)
_NUMBERED = re.compile(rf"\s*,?\s*numbered\s+(?:from\s+)?1\s+(?:to|through)\s+{_N}\b", re.I)
_SUM = (
    re.compile(rf"\b(?:sum|total)\s+(?:is|of|equals|equal\s+to|will\s+be|comes\s+to|being)\s+{_N}\b", re.I),
    re.compile(rf"\b(?:add|adds|sum|sums|total|totals)\s+(?:up\s+)?to\s+{_N}\b", re.I),
    re.compile(rf"\b(?:sum|total)\s+of\s+(?:the\s+)?(?:\w+\s+){{1,4}}?(?:is|equals)\s+{_N}\b", re.I),
)


def _dice(text: str, who: str) -> str | None:
    if not re.search(r"\bdice\b|\bdie\b", text, re.I):
        return None
    dice = _DICE.search(text)
    twice = _ONE_DIE_TWICE.search(text)
    if dice is None and twice is None:
        return None
    if dice is not None:
        count = dice.group(1) or "2"
    else:
        count = "2" if twice.group(1).lower() == "twice" else twice.group(2)
    faces = {m.group(1) for pattern in _FACES for m in pattern.finditer(text)}
    numbered = {m.group(1) for m in _NUMBERED.finditer(text)}
    faces |= numbered
    if len(faces) > 1:
        return None
    face_count = faces.pop() if faces else "6"  # a die without a stated number of faces is the usual cube
    total = _only(_SUM, text)
    if total is None:
        return None
    return f"{who} rolls {count} dice. Every die has {face_count} faces. What is the probability of a sum of {total[0]}?"


# --- draws from a container --------------------------------------------------------------
_CONTAINER = r"(?:bag|box|jar|urn|basket|sack|bowl|drawer|hat|bucket|tin|can|pouch)"
_THINGS = r"(?:marbles?|balls?|beads?|chips?|counters?|tokens?|cubes?|socks?|candies|candy|sweets?|buttons?|pens?|pencils?|cards?|tickets?)"
_ITEM = rf"(\d+)\s+([a-z]+)(?:\s+{_THINGS})?"
_CONTENTS = re.compile(
    rf"\b{_CONTAINER}\s+(?:of|with|containing|holding|that\s+(?:holds|contains|has)|(?:holds|contains|has|with))\s+"
    rf"({_ITEM}(?:\s*,\s*(?:and\s+)?{_ITEM}|\s+and\s+{_ITEM})+)",
    re.I,
)
_DRAW = re.compile(
    rf"\b(?:draw|pick|take|pull|select|choose|remove|grab)(?:s|es|ed|ing)?(?:\s+out)?\s+(\d+|a|an|one)\s+(?:\w+\s+)?{_THINGS}"
    rf"|\b(?:drew|took|chose)(?:\s+out)?\s+(\d+|a|an|one)\s+(?:\w+\s+)?{_THINGS}"
    rf"|\b(\d+|a|an|one)\s+{_THINGS}\s+(?:is|are)\s+(?:drawn|picked|taken|pulled|selected|chosen|removed)\b",
    re.I,
)
_ASKED_COLOUR = (
    re.compile(r"\bboth(?:\s+of\s+them|\s+\w+)?\s+(?:are|being|is)\s+([a-z]+)\b", re.I),
    re.compile(rf"\b(?:the|that\s+the)\s+{_THINGS}\s+(?:is|are|being)\s+([a-z]+)\b", re.I),
    re.compile(r"\b(?:probability|chance|likely)\b[^.?!]*?\b(?:it|they)\s+(?:is|are)\s+([a-z]+)\b", re.I),
    re.compile(rf"\b(?:all|both)\s+(?:\d+\s+)?(?:of\s+them\s+|{_THINGS}\s+)?(?:are|being)\s+([a-z]+)\b", re.I),
    re.compile(rf"\b(?:(?:probability|chance)\s+of|drawing|getting|picking|taking|choosing|selecting)\s+(?:a|an|\d+|both)?\s*([a-z]+)\s+{_THINGS}", re.I),
)


def _draws(text: str, who: str) -> str | None:
    contents = _CONTENTS.search(text)
    draw = _DRAW.search(text)
    if contents is None or draw is None:
        return None
    items = [(n, colour.lower()) for n, colour in re.findall(r"(\d+)\s+([a-z]+)", contents.group(1))]
    colours = [c for _, c in items]
    if len(set(colours)) != len(colours) or any(c in ("and",) for c in colours):
        return None
    asked = {m.group(1).lower() for pattern in _ASKED_COLOUR for m in pattern.finditer(text)} & set(colours)
    if len(asked) != 1:
        return None  # no colour, or a mixed outcome (`one red and one blue`): another question
    colour = asked.pop()
    taken = next(g for g in draw.groups() if g)
    taken = "1" if taken.lower() in ("a", "an", "one") else taken
    if int(taken) > sum(int(n) for n, _ in items):
        return None
    held = " and ".join(f"{n} {c} {_marbles(n)}" for n, c in items)
    return (
        f"A bag has {held}. {who} draws {taken} {_marbles(taken)} from the bag. "
        f"What is the probability of {taken} {colour} {_marbles(taken)}?"
    )


def _marbles(count: str) -> str:
    return "marble" if count == "1" else "marbles"


def _only(patterns: tuple[re.Pattern[str], ...], text: str) -> tuple[str, ...] | None:
    """The groups of the one value these patterns find in `text` (None if none or several differ)."""
    found = {tuple(g for g in m.groups() if g is not None) for p in patterns for m in p.finditer(text)}
    return found.pop() if len(found) == 1 else None
