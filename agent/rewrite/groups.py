"""Equal groups and fair shares: the English of multiplication and division stories.

Each rule is one construction a stranger uses for "G groups of S things" or "T things
shared by P people", rewritten sentence by sentence into the canonical facts:

- `packs 54 stickers into bags, 3 stickers in every bag` / `there are 54 stickers, and they
  fill bags of 3 stickers each` -> `There are 54 stickers. Every bag has 3 stickers.`
- `fills 13 boxes with 4 toys each` / `13 boxes of 4 toys each` / `13 boxes with 4 toys in
  every box` -> `There are 13 boxes. Every box has 4 toys.`
- `Sam packs 8 pens into each of 15 boxes` -> `Sam has 15 boxes. Every box has 8 pens.`
- `Sam puts 6 pens in each box. Sam fills 8 boxes.` -> `Every box has 6 pens. There are 8 boxes.`
- `The students form groups of 4.` -> `Every group has 4 students.`
- `A pack has 12 pens. How many pens are in 5 packs?` -> `Every pack has 12 pens. There are 5
  packs. How many pens do the packs have?`
- `Sam gives 8 pens to Ann from 2 boxes of 9 pens each` -> the boxes are Sam's, then the gift.
- `Sam splits 30 pens evenly between 5 children` / `5 children share Sam's 30 pens fairly`
  -> `Sam has 30 pens. Sam shares the pens among 5 children.`

and the questions that go with them, once the groups are known from the context:

- `How many bags does Sam fill?` -> `How many bags are there?`
- `How many toys does Sam use?` / `Find the total number of toys.` -> `How many toys do the
  boxes have?`
- `What is each child's share?` / `How many pens does one child receive?` -> `How many pens
  does every child get?`
"""

from __future__ import annotations

import re

from agent.rewrite.nouns import plural, singular

_NUM = r"\d+(?:\.\d+)?"
_WHO = r"[A-Z][a-z]+"
_EVERY = r"(?:every|each)"
_INTO = re.compile(rf"^({_WHO}) (?:packs|puts|places|sorts|divides|splits|arranges|loads) ({_NUM}) ([a-z]+) (?:into|in|among) ([a-z]+), ({_NUM}) \3 (?:in|into|per|for) {_EVERY} ([a-z]+)\.$")
_FILL_BY = re.compile(rf"^There are ({_NUM}) ([a-z]+)[,;]? (?:and )?(?:they|the \2|these) (?:fill|go into|are packed into|are put into) ([a-z]+) of ({_NUM}) \2 each\.$")
_FILLS_EACH = re.compile(rf"^({_WHO}) (?:fills|packs|loads|stocks) ({_NUM}) ([a-z]+) with ({_NUM}) ([a-z]+) each\.$")
_INTO_EACH_OF = re.compile(rf"^({_WHO}) (?:packs|puts|places|loads) ({_NUM}) ([a-z]+) (?:into|in) {_EVERY} of ({_NUM}) ([a-z]+)\.$")
_GIVES_FROM = re.compile(rf"^({_WHO}) (gives|hands) ({_NUM}) ([a-z]+) to ({_WHO}) from ({_NUM}) ([a-z]+) (?:of|with) ({_NUM}) \4(?: each| in {_EVERY} [a-z]+)\.$")
_IN_GROUPS = re.compile(rf"^How many ([a-z]+) are (?:there )?in ({_NUM}) ([a-z]+) (?:with|of) ({_NUM}) \1(?: each| in {_EVERY} [a-z]+)\?$")
_SUBJECT = r"(?:[A-Z][a-z]+|(?:The|An?) [a-z]+)"
_PUTS_EACH = re.compile(rf"^{_SUBJECT} (?:puts|packs|places|loads|stacks) ({_NUM}) ([a-z]+) (?:in|into|on) {_EVERY} ([a-z]+)\.$")
_FILLS = re.compile(rf"^{_SUBJECT} (?:fills|packs|uses|loads) ({_NUM}) ([a-z]+)\.$")
_FORM_GROUPS = re.compile(rf"^The ([a-z]+) (?:form|make|are put into|are split into|are divided into|split into|sit in|sit at) ([a-z]+) of ({_NUM})(?: \1)?(?: each)?\.$")
_ONE_GROUP_HAS = re.compile(rf"^(?:A|An|Each|Every) ([a-z]+) (?:has|holds|contains) ({_NUM}) ([a-z]+)\.$")
_IN_N_GROUPS = re.compile(rf"^How many ([a-z]+) are (?:there )?in ({_NUM}) ([a-z]+)\?$")
_SPLITS = re.compile(rf"^({_WHO}) (?:shares|divides|splits|distributes|hands out|gives out) ({_NUM}) ([a-z]+)(?: equally| evenly| fairly)? (?:among|between|to) ({_NUM}) ([a-z]+)(?: equally| evenly| fairly)?\.$")
_SHARED_BY = re.compile(rf"^({_NUM}) ([a-z]+) (?:share|split|divide) ({_WHO})'s ({_NUM}) ([a-z]+)(?: equally| evenly| fairly)?\.$")


def group_facts(text: str) -> list[str] | None:
    """The canonical facts for one equal-groups or fair-share sentence, or None."""
    m = _INTO.match(text)
    if m and _same(m.group(6), m.group(4)):
        return [f"There are {m.group(2)} {m.group(3)}.", f"Every {singular(m.group(6))} has {m.group(5)} {m.group(3)}."]
    m = _FILL_BY.match(text)
    if m:
        return [f"There are {m.group(1)} {m.group(2)}.", f"Every {singular(m.group(3))} has {m.group(4)} {m.group(2)}."]
    m = _FILLS_EACH.match(text)
    if m:
        return [f"There are {m.group(2)} {m.group(3)}.", f"Every {singular(m.group(3))} has {m.group(4)} {m.group(5)}."]
    m = _INTO_EACH_OF.match(text)
    if m:
        who, size, things, count, boxes = m.groups()
        return [f"{who} has {count} {boxes}.", f"Every {singular(boxes)} has {size} {things}."]
    m = _GIVES_FROM.match(text)
    if m:
        who, _, given, things, whom, count, boxes, size = m.groups()
        return [f"{who} has {count} {boxes}.", f"Every {singular(boxes)} has {size} {things}.", f"{who} gives {given} {things} to {whom}."]
    m = _FORM_GROUPS.match(text)
    if m:
        things, groups, size = m.groups()
        return [f"Every {singular(groups)} has {size} {things}."]
    m = _PUTS_EACH.match(text)
    if m:
        size, things, box = m.groups()
        return [f"Every {singular(box)} has {size} {things}."]
    m = _SPLITS.match(text)
    if m:
        who, amount, things, people, whom = m.groups()
        return [f"{who} has {amount} {things}.", f"{who} shares the {things} among {people} {whom}."]
    m = _SHARED_BY.match(text)
    if m:
        people, whom, who, amount, things = m.groups()
        return [f"{who} has {amount} {things}.", f"{who} shares the {things} among {people} {whom}."]
    return None


def group_question(text: str, context: str) -> list[str] | None:
    """The canonical question (or count of groups) about equal groups or fair shares known
    from `context`, or None."""
    context = " ".join(" ".join(group_facts(s) or [s]) for s in re.split(r"(?<=[.?!])\s+", context))
    asked = re.search(r"(?:^|(?<=[.?!] ))(How many [^?]*\?)", context)
    one = _ONE_GROUP_HAS.match(text)
    if one and asked:
        counted = _IN_N_GROUPS.match(asked.group(1))
        if counted and counted.group(1) == one.group(3) and singular(counted.group(3)) == one.group(1):
            return [f"Every {one.group(1)} has {one.group(2)} {one.group(3)}."]  # `A pack has 12 pens.` said of every pack
    m = _IN_N_GROUPS.match(text)
    if m and re.search(rf"\b(?:A|An|Each|Every) {singular(m.group(3))} (?:has|holds|contains) {_NUM} {m.group(1)}\.", context):
        return [f"There are {m.group(2)} {m.group(3)}.", f"How many {m.group(1)} do the {m.group(3)} have?"]
    filled = _FILLS.match(text)
    if filled and re.search(rf"\bEvery {singular(filled.group(2))} has\b", context):
        return [f"There are {filled.group(1)} {filled.group(2)}."]  # `fills 8 boxes` of a known size
    m = _IN_GROUPS.match(text)
    if m:
        things, count, boxes, size = m.groups()
        return [f"There are {count} {boxes}.", f"Every {singular(boxes)} has {size} {things}.", f"How many {things} do the {boxes} have?"]
    shared = re.search(r"\b[A-Z][a-z]+ shares the ([a-z]+) among \d+ ([a-z]+)\.", context)
    if shared:
        asked = _share_question(text, shared.group(1), shared.group(2))
        if asked:
            return [asked]
    holders = {(singular(b), t) for b, t in re.findall(rf"\bEvery ([a-z]+) has {_NUM} ([a-z]+)\.", context)}
    holders |= {(singular(b), t) for b, _, t in re.findall(rf"\bfills {_NUM} ([a-z]+) with ({_NUM}) ([a-z]+) each\b", context)}
    if len(holders) == 1:
        box, things = holders.pop()
        return _groups_question(text, box, things, context)
    return None


def _share_question(text: str, things: str, people: str) -> str | None:
    person = singular(people)
    if re.match(rf"^What is (?:every|each|1|one) {person}'s share\?$", text) or re.match(
        rf"^How many {things} (?:does|do) (?:every|each|1|one) {person} (?:get|receive|have)\?$", text
    ):
        return f"How many {things} does every {person} get?"
    return None


def _groups_question(text: str, box: str, things: str, context: str) -> list[str] | None:
    boxes = plural(box)
    if re.match(rf"^How many {boxes} (?:does|do) {_WHO} (?:fill|need|use|get|make)\?$", text) or re.match(
        rf"^(?:Find|What is|Calculate) the number of {boxes}[.?]$", text
    ):
        return [f"How many {boxes} are there?"]
    counted_groups = re.search(rf"\bThere are {_NUM} {boxes}\b|\bhas {_NUM} {boxes}\b|\b(?:fills|packs|uses|loads) {_NUM} {boxes}\b", context)
    if counted_groups and (
        re.match(rf"^How many {things} (?:does|do) {_SUBJECT} (?:use|need|pack|put in)\?$", text)
        or re.match(rf"^How many {things} (?:is that|are there(?: in all| in total| altogether)?)\?$", text)
        or re.match(rf"^(?:Find|What is|Calculate) the total number of {things}[.?]$", text)
    ):
        return [f"How many {things} do the {boxes} have?"]
    return None


def _same(a: str, b: str) -> bool:
    return singular(a) == singular(b)
