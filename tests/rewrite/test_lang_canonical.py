"""ACE input goes through the passes too; they must leave the meaning of canonical ACE alone.

Every canonical ACE of the test suite, given as input, comes back with the same meaning graph
(`same_meaning`), so that running the passes on ACE (to reach the patterns the model reads) is
never a way to change what a user wrote in ACE.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.rewrite import rewrite_rules

SUITE = Path(__file__).resolve().parents[2] / "tasks" / "suites" / "test.jsonl"


def test_canonical_ace_keeps_its_meaning_through_the_passes() -> None:
    if not SUITE.exists():
        pytest.skip(f"{SUITE} is not generated yet")
    from tasks import load_suite
    from tasks.ace import parse_ace, same_meaning

    changed = []
    for problem in load_suite(SUITE):
        if problem.ace is None:
            continue
        result = rewrite_rules(problem.ace)
        if not result.ok or not same_meaning(parse_ace(result.ace), parse_ace(problem.ace)):
            changed.append(f"{problem.id}: {problem.ace!r} -> {result.ace!r}")
    assert not changed, "\n".join(changed[:10])


def test_ace_in_another_form_reaches_the_canonical_patterns() -> None:
    result = rewrite_rules("Every edge of a cube is 4 meters. Calculate the volume of the cube.")
    assert result.ace == "A cube has a side of 4 meters. What is the volume of the cube?", result


def test_ace_the_passes_cannot_handle_is_kept_as_written() -> None:
    text = "A number X is unknown. X + 2 = 5. What is X?"
    assert rewrite_rules(text).ace == text
