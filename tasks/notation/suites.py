"""Generate the notation suites: `python -m tasks.notation.suites --seed 7 --out tasks/suites`.

Same seed, same bytes. Problems are drawn family by family as in tasks/generate.py (one
Random per family, index and attempt, from `stable_seed`), split by the hash of their
parameters (tasks/splits.py), so a test problem never reappears in train under another
wording. They carry no ACE and `meta.front_end = "notation"`, so training reads them through
the notation front end (graphmodel/recipes.py `prepare`). They live in their own files and
never enter train/valid/test.jsonl. The seed is not the mathematics_dataset eval's (0), and
nothing here is drawn from that generator.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

import sympy

from tasks.families.base import Draft, Family, FamilyError, stable_seed
from tasks.notation.families import FAMILIES
from tasks.schema import AnswerKind, Problem, Split
from tasks.splits import admits
from tasks.suites_io import dump_suite

DEFAULT_SEED = 7
MAX_ATTEMPTS = 400
# problems per family in train; valid and test get a tenth and a fifth of that
TRAIN_COUNTS = {
    "notation_arithmetic": 1000, "notation_linear_1d": 350, "notation_linear_2d": 400,
    "notation_polynomial_roots": 400, "notation_sequences": 250, "notation_differentiate": 300,
    "notation_integrate": 150, "notation_polynomials": 700, "notation_surds": 250,
    "notation_numbers": 900, "notation_bases": 300, "notation_comparison": 800, "notation_probability": 250, "notation_measurement": 250,
    "notation_clock": 150,
}
SHARE = {Split.train: 1.0, Split.valid: 0.1, Split.test: 0.2}


def answer_of(value: object) -> tuple[str, AnswerKind]:
    """The exact answer string and kind: tuples for ordered lists, strings for base numerals."""
    from tasks.families.base import exact_answer

    if isinstance(value, str):
        return value, (AnswerKind.integer if value.lstrip("-").isdigit() else AnswerKind.expression)
    if isinstance(value, tuple):
        parts = [answer_of(v)[0] for v in value]
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")", AnswerKind.tuple
    if isinstance(value, sympy.logic.boolalg.BooleanAtom):
        value = bool(value)
    return exact_answer(value)


def to_problem(draft: Draft, family: Family, split: Split, index: int, template: int) -> Problem:
    answer, kind = answer_of(draft.answer)
    return Problem(
        id=f"{split.value}-{family.name}-{index:05d}",
        prompt=draft.prompts[template],
        answer=answer,
        answer_kind=kind,
        ace=None,
        program=draft.program,
        family=family.name,
        split=split,
        difficulty=max(1, min(10, draft.steps)),
        meta={
            "front_end": "notation",
            "subtype": draft.subtype,
            "template": f"{draft.subtype}.{template}",
            "params": draft.params,
        },
    )


def generate_family(family: Family, n: int, seed: int, split: Split) -> Iterator[Problem]:
    """n distinct problems of one family for one split."""
    seen: set[str] = set()
    for index in range(n):
        for attempt in range(MAX_ATTEMPTS):
            rng = random.Random(stable_seed("notation", seed, split.value, family.name, index, attempt))
            draft = family.sample(rng)
            key = draft.key(family.name)
            if key in seen or not admits(split, key, False):
                continue
            seen.add(key)
            yield to_problem(draft, family, split, index, rng.randrange(len(draft.prompts)))
            break
        else:
            raise FamilyError(f"family {family.name!r}: no new problem for {split.value} after {MAX_ATTEMPTS} attempts")


def generate(seed: int, split: Split, scale: float = 1.0, families: list[str] | None = None) -> list[Problem]:
    out: list[Problem] = []
    for name in families or list(FAMILIES):
        n = max(1, round(TRAIN_COUNTS.get(name, 200) * SHARE[split] * scale))
        out.extend(generate_family(FAMILIES[name], n, seed, split))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=Path("tasks/suites"))
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every family's count")
    args = parser.parse_args(argv)
    for split in (Split.train, Split.valid, Split.test):
        problems = generate(args.seed, split, args.scale)
        path = args.out / f"notation_{split.value}.jsonl"
        dump_suite(problems, path)
        print(f"{path}: {len(problems)} problems")


if __name__ == "__main__":
    main()
