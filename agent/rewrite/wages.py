"""Pay for time worked: an hourly wage, the hours, the total, one of them asked.

pay = wage x hours, whatever the wording. Each part has its usual English forms:

- the wage: `12 dollars per hour`, `12 dollars an hour` (units pass), `a wage of 12 dollars
  per hour`, `is paid 12 dollars for every hour`;
- the hours: `works 5 hours`, `works for 5 hours`, `working 5 hours`, `for 5 hours of work`;
- the total: `earns 60 dollars`, `makes 60 dollars`, `to make 60 dollars` (a sum that is not
  the wage);
- the question: hours (`How many hours ...?`) or money (`How many dollars ...?`, `What does
  Ann earn ...?`, `What is Ann's pay?`).

Canonical ACE:

    Ann earns 12 dollars per hour. Ann works for 5 hours. How many dollars does Ann earn?
    Ann earns 12 dollars per hour. Ann earns 60 dollars. How many hours does Ann work?
"""

from __future__ import annotations

import re

from agent.rewrite.people import the_person

_NUM = r"\d+(?:\.\d+)?"
_WAGE = re.compile(rf"\b({_NUM})\s+dollars?\s+(?:per|an|a|for\s+every|for\s+each|every|each)\s+hour\b", re.I)
_HOURS = re.compile(rf"\b(?:works?|worked|working)\s+(?:for\s+)?({_NUM})\s+hours?\b|\bfor\s+({_NUM})\s+hours?\s+of\s+work\b", re.I)
_TOTAL = re.compile(rf"\b(?:earns?|earned|makes?|made|gets?|got|is\s+paid|receives?)\s+({_NUM})\s+dollars?\b(?!\s+(?:per|an|a|for\s+every|every|each)\s+hour)", re.I)
_ASKS_HOURS = re.compile(r"\bhow\s+many\s+hours\b|\bhow\s+long\b", re.I)
_ASKS_MONEY = re.compile(r"\bhow\s+many\s+dollars\b|\bhow\s+much\s+(?:money\s+)?(?:does|did|will)\b|\bwhat\s+(?:does|did|will)\s+[A-Z][a-z]+\s+(?:earn|make|get)\b|\bpay\b\?|\bearnings\b|\bwages?\b\?", re.I)


def define_wages(text: str) -> str | None:
    """Canonical ACE for pay = wage x hours with one part asked, or None."""
    wages = {m.group(1) for m in _WAGE.finditer(text)}
    if len(wages) != 1:
        return None
    who = the_person(text)
    if who is None:
        return None
    wage = wages.pop()
    hours = {next(g for g in m.groups() if g) for m in _HOURS.finditer(text)}
    totals = {m.group(1) for m in _TOTAL.finditer(text)} - {wage}
    question = _question(text)
    if question is None:
        return None
    rate = f"{who} earns {wage} dollars per hour."
    if _ASKS_HOURS.search(question) and len(totals) == 1 and not hours:
        return f"{rate} {who} earns {totals.pop()} dollars. How many hours does {who} work?"
    if _ASKS_MONEY.search(question) and len(hours) == 1 and not totals:
        count = hours.pop()
        return f"{rate} {who} works for {count} {'hour' if count == '1' else 'hours'}. How many dollars does {who} earn?"
    return None


def _question(text: str) -> str | None:
    asked = [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s.endswith("?") or re.match(r"(?:Find|Calculate|Compute|Determine)\b", s)]
    return asked[-1] if len(asked) == 1 else None
