"""The chains family: steps whose result feeds the next, with the compositional pairs held out."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from tasks import load_suite
from tasks.ace import parse_ace
from tasks.families import COMPOSITIONAL
from tasks.families.base import exact_answer
from tasks.families.chains import (
    COMPOSITIONAL_PAIRS,
    HELD_OUT,
    MAX_STEPS,
    STEPS,
    draw_chain,
    main,
    sample,
)
from verifiers import run_program


def test_the_held_out_pairs_are_the_compositional_suites_families_and_their_reverses() -> None:
    assert set(COMPOSITIONAL_PAIRS) == set(COMPOSITIONAL)
    for pairs in COMPOSITIONAL_PAIRS.values():
        for a, b in pairs:
            assert (a, b) in HELD_OUT and (b, a) in HELD_OUT


def test_no_held_out_pair_is_ever_drawn_and_every_step_and_length_is() -> None:
    steps: Counter[str] = Counter()
    lengths: Counter[int] = Counter()
    for seed in range(3000):
        names, _ = draw_chain(random.Random(seed))
        pairs = set(zip(names, names[1:], strict=False))
        assert not pairs & HELD_OUT, (seed, names)
        steps.update(names)
        lengths[len(names)] += 1
    assert set(steps) == {s.name for s in STEPS}
    assert set(lengths) == set(range(2, MAX_STEPS + 1))


def test_a_held_out_pair_is_not_drawn_even_where_the_steps_fit() -> None:
    """triangle_area -> percent_of fits (a percentage of an area) but is the suite's own pair."""
    seen = [tuple(draw_chain(random.Random(seed))[0][:2]) for seed in range(2000)]
    assert ("triangle_area", "percent_of") not in seen
    assert ("rectangle_area", "percent_of") in seen and ("triangle_area", "to_square_centimeters") in seen


@pytest.mark.parametrize("seed", range(0, 60, 3))
def test_each_chain_parses_and_its_program_gives_the_independent_answer(seed: int) -> None:
    draft = sample(random.Random(seed))
    graph = parse_ace(draft.ace)
    assert graph.query is not None
    result = run_program(draft.program)
    assert result.exception is None and result.answer == exact_answer(draft.answer)[0]
    steps = draft.surface["steps"]
    assert draft.steps == len(steps) + 1 and draft.subtype == "-".join(steps)
    assert draft.ace.count("?") == 1 and draft.prompts[0].count("?") == 1  # one question, not two glued together


def test_the_suite_writer_feeds_the_training_loader(tmp_path) -> None:
    from graphmodel.train import load_items

    out = tmp_path / "chains.jsonl"
    main(["--count", "12", "--seed", "3", "--out", str(out)])
    problems = load_suite(out)
    assert len(problems) == 12 and {p.family for p in problems} == {"chains"}
    assert {p.split.value for p in problems} == {"train"}
    items, skipped = load_items([str(out)])
    assert len(items) == 12 and skipped == []
