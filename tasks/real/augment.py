"""Number views: a MAWPS/ASDiv-A problem again with other numbers, the same equation.

Why: trained on 1,900 stories, the generator memorizes which words go with which program
shape instead of reading the numbers it copies: on fold 0 it wrote an integer program
(`4 + 12`) for 25 of 25 decimal questions it had not seen, while it reproduced the decimal
programs (`Rational('0.625') - Rational('0.25')`) of the stories it was trained on. A view
keeps the story and the equation and draws new numbers, integers or decimals, in the same
order of size as the originals (so `greater` edges and the sign of each subtraction stay
right), so the program's form follows the numbers, not the words around them.
"""

from __future__ import annotations

import random
from fractions import Fraction

from tasks.real.evaluate import ProgramError, evaluate_program
from tasks.real.numbers import Number, answer_string, dataset_number, exact_number
from tasks.real.programs import canonical as canonical_order
from tasks.real.programs import parse_prefix, program
from tasks.real.text import restore
from tasks.schema import AnswerKind, Problem

DECIMAL_SHARE = 0.3  # share of a view's numbers drawn as decimals (the datasets: about 8% of MAWPS)
MAX_TRIES = 8


def stored_number(text: str) -> Number:
    """A number back from the text the loader stored in `meta.numbers` (`12`, `2.5`, `2/3`, `7 2/3`)."""
    if "/" in text:
        return exact_number(sum((Fraction(part) for part in text.split()), Fraction(0)))
    return dataset_number(text)


def _draw(rng: random.Random, count: int) -> list[Fraction]:
    """`count` distinct positive values, ascending: integers 1-199, or decimals with 1-2 places."""
    values: set[Fraction] = set()
    while len(values) < count:
        if rng.random() < DECIMAL_SHARE:
            places = rng.choice((1, 2))
            scale = 10**places
            v = Fraction(rng.randint(1, 99 * scale), scale)
        else:
            v = Fraction(rng.randint(1, 199))
        values.add(v)
    return sorted(values)


def number_view(p: Problem, rng: random.Random, suffix: str, canonical: bool = False) -> Problem | None:
    """The problem with new numbers in the same order of size, its program and answer
    recomputed; None when it has no masked text and equation, or no draw gives a program
    that evaluates (a division by zero)."""
    masked, equation, texts = p.meta.get("masked"), p.meta.get("equation"), p.meta.get("numbers")
    if not masked or not equation or not texts:
        return None
    old = [stored_number(t).value for t in texts]
    distinct = sorted(set(old))
    for _ in range(MAX_TRIES):
        new = dict(zip(distinct, _draw(rng, len(distinct)), strict=True))
        numbers = [exact_number(new[v]) for v in old]
        tree = parse_prefix(equation, numbers)
        source = program([("answer", canonical_order(tree) if canonical else tree)])
        try:
            value = evaluate_program(source)
        except ProgramError:
            continue
        return p.model_copy(update={
            "id": f"{p.id}{suffix}",
            "prompt": restore(masked, numbers),
            "program": source,
            "answer": answer_string(value),
            "answer_kind": AnswerKind.integer if value.denominator == 1 else AnswerKind.rational,
            "meta": {**p.meta, "numbers": [n.text for n in numbers], "view_of": p.id},
        })
    return None


def number_views(problems: list[Problem], copies: int, seed: int, canonical: bool = False) -> list[Problem]:
    """`copies` number views of each problem that has them, seeded."""
    rng = random.Random(seed)
    out = []
    for p in problems:
        for c in range(copies):
            view = number_view(p, rng, f"-n{c + 1}", canonical)
            if view is not None:
                out.append(view)
    return out
