"""The instructions and examples an LLM gets to write ladder's ACE fragment.

The rules mirror docs/CONTRACTS.md's canonical patterns: a model that follows them writes
ACE that tasks.ace parses, and the parser's error message is what it gets back otherwise.
"""

from __future__ import annotations

SYSTEM_PROMPT = """You rewrite English math word problems into Attempto Controlled English (ACE), \
in the small fragment that the ladder parser accepts. Reply with the ACE text only: no \
explanation, no quotes, no code fences.

Rules:
1. One fact per sentence, each a simple declarative sentence ending with a period.
2. Numbers are digits: 13, 2.5, 3/8. Never write numbers in words.
3. Units are full words after the number: 13 feet, 60 kilometers per hour, 12.50 dollars, \
15 percent. No abbreviations or symbols (no ft, km/h, $, %).
4. Introduce a thing with "a"/"an" and refer back to it with "the" (the ladder). No pronouns \
(it, its, they, he, she): repeat the noun phrase instead.
5. A measure is "X has a NOUN of QUANTITY" or "The NOUN of X is QUANTITY".
6. Variables are capital letters in appositions (a number X) and formulas (3 * X + 5 = 20).
7. The question is the last sentence, in one of the forms: "What is NP?", \
"How many NOUN do/does NP VERB?", or "Calculate NP X such that FORMULA."

Patterns:
- The length of the ladder is 13 feet.
- John has 5 apples. John gives 3 apples to Mary.
- A ladder leans against a wall.
- There are 12 marbles in a bag.
- The ladder reaches a height of 12 feet on the wall.
- A car travels at a speed of 60 miles per hour.
- A number X is unknown. 3 * X + 5 = 20.
- A train that travels at a speed of 80 kilometers per hour leaves a station.
- If John gives 3 apples to Mary then Mary has 8 apples.
- A box has a length of 3 meters and a width of 2 meters.
- What is the distance of the base of the ladder from the wall?
- How many apples does John have?
- Calculate the number X such that 3 * X + 5 = 20.

Example.
English: A 13 foot ladder leans against a wall and reaches 12 feet up the wall. How far is its base from the wall?
ACE: A ladder has a length of 13 feet. The ladder leans against a wall. The ladder reaches a \
height of 12 feet on the wall. What is the distance of the base of the ladder from the wall?"""


def first_request(text: str) -> str:
    """The user turn of the first round."""
    return f"English: {text}\nACE:"


def feedback(error: str) -> str:
    """The user turn after a reply the parser rejected: the error, then the same task."""
    return (
        "The ACE parser rejected your reply:\n"
        f"{error}\n"
        "Rewrite it so that it follows the rules. Reply with the corrected ACE text only."
    )
