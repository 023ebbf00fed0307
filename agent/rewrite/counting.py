"""Pass `counting`: counted things said elliptically, in the canonical shapes.

- `How many stamps ... if Lucy has 60 and Maya has 39?` -> `Lucy has 60 stamps.` (a bare
  count takes the noun the question counts).
- `Bob has 3 stickers more than Paul.` -> `Bob has 3 more stickers than Paul.`; `Bob has 3 more
  than Paul.` takes the noun the question counts.
- `How many cards do Omar and John have together?` -> `How many cards are there?` (a total
  over everyone who has some).
- `Grace shares 30 toys among 10 children.` -> `Grace has 30 toys. Grace shares the toys
  among 10 children.`
- `What is the cost of 23 books?` -> `How many dollars do 23 books cost?`
"""

from __future__ import annotations

import re

from agent.rewrite.groups import group_facts, group_question
from agent.rewrite.possession import possession_facts, without_order_word

_NUM = r"\d+(?:\.\d+)?(?:/\d+)?"
_COUNTED_QUESTION = re.compile(r"^How many (?:more )?([a-z]+)\b")
_BARE_COUNT = re.compile(rf"^(.+?\s(?:has|have|had|owns|owned|gets|got|collects|collected|buys|bought|takes|took|gives|gave))\s({_NUM})(\s+(?:to|from)\s+[A-Z][a-z]+)?\.$")
_BARE_COMPARISON = re.compile(rf"^(.+?\s(?:has|have|had|owns|owned|gets|got|collects|collected))\s({_NUM})\s(more|fewer|less)\sthan\s([A-Z][a-z]+)\.$")
_MORE_ORDER = re.compile(rf"\b({_NUM})\s+([a-z]+)\s+(more|fewer|less)\s+than\b")
_TOGETHER = re.compile(r"^How many ([a-z]+) (?:do|does) (.+?) have (?:together|altogether|in total|combined)\?$")
_SHARES = re.compile(rf"^([A-Z][a-z]+|The [a-z]+) (shares|divides|splits) ({_NUM}) ([a-z]+)(?: equally| evenly| fairly)? (among|between) (.+)\.$")
_COST_OF = re.compile(rf"^What is the (?:cost|price) of ({_NUM} [a-z]+)\?$")


def count_nouns(text: str, context: str) -> list[str]:
    """`text` with an elliptic count completed or a total asked canonically (maybe two sentences)."""
    questions = re.findall(r"(?:^|(?<=[.?!] ))(How many [^?]*\?)", context)
    counted = _COUNTED_QUESTION.match(questions[-1]) if questions else None
    out: list[str] = []
    text = without_order_word(text)
    grouped = group_facts(text) or group_question(text, context) or possession_facts(text, context)
    if grouped:
        return grouped
    if text:
        elliptic = _BARE_COMPARISON.match(text)
        if elliptic and counted:  # `Bob has 37 more than Ivan.` -> `Bob has 37 more pencils than Ivan.`
            text = f"{elliptic.group(1)} {elliptic.group(2)} {elliptic.group(3)} {counted.group(1)} than {elliptic.group(4)}."
        bare = _BARE_COUNT.match(text)
        if bare and counted:
            text = f"{bare.group(1)} {bare.group(2)} {counted.group(1)}{bare.group(3) or ''}."
            text = (possession_facts(text, context) or [text])[0]
        text = _MORE_ORDER.sub(r"\1 \3 \2 than", text)
        contained = re.match(r"^How many ([a-z]+) are there\?$", text)
        holder = re.search(rf"\bEvery ([a-z]+) has {_NUM} ([a-z]+)\b", context)
        if contained and holder and holder.group(2) == contained.group(1):
            from tasks.ace.lexicon import pluralize

            text = f"How many {contained.group(1)} do the {pluralize(holder.group(1))} have?"
        together = _TOGETHER.match(text)
        if together:
            text = f"How many {together.group(1)} are there?"
        cost = _COST_OF.match(text)
        if cost:
            text = f"How many dollars do {cost.group(1)} cost?"
        shares = _SHARES.match(text)
        if shares:
            who, verb, amount, noun, prep, whom = shares.groups()
            out.append(f"{who} has {amount} {noun}.")
            text = f"{who} {verb} the {noun} {prep} {whom}."
        out.append(text)
    return out
