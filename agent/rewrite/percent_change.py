"""Percent change of a money amount: a discount, a rise or a fall, asked as the new amount.

Strangers say it many ways (`a desk that normally sells for $80 is 15% off`, `after a 15
percent decrease, if the old wage was 900 dollars`, `the rent rises by 4%`, `What does a
coat cost after a 20% discount?`). The concept has four parts, each read on its own:

- the amount before: the one sum of dollars;
- the change: the one percentage, and its kind (a discount: `discount`, `N percent off`,
  `marked down`, `on sale`; a decrease: `decrease`, `falls`, `drops`, `reduced`, `cut`; an
  increase: `increase`, `rises`, `goes up`, `raised`);
- what changes: a money attribute (price, wage, salary, rent, fee...) of one thing (`the
  wage of a driver`, `its price`, `a coat that sells for`, `does a desk cost`);
- the question asks for the amount after the change (not the original, nor the saving).

Canonical ACE:

    A desk has a price of 80 dollars. A shop gives a discount of 15 percent on the desk.
    What is the new price of the desk?
    A driver has a wage of 900 dollars. The wage of the driver decreases by 15 percent.
    What is the new wage of the driver?
"""

from __future__ import annotations

import re

_NUM = r"\d+(?:\.\d+)?"
_MONEY = re.compile(rf"\b({_NUM})\s+dollars\b")
_PERCENT = re.compile(rf"\b({_NUM})\s+percent\b")
_ATTRIBUTES = "price|cost|wage|salary|rent|fee|fare|value|income|pay|bill|allowance|budget|pension|charge|tuition"
_KINDS = {
    "discount": re.compile(rf"\bdiscount(?:ed)?\b|\b{_NUM}\s+percent\s+off\b|\bmarked\s+down\b|\bon\s+sale\b|\bsale\s+price\b", re.I),
    "decreases": re.compile(r"\bdecreas\w*|\bfall(?:s|en)?\b|\bfell\b|\bdrop(?:s|ped)?\b|\bgoes\s+down\b|\bwent\s+down\b|\breduc\w*|\bcut\b|\bdeclin\w*|\blower(?:s|ed)?\b", re.I),
    "increases": re.compile(r"\bincreas\w*|\bmark(?:s|ed)?\s+up\b|\bmarkup\b|\bris(?:e|es|en)\b|\brose\b|\bgoes\s+up\b|\bwent\s+up\b|\brais\w*|\bgrow(?:s|n)?\b|\bgrew\b|\bclimb\w*", re.I),
}
_OWNED = (
    re.compile(rf"\b(?:new\s+|old\s+|original\s+|current\s+|sale\s+)?({_ATTRIBUTES})\s+of\s+(?:a|an|the)\s+([a-z]+)\b", re.I),
    re.compile(rf"\b(?:a|an|the)\s+([a-z]+)\s+has\s+an?\s+({_ATTRIBUTES})\s+of\b", re.I),
)
_PRICED = (
    re.compile(r"\b(?:a|an|the)\s+([a-z]+)\s+(?:that\s+|which\s+)?(?:normally\s+|usually\s+|regularly\s+|originally\s+)?(?:costs|sells\s+for|is\s+priced\s+at|is\s+sold\s+for)\b", re.I),
    re.compile(r"\b(?:does|do|did|will)\s+(?:a|an|the)\s+([a-z]+)\s+cost\b", re.I),
    re.compile(rf"\b{_NUM}\s+percent\s+off\s+(?:a|an|the)\s+([a-z]+)\b", re.I),
    re.compile(rf"\b(?:a|an|the)\s+{_NUM}[\s-]dollars?\s+([a-z]+)\b", re.I),
)
_NAMED_OWNER = re.compile(rf"\b([A-Z][a-z]+)'s\s+(?:new\s+|old\s+|original\s+|current\s+)?({_ATTRIBUTES})\b")
_PRONOUN_ATTRIBUTE = re.compile(rf"\b(?:its|their)\s+(?:old\s+|original\s+|new\s+)?({_ATTRIBUTES})\b", re.I)
_NOT_THINGS = {"shop", "store", "price", "discount", "percent", "dollars", "sale", "bill", "note", "each"}
_ASKS_BEFORE = re.compile(
    r"\b(?:original|old|initial|previous|before|saves?|saved|saving|savings|amount\s+of\s+the|how\s+much\s+(?:less|more|off)"
    r"|by\s+how\s+much|what\s+percent(?:age)?|percentage"
    r"|(?:what|how\s+much|how\s+many\s+dollars)\s+(?:is|was|are|were)\s+the\s+(?:discount|increase|decrease|reduction|markup|rise|drop|change|cut))\b",
    re.I,
)


def define_percent_change(text: str) -> str | None:
    """Canonical ACE for a money amount changed by a percentage, asked after the change, or None."""
    money, percent = _MONEY.findall(text), _PERCENT.findall(text)
    kinds = [kind for kind, pattern in _KINDS.items() if pattern.search(text)]
    if len(set(money)) != 1 or len(percent) != 1 or not kinds:  # two changes are another question
        return None
    kind = "discount" if "discount" in kinds else kinds[0] if len(kinds) == 1 else None
    target = _changed(text)
    if kind is None or target is None or not _asks_after(text):
        return None
    attribute, thing = target
    if thing[0].isupper():  # a person's own salary: `Tim has a salary of ...`, `the salary of Tim`
        if kind == "discount":
            return None
        article = "an" if attribute[0] in "aeiou" else "a"
        return (
            f"{thing} has {article} {attribute} of {money[0]} dollars. The {attribute} of {thing} {kind} by {percent[0]} "
            f"percent. What is the new {attribute} of {thing}?"
        )
    a = "An" if thing[0] in "aeiou" else "A"
    if kind == "discount":
        if attribute != "price":
            return None
        return (
            f"{a} {thing} has a price of {money[0]} dollars. A shop gives a discount of {percent[0]} percent on the {thing}. "
            f"What is the new price of the {thing}?"
        )
    article = "an" if attribute[0] in "aeiou" else "a"
    return (
        f"{a} {thing} has {article} {attribute} of {money[0]} dollars. The {attribute} of the {thing} {kind} by "
        f"{percent[0]} percent. What is the new {attribute} of the {thing}?"
    )


def _changed(text: str) -> tuple[str, str] | None:
    """(attribute, thing): what changes and whose it is; None unless exactly one of each."""
    pairs = {(m.group(1).lower(), m.group(2).lower()) for m in _OWNED[0].finditer(text)}
    pairs |= {(m.group(2).lower(), m.group(1).lower()) for m in _OWNED[1].finditer(text)}
    pairs |= {("price", m.group(1).lower()) for p in _PRICED for m in p.finditer(text)}
    pairs |= {(m.group(2).lower(), m.group(1)) for m in _NAMED_OWNER.finditer(text)}
    pairs = {("price" if a == "cost" else a, t) for a, t in pairs if t not in _NOT_THINGS}
    things = {t for _, t in pairs}
    attributes = {a for a, _ in pairs} | {("price" if m.group(1).lower() == "cost" else m.group(1).lower()) for m in _PRONOUN_ATTRIBUTE.finditer(text)}
    if len(things) != 1 or len(attributes) != 1:
        return None
    return attributes.pop(), things.pop()


def _asks_after(text: str) -> bool:
    """The question (its main clause, before any `if`) asks for the amount after the change."""
    sentences = re.split(r"(?<=[.?!])\s+", text.strip())
    asked = [s for s in sentences if s.endswith("?") or re.match(r"(?:Find|Calculate|Compute|Determine|Give|Work out)\b", s)]
    if len(asked) != 1:
        return False
    main = re.split(r",?\s+\bif\b", asked[0], maxsplit=1)[0]
    return _ASKS_BEFORE.search(main) is None
