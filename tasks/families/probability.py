"""Probability with exact fractions: dice sums, coin tosses, drawing from an urn."""

from __future__ import annotations

import math
import random
from fractions import Fraction

from tasks.families.base import Draft, Family, program
from tasks.families.text import PEOPLE, Speaker, plural

COLORS = ["red", "blue", "green", "white", "black", "yellow"]


def _dice(rng: random.Random, s: Speaker) -> Draft:
    who = rng.choice(PEOPLE)
    faces = rng.choice([4, 6, 6, 6, 8, 10, 12, 20])
    target = rng.randint(2, 2 * faces)
    favorable = sum(1 for a in range(1, faces + 1) for b in range(1, faces + 1) if a + b == target)
    prompts = [
        f"{who} rolls two fair {faces}-sided dice. What is the probability that the sum is {target}?",
        f"{who} rolls two fair dice with {faces} faces each. Find the probability that the total is {s.n(target)}.",
        f"What is the probability that {who} gets a total of {target} when rolling two fair dice with {faces} faces each?",
        f"{who} throws two dice, each with {faces} faces numbered 1 to {faces}. How likely is a sum of {target}? Give an exact fraction.",
    ]
    ace = (
        f"{who} rolls 2 dice. Every die has {faces} faces. "
        f"What is the probability of a sum of {target}?"
    )
    code = program(
        f"faces = {faces}", f"target = {target}", "favorable = 0",
        "for first in range(1, faces + 1):",
        "    for second in range(1, faces + 1):",
        "        if first + second == target:",
        "            favorable += 1",
        "answer = Rational(favorable, faces**2)",
    )
    return Draft("dice_sum", {"faces": faces, "target": target}, prompts, ace, code, Fraction(favorable, faces**2), 3,
                 {"person": who})


def _coins(rng: random.Random, s: Speaker) -> Draft:
    who = rng.choice(PEOPLE)
    tosses = rng.randint(2, 12)
    heads = rng.randint(0, tosses)
    side = rng.choice(["heads", "tails"])
    prompts = [
        f"{who} tosses a fair coin {tosses} times. What is the probability of getting exactly {heads} {side}?",
        f"{who} flips a fair coin {s.n(tosses)} times. Find the probability that exactly {s.n(heads)} of the flips are {side}.",
        f"What is the probability that exactly {heads} of {who}'s {tosses} tosses of a fair coin land {side}?",
        f"If {who} tosses a fair coin {tosses} times, how likely are exactly {heads} {side}? Give an exact fraction.",
    ]
    ace = f"{who} tosses {tosses} {plural('coin', tosses)}. What is the probability of {heads} {plural(side[:-1], heads)}?"
    code = program(f"tosses = {tosses}", f"{side} = {heads}", f"ways = binomial(tosses, {side})",
                   "answer = Rational(ways, 2**tosses)", imports="Rational, binomial")
    return Draft("coins", {"tosses": tosses, "k": heads}, prompts, ace, code, Fraction(math.comb(tosses, heads), 2**tosses), 2,
                 {"person": who, "side": side})


def _urn(rng: random.Random, s: Speaker) -> Draft:
    who = rng.choice(PEOPLE)
    c1, c2 = rng.sample(COLORS, 2)
    n1, n2 = rng.randint(1, 20), rng.randint(1, 20)
    draws = rng.choice([1, 2]) if n1 >= 2 else 1
    total = n1 + n2
    if draws == 1:
        q_en, q_ace = f"the marble is {c1}", f"1 {c1} marble"
        value = Fraction(n1, total)
        lines = [f"answer = Rational({c1}, total)"]
    else:
        q_en, q_ace = f"both marbles are {c1}", f"2 {c1} marbles"
        value = Fraction(n1, total) * Fraction(n1 - 1, total - 1)
        lines = [f"answer = Rational({c1}, total) * Rational({c1} - 1, total - 1)"]
    drawn = f"{draws} {plural('marble', draws)}"
    prompts = [
        f"A bag holds {n1} {c1} marbles and {n2} {c2} marbles. {who} draws {drawn} at random{' without replacement' if draws == 2 else ''}. What is the probability that {q_en}?",
        f"What is the probability that {q_en} if {who} draws {drawn} at random from a bag of {s.n(n1)} {c1} and {s.n(n2)} {c2} marbles{' without putting any back' if draws == 2 else ''}?",
        f"A bag contains {n2} {c2} marbles and {n1} {c1} marbles. {who} takes out {drawn} at random{' one after the other, without replacement' if draws == 2 else ''}. Find the probability that {q_en}.",
        f"{who} picks {drawn} from a box with {n1} {c1} and {n2} {c2} marbles{', without replacement' if draws == 2 else ''}. How likely is it that {q_en}?",
    ]
    ace = (
        f"A bag has {n1} {c1} {plural('marble', n1)} and {n2} {c2} {plural('marble', n2)}. "
        f"{who} draws {draws} {plural('marble', draws)} from the bag. What is the probability of {q_ace}?"
    )
    code = program(f"{c1} = {n1}", f"{c2} = {n2}", f"total = {c1} + {c2}", *lines)
    return Draft(f"urn_{draws}", {"n1": n1, "n2": n2}, prompts, ace, code, value, 2 + draws,
                 {"person": who, "colors": [c1, c2]})


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    return rng.choice([_dice, _coins, _urn])(rng, s)


FAMILY = Family("probability", "Exact probabilities with dice, coins and urns", sample)
