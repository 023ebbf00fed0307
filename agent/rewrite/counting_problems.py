"""Pass `counting problems` (part of `concepts`): standard counting and probability questions.

Counting questions name a standard quantity whatever the story: handshakes among N people,
ways to choose K of N when order does not matter, ordered placings of K among N, choices of
K1 of N1 boys and K2 of N2 girls; probability questions name coin tosses, dice sums and
draws from a bag. Each becomes its canonical ACE, e.g.

    A party has 9 guests. Every guest shakes the hand of every other guest. What is the
    number of the handshakes?
    Bob tosses 7 coins. What is the probability of 5 heads?

The story's own nouns (players, contestants, balls) are replaced by the canonical ones
(guests, members, runners, marbles), since the count does not depend on them.
"""

from __future__ import annotations

import re

from agent.rewrite.chance import define_chance
from agent.rewrite.conservation import keeps_stated_numbers

_N = r"(\d+)"
_HANDSHAKES = re.compile(rf"{_N}\s+(?:people|guests|persons|players|friends)|{_N}\s+guests", re.I)
_CHOOSE = re.compile(rf"(?:committee|group|squad|team)\s+of\s+{_N}(?:\s+members)?\s+(?:be\s+)?(?:chosen|picked|selected)?\s*from\s+{_N}|from\s+{_N}\s+[a-z]+,?\s+[a-z ]*?(?:picks|chooses|selects)\s+a\s+[a-z]+\s+of\s+{_N}|(?:pick|choose|select)\s+{_N}\s+[a-z]+\s+out\s+of\s+a\s+[a-z]+\s+of\s+{_N}|has\s+{_N}\s+members.*?(?:groups?|committees?|teams?|squads?)\s+of\s+{_N}|from\s+(?:its\s+)?{_N}\s+members,?\s+.*?(?:committee|group|team|squad)\s+of\s+{_N}", re.I)
_MIXED = re.compile(rf"{_N}\s+boys?\s+and\s+{_N}\s+girls?", re.I)
_PLACES = re.compile(rf"{_N}\s+(?:runners|contestants|entrants|players|people)|(?:with|of)\s+{_N}\s+(?:runners|contestants|entrants)", re.I)
_ORDERED = re.compile(rf"(?:first|top)\s+{_N}|{_N}\s+(?:different\s+|distinct\s+)?(?:prizes|medals|places|trophies|awards)", re.I)
_CONSTRAINT = re.compile(
    r"\b(?:must|cannot|can't|can\s+not|at\s+least|at\s+most|unless|except|exclud\w*|includ\w*|refuses?|insists?"
    r"|next\s+to|adjacent|apart|always|never|only\s+if|neither|nor|without\s+[A-Z][a-z]+)\b",
)
_NAMED_PLACES = re.compile(r"\b(?:gold,?\s+silver(?:,?\s+and\s+bronze)|gold\s+and\s+silver|first,?\s+second(?:,?\s+and\s+third)|first\s+and\s+second)\b", re.I)
# Choosing K of N when order does not matter, said by the roles of the two numbers: the pool
# (`a club of 19 members`, `from 19 people`) and the chosen (`a committee of 3`, `choose 3`).
_PEOPLE = r"(?:members|people|persons|students|players|employees|workers|candidates|volunteers|children|friends|teachers|applicants)"
_GROUP = r"(?:club|group|class|team|school|company|office|society|board|department|council|staff|family|crew|community|choir|pool)"
_POOL = (
    re.compile(rf"\b{_GROUP}\s+(?:of|with|that\s+has|which\s+has|has)\s+{_N}\s+{_PEOPLE}", re.I),
    re.compile(rf"\b(?:from|out\s+of|among)\s+(?:a\s+{_GROUP}\s+of\s+|the\s+|its\s+)?{_N}\s+{_PEOPLE}", re.I),
)
_CHOSEN = (
    re.compile(rf"\b(?:committee|subcommittee|group|team|panel|delegation|squad|subset|selection)s?\s+of\s+{_N}\b", re.I),
    re.compile(rf"\b{_N}[\s-](?:member|person|people|student)\s+(?:committee|group|team|panel|delegation|squad)s?\b", re.I),
    re.compile(rf"\b(?:choose|chooses|chosen|pick|picks|picked|select|selects|selected|elect|elects|form|forms)\s+{_N}\b", re.I),
)
_ORDER_MATTERS = re.compile(
    r"\b(?:president|chair|captain|secretary|treasurer|vice|leader|first|second|third|ranked|rank|arrange\w*|line\s+up|in\s+a\s+row)\b"
    r"|\border\s+(?:matters|is\s+important|counts)\b",
    re.I,
)
# Orders of N different things in a row (n!): `6 different books on a shelf`, `arranged`.
_THINGS_IN_ORDER = re.compile(rf"\b{_N}\s+(?:different\s+|distinct\s+)?([a-z]+)", re.I)
_ARRANGED = re.compile(r"\barrange\w*|\bin\s+a\s+(?:row|line)\b|\blin(?:e|ed)\s+up\b|\borders?\b|\bordered\b|\bsequences?\b", re.I)


@keeps_stated_numbers
def define_counting(text: str) -> str | None:
    """Canonical ACE for a standard counting or probability question, or None.

    A count under a condition (`if Ann must be on it`, `at least 2 girls`, `not next to each
    other`) is another question than the standard one: it is refused, never dropped."""
    if _CONSTRAINT.search(text):
        return define_chance(text)  # probability questions refuse their own changed experiments
    return (
        _handshakes(text) or _mixed(text) or _choose(text) or _ordered(text) or _committee(text)
        or _arrangements(text) or define_chance(text)
    )  # fmt: skip


def _handshakes(text: str) -> str | None:
    if not re.search(r"\bshake", text, re.I) and "handshake" not in text.lower():
        return None
    m = _HANDSHAKES.search(text)
    if m is None:
        return None
    n = m.group(1) or m.group(2)
    return f"A party has {n} guests. Every guest shakes the hand of every other guest. What is the number of the handshakes?"


def _mixed(text: str) -> str | None:
    pairs = _MIXED.findall(text)
    if len(pairs) == 2:
        (a, b), (c, d) = pairs
        (nb, ng), (kb, kg) = ((a, b), (c, d)) if int(a) >= int(c) and int(b) >= int(d) else ((c, d), (a, b))
    else:
        m = re.search(rf"(?:choose|pick|select)\s+{_N}\s+of\s+{_N}\s+boys\s+and\s+{_N}\s+of\s+{_N}\s+girls", text, re.I)
        m = m or re.search(rf"from\s+{_N}\s+boys\s+pick\s+{_N},?\s+and\s+from\s+{_N}\s+girls\s+pick\s+{_N}", text, re.I)
        if m is None:
            return None
        g = m.groups()
        if "from" in m.group(0).lower()[:5]:
            nb, kb, ng, kg = g
        else:
            kb, nb, kg, ng = g
    girls = "girl" if kg == "1" else "girls"
    boys = "boy" if kb == "1" else "boys"
    return (
        f"A class has {nb} boys and {ng} girls. The teacher chooses {kb} {boys} and {kg} {girls}. "
        "What is the number of the possible choices?"
    )


def _choose(text: str) -> str | None:
    if not re.search(r"\b(?:ways|different|possible|count)\b", text, re.I):
        return None
    m = _CHOOSE.search(text)
    if m is None:
        return None
    g = [x for x in m.groups() if x]
    text_lower = m.group(0).lower()
    if text_lower.startswith(("committee", "group", "squad", "team")):
        k, n = g
    elif text_lower.startswith("has") or text_lower.startswith("from"):
        n, k = g
    else:
        k, n = g
    return f"A club has {n} members. The club chooses a committee of {k} members. What is the number of the possible committees?"


def _ordered(text: str) -> str | None:
    if not re.search(r"\b(?:ways|rankings|orders|order|ranked)\b", text, re.I):
        return None
    places, people = _ORDERED.search(text), _PLACES.search(text)
    named = _NAMED_PLACES.search(text)
    counted = re.findall(rf"\b{_N}\s+[a-z]+s\b", text)
    if people is None and named is not None and len(counted) == 1:
        people = re.search(rf"\b{_N}\s+[a-z]+s\b", text)  # `12 swimmers race for gold, silver and bronze`
    if (places is None and named is None) or people is None:
        return None
    # `gold, silver and bronze`, `first, second and third place`: as many places as are named
    k = str(len(re.findall(r"\w+", named.group(0))) - 1) if named is not None else places.group(1) or places.group(2)
    n = people.group(1) or people.group(2)
    m = re.search(rf"{_N}\s+of\s+{_N}\s+(?:contestants|runners|people|players)", text)
    if m:
        n = m.group(2)
    return (
        f"A race has {n} runners. The race gives {k} different medals to {k} runners. "
        "What is the number of the possible orders of the medals?"
    )


def _committee(text: str) -> str | None:
    """`In how many ways can a club with 19 members choose a committee of 3?` (order does not matter)."""
    if not re.search(r"\b(?:ways|how\s+many|number\s+of|count)\b", text, re.I):
        return None
    if _ORDER_MATTERS.search(re.sub(r"\b(?:the\s+)?order\s+(?:does\s+not|doesn't|do\s+not)\s+matter\b", "", text, flags=re.I)):
        return None
    pools = {m.group(1) for p in _POOL for m in p.finditer(text)}
    chosen = {m.group(1) for p in _CHOSEN for m in p.finditer(text)} - pools
    if len(pools) != 1 or len(chosen) != 1:
        return None
    n, k = pools.pop(), chosen.pop()
    if int(k) > int(n):
        return None
    return f"A club has {n} members. The club chooses a committee of {k} members. What is the number of the possible committees?"


def _arrangements(text: str) -> str | None:
    """`In how many ways can 6 different books be arranged on a shelf?`: every order of all N things."""
    if not _ARRANGED.search(text) or not re.search(r"\b(?:ways|how\s+many|number\s+of|count)\b", text, re.I):
        return None
    counts = _THINGS_IN_ORDER.findall(text)
    if len(counts) != 1:
        return None  # a second number (K of them, a second kind) is another question
    n, things = counts[0]
    if things.lower() in ("ways", "orders", "times"):
        return None
    return f"A shelf has {n} books. What is the number of the possible orders of the books?"

