"""Pass `motion`: movement, speed and duration in the canonical ACE shapes.

Word problems about movement say the same thing many ways: `at 60 miles per hour`,
`going 60 miles per hour`, `covers`, `goes`, `drives`, `In 3 hours a car goes ...`. The
canonical form has one verb (`travel`), the speed as a measurement NP in a fact of its own
(`The car travels at a speed of 60 miles per hour.`), a distance with its duration
(`travels 120 miles in 2 hours`), and a bare duration with `for` (`travels for 2 hours`).
"""

from __future__ import annotations

import re

from agent.rewrite.draft import Sentence
from agent.rewrite.lexicon import third_person, verb_lemma

MOTION_VERBS = {"travel", "go", "cover", "drive", "move", "walk", "run", "ride", "fly", "swim", "cycle", "sail", "jog"}
_LENGTH = r"(?:miles?|kilometers?|meters?|feet|foot|yards?|inch(?:es)?|centimeters?)"
_TIME = r"(?:hours?|minutes?|seconds?|days?)"
_NUM = r"-?\d+(?:\.\d+)?(?:/\d+)?"
_SPEED = rf"{_NUM} {_LENGTH} per (?:hour|minute|second|day)"
_BARE_SPEED = re.compile(rf"\b(at|going|moving|driving|traveling|travelling)\s+(?:a\s+(?:steady|constant)\s+)?({_SPEED})")
_KEEPS_SPEED = re.compile(rf"\bkeeps\s+a\s+(?:steady\s+|constant\s+)?({_SPEED})")
_ADJECTIVES = re.compile(r"\b(?:constant|steady|average|uniform)\s+(?=speed|rate|pace)")
_SPEED_PHRASE = re.compile(rf"\s+at a speed of {_SPEED}")
_DURATION_IN = re.compile(rf"\bin ({_NUM} {_TIME})\b")
_FRONTED = re.compile(rf"^((?:in|for|after)\s+{_NUM}\s+{_TIME}),?\s+(.+?)([.?!])$", re.I)


_MOVER = re.compile(rf"\b([Aa]n?|[Tt]he)\s+([a-z]+)\s+(?:that\s+travels\s+at|going|moving|driving|traveling|travelling)\s+(?:at\s+)?(?:a\s+speed\s+of\s+)?({_SPEED})")


_NEEDS_FOR_TRIP = re.compile(rf"^(.+?)\s+(?:needs|takes|spends)\s+({_NUM}\s{_TIME})\s+for\s+an?\s+(?:trip|journey|ride|drive|distance)\s+of\s+({_NUM}\s{_LENGTH})\.$")
# `makes a trip of 300 km in 5 hours`: a trip made is a distance travelled.
_MAKES_TRIP = re.compile(rf"\b(?:makes|takes|completes|does)\s+an?\s+(?:trip|journey|drive|ride|flight|voyage)\s+of\s+({_NUM} {_LENGTH})")
_SPEED_OF = re.compile(rf"^The\s+speed\s+of\s+(the\s+[a-z]+)\s+is\s+({_SPEED})\.$")
_OWN_SPEED = re.compile(rf"^((?:The|A|An)\s+[a-z]+)'s\s+(?:average\s+|constant\s+|steady\s+)?speed\s+is\s+({_SPEED})\.$")
# `Sam walks 3 miles per hour.`: a motion verb with a bare rate moves at that speed.
_VERB_RATE = re.compile(rf"\b((?:{'|'.join(sorted(MOTION_VERBS))})(?:s|es)?)\s+({_SPEED})")


def _idioms(text: str) -> str:
    """`X needs 3 hours for a trip of 90 miles.` -> `X travels 90 miles in 3 hours.`;
    `The speed of the boat is S.` -> `The boat travels at a speed of S.`"""
    text = _MAKES_TRIP.sub(r"travels \1", text)
    m = _NEEDS_FOR_TRIP.match(text)
    if m is not None:
        return f"{m.group(1)} travels {m.group(3)} in {m.group(2)}."
    m = _SPEED_OF.match(text)
    if m is not None:
        return f"{m.group(1)[:1].upper()}{m.group(1)[1:]} travels at a speed of {m.group(2)}."
    m = _OWN_SPEED.match(text)  # `A car's speed is 72 km/h.`
    if m is not None:
        return f"{m.group(1)} travels at a speed of {m.group(2)}."
    return _VERB_RATE.sub(lambda v: f"{v.group(1)} at a speed of {v.group(2)}" if verb_lemma(v.group(1)) in MOTION_VERBS else v.group(0), text)


def normalize_motion(sentence: Sentence) -> list[Sentence]:
    """The sentence with motion verbs, speeds and durations in canonical form (maybe split)."""
    movers: list[str] = []
    text = _MOVER.sub(lambda m: _mover(m, movers), _idioms(sentence.text))
    if movers:
        return [*(sentence.with_text(f) for f in movers), *normalize_motion(sentence.with_text(text))]
    fronted = _FRONTED.match(text)
    if fronted:
        text = f"{fronted.group(2)[:1].upper()}{fronted.group(2)[1:]} {fronted.group(1).lower()}{fronted.group(3)}"
    text = _KEEPS_SPEED.sub(r"travels at a speed of \1", text)
    text = _BARE_SPEED.sub(lambda m: f"{'at' if m.group(1) == 'at' else 'that travels at'} a speed of {m.group(2)}", text)
    text = _ADJECTIVES.sub("", text)
    text = re.sub(r"\btoward\b", "towards", text)
    if text.endswith("?"):
        return [sentence.with_text(motion_verb(text))]
    text = _motion_verb(text)
    if re.search(r"\btravels?\s+in\s", text) and not re.search(rf"\b{_NUM} {_LENGTH}\b", text):
        text = _DURATION_IN.sub(r"for \1", text)
    return [sentence.with_text(t) for t in _split_speed(text)]


def _mover(m: re.Match[str], facts: list[str]) -> str:
    """`a cyclist going 20 miles per hour` -> fact `A cyclist travels at a speed of ...`, then `the cyclist`."""
    article, noun, speed = m.groups()
    facts.append(f"{article.capitalize()} {noun} travels at a speed of {speed}.")
    return f"{'The' if article[0].isupper() else 'the'} {noun}"


def motion_verb(text: str) -> str:
    """`How many miles does the car cover?` -> `... travel?` when the question measures a distance."""
    return re.sub(rf"^(How many {_LENGTH} (?:does|do) .+?) (?:{'|'.join(sorted(MOTION_VERBS))})\?$", r"\1 travel?", text)


def _motion_verb(text: str) -> str:
    """`A car covers 120 miles` -> `A car travels 120 miles` (a motion verb after the subject)."""
    words = text.split()
    for i, word in enumerate(words[1:], 1):
        if words[i - 1].lower() in ("a", "an", "the", "every", "each"):
            continue  # `a train`: the noun slot, even for nouns that are also verbs
        lemma = verb_lemma(word.strip(",.;"))
        if lemma is None:
            continue
        if lemma in MOTION_VERBS and lemma != "travel" and _is_motion(" ".join(words[i + 1 :])):
            words[i] = third_person("travel") if word.endswith("s") else "travel"
        break
    return " ".join(words)


def _is_motion(rest: str) -> bool:
    """A distance, a speed, a duration or a direction follows the verb."""
    return bool(re.match(rf"^(?:{_NUM} {_LENGTH}|at a speed|for {_NUM}|towards?|in {_NUM})", rest))


# `towards the boat`: where the mover heads; it stays in the sentence that gives the speed.
_DIRECTION = re.compile(r"towards\s+(?:a|an|the)\s+[a-z]+")


def _split_speed(text: str) -> list[str]:
    """`A car travels at a speed of S for 3 hours.` -> the speed fact, then the rest."""
    speed = _SPEED_PHRASE.search(text)
    if speed is None:
        return [text]
    rest = (text[: speed.start()] + text[speed.end() :]).rstrip(".").strip()
    subject_verb = text[: speed.start()]
    verb_match = re.search(r"\btravels?\b", subject_verb)
    if verb_match is None:
        return [text]
    subject = subject_verb[: verb_match.start()].strip()
    verb = verb_match.group(0)
    if rest == f"{subject} {verb}":
        return [text]
    if _DIRECTION.fullmatch(rest[len(subject) + len(verb) + 1 :].strip()):
        return [f"{rest}{speed.group(0)}."]  # one movement: its direction and its speed (P7's order)
    speed_fact = f"{subject} {verb}{speed.group(0)}."
    rest_fact = rest + "."
    if not re.search(rf"\b{_NUM} {_LENGTH}\b", rest):
        rest_fact = _DURATION_IN.sub(r"for \1", rest_fact)
    return [speed_fact, rest_fact]
