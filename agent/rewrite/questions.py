"""Pass `questions`: English question forms become ACE's query forms (Q1, Q2, Q3).

`How far is X from Y?` -> `What is the distance of X from Y?`; `How ADJ is X?` and
`How ADJ does X VERB on Y?` -> `What is the ATTR of X [on Y]?`; `Find/Calculate/Compute X.`
-> `What is X?`; `How many N will X VERB?` -> `How many N does X VERB?`; `How far does X
travel?` -> `How many UNITS does X travel?` with the length unit the problem uses. A
question no rule covers is an issue naming its first words.
"""

from __future__ import annotations

import re

from agent.rewrite.draft import CannotRewrite
from agent.rewrite.lexicon import (
    ATTRIBUTE_OF_ADJECTIVE,
    SEGMENTS,
    is_plural_noun,
    third_person,
    verb_lemma,
)
from agent.rewrite.units import SPEEDS, UNITS, time_unit, unit_for

_ADJ = "|".join(ATTRIBUTE_OF_ADJECTIVE)
_IMPERATIVE = re.compile(r"^(?:find|calculate|compute|determine|work out|give|state|evaluate|what is)\s+(.+?)[.?!]$", re.I)
_SUCH_THAT = re.compile(r"\bsuch that\b", re.I)
_HOW_ADJ_IS = re.compile(rf"^how\s+({_ADJ})\s+(?:is|are|was)\s+(.+?)(\s+(?:from|above|below|on|up)\s+.+)?\?$", re.I)
_HOW_ADJ_PP_IS = re.compile(rf"^how\s+({_ADJ})\s+((?:from|above|below|on|up)\s+.+?)\s+(?:is|are)\s+(.+?)\?$", re.I)
_AUX = r"(?:does|do|did|will|would|can|could)"
_HOW_ADJ_DOES = re.compile(rf"^how\s+({_ADJ})(?:\s+(?:up|on|along))?(?:\s+(the\s+[a-z]+))?\s+{_AUX}\s+(.+)\?$", re.I)
_HOW_MANY = re.compile(rf"^(how many\s+[a-z]+(?:\s+[a-z]+)??)\s+{_AUX}\s+(.+)\?$", re.I)
_WHAT_NOUN_DOES = re.compile(rf"^what\s+([a-z]+)\s+{_AUX}\s+(.+)\?$", re.I)
_HOW_FAR_DOES = re.compile(rf"^how far\s+{_AUX}\s+(.+)\?$", re.I)
_MOTION = {"travel", "go", "cover", "drive", "move", "walk", "run", "ride", "fly", "swim", "cycle"}


def rewrite_question(text: str, context: str) -> str:
    """The ACE query for question `text` (declaratives pass unchanged)."""
    if not _is_question(text):
        return text
    text = re.sub(r"\s*\(\s*(in\s+[^)]+?)\s*\)", r", \1", text)  # `(in km/h)` is a unit hint too
    text = _drop_unit_hint(text, context)
    text = _trip(text, context)
    text = _GOING.sub(r"\1?", text)
    text = _BETWEEN.sub(r"the distance of \1 from \2", text)
    text = re.sub(r"^How far up\b", "How high up", text)  # a distance upwards is a height
    text = re.sub(r"\bthe (?:side|edge) length of\b", "the side of", text)  # the attribute's one name
    text = _question_variants(text, context)
    text = _solutions(text)
    if _SUCH_THAT.search(text):
        return re.sub(r"^(?:find|compute|determine|what is)\b", "Calculate", text, flags=re.I).rstrip("?.") + "."
    for rule in (_distance_covered, _how_many_is_that, _attribute_reached, _money_left, _what_cost, _already_query, _total, _number_of, _remain, _how_much, _capacity, _what_is, _how_far_travel, _how_adj_is, _how_adj_pp_is, _how_adj_does, _how_many, _what_noun_does):
        rewritten = rule(text, context)
        if rewritten is not None:
            return attach_owner(rewritten, context)
    raise CannotRewrite("no rule turns this question into an ACE query (What is ...? / How many ... ?)", " ".join(text.split()[:3]))


_THERE = re.compile(r"^How many [a-z]+(?: [a-z]+)? (?:are|is) (?:there|in|on)\b.*\?$", re.I)
_TOTAL = re.compile(r"^(?:what is|find|calculate) the total (?:number of |amount of )?([a-z]+)[.?]$", re.I)
_NUMBER_OF_ALL = re.compile(r"^(?i:find|count|what is) the (?:total )?number of ([a-z]+)[.?]$")
_NUMBER_OF = re.compile(r"^(?i:what is|find|calculate|count) the number of ([a-z]+) (?:that )?([A-Z][a-z]+|the [a-z]+) ([a-z]+)(.*?)[.?]$")
_REMAIN = re.compile(r"^How many ([a-z]+) (?:remain|are left|is left)(?: with ([A-Z][a-z]+))?\?$", re.I)
_GIVER = re.compile(r"\b([A-Z][a-z]+|[Tt]he [a-z]+) gives\b")
_HOW_MUCH = re.compile(rf"^how much (?:money )?{_AUX} (.+)\?$", re.I)
_MONEY = ("dollar", "euro", "cent", "pound")


_WHAT_COST = re.compile(r"^What (?:do|does) (\d+ [a-z]+) cost\?$")
_MONEY_LEFT = re.compile(r"^How much (?:money )?(?:is left|does .+? have left|remains)\?$", re.I)
_SPENDER = re.compile(r"\b([A-Z][a-z]+) (?:spends|pays|gives)\b")


_REACHED = re.compile(r"^(?:Find|Calculate|Determine|What is) the ([a-z]+) (?:that )?(the [a-z]+) (?:reaches|covers|travels|has) ((?:on|from|up) the [a-z]+)[.?]$")


_IS_THAT = re.compile(r"^How many ([a-z]+) (?:is|are) (?:that|those|this)\?$")
_LAST_ACTION = re.compile(r"\b([A-Z][a-z]+) (takes|gets|eats|uses|sells|gives|buys)\b")


def _how_many_is_that(text: str, context: str) -> str | None:
    """`How many coins is that?` asks how many the last actor took."""
    m = _IS_THAT.match(text)
    actions = _LAST_ACTION.findall(context)
    if m is None or not actions:
        return None
    who, verb = actions[-1]
    return f"How many {m.group(1)} does {who} {verb_lemma(verb)}?"


def _attribute_reached(text: str, context: str) -> str | None:
    """`Find the height the ladder reaches on the wall.` -> `What is the height of the ladder on the wall?`"""
    m = _REACHED.match(text)
    return f"What is the {m.group(1)} of {m.group(2)} {m.group(3).replace('up the', 'on the')}?" if m else None


def _what_cost(text: str, context: str) -> str | None:
    m = _WHAT_COST.match(text)
    return f"How many dollars do {m.group(1)} cost?" if m else None


def _money_left(text: str, context: str) -> str | None:
    """`How much is left?` after `Bob spends ...` asks how many dollars Bob keeps."""
    m = _MONEY_LEFT.match(text)
    spenders = _SPENDER.findall(context)
    if m is None or not spenders or "dollar" not in context:
        return None
    return f"How many dollars does {spenders[-1]} keep?"


def _already_query(text: str, context: str) -> str | None:
    """`How many bags are there?` is already an ACE query."""
    return text if _THERE.match(text) else None


def _total(text: str, context: str) -> str | None:
    m = _TOTAL.match(text)
    return f"How many {m.group(1)} are there?" if m else None


def _number_of(text: str, context: str) -> str | None:
    """`Find the number of stickers Bob has.` -> `How many stickers does Bob have?`"""
    everything = _NUMBER_OF_ALL.match(text)
    if everything is not None:
        return f"How many {everything.group(1)} are there?"
    m = _NUMBER_OF.match(text)
    if m is None:
        return None
    noun, subject, verb, rest = m.groups()
    lemma = verb_lemma(verb)
    if lemma is None:
        return None
    return f"How many {noun} does {subject} {lemma}{rest}?"


def _remain(text: str, context: str) -> str | None:
    """`How many toys remain?` after `Mary gives ...` asks what the giver has."""
    m = _REMAIN.match(text)
    if m is None:
        return None
    if m.group(1) in ("dollars", "euros") and _SPENDER.findall(context):
        return f"How many {m.group(1)} does {_SPENDER.findall(context)[-1]} keep?"
    owner = m.group(2) or (_GIVER.findall(context) or [None])[-1]
    return f"How many {m.group(1)} does {owner} have?" if owner else None


def _how_much(text: str, context: str) -> str | None:
    """`How much does Rosa earn?` -> `How many dollars does Rosa earn?` (the problem's currency)."""
    m = _HOW_MUCH.match(text)
    if m is None:
        return None
    clause = _subject_verb_rest(m.group(1))
    currency = next((u for u in _MONEY if re.search(rf"\b{u}s?\b", context)), None)
    if clause is None or currency is None:
        return None
    subject, lemma, rest = clause
    if lemma == "cost" and subject.split()[0][0].isdigit():
        return f"How many {currency}s do {subject} cost?"
    if lemma == "cost":
        changed = re.search(r"\b(?:discount|increases|decreases)\b", context)
        return f"What is the {'new ' if changed else ''}price of {subject}?"
    return f"How many {currency}s does {subject} {lemma}{rest}?"


_SPACE_INSIDE = re.compile(r"^how much (?:space|room) is (?:there )?(?:inside|in) (.+)\?$", re.I)
_HOLD = re.compile(r"^how much (?:[a-z]+ )?(?:can|could|does|will) (.+?) (?:hold|contain)\?$", re.I)


def _capacity(text: str, context: str) -> str | None:
    """`How much space is inside the box?`, `How much water can the tank hold?` ask for a volume."""
    m = _SPACE_INSIDE.match(text) or _HOLD.match(text)
    return f"What is the volume of {m.group(1)}?" if m else None


_BARE_ATTRIBUTE = re.compile(r"^What is the ((?:other\s+|first\s+|second\s+|new\s+|old\s+|final\s+)?([a-z]+))\?$")
_OWNER = re.compile(r"\b(?:A|An|The)\s+((?:right\s+)?[a-z]+)\s+has\s+an?\s+([a-z]+)\s+of\b")
_FIGURE_PARTS = {"hypotenuse", "leg", "side", "area", "perimeter", "volume", "circumference", "radius",
                 "diameter", "height", "length", "width", "speed"}  # fmt: skip


def attach_owner(question: str, context: str) -> str:
    """`What is the hypotenuse?` -> `What is the hypotenuse of the right triangle?`.

    An attribute asked without an owner belongs to the thing the facts describe; that is
    only done when exactly one thing has attributes, otherwise the question stays as it is.
    """
    m = _BARE_ATTRIBUTE.match(question)
    if m is None:
        return question
    facts = [(o.group(1), o.group(2)) for o in _OWNER.finditer(context)]
    owners = {owner for owner, attribute in facts if attribute == m.group(2)}
    if not owners and m.group(2) in _FIGURE_PARTS:
        owners = {owner for owner, _ in facts}
    if len(owners) != 1:
        return question
    return f"What is the {m.group(1)} of the {owners.pop()}?"


_UNIT_HINT = re.compile(r",?\s+in\s+((?:square\s+|cubic\s+)?[a-z]+(?:\s+per\s+[a-z]+|/[a-z]+)?),?(?=\s|[?.!]$)(?!\s+per\b)")
_TRIP = re.compile(r"^(How many [a-z]+) (?:does|do|will) the (?:trip|journey|ride|drive) (?:take|last)\?$", re.I)
_MOVER_FACT = re.compile(r"\b((?:The|A|An)\s+[a-z]+)\s+travels\b")


def _drop_unit_hint(text: str, context: str) -> str:
    """`What is its speed in miles per hour?` -> `What is its speed?` when the problem already
    speaks in miles per hour (a hint in a unit the problem does not use is kept)."""
    m = _UNIT_HINT.search(text)
    phrase = _rate_words(m.group(1)) if m is not None else None
    if m is None or not _is_unit_phrase(phrase):
        return text
    elsewhere = context.replace(text, "")
    if not (_stated_unit(phrase, elsewhere) or _derived_unit(phrase, elsewhere)):
        return text  # `How long is the rope in meters?` when it is given in centimeters: kept
    return text[: m.start()] + text[m.end() :]


def _stated_unit(phrase: str, context: str) -> bool:
    """The unit of `phrase` (either number) occurs in the problem (`hours` in `miles per hour`)."""
    unit = unit_for(phrase.split()[-1]) if " per " not in phrase else None
    if unit is None:
        return bool(re.search(rf"\b{re.escape(phrase)}\b", context))
    prefix = " ".join(phrase.split()[:-1])
    forms = "|".join(f"{prefix} {form}".strip() for form in (unit.singular, unit.plural))
    return bool(re.search(rf"\b(?:{forms})\b", context))


def _rate_words(phrase: str) -> str:
    """`km/h` -> `kilometers per hour`, `mph` -> `miles per hour`: a rate's abbreviation in words
    (the units pass expands abbreviations only after a number; a hint has none)."""
    if phrase in SPEEDS:
        top, bottom = SPEEDS[phrase]
        return f"{UNITS[top].plural} per {bottom}"
    if "/" in phrase:
        top, bottom = (unit_for(part) for part in phrase.split("/"))
        if top is not None and bottom is not None:
            return f"{top.plural} per {bottom.singular}"
    return phrase


def _derived_unit(phrase: str, context: str) -> bool:
    """`miles per hour` when the problem gives miles and hours: the rate's own unit, so asking
    for it adds nothing (a rate in units the problem does not use still needs converting)."""
    parts = phrase.split(" per ")
    units = [unit_for(part.split()[-1]) for part in parts]
    if len(parts) != 2 or None in units:
        return False
    return all(re.search(rf"\b\d[\d./]*\s+(?:{u.singular}|{u.plural})\b", context) for u in units if u is not None)


# `the distance between A and B` is ACE's `the distance of A from B` (P1's measured relation).
_BETWEEN = re.compile(r"\bthe distance between ((?:the|a|an) [a-z]+(?: of (?:the|a|an) [a-z]+)?) and ((?:the|a|an) [a-z]+)\b")
# `How fast is the car going?`: the progressive of a motion verb adds nothing to the speed asked.
_GOING = re.compile(r"^(How (?:fast|quickly) (?:is|are|was|were) .+?) (?:going|moving|traveling|travelling|driving|riding|flying|running|cycling|sailing)\?$", re.I)


def _is_unit_phrase(phrase: str) -> bool:
    return unit_for(phrase.split()[-1]) is not None or unit_for(phrase.split()[0]) is not None


def _trip(text: str, context: str) -> str:
    """`How many hours does the trip take?` asks how long the mover travels, and so does `How
    many hours does the bus need?` when the bus is a mover: the time a trip needs is its duration."""
    movers = _MOVER_FACT.findall(context)
    if not movers:
        return text
    m = _TRIP.match(text)
    if m is not None:
        mover = re.sub(r"^(?:A|An|The)\s+", "the ", movers[-1])
        return f"{m.group(1)} does {mover} travel?"
    speed = _TRIP_SPEED.search(text)
    if speed is not None and len({m.lower() for m in movers}) == 1:  # the trip's speed is its mover's
        mover = re.sub(r"^(?:A|An|The)\s+", "the ", movers[-1])
        return text[: speed.start()] + f"the speed of {mover}" + text[speed.end() :]
    need = _MOVER_NEEDS.match(text)
    names = {re.sub(r"^(?:A|An|The)\s+", "", mover).lower() for mover in movers}
    if need is not None and need.group(2) in names and _is_time_unit(need.group(1)):
        return f"How many {need.group(1)} does the {need.group(2)} travel?"
    return text


_TRIP_SPEED = re.compile(r"\bthe (?:average )?speed (?:of|for|on|during) the (?:whole |entire )?(?:trip|journey|ride|drive|flight|voyage)\b")
_MOVER_NEEDS = re.compile(rf"^How many ([a-z]+) (?:does|will) (?:the|a|an) ([a-z]+) (?:need|take|{'|'.join(sorted(_MOTION | {'sail', 'jog', 'cycle'}))})\?$")


def _is_time_unit(word: str) -> bool:
    unit = unit_for(word)
    return unit is not None and unit.dimension == "time"


_AT_WHAT_SPEED = re.compile(r"^At what (?:speed|rate|average speed) (?:does|did|do|is|was) ((?:the|a|an) [a-z]+|[A-Z][a-z]+) (?:travel|traveling|travelling|go|going|move|moving|drive|driving|ride|riding|fly|flying)\?$")
_TO_WHAT = {"height": "high", "distance": "far", "depth": "deep", "length": "long"}
_DISTANCE_PASSIVE = re.compile(r"^(?:What is|Find|Calculate|Determine) the (?:total )?distance (?:travelled|traveled|covered|driven|flown)(?: by ((?:the|a|an) [a-z]+|[A-Z][a-z]+))?[.?]$")


def _question_variants(text: str, context: str) -> str:
    """Question forms that say what a canonical form says: `What was ...?` (a question in the
    past asks about the stated facts), `At what speed does X travel?`, `To what height ...?`,
    `the distance travelled (by X)` (by the one mover, when there is one)."""
    text = re.sub(r"^What was\b", "What is", text)
    speed = _AT_WHAT_SPEED.match(text)
    if speed is not None:
        return f"What is the speed of {speed.group(1)}?"
    text = re.sub(r"^To what (height|distance|depth|length)\b", lambda m: f"How {_TO_WHAT[m.group(1)]}", text)
    passive = _DISTANCE_PASSIVE.match(text)
    movers = {re.sub(r"^(?:A|An|The)\s+", "the ", m).lower() for m in _MOVER_FACT.findall(context)}
    if passive is not None:
        mover = passive.group(1) or (movers.pop() if len(movers) == 1 else None)
        if mover is not None:
            return f"What is the distance {mover} covers?"
    return text


_DISTANCE_COVERED = re.compile(rf"^(?:What is|Find|Calculate|Determine) the (?:total )?distance (?:that )?((?:the|a|an) [a-z]+|[A-Z][a-z]+) ({'|'.join(sorted(_MOTION))}|covers|travels|goes|drives|walks|runs|rides|flies|swims)[.?]$")


def _distance_covered(text: str, context: str) -> str | None:
    """`What is the distance the bus covers?` -> `How many miles does the bus travel?` (in the
    length unit the problem uses), as `How far does the bus go?` does."""
    m = _DISTANCE_COVERED.match(text)
    unit = _length_unit(context)
    if m is None or unit is None or verb_lemma(m.group(2)) not in _MOTION:
        return None
    return f"How many {unit} does {m.group(1)} travel?"


_SOLUTIONS = re.compile(
    r"^(?:find|give|list|determine|compute|calculate|what (?:is|are))\s+(?:all\s+)?(?:the\s+)?(?:real\s+)?(solutions?|roots?|zeros?)\s+(?:of|to)\s+(?:the\s+)?(?:equation\s+)?([A-Z0-9 ()+*/^.-]+=[A-Z0-9 ()+*/^.-]+)[.?]$",
    re.I,
)


def _solutions(text: str) -> str:
    """`Find all solutions of the equation X ^ 2 - 4 = 0.` -> `Calculate the numbers X such
    that X ^ 2 - 4 = 0.` (Q3): the solutions of an equation in one unknown are the numbers that
    make it true."""
    m = _SOLUTIONS.match(text)
    letters = set(re.findall(r"\b([A-Z])\b", m.group(2))) if m else set()
    if m is None or len(letters) != 1:
        return text
    noun = "numbers" if m.group(1).endswith("s") or "^ 2" in m.group(2) else "number"
    return f"Calculate the {noun} {letters.pop()} such that {m.group(2).strip()}."


def _is_question(text: str) -> bool:
    return text.endswith("?") or bool(_IMPERATIVE.match(text))


def _what_is(text: str, context: str) -> str | None:
    m = _IMPERATIVE.match(text)
    return f"What is {m.group(1)}?" if m else None


def _how_far_travel(text: str, context: str) -> str | None:
    """`How far does the car go?` -> `How many kilometers does the car travel?`"""
    m = _HOW_FAR_DOES.match(text)
    clause = _subject_verb_rest(m.group(1)) if m else None
    if clause is None or clause[1] not in _MOTION:
        return None
    unit = _length_unit(context)
    if unit is None:
        return f"What is the distance that {clause[0]} travels?"
    return f"How many {unit} does {clause[0]} travel?"


def _question_clause(pattern: re.Pattern[str], text: str, group: int) -> tuple[re.Match[str], str, str, str] | None:
    """The match of `pattern` on `text` with its `group` read as (subject, verb lemma, rest);
    None when either fails."""
    m = pattern.match(text)
    clause = _subject_verb_rest(m.group(group)) if m else None
    return None if m is None or clause is None else (m, *clause)


def _subject_verb_rest(clause: str) -> tuple[str, str, str] | None:
    """`the car go in 3 hours` -> (`the car`, `go`, ` in 3 hours`): the first verb after a subject."""
    words = clause.split()
    for i in range(1, len(words)):
        if words[i - 1].lower() in ("a", "an", "the", "every", "each", "some", "no"):
            continue  # the noun after a determiner, even when it is also a verb (`the train`)
        lemma = verb_lemma(words[i])
        if lemma is not None:
            rest = " ".join(words[i + 1 :])
            return " ".join(words[:i]), lemma, f" {rest}" if rest else ""
    return None


def _length_unit(context: str) -> str | None:
    for unit in UNITS.values():
        if unit.dimension == "length" and re.search(rf"\b(?:{unit.singular}|{unit.plural})\b", context):
            return unit.plural
    return None


def _how_adj_is(text: str, context: str) -> str | None:
    m = _HOW_ADJ_IS.match(text)
    if m is None:
        return None
    adjective, thing, place = m.groups()
    if thing.split()[-1] in SEGMENTS:
        return f"What is {thing}{place or ''}?"  # the length of a leg is the leg
    return f"What is the {ATTRIBUTE_OF_ADJECTIVE[adjective.lower()]} of {thing}{place or ''}?"


def _how_adj_pp_is(text: str, context: str) -> str | None:
    m = _HOW_ADJ_PP_IS.match(text)
    if m is None:
        return None
    adjective, place, thing = m.groups()
    return f"What is the {ATTRIBUTE_OF_ADJECTIVE[adjective.lower()]} of {thing} {place}?"


def _how_adj_does(text: str, context: str) -> str | None:
    """`How high does the ladder reach on the wall?` -> `What is the height of the ladder on the wall?`"""
    found = _question_clause(_HOW_ADJ_DOES, text, 3)
    if found is None:
        return None
    m, thing, lemma, rest = found
    adjective = m.group(1).lower()
    if adjective == "long" and lemma not in ("measure", "be"):  # `How long does the movie last?`: a time
        unit = time_unit(context)
        verb = lemma if _plural_subject(thing) else third_person(lemma)
        return f"How many {unit} {'do' if _plural_subject(thing) else 'does'} {thing} {lemma}{rest}?" if unit and verb else None
    place = rest if re.match(r"^\s+(?:on|up|from|above|against)\b", rest) else ""
    if rest.strip() and not place and not m.group(2):
        return None  # `How high does the kite fly over the lake?`: not a measure of the thing alone
    if m.group(2):
        place = f" on {m.group(2)}"
    place = re.sub(r"^\s+up\s+", " on ", place)
    return f"What is the {ATTRIBUTE_OF_ADJECTIVE[m.group(1).lower()]} of {thing}{place}?"


def _how_many(text: str, context: str) -> str | None:
    """`How many hours will it need?` -> `How many hours does it need?` (Q2 uses do/does)."""
    found = _question_clause(_HOW_MANY, text, 2)
    if found is None:
        return None
    m, subject, lemma, rest = found
    head = m.group(1)
    auxiliary = "do" if _plural_subject(subject) else "does"
    return f"{head[:1].upper()}{head[1:]} {auxiliary} {subject} {lemma}{rest}?"


def _plural_subject(subject: str) -> bool:
    """`John and Mary`, `they`, `the boxes`, `23 books` take `do`."""
    words = subject.split()
    if " and " in subject or subject.lower() in ("they", "we", "you"):
        return True
    counted = words[0][0].isdigit() and words[0] != "1"
    determined = words[0].lower() in ("the", "these", "those", "all")
    return counted or (determined and is_plural_noun(words[-1]))


def _what_noun_does(text: str, context: str) -> str | None:
    """`What distance does the car travel?` -> `How many kilometers does the car travel?`"""
    found = _question_clause(_WHAT_NOUN_DOES, text, 2)
    if found is None:
        return None
    m, subject, lemma, rest = found
    noun = m.group(1)
    if noun.lower() == "distance" and lemma in _MOTION:
        unit = _length_unit(context)
        if unit:
            return f"How many {unit} does {subject} travel?"
    return f"What is the {noun} that {subject} {third_person(lemma)}{rest}?"
