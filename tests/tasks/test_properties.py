"""Properties over fresh draws (not only the frozen suites): any seed gives correct problems."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.ace import AceError, parse_ace
from tasks.families import COMPOSITIONAL, FAMILIES
from tasks.generate import to_problem
from tasks.schema import Split

ALL = {**FAMILIES, **COMPOSITIONAL}
# derandomize: the same examples on every run, so CI is reproducible.
SETTINGS = settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(name=st.sampled_from(sorted(ALL)), seed=st.integers(0, 2**32), template=st.integers(0, 3))
def test_any_draw_runs_to_its_answer_and_its_ace_parses(same_value, name, seed, template):
    family = ALL[name]
    draft = family.sample(random.Random(seed))
    split = Split.compositional if family.compositional else Split.test
    problem = to_problem(draft, family, split, 0, template)
    namespace: dict[str, object] = {}
    exec(compile(problem.program, f"<{name}:{seed}>", "exec"), namespace)  # noqa: S102 - our own programs
    assert same_value(namespace["answer"], problem.answer), (
        f"{name} seed {seed}: program gives {namespace['answer']}, answer is {problem.answer}"
    )
    try:
        parse_ace(problem.ace)
    except AceError as exc:
        raise AssertionError(f"{name} seed {seed}: ACE rejected: {exc}\n{problem.ace}") from None


@SETTINGS
@given(name=st.sampled_from(sorted(ALL)), seed=st.integers(0, 2**32))
def test_sampling_is_a_function_of_the_seed(name, seed):
    first, second = ALL[name].sample(random.Random(seed)), ALL[name].sample(random.Random(seed))
    assert first == second
