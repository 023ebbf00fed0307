"""Number theory: remainders, modular powers, digit sums and divisor counts."""

from __future__ import annotations

import random

from tasks.families.base import Draft, Family, program
from tasks.families.text import Speaker


def _remainder(rng: random.Random, s: Speaker) -> Draft:
    dividend, divisor = rng.randint(20, 5000), rng.randint(2, 60)
    prompts = [
        f"What is the remainder when {dividend} is divided by {divisor}?",
        f"Find the remainder of {dividend} divided by {s.n(divisor)}.",
        f"What is left over when {dividend} is divided by {divisor}?",
        f"When you divide {dividend} by {divisor}, what remainder do you get?",
    ]
    ace = f"X = {dividend}. Y = {divisor}. What is the remainder of the division of X by Y?"
    code = program(f"dividend = {dividend}", f"divisor = {divisor}", "remainder = dividend % divisor", "answer = remainder",
                   imports="")
    return Draft("remainder", {"a": dividend, "b": divisor}, prompts, ace, code, dividend % divisor, 1)


def _modpow(rng: random.Random, s: Speaker) -> Draft:
    base, exponent, modulus = rng.randint(2, 30), rng.randint(5, 500), rng.randint(3, 50)
    prompts = [
        f"What is the remainder when {base}^{exponent} is divided by {modulus}?",
        f"Find {base} to the power {exponent} modulo {modulus}.",
        f"Compute the remainder of {base} raised to the {exponent}th power upon division by {modulus}.",
        f"When {base}**{exponent} is divided by {modulus}, what is the remainder?",
    ]
    ace = f"X = {base} ^ {exponent}. Y = {modulus}. What is the remainder of the division of X by Y?"
    code = program(f"base = {base}", f"exponent = {exponent}", f"modulus = {modulus}",
                   "remainder = pow(base, exponent, modulus)", "answer = remainder", imports="")
    return Draft("modpow", {"b": base, "e": exponent, "m": modulus}, prompts, ace, code, pow(base, exponent, modulus), 2)


def _digit_sum(rng: random.Random, s: Speaker) -> Draft:
    if rng.random() < 0.5:
        base, exponent = rng.randint(2, 9), rng.randint(5, 40)
        number = base**exponent
        shown, ace_num_, first = f"{base}^{exponent}", f"{base} ^ {exponent}", f"number = {base}**{exponent}"
        params = {"b": base, "e": exponent}
    else:
        number = rng.randint(100, 10**7)
        shown = ace_num_ = str(number)
        first, params = f"number = {number}", {"n": number}
    prompts = [
        f"What is the sum of the digits of {shown}?",
        f"Add up the digits of {shown}. What do you get?",
        f"Find the digit sum of the number {shown}.",
        f"If you write {shown} in decimal and add its digits, what is the total?",
    ]
    ace = f"X = {ace_num_}. What is the sum of the digits of X?"
    code = program(first, "digit_sum = sum(map(int, str(number)))", "answer = digit_sum", imports="")
    return Draft("digit_sum", params, prompts, ace, code, sum(int(d) for d in str(number)), 2)


def _divisors(rng: random.Random, s: Speaker) -> Draft:
    number = rng.randint(2, 5000)
    prompts = [
        f"How many positive divisors does {number} have?",
        f"Count the positive whole numbers that divide {number} exactly.",
        f"What is the number of divisors of {number}?",
        f"Find how many factors {number} has, including 1 and {number} itself.",
    ]
    ace = f"X = {number}. How many divisors does X have?"
    code = program(f"number = {number}", "count = divisor_count(number)", "answer = count", imports="divisor_count")
    return Draft("divisor_count", {"n": number}, prompts, ace, code, sum(1 for d in range(1, number + 1) if number % d == 0), 1)


def sample(rng: random.Random) -> Draft:
    s = Speaker(rng)
    return rng.choice([_remainder, _modpow, _digit_sum, _divisors])(rng, s)


FAMILY = Family("number_theory", "Remainders, modular powers, digit sums, divisor counts", sample)
