"""Pass `question_facts`: facts stated inside a question become sentences before it.

`How many miles does a car cover in 8 hours at a speed of 66 miles per hour?` states two
facts and asks one thing; ACE asks only in the query, so the facts move out:
`A car covers at a speed of 66 miles per hour in 8 hours. How many miles does the car cover?`
(the motion pass then gives each its canonical form). Likewise `How long does it take X to
VP?` -> `X VP. How many HOURS does X need?`, and `How many U do X need to VP?`.
"""

from __future__ import annotations

import re

from agent.rewrite.clauses import split_clauses
from agent.rewrite.draft import Sentence
from agent.rewrite.lexicon import ATTRIBUTE_OF_ADJECTIVE, third_person, verb_lemma
from agent.rewrite.motion import MOTION_VERBS
from agent.rewrite.units import plural_unit, time_unit, unit_for

_NUM = r"-?\d+(?:\.\d+)?(?:/\d+)?"
_AUX = r"(?:does|do|did|will|would|can|could)"
_QUANTITY_PP = re.compile(
    rf"\s+(?:in|for|at|after|within)\s+(?:an?\s+(?:speed|rate|steady|constant|trip|journey|distance)\s+(?:of\s+)?)?{_NUM}\s+[a-z]+(?:\s+per\s+[a-z]+)?"
)
_HOW_MANY = re.compile(rf"^(How many [a-z]+(?: [a-z]+)??|How far|What [a-z]+) {_AUX} (.+)\?$", re.I)
_IT_TAKE = re.compile(rf"^(?:how long|how many ([a-z]+)),?(?: in ([a-z]+),?)? (?:{_AUX}|will) it take(?: for)? (.+?) to (.+)\?$", re.I)
_NEED_TO = re.compile(rf"^how many ([a-z]+) (?:{_AUX}|must|should) (.+?) (need|take|work|wait|save|walk|drive|travel) to (.+)\?$", re.I)
_DURATION_FOR_MONEY = re.compile(rf"^How many (dollars|euros|cents) does (.+?) (earn|make|get)\s+(?:in|for)\s+({_NUM}\s+(?:hours?|days?|weeks?|months?|years?))\?$")


def extract_question_facts(sentence: Sentence, context: str) -> list[Sentence]:
    """Fact sentences found in a question, then the bare question; other sentences unchanged."""
    text = sentence.text
    if not text.endswith("?"):
        return [sentence]
    text = _how_long_as_count(text, context)
    for rule in (_it_takes, _need_to, _earn_in, _relative_fact, _measured_thing, _units_adjective, _reaching_on, _quantities):
        found = rule(text, context)
        if found is not None:
            return [sentence.with_text(t) for t in found]
    return [sentence.with_text(text)]


_HOW_LONG_DOES = re.compile(rf"^How long ({_AUX}) (?!it\b)(.+)\?$")


def _how_long_as_count(text: str, context: str) -> str:
    """`How long does a cyclist ride 45 km at 15 km/h?` -> `How many hours does ...?`: `how
    long` with an action asks a duration, counted in the problem's time unit (then the
    quantities inside move out as facts)."""
    m = _HOW_LONG_DOES.match(text)
    unit = time_unit(context) if m else None
    if m is None or unit is None or re.search(r"\b(?:is|are|measures?)\b", m.group(2)):
        return text
    return f"How many {unit} {m.group(1)} {m.group(2)}?"


def _it_takes(text: str, context: str) -> list[str] | None:
    """`How long does it take a car going S to cover D?` -> `A car ... covers D. How many hours does the car travel?`"""
    m = _IT_TAKE.match(text)
    if m is None:
        return None
    unit = m.group(1) or m.group(2) or time_unit(context)
    if unit is None:
        return None
    subject, predicate = m.group(3), m.group(4)
    return _fact_and_question(subject, predicate, unit)


def _need_to(text: str, context: str) -> list[str] | None:
    """`How many hours must Nina work to earn 90 dollars?` -> `Nina earns 90 dollars. How many hours does Nina work?`"""
    m = _NEED_TO.match(text)
    if m is None:
        return None
    unit, subject, verb, purpose = m.groups()
    if verb.lower() in ("need", "take"):
        return _fact_and_question(subject, purpose, unit)
    found = _fact_and_question(subject, purpose, unit)
    if found is None:
        return None
    plural = " and " in subject
    return [found[0], f"How many {plural_unit(unit)} {'do' if plural else 'does'} {subject} {verb.lower()}?"]


def _earn_in(text: str, context: str) -> list[str] | None:
    """`How many dollars does Rosa earn in 3 hours?` -> `Rosa works for 3 hours.` and the bare question."""
    from agent.rewrite.questions import rewrite_question

    try:
        question = rewrite_question(text, context) if text.lower().startswith("how much") else text
    except ValueError:
        return None
    m = _DURATION_FOR_MONEY.match(question)
    if m is None:
        return None
    currency, subject, verb, duration = m.groups()
    return [f"{subject} works for {duration}.", f"How many {currency} does {subject} {verb}?"]


# `a boat that covers 149 kilometers in 9 hours?`: an indefinite noun phrase whose relative
# clause runs to the end of the question states a fact about a new thing.
_RELATIVE = re.compile(r"\b(a|an|the)\s+((?:[a-z]+\s+)?[a-z]+)\s+(?:that|which)\s+(?!is\b|are\b)([a-z]+)\s+([^?]*\d[^?]*)\?$")
# `a rope of 6 meters`: a thing measured by an of-phrase; the unit says which attribute.
_MEASURED = re.compile(rf"\b(?:a|an)\s+([a-z]+)\s+of\s+({_NUM})\s+((?:square\s+|cubic\s+|sq\s+|cu\s+)?[a-z]+)\b")
# A trip is measured by its duration; `a trip of 90 miles` is a distance travelled (motion's).
_TRIPS = {"trip", "journey", "drive", "ride", "walk", "run", "flight", "voyage"}
_HOW_MANY_UNITS = re.compile(rf"^How many ((?:square |cubic )?[a-z]+) {_AUX} ")
_ATTRIBUTE_OF_DIMENSION = {"length": "length", "time": "duration", "weight": "mass", "volume": "volume"}
_MEASURE_NOUNS = {"length", "width", "height", "depth", "distance", "speed", "area", "volume", "duration", "mass",
                  "weight", "price", "cost", "total", "sum", "rate", "side", "radius", "diameter", "perimeter",
                  "circumference", "time", "trip", "journey", "drive", "ride", "walk", "run", "discount"}  # fmt: skip


def _relative_fact(text: str, context: str) -> list[str] | None:
    """`What is the speed of a boat that covers 149 kilometers in 9 hours?` -> `A boat covers
    149 kilometers in 9 hours. What is the speed of the boat?`: ACE asks only in the query, so
    what a relative clause of the question states about a new thing becomes a fact first."""
    m = _RELATIVE.search(text)
    if m is None or verb_lemma(m.group(3)) is None or m.group(2).split()[-1] in _MEASURE_NOUNS:
        return None
    determiner, noun, verb, rest = m.groups()
    hint = re.search(r",\s+in\s+[a-z/ ]+$", rest)  # `..., in km/h?` asks the question in a unit
    rest, hint_text = (rest[: hint.start()], hint.group(0)) if hint else (rest, "")
    article = "The" if determiner == "the" else "An" if noun[0] in "aeiou" else "A"
    fact = f"{article} {noun} {verb} {rest.strip()}."
    facts = [s.text for s in split_clauses(Sentence(fact, 0, len(fact)))]  # `leans ... and reaches ...`
    facts = [re.sub(r"^(?:It|They)\b", f"The {noun}", f) for f in facts]  # the elided subject is the thing
    return [*facts, f"{text[: m.start()]}the {noun}{hint_text}?"]


def _measured_thing(text: str, context: str) -> list[str] | None:
    """`How many centimeters does a rope of 6 meters measure?` -> `A rope has a length of 6
    meters. How many centimeters does the rope measure?`: `a N of QTY` names a thing by its
    measure, and the unit's dimension says which (length, area, volume, duration, mass)."""
    m = _MEASURED.search(text)
    if m is None:
        return None
    noun, value, unit_words = m.groups()
    unit_words = re.sub(r"^sq\s+", "square ", re.sub(r"^cu\s+", "cubic ", unit_words))
    attribute = _attribute_of(unit_words)
    if attribute is None or (noun in _MEASURE_NOUNS and not (noun in _TRIPS and attribute == "duration")):
        return None
    article = "An" if noun[0] in "aeiou" else "A"
    measure = "an" if attribute[0] in "aeiou" else "a"
    power = unit_words.split()[:-1]  # `square`, `cubic`
    unit = unit_for(unit_words.split()[-1])
    quantity = " ".join([*power, unit.plural]) if unit is not None and (power or value != "1") else f"{unit_words}"
    if unit is not None and not power and value == "1":
        quantity = unit.singular
    fact = f"{article} {noun} has {measure} {attribute} of {value} {quantity}."
    asked = _HOW_MANY_UNITS.match(text)
    if asked is not None and _attribute_of(asked.group(1)) == attribute:  # the measure in another unit
        return [fact, f"What is the {attribute} of the {noun} in {asked.group(1)}?"]
    return [fact, f"{text[: m.start()]}the {noun}{text[m.end() :]}"]


_UNITS_ADJECTIVE = re.compile(rf"^How many (?P<unit>(?:square |cubic )?[a-z]+) (?P<adjective>{'|'.join(ATTRIBUTE_OF_ADJECTIVE)}) (?:is|are) (?P<owner>.+?)\?$")
_ADJECTIVE_IN_UNITS = re.compile(rf"^How (?P<adjective>{'|'.join(ATTRIBUTE_OF_ADJECTIVE)}) (?:is|are) (?P<owner>(?:the|a|an) [a-z]+),? in (?P<unit>(?:square |cubic )?[a-z]+)\?$")


def _units_adjective(text: str, context: str) -> list[str] | None:
    """`How many centimeters long is the rope?` and `How long is the rope in centimeters?` ->
    `What is the length of the rope in centimeters?`: the measure asked in a unit, in the form
    that later passes convert (or drop, when it is the unit given)."""
    m = _UNITS_ADJECTIVE.match(text) or _ADJECTIVE_IN_UNITS.match(text)
    if m is None or unit_for(m.group("unit").split()[-1]) is None:
        return None
    return [f"What is the {ATTRIBUTE_OF_ADJECTIVE[m.group('adjective')]} of {m.group('owner')} in {m.group('unit')}?"]


_UPRIGHT = r"(?:wall|fence|building|house|tree|pole|post|tower|cliff|barn|shed)"
_REACHES_ON = re.compile(
    rf"^How (?:high|far up)(?: (?:on|up) ((?:the|a) {_UPRIGHT}))? (?:does|do|will|can) ((?:the|a|an) [a-z]+) reach(?: (?:on|up) ((?:the|a) {_UPRIGHT}))?\?$"
)


def _reaching_on(text: str, context: str) -> list[str] | None:
    """`How high on the wall does the ladder reach?` says that the ladder leans against the
    wall; when no sentence says so, that fact comes first (`The ladder leans against the wall.`)."""
    m = _REACHES_ON.match(text)
    support = m and (m.group(1) or m.group(3))
    if not support:
        return None
    thing = m.group(2).split()[-1]
    if re.search(rf"\b{thing}\b[^.?!]*\b(?:leans|rests|stands|is propped|leaning|resting|placed|put)\b", context):
        return None
    return [f"The {thing} leans against {support}.", text]


def _attribute_of(unit_words: str) -> str | None:
    """`square meters` -> area, `cubic feet` -> volume, `hours` -> duration, `ounces` -> mass."""
    words = unit_words.split()
    unit = unit_for(words[-1])
    if unit is None:
        return None
    if len(words) == 2:
        return {"square": "area", "cubic": "volume"}[words[0]] if unit.dimension == "length" else None
    return _ATTRIBUTE_OF_DIMENSION.get(unit.dimension)


def _fact_and_question(subject: str, predicate: str, unit: str) -> list[str] | None:
    words = predicate.split()
    lemma = verb_lemma(words[0]) if words else None
    if lemma is None:
        return None
    plural = " and " in subject or subject.lower() in ("they", "both")
    verb = lemma if plural else third_person(lemma)
    fact = f"{subject[:1].upper()}{subject[1:]} {verb} {' '.join(words[1:])}".rstrip() + "."
    ask = "travel" if lemma in MOTION_VERBS else "need"
    head = re.match(r"^(?:a|an|the)\s+((?:first|second|other)\s+)?([a-z]+)", subject, re.I)
    definite = f"the {head.group(1) or ''}{head.group(2)}" if head else subject
    auxiliary = "do" if plural else "does"
    return [fact, f"How many {plural_unit(unit)} {auxiliary} {definite} {ask}?"]


def _quantities(text: str, context: str) -> list[str] | None:
    """`How many miles does a car cover in 8 hours at ...?` -> the PPs as a fact, then the question."""
    m = _HOW_MANY.match(text)
    if m is None:
        return None
    clause = m.group(2)
    pps = [p.group(0) for p in _QUANTITY_PP.finditer(clause)]
    if not pps:
        return None
    words = clause.split()
    verb_at = next(
        (i for i in range(1, len(words)) if verb_lemma(words[i]) is not None and words[i - 1].lower() not in ("a", "an", "the")),
        None,
    )
    if verb_at is None:
        return None
    subject, lemma = " ".join(words[:verb_at]), verb_lemma(words[verb_at])
    bare = clause
    for pp in pps:
        bare = bare.replace(pp, "")
    plural = " and " in subject
    pps = [re.sub(r"^\s+for\s+an?\s+(?:trip|journey|distance)\s+of\s+", " ", pp) for pp in pps]
    if lemma in ("need", "take") and any(re.match(rf"^\s+{_NUM}\s+(?:miles?|kilometers?|meters?)", pp) for pp in pps):
        lemma = "travel"  # `needs ... for a journey of 90 miles`: the journey is travelled
    verb = words[verb_at]
    direct = re.search(rf"\b{re.escape(verb)}\s+({_NUM}\s+([a-z]+))", bare)
    asked = unit_for(m.group(1).split()[-1]) if m.group(1).lower().startswith("how many") else None
    measured = unit_for(direct.group(2)) if direct else None
    if direct and measured and asked and measured.dimension != asked.dimension:
        # `How many hours does a car travel 240 km at 60 km/h?`: the distance is given, not asked
        pps.insert(0, f" {direct.group(1)}")
        bare = bare[: direct.start(1)].rstrip() + bare[direct.end(1) :]
    fact = f"{subject[:1].upper()}{subject[1:]} {lemma if plural else third_person(lemma)}{''.join(pps)}."
    if lemma == "travel":
        bare = re.sub(r"\b(?:need|take)\b", "travel", bare)
    return [fact, f"{m.group(1)} {'do' if plural else 'does'} {bare}?"]
