"""The counting, chance, divisibility and story constructs of the meaning compiler
(agent/meaning_counts.py, agent/meaning_stories.py): each states its constraints, pins the right
answer down as the only one in the asked domain and refutes a wrong one; a shape it is not sure
of adds nothing (the answer stays unverified, never refuted)."""

from __future__ import annotations

import pytest
import sympy
from meaning_checks import assert_construct_decides

from agent.checks import _target_domain
from agent.constraints import derive
from agent.meaning import compile_meaning, decide
from tasks.ace import parse_ace

# (ACE, the construct that must contribute, the right answer, a wrong one)
CONSTRUCTS = [
    ("X = 99. Y = 36. Calculate the least positive number Z such that X divides Z and Y divides Z.",
     "least common multiple", "396", "3564"),
    ("X = 90. Y = 165. Calculate the largest number Z such that Z divides X and Z divides Y.",
     "greatest common divisor", "15", "5"),
    ("Alice has 96 pencils and 64 erasers. Alice shares the pencils among the children of Alice. Alice shares the "
     "erasers among the children. Every child gets an equal share. What is the largest number of the children?",
     "greatest common divisor", "32", "16"),
    ("A bus leaves a station with an interval of 42 minutes. A boat leaves the station with an interval of 72 "
     "minutes. The bus leaves the station with the boat. What is the time of the next departure of the bus with "
     "the boat?", "least common multiple", "504", "3024"),
    ("A shelf has 10 books. What is the number of the possible orders of the books?", "arrangements", "3628800", "100"),
    ("A race has 11 runners. The race gives 5 different medals to 5 runners. What is the number of the possible "
     "orders of the medals?", "arrangements", "55440", "462"),
    ("A party has 54 guests. Every guest shakes the hand of every other guest. What is the number of the "
     "handshakes?", "handshakes", "1431", "2862"),
    ("A class has 12 boys and 8 girls. The teacher chooses 2 boys and 2 girls. What is the number of the possible "
     "choices?", "choosing", "1848", "94"),
    ("A club has 31 members. The club chooses a committee of 3 members. What is the number of the possible "
     "committees?", "choosing", "4495", "26970"),
    ("Tom tosses 10 coins. What is the probability of 3 tails?", "independent tosses", "15/128", "3/10"),
    ("Mary rolls 2 dice. Every die has 12 faces. What is the probability of a sum of 6?", "sum of dice",
     "5/144", "1/12"),
    ("A bag has 5 red marbles and 4 white marbles. Olivia draws 2 marbles from the bag. What is the probability "
     "of 2 red marbles?", "drawing without replacement", "5/18", "25/81"),
    ("X = 3 ^ 30. What is the sum of the digits of X?", "sum of the digits", "63", "30"),
    ("X = 1608. How many divisors does X have?", "number of divisors", "16", "8"),
    ("A theater sells 188 tickets. The theater earns 3012 dollars. An adult ticket costs 24 dollars. A junior "
     "ticket costs 14 dollars. How many junior tickets does the theater sell?", "mixture of two kinds", "150", "38"),
    ("The animals of a farm have 94 heads. The animals have 302 legs. A chicken has 2 legs. A cow has 4 legs. "
     "How many cows does the farm have?", "heads and legs (one head each)", "57", "37"),
    ("A train is 630 miles from a bus. The train travels towards the bus at a speed of 72 miles per hour. The bus "
     "travels towards the train at a speed of 33 miles per hour. The train meets the bus. How many hours does the "
     "train travel?", "meeting: time x sum of speeds = distance", "6", "35/4"),
    ("Sara buys 2 books. A book costs 40 dollars. Sara buys 8 pencils. A pencil costs 2 dollars. Sara pays 100 "
     "dollars. A shop gives the change to Sara. How many dollars does the shop give to Sara?",
     "change of a purchase", "4", "20"),
    ("Sara has 100 dollars. Sara saves 35 dollars per week. A desk costs 1290 dollars. How many weeks does Sara "
     "need?", "saving for a price", "34", "35"),
    ("A day has 7 lessons. Every lesson lasts 40 minutes. The day has 3 breaks. Every break lasts 20 minutes. The "
     "day has a lunch of 60 minutes. How many minutes does the day last?", "sum of durations", "400", "340"),
    ("Alice earns 5600 dollars per month. Alice spends a share of the money on the rent. The share is 35 percent. "
     "Alice spends 150 dollars on the food. Alice spends 180 dollars on the fuel. How many dollars does Alice "
     "save?", "budget: earned (held) less spent", "3310", "5270"),
    ("Emma has 40 dollars. Emma spends a share of the money on a game. The share is 3/8. How many dollars does "
     "Emma keep?", "budget: earned (held) less spent", "25", "15"),
    ("A recipe needs 200 grams for 2 people. Ivan cooks the recipe for 19 people. A bag has 500 grams. How many "
     "bags does Ivan need?", "scaled recipe in packs", "4", "3"),
    ("A number X is positive. X * (X + 2) = 528. What is X?", "stated sign", "22", "-24"),
]


def _decide(ace: str, answer: str):
    graph = parse_ace(ace)
    return decide(compile_meaning(graph), sympy.sympify(answer), _target_domain(derive(graph)))


@pytest.mark.parametrize(("ace", "construct", "right", "wrong"), CONSTRUCTS, ids=[f"{c[1]}:{c[2]}" for c in CONSTRUCTS])
def test_each_construct_pins_the_answer_down_and_refutes_a_wrong_one(ace, construct, right, wrong) -> None:
    assert_construct_decides(ace, construct, right, wrong)


def _relations(ace: str, construct: str) -> list[sympy.Basic]:
    return [c.relation for c in compile_meaning(parse_ace(ace)).constraints if c.construct == construct]


def test_choosing_is_a_product_of_binomials_and_the_certificate_shows_them() -> None:
    [relation] = _relations(CONSTRUCTS[7][0], "choosing")
    assert relation.rhs == sympy.Mul(sympy.binomial(12, 2, evaluate=False), sympy.binomial(8, 2, evaluate=False),
                                     evaluate=False)
    shown = [c.relation for c in _decide(CONSTRUCTS[7][0], "1848").constraints if c.rule == "choosing"]
    assert shown == ["choices = binomial(12, 2)*binomial(8, 2)"]


def test_a_mixture_is_two_equations_over_whole_counts() -> None:
    first, second = _relations(CONSTRUCTS[14][0], "mixture of two kinds")
    adult, junior = sympy.symbols("adult_ticket junior_ticket")
    assert first == sympy.Eq(adult + junior, 188)
    assert sympy.simplify(second.lhs - (24 * adult + 14 * junior)) == 0 and second.rhs == 3012


def test_the_weeks_needed_are_the_least_whole_number_even_when_the_question_asks_a_real() -> None:
    ace = CONSTRUCTS[18][0]
    assert _decide(ace, "34").verdict == "unique"
    assert _decide(ace, "69/2").verdict == "violated"  # 34 weeks reach it; half a week is no week


# Shapes a construct must not read: a chance of `1 red marble` among 2 drawn (exactly? at least?),
# a verb that changes what is counted, a third kind in a mixture, a pool of two amounts.
UNREAD = [
    ("A bag has 5 red marbles and 4 white marbles. Olivia draws 2 marbles from the bag. What is the probability "
     "of 1 red marble?", "drawing without replacement"),
    ("A class has 12 boys and 8 girls. 3 boys leave the class. The teacher chooses 2 boys and 2 girls. What is "
     "the number of the possible choices?", "choosing"),
    ("Sara buys 2 books. A book costs 40 dollars. Sara buys 8 pencils. Sara pays 100 dollars. A shop gives the "
     "change to Sara. How many dollars does the shop give to Sara?", "change of a purchase"),
    ("A party has 54 guests. A party has 20 guests. Every guest shakes the hand of every other guest. What is the "
     "number of the handshakes?", "handshakes"),
    ("X = 22. Y = 11. Calculate the least number Z such that X divides Z and Y divides Z.", "least common multiple"),
]


@pytest.mark.parametrize(("ace", "construct"), UNREAD, ids=[u[1] for u in UNREAD])
def test_a_shape_the_construct_is_not_sure_of_adds_nothing(ace, construct) -> None:
    meaning = compile_meaning(parse_ace(ace))
    assert construct not in meaning.constructs(), meaning.constraints
