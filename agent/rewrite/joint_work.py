"""Two agents on one job at once: the work-rate concept, read part by part.

`How many hours do Leo and Ann need to paint a fence together, if Leo alone needs 10
hours and Ann alone needs 27 hours?`, `How long to fill a tank if a tap fills it in 23
days while a drain empties it in 28 days?`, `A pond is filled by a hose in 37 days and by a
tap in 10 days.` Parts:

- the job: a verb and its object (`paint a fence`, `fill the tank`), from any clause;
- each agent's time alone, in the forms `X VERBs the JOB in T UNITs`, `X VERBs it in T`,
  `X (alone) needs/takes T UNITs`, `the JOB is VERBed by X in T and by Y in U`, `and Y in U`;
- that they work at once (`together`, `both`, `at the same time`, `while`, `at once`).

Canonical ACE (the first agent named leads; with a filler and an emptier, the agent
whose verb the question asks for leads; a question in another time unit gets the stated
conversion, `1 hour is 60 minutes.`):

    Leo paints a fence in 10 hours. Ann paints the fence in 27 hours. Leo paints the fence
    with Ann. How many hours does Leo need?
    A tap fills a tank in 23 days. A drain empties the tank in 28 days. The tap fills the
    tank and the drain empties the tank. How many days does the tap need?
"""

from __future__ import annotations

import re

from agent.rewrite.lexicon import third_person, verb_lemma

_T = r"(\d+(?:\.\d+)?)"
_UNIT = r"(seconds?|minutes?|hours?|days?|weeks?)"
_AGENT = r"((?:[Aa]n?|[Tt]he) [a-z]+|[A-Z][a-z]+)"
_JOB = r"(?:a|an|the) (?:same |full |whole |empty )?([a-z]+)"
_ALONE = r"(?:alone |by (?:himself|herself|itself) )?"
_MODAL = r"(?:can |could |will |would )?"
_FORMS = (
    re.compile(rf"\b{_AGENT} {_ALONE}{_MODAL}([a-z]+) {_JOB} {_ALONE}in {_T} {_UNIT}"),
    re.compile(rf"\b{_AGENT} {_ALONE}{_MODAL}([a-z]+) it {_ALONE}in {_T} {_UNIT}"),
    re.compile(rf"\b{_AGENT} {_ALONE}(?:needs|takes|requires) {_T} {_UNIT}(?: to ([a-z]+) {_JOB})?"),
)
_PASSIVE = re.compile(rf"\b{_JOB} is ([a-z]+) by {_AGENT} in {_T} {_UNIT} and by {_AGENT} in {_T} {_UNIT}")
_ELLIPTIC = re.compile(rf"\band {_AGENT} (?:alone )?(?:in )?{_T} {_UNIT}")
_TO_JOB = re.compile(rf"\bto ([a-z]+) {_JOB}")
_JOINT = re.compile(r"\b(?:together|both|at the same time|at once|simultaneously|while)\b", re.I)
_NOT_AGENTS = {"How", "What", "If", "When", "Find", "It", "The time", "the time", "the job", "The job"}


def define_joint_work(text: str) -> str | None:
    """Canonical ACE for two agents doing one job at once, or None."""
    if not _JOINT.search(text):
        return None
    work = _times(text)
    if work is None or len(work) != 2:
        return None
    job = _job(text, work)
    if job is None:
        return None
    noun, units = job
    (a, verb_a, t_a), (b, verb_b, t_b) = work
    verb_a, verb_b = verb_a or _asked_verb(text), verb_b or verb_a or _asked_verb(text)
    if verb_a is None or verb_b is None:
        return None
    asked = _asked_verb(text)
    if verb_a != verb_b and asked == verb_b:
        (a, verb_a, t_a), (b, verb_b, t_b) = (b, verb_b, t_b), (a, verb_a, t_a)
    va, vb = third_person(verb_a), third_person(verb_b)
    first = f"{_indefinite(a)} {va} {_article(noun)} {noun} in {t_a} {units}. {_indefinite(b)} {vb} the {noun} in {t_b} {units}."
    if verb_a == verb_b:
        joint = f"{_definite(a)} {va} the {noun} with {_definite(b).lower() if _is_common(b) else b}."
    else:
        joint = f"{_definite(a)} {va} the {noun} and {_definite(b).lower() if _is_common(b) else b} {vb} the {noun}."
    asker = _definite(a).lower() if _is_common(a) else a
    asked_units = _asked_units(text) or units
    if asked_units == units:
        return f"{first} {joint} How many {units} does {asker} need?"
    factor = _conversion(units, asked_units)
    if factor is None:
        return None  # asked in a unit ladder cannot convert to: not silently in another one
    return f"{first} {joint} {factor} How many {asked_units} does {asker} need?"


_ASKED_UNITS = re.compile(rf"\b(?:in|how many)\s+{_UNIT}(?=[^.?!]*[?.!]?\s*$)", re.I)


def _asked_units(text: str) -> str | None:
    """The time unit the question asks in (`in minutes`, `How many minutes`), if it says one."""
    question = re.split(r"(?<=[.?!])\s+", text.strip())[-1]
    m = _ASKED_UNITS.search(question)
    return _plural_unit(m.group(1).lower()) if m else None


def _conversion(stated: str, asked: str) -> str | None:
    """`1 hour is 60 minutes.` for hours asked in minutes (either direction), or None."""
    from fractions import Fraction

    from agent.rewrite.quantities import CONVERSIONS

    big, small = stated[:-1], asked[:-1]
    for (b, s), factor in CONVERSIONS.items():
        if {b, s} == {big, small}:
            value = factor if factor.denominator == 1 else Fraction(factor)
            return f"1 {b} is {value} {s}s."
    return None


def _times(text: str) -> list[tuple[str, str | None, str]] | None:
    """[(agent, verb lemma or None, time)] in order of mention, one unit for all."""
    found: dict[str, tuple[int, str | None, str, str]] = {}
    for pattern in _FORMS:
        for m in pattern.finditer(text):
            agent = m.group(1)
            if agent in _NOT_AGENTS:
                continue
            groups = m.groups()
            if pattern is _FORMS[2]:
                verb, t, unit = groups[3], groups[1], groups[2]
            elif pattern is _FORMS[0]:
                verb, t, unit = groups[1], groups[3], groups[4]
            else:
                verb, t, unit = groups[1], groups[2], groups[3]
            lemma = verb_lemma(verb) if verb else None
            if verb and lemma is None:
                continue
            found.setdefault(_key(agent), (m.start(), lemma, t, unit))
    for m in _PASSIVE.finditer(text):
        lemma = _passive_lemma(m.group(2))
        for agent, t, unit, at in ((m.group(3), m.group(4), m.group(5), m.start(3)), (m.group(6), m.group(7), m.group(8), m.start(6))):
            found.setdefault(_key(agent), (at, lemma, t, unit))
    if len(found) == 1:
        for m in _ELLIPTIC.finditer(text):
            found.setdefault(_key(m.group(1)), (m.start(1), None, m.group(2), m.group(3)))
    units = {_plural_unit(u) for *_, u in found.values()}
    if len(units) != 1:
        return None
    ordered = sorted(found.items(), key=lambda item: item[1][0])
    return [(_surface(text, agent), lemma, t) for agent, (_, lemma, t, _) in ordered]


def _job(text: str, work: list[tuple[str, str | None, str]]) -> tuple[str, str] | None:
    """(object noun, time unit) of the one job."""
    nouns = {m.group(3) for m in _FORMS[0].finditer(text)} | {m.group(5) for m in _FORMS[2].finditer(text) if m.group(5)}
    nouns |= {m.group(2) for m in _TO_JOB.finditer(text) if verb_lemma(m.group(1))}
    nouns |= {m.group(1) for m in _PASSIVE.finditer(text)}
    units = {_plural_unit(m.group(1)) for m in re.finditer(rf"\b\d+(?:\.\d+)? {_UNIT}", text)}
    if len(nouns) != 1 or len(units) != 1:
        return None
    return nouns.pop(), units.pop()


def _asked_verb(text: str) -> str | None:
    """The verb of the job the question asks about (`to fill the bucket` -> `fill`)."""
    verbs = [verb_lemma(m.group(1)) for m in _TO_JOB.finditer(text)]
    verbs = [v for v in verbs if v]
    if verbs:
        return verbs[-1]
    full = re.search(r"\bis (?:the [a-z]+ )?(full|empty)\b", text)
    return {"full": "fill", "empty": "empty"}[full.group(1)] if full else None


def _passive_lemma(participle: str) -> str | None:
    for ending in ("ed", "d"):
        if participle.endswith(ending) and verb_lemma(participle[: -len(ending)]):
            return verb_lemma(participle[: -len(ending)])
    return None


def _key(agent: str) -> str:
    return re.sub(r"^(?:an?|the) ", "", agent, flags=re.I).lower()


def _surface(text: str, key: str) -> str:
    m = re.search(rf"\b((?:[Aa]n?|[Tt]he) {key}|{key.capitalize()})\b", text)
    return m.group(1) if m else key


def _is_common(agent: str) -> bool:
    return bool(re.match(r"(?:an?|the) ", agent, re.I))


def _indefinite(agent: str) -> str:
    return f"{_article(_key(agent)).capitalize()} {_key(agent)}" if _is_common(agent) else agent


def _definite(agent: str) -> str:
    return f"The {_key(agent)}" if _is_common(agent) else agent


def _article(noun: str) -> str:
    return "an" if noun[0] in "aeiou" else "a"


def _plural_unit(unit: str) -> str:
    return unit if unit.endswith("s") else f"{unit}s"
