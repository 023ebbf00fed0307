"""Who has how many: possession, comparison and totals said the ways strangers say them.

Sentence rules for the counting pass, each one English construction:

- possession verbs: `Emma collects 45 coins.`, `Leo owns 9 pens.` -> `Emma has 45 coins.`
  (what someone collected or owns, they have); `How many coins does Leo own?` -> `... have?`;
- story order words: `Then Mary gives 8 pens to Leo.` -> `Mary gives 8 pens to Leo.` (the
  facts are already told in order);
- comparisons: `Ben owns 43 more than that.` (after `Ivan owns 5 marbles.`) -> `Ben has 43
  more marbles than Ivan.`; `How many pens fewer does A have than B?` -> `How many more pens
  does B have than A?`; `By how many pens does B have more?` -> `How many more pens does B
  have than A?` (A: the other owner of pens);
- totals: `How many pens do Ann and Leo have?` -> `How many pens are there?` (the collective
  reading); `Together, how many pens do Ann, with 4 pens, and Leo, with 3 pens, own?` ->
  the two facts and `How many pens are there?`;
- a stock asked after a change: `How many pens does Ann have left after giving 3 of Ann's 9
  pens to Leo?`, `How many of the 9 pens does Ann have?` -> `Ann has 9 pens.` and the
  question without the stock; `Ann has 9 pens before.` -> `Ann has 9 pens.`;
- a fraction spent: `Spending 1/4 of Ann's 60 dollars on a game.` -> `Ann has 60 dollars. Ann
  spends a share of the money on a game. The share is 1/4.`
"""

from __future__ import annotations

import re

from agent.rewrite.lexicon import LEMMA_OF_GERUND, third_person

_NUM = r"\d+(?:\.\d+)?(?:/\d+)?"
_WHO = r"[A-Z][a-z]+"
_POSSESSES = re.compile(rf"^({_WHO}) (?:also )?(?:collects|collected|owns|owned|possesses|gathers|gathered|has got) ({_NUM}) ([a-z]+)\.$")
_OWN_QUESTION = re.compile(rf"^How many ([a-z]+) (does|do) ({_WHO}(?: and {_WHO})?) (?:own|possess)\?$")
_ORDER_WORD = re.compile(r"^(?:Then|Next|Later|Afterwards|After that|Now),? (?=[A-Z])")
_MORE_THAN_THAT = re.compile(rf"^({_WHO}) (?:has|owns|collects|gets) ({_NUM}) (more|fewer|less) than (?:that|this|him|her|them)\.$")
_FEWER_QUESTION = re.compile(rf"^How many ([a-z]+) (?:fewer|less) (?:does|do) ({_WHO}) have than ({_WHO})\?$")
_BY_HOW_MANY = re.compile(rf"^By how many ([a-z]+) (?:does|do) ({_WHO}) have more(?: than ({_WHO}))?\?$")
_PAIR_TOTAL = re.compile(rf"^How many ([a-z]+) (?:do|does) ({_WHO}) and ({_WHO}) (?:have|own|hold|keep)(?: together| altogether| in total| combined| in all)?\?$")
# `How many pens do they have?` with `they` read as the pens: the things cannot own
# themselves, so it is the collective total of their owners.
_SELF_TOTAL = re.compile(r"^How many ([a-z]+) do the \1 have(?: together| altogether| in total| in all)?\?$")
_WITH_TOTAL = re.compile(rf"^(?:Together, |Altogether, |In total, )?[Hh]ow many ([a-z]+) do ({_WHO}), with ({_NUM}) [a-z]+, and ({_WHO}), with ({_NUM}) [a-z]+, (?:have|own|hold)(?: together| altogether| in total)?\?$")
_LEFT_AFTER = re.compile(rf"^How many ([a-z]+) does ({_WHO}) have(?: left)? after ([a-z]+ing) ({_NUM}) of \2's ({_NUM}) \1(?: to ({_WHO}))?\?$")
_OF_THE_STOCK = re.compile(rf"^How many of the ({_NUM}) ([a-z]+) (?:does|do) ({_WHO}) (?:still )?have(?: left)?\?$")
_AFTER_CHANGE = re.compile(rf"^How many ([a-z]+) does ({_WHO}) have(?: left| now)? after (getting|receiving|giving) ({_NUM}) \1 (from|to) ({_WHO})\?$")
_HAD_BEFORE = re.compile(rf"^({_WHO}) (?:has|had) ({_NUM}) ([a-z]+) (?:before|at first|to begin with|to start with|originally)\.$")
_SPENDING = re.compile(rf"^(?:After )?[Ss]pending ({_NUM}) of ({_WHO})'s ({_NUM}) dollars on (an? [a-z]+)\.$")
_OWNS = re.compile(rf"\b({_WHO}) (?:also )?(?:has|owns|collects|collected|had) ({_NUM}) ([a-z]+)\b")


def without_order_word(text: str) -> str:
    """`Then Mary gives 8 pens to Leo.` -> `Mary gives 8 pens to Leo.`"""
    return _ORDER_WORD.sub("", text)


def possession_facts(text: str, context: str) -> list[str] | None:
    """The canonical sentences for one possession, comparison or total, or None."""
    for rule in (_possesses, _more_than_that, _comparison_question, _totals, _stock_question, _spending):
        done = rule(text, context)
        if done is not None:
            return done
    return None


def _possesses(text: str, context: str) -> list[str] | None:
    m = _POSSESSES.match(text)
    if m:
        return [f"{m.group(1)} has {m.group(2)} {m.group(3)}."]
    m = _OWN_QUESTION.match(text)
    return [f"How many {m.group(1)} {m.group(2)} {m.group(3)} have?"] if m else None


def _more_than_that(text: str, context: str) -> list[str] | None:
    m = _MORE_THAN_THAT.match(text)
    if m is None:
        return None
    before = context[: context.find(text)] if text in context else context
    owners = _OWNS.findall(before)
    if not owners:
        return None
    other, _, things = owners[-1]
    return [f"{m.group(1)} has {m.group(2)} {m.group(3)} {things} than {other}."]


def _comparison_question(text: str, context: str) -> list[str] | None:
    m = _FEWER_QUESTION.match(text)
    if m:
        things, fewer, more = m.groups()
        return [f"How many more {things} does {more} have than {fewer}?"]
    m = _BY_HOW_MANY.match(text)
    if m:
        things, more, other = m.groups()
        others = {who for who, _, t in _OWNS.findall(context) if t == things and who != more}
        if other is None and len(others) == 1:
            other = others.pop()
        return [f"How many more {things} does {more} have than {other}?"] if other else None
    return None


def _totals(text: str, context: str) -> list[str] | None:
    m = _WITH_TOTAL.match(text)
    if m:
        things, first, n1, second, n2 = m.groups()
        return [f"{first} has {n1} {_count_noun(things, n1)}.", f"{second} has {n2} {_count_noun(things, n2)}.", f"How many {things} are there?"]
    m = _PAIR_TOTAL.match(text) or _SELF_TOTAL.match(text)
    return [f"How many {m.group(1)} are there?"] if m else None


def _stock_question(text: str, context: str) -> list[str] | None:
    m = _LEFT_AFTER.match(text)
    if m:
        things, who, gerund, given, stock, whom = m.groups()
        lemma = LEMMA_OF_GERUND.get(gerund)
        if lemma is None:
            return None
        change = f"{who} {third_person(lemma)} {given} {things}" + (f" to {whom}." if whom else ".")
        return [f"{who} has {stock} {things}.", change, f"How many {things} does {who} have?"]
    m = _AFTER_CHANGE.match(text)
    if m:
        things, who, gerund, given, prep, other = m.groups()
        giver, taker = (other, who) if gerund in ("getting", "receiving") else (who, other)
        return [f"{giver} gives {given} {things} to {taker}.", f"How many {things} does {who} have?"]
    m = _OF_THE_STOCK.match(text)
    if m:
        stock, things, who = m.groups()
        return [f"{who} has {stock} {things}.", f"How many {things} does {who} have?"]
    m = _HAD_BEFORE.match(text)
    if m and re.search(r"\bHow many\b", context):
        return [f"{m.group(1)} has {m.group(2)} {m.group(3)}."]
    return None


def _spending(text: str, context: str) -> list[str] | None:
    m = _SPENDING.match(text)
    if m is None:
        return None
    share, who, amount, thing = m.groups()
    return [f"{who} has {amount} dollars.", f"{who} spends a share of the money on {thing}.", f"The share is {share}."]


def _count_noun(plural_noun: str, count: str) -> str:
    from agent.rewrite.nouns import singular

    return singular(plural_noun) if count == "1" else plural_noun
