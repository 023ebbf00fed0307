"""Wordings a stranger would use for the concepts, none from the suites: each is one English
construction the concept passes must read (passive actors, named medals, steps said in turn,
elided nouns, pronoun owners, one-item purchases)."""

from __future__ import annotations

import pytest

from agent.rewrite.rules import rewrite_rules
from tasks.ace import parse_ace, same_meaning


@pytest.mark.parametrize(
    ("text", "ace"),
    [
        # passive with `by`: the person who acts
        ("A fair coin is tossed 6 times by Lena. What is the probability of exactly 3 tails?",
         "Lena tosses 6 coins. What is the probability of 3 tails?"),
        # `it is red` after one draw
        ("An urn holds 2 white beads and 6 black beads. Omid pulls out one bead. What is the chance it is white?",
         "A bag has 2 white marbles and 6 black marbles. Omid draws 1 marble from the bag. What is the probability of 1 white marble?"),
        # podium places named, not counted
        ("12 swimmers race for gold, silver and bronze. In how many ways can the medals be won?",
         "A race has 12 runners. The race gives 3 different medals to 3 runners. What is the number of the possible orders of the medals?"),
        # arithmetic said as steps in turn
        ("A number tripled and then decreased by 4 equals 20. What is the number?",
         "Calculate the number X such that 3 * X - 4 = 20."),
        # a quiz score out of a total
        ("Noor scored 45 out of 50 on an exam. What percentage is that?",
         "A test has 50 questions. Noor answers 45 questions. What is the percentage of the questions that Noor answers?"),
        # groups said in two sentences and `How many ... is that?`
        ("A farmer packs 12 eggs into each box. He fills 7 boxes. How many eggs is that?",
         "Every box has 12 eggs. There are 7 boxes. How many eggs do the boxes have?"),
        # change after buying one kind of thing
        ("Kai buys 4 books at $3 each and pays with a $20 bill. How much change does he receive?",
         "Kai buys 4 books. A book costs 3 dollars. Kai pays 20 dollars. A shop gives the change to Kai."
         " How many dollars does the shop give to Kai?"),
        # ages with `their ages add up to`
        ("Rin is 6 years younger than Sol. Their ages add up to 40. How old is Rin?",
         "The age of Rin is X. The age of Sol is Y. Y = X + 6. X + Y = 40. What is X?"),
        # the start, with the noun and the receiver left out
        ("Ivo had some cards. He got 9 more from Ada and now has 25. How many cards did Ivo have at first?",
         "The number of the cards of Ivo is X. If Ada gives 9 cards to Ivo then Ivo has 25 cards. What is X?"),
        # a person's own salary
        ("Mona's salary of $2500 rose by 8%. What is her new salary?",
         "Mona has a salary of 2500 dollars. The salary of Mona increases by 8 percent. What is the new salary of Mona?"),
        # `they` for two owners: the collective total
        ("Ada has 5 kites and Ivo has 3 kites. How many kites do they have in all?",
         "Ada has 5 kites. Ivo has 3 kites. How many kites are there?"),
    ],
)
def test_strangers_wordings(text: str, ace: str) -> None:
    result = rewrite_rules(text)
    assert result.ok, f"{text!r} was not rewritten: {[i.reason for i in result.issues]}"
    assert same_meaning(parse_ace(result.ace), parse_ace(ace)), f"{text!r} -> {result.ace!r}"


@pytest.mark.parametrize(
    ("text", "rounding"),
    [
        ("Five guests sit at a round table.", False),
        ("A round trip takes 3 hours.", False),
        ("Round your answer to the nearest cent.", True),
        ("What is the area, rounded to 2 decimal places?", True),
    ],
)
def test_round_is_a_rounding_only_as_a_verb_of_the_answer(text: str, rounding: bool) -> None:
    from agent.rewrite.answer_form import drop_answer_form
    from agent.rewrite.draft import CannotRewrite, Sentence

    try:
        drop_answer_form(Sentence(text=text, start=0, end=len(text)))
    except CannotRewrite:
        refused = True
    else:
        refused = False
    assert refused is rounding, text
