"""Generate suites: N problems per family for one split, deterministically from a seed.

Problem `index` of a family is drawn from `random.Random(stable_seed(seed, split, family,
index, attempt))`; attempts continue until the draw belongs to the split (see splits.py)
and is not a duplicate of an earlier problem in the suite. Same arguments, same bytes.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

from tasks.families import COMPOSITIONAL, FAMILIES, Family
from tasks.families.base import Draft, FamilyError, exact_answer, stable_seed
from tasks.families.text import tidy
from tasks.schema import Problem, Split
from tasks.splits import admits

MAX_ATTEMPTS = 400  # per problem; a family that needs more has too small a parameter space


def resolve_families(names: Iterable[str] | None, split: Split) -> list[Family]:
    """Families by name (all the split's families when None), with a clear error for unknown ones."""
    pool = COMPOSITIONAL if split == Split.compositional else FAMILIES
    if names is None:
        return list(pool.values())
    chosen = []
    for name in names:
        if name in pool:
            chosen.append(pool[name])
            continue
        other = FAMILIES if pool is COMPOSITIONAL else COMPOSITIONAL
        hint = (
            f" ('{name}' is a {'compositional' if other is COMPOSITIONAL else 'random-split'} family)"
            if name in other
            else ""
        )
        raise FamilyError(
            f"unknown family '{name}' for split '{split.value}'{hint}; known: {', '.join(sorted(pool))}"
        )
    return chosen


def to_problem(draft: Draft, family: Family, split: Split, index: int, template: int) -> Problem:
    """Fix a draft's phrasing and give it an id and split."""
    answer, kind = exact_answer(draft.answer)
    return Problem(
        id=f"{split.value}-{family.name}-{index:05d}",
        prompt=tidy(draft.prompts[template]),
        answer=answer,
        answer_kind=kind,
        ace=tidy(draft.ace),
        program=draft.program,
        family=family.name,
        split=split,
        difficulty=max(1, min(10, draft.steps)),
        meta={
            "subtype": draft.subtype,
            "template": f"{draft.subtype}.{template}",
            "params": draft.params,
            "surface": draft.surface,
        },
    )


def generate_family(family: Family, n: int, seed: int, split: Split) -> Iterator[Problem]:
    """Yield n distinct problems of one family for one split."""
    seen: set[str] = set()
    for index in range(n):
        for attempt in range(MAX_ATTEMPTS):
            rng = random.Random(stable_seed(seed, split.value, family.name, index, attempt))
            draft = family.sample(rng)
            key = draft.key(family.name)
            if key in seen or not admits(split, key, family.compositional):
                continue
            seen.add(key)
            yield to_problem(draft, family, split, index, rng.randrange(len(draft.prompts)))
            break
        else:
            raise FamilyError(
                f"family '{family.name}': no new problem for split '{split.value}' after "
                f"{MAX_ATTEMPTS} attempts at index {index}; its parameter space is too small for n={n}"
            )


def generate(
    families: Iterable[str] | None, per_family: int, seed: int, split: Split | str
) -> list[Problem]:
    """Problems for a suite: `per_family` of each named family (all when None), family by family."""
    split = Split(split)
    if per_family < 0:
        raise FamilyError(f"per_family must be >= 0, got {per_family}")
    out: list[Problem] = []
    for family in resolve_families(families, split):
        out.extend(generate_family(family, per_family, seed, split))
    return out
