"""Pass `phrases`: word-level variants that mean the same thing, in the fragment's words.

`Each jar` -> `Every jar` (ACE's universal determiner), `the foot of the ladder` / `the
bottom of the ladder` -> `the base of the ladder`, `the length of the hypotenuse` -> `the
hypotenuse` (a segment's length is the segment's measure), `72 meters away from` -> `72
meters from`, `How many apples does John have left?` -> `... have?`.
"""

from __future__ import annotations

import re

from agent.rewrite.lexicon import BASE_SYNONYMS, SEGMENTS

_EACH = re.compile(r"\b([Ee])ach\s+(?!of\b|other\b)(?=[a-z])")
# `There are 14 toys in each of Mary's 14 bags.` -> `Mary has 14 bags; every bag has 14 toys.`
_EACH_OF = re.compile(r"^There (?:are|is) (\d+) ([a-z]+) in each of ([A-Z][a-z]+)'s (\d+) ([a-z]+)([.?!])$")
_BASE = re.compile(rf"\b([Tt]he)\s+(?:{'|'.join(BASE_SYNONYMS)})\s+of\s+(?=the\s|an?\s)")
_SEGMENT = re.compile(rf"\b(?:the\s+)?length\s+of\s+(the\s+(?:(?:other|missing|remaining|first|second)\s+)?(?:{'|'.join(SEGMENTS)}))\b")
_AWAY = re.compile(r"\baway\s+from\b")
_LEFT = re.compile(r"(?<!is)(?<!are)\s+(?:left|now|in all|altogether|in total|still|left over)(?=\?$)")
_STILL = re.compile(r"\b(does|do)\s+(.+?)\s+still\s+")


_ADVERBS = re.compile(r"\s+(?:also|already|still|just|now|today|in all|in total|altogether|away)\b(?!\s+(?:from|of)\b)")
# Verbs of the same meaning as the fragment's: a transfer is `give`, holding is `have`.
_SYNONYMS = {"falls": "decreases", "drops": "decreases", "rises": "increases", "grows": "increases",
             "hands": "gives", "hand": "give", "passes": "gives", "pass": "give",
             "holds": "has", "hold": "have", "contains": "has", "contain": "have"}  # fmt: skip
_SYNONYM = re.compile(rf"\b({'|'.join(_SYNONYMS)})\b(?=\s+(?:\d|a\b|an\b|the\b|by\b|[A-Z]))")
# `gives Mary 8 apples` -> `gives 8 apples to Mary` (ACE's object then `to`)
_DATIVE = re.compile(r"\b(gives|give|gave|sends|send|sent|pays|pay|paid|lends|lend|lent|sells|sell|sold)\s+([A-Z][a-z]+)\s+(\d+(?:\.\d+)?\s+(?:of\s+them|of\s+it|[a-z]+))")
# `X has 3 boxes with 20 stamps in every box` -> `X has 3 boxes. Every box has 20 stamps.`
_CONTAINERS = re.compile(
    r"^(.+?\b(?:has|have))\s+(\d+)\s+([a-z]+)\s+(?:with|of)\s+(\d+)\s+([a-z]+)\s+(?:in\s+every\s+[a-z]+|each|in\s+each\s+[a-z]+)([.?!])$"
)
# `Each of 5 jars contains 9 books.` -> `There are 5 jars; every jar has 9 books.`
_EACH_OF_N = re.compile(r"^Each of (\d+) ([a-z]+) (?:contains|has|holds) (\d+) ([a-z]+)([.?!])$")
_PAID = re.compile(r"\b(?:is|are|gets|get)\s+paid\s+(\d+(?:\.\d+)?\s+(?:dollars?|euros?|cents?))\s+(?:for\s+every|per|an|a|each)\s+(hour|day|week|month|year)(?:\s+of\s+work)?")


_STATE = re.compile(r"\b([Tt]he)\s+(?:same|full|empty|whole)\s+(?=[a-z])")
# `A tank is filled by a pipe in 5 hours and by a tap in 3 hours.` -> active sentences
_PASSIVE = re.compile(
    r"^(?:A|An|The)\s+([a-z]+)\s+(?:is|are|gets)\s+([a-z]+ed)\s+by\s+(an?|the)\s+([a-z]+)(\s+in\s+[^,.;]+?)?"
    r"(?:,?\s+and\s+by\s+(an?|the)\s+([a-z]+)(\s+in\s+[^,.;]+?)?)?([.!])$"
)


def _active(m: re.Match[str]) -> str:
    from agent.rewrite.lexicon import LEMMA_OF_PAST, third_person

    thing, participle, art1, agent1, pp1, art2, agent2, pp2, mark = m.groups()
    lemma = LEMMA_OF_PAST.get(participle)
    if lemma is None:
        return m.group(0)
    verb = third_person(lemma)
    first = f"{art1.capitalize()} {agent1} {verb} a {thing}{pp1 or ''}{mark}"
    if not agent2:
        return first
    return f"{first[:-1]}; {art2} {agent2} {verb} the {thing}{pp2 or ''}{mark}"


# `There are 260 toys, and they fill bags of 20 toys each.` -> `...; every bag has 20 toys.`
_FILL_EACH = re.compile(r",?\s+and\s+they\s+(?:fill|go\s+into|are\s+packed\s+into)\s+([a-z]+)\s+of\s+(\d+)\s+([a-z]+)\s+each")
# `How many bags are needed for 154 toys if every bag holds 11 toys?` -> `There are 154 toys. ...`
_NEEDED_FOR = re.compile(r"^How many ([a-z]+) are needed for (\d+) ([a-z]+),? if (every [a-z]+ (?:holds|has|takes|contains) \d+ [a-z]+)\?$")


_STANDS = re.compile(r"\b(?:stands|sits|lies|is\s+located|is\s+placed)\s+(\d+(?:\.\d+)?\s+[a-z]+\s+(?:away\s+)?from)\b")
# Right-triangle words: the longest side is the hypotenuse, the two shorter sides are the legs.
_LONGEST = re.compile(r"\b(?:longest|longer)\s+side\b")
_SHORTER = re.compile(r"\b(?:the\s+)?(?:two|2)\s+shorter\s+sides\b", re.I)
# `In a right triangle one leg is 4 feet long and the other leg is 3 feet long.`
_IN_FIGURE = re.compile(
    r"^In\s+(an?)\s+((?:right\s+)?[a-z]+),?\s+(?:one|a)\s+([a-z]+)\s+is\s+(\d+(?:\.\d+)?\s+[a-z]+)(?:\s+long)?"
    r"\s+and\s+(?:the\s+other|another|a\s+second)\s+\3\s+is\s+(\d+(?:\.\d+)?\s+[a-z]+)(?:\s+long)?\.$"
)
_PARTS_MEASURE = re.compile(r"^[Tt]he\s+(legs|sides)\s+of\s+(an?\s+(?:right\s+)?[a-z]+)\s+(?:measure|are)\s+(\d+(?:\.\d+)?\s+[a-z]+)\s+and\s+(\d+(?:\.\d+)?\s+[a-z]+)\.$")


# `Then Paul gives Alice 8 coins.`, `Now Bob has 54 toys.`, `After that, ...`: a discourse
# adverb that orders the story; ACE's facts are read in order anyway, so it goes.
_LEADING_ADVERB = re.compile(
    r"^(?:then|now|next|later|afterwards|afterward|after that|finally|so|meanwhile|in the end|at the end|eventually)\b,?\s+(?=[A-Za-z])",
    re.I,
)


# `20 pages a day`, `30 pages each minute`: a count per unit of time is a rate (`per day`).
_RATE = re.compile(r"\b(\d[\d./]*\s+[a-z]+)\s+(?:a|an|each|every)\s+(second|minute|hour|day|week|month|year)\b")


# `How much time does X need ...?` and `What is the time X needs to ...?` ask how long.
_HOW_MUCH_TIME = re.compile(r"^How much time\s+", re.I)
_WHAT_TIME = re.compile(r"^(?:What is|Find|Calculate) the time (?:that )?((?:the|a|an) [a-z]+|[A-Z][a-z]+) (?:needs|takes) to (.+?)[.?]$")


def _leading_adverb(text: str) -> str:
    """`Then Mary gives Rosa 4 marbles.` -> `Mary gives Rosa 4 marbles.` (not before a question
    word: `Then how many ...?` keeps its question, only the adverb goes)."""
    m = _LEADING_ADVERB.match(text)
    if m is None:
        return text
    rest = text[m.end() :]
    return rest[:1].upper() + rest[1:]


def normalize_phrases(text: str) -> str:
    """`text` with the variants above replaced."""
    text = _leading_adverb(text)
    text = _HOW_MUCH_TIME.sub("How long ", text)
    text = _WHAT_TIME.sub(lambda m: f"How long does {m.group(1)} need to {m.group(2)}?", text)
    text = _RATE.sub(r"\1 per \2", text)
    text = _STANDS.sub(r"is \1", text)
    text = _IN_FIGURE.sub(lambda m: f"{m.group(1).capitalize()} {m.group(2)} has a {m.group(3)} of {m.group(4)} and a {m.group(3)} of {m.group(5)}.", text)
    text = _LONGEST.sub("hypotenuse", text)  # only a triangle has a longest side asked for by name
    if re.search(r"\bright(?:-angled| angled)? triangle", text) or "hypotenuse" in text:
        text = _SHORTER.sub("the legs", text)
        parts = _PARTS_MEASURE.match(text)
        if parts:
            part = parts.group(1).rstrip("s")
            text = f"{parts.group(2)[:1].upper()}{parts.group(2)[1:]} has a {part} of {parts.group(3)} and a {part} of {parts.group(4)}."
    text = _FILL_EACH.sub(lambda m: f"; every {_singular(m.group(1))} has {m.group(2)} {m.group(3)}", text)
    text = _NEEDED_FOR.sub(lambda m: f"There are {m.group(2)} {m.group(3)}; {m.group(4)}; how many {m.group(1)} are there?", text)
    text = _PASSIVE.sub(_active, text)
    text = _STATE.sub(r"\1 ", text)
    text = _EACH_OF_N.sub(lambda m: f"There are {m.group(1)} {m.group(2)}; every {_singular(m.group(2))} has {m.group(3)} {m.group(4)}{m.group(5)}", text)
    text = _EACH_OF.sub(lambda m: f"{m.group(3)} has {m.group(4)} {m.group(5)}; every {_singular(m.group(5))} has {m.group(1)} {m.group(2)}{m.group(6)}", text)
    text = _PAID.sub(r"earns \1 per \2", text)
    text = _ADVERBS.sub("", text)
    text = _SYNONYM.sub(lambda m: _SYNONYMS[m.group(1)], text)
    text = _DATIVE.sub(r"\1 \3 to \2", text)
    text = _CONTAINERS.sub(lambda m: f"{m.group(1)} {m.group(2)} {m.group(3)}; every {_singular(m.group(3))} has {m.group(4)} {m.group(5)}{m.group(6)}", text)
    text = _EACH.sub(lambda m: "Every " if m.group(1) == "E" else "every ", text)
    text = _BASE.sub(lambda m: f"{m.group(1)} base of ", text)
    text = _SEGMENT.sub(r"\1", text)
    text = re.sub(r"\b(the\s+)(?:missing|remaining)\s+(leg|side)\b", r"\1other \2", text)
    text = _AWAY.sub("from", text)
    if not text.startswith("How much"):  # `How much money does Tom have left?` asks what he keeps
        text = _LEFT.sub("", text)
    return _STILL.sub(r"\1 \2 ", text)


def _singular(noun: str) -> str:
    from tasks.ace.lexicon import singularize

    return singularize(noun)
