"""The constraints' own program (agent/declarative.py): written from the meaning, run in the
sandbox, checked like any other, reported `answered` and never `verified`."""

from __future__ import annotations

import pytest
from test_selection import Ranked

from agent import Agent, Status
from agent.declarative import declarative_program
from graphmodel.generators import CHECKPOINT_DIR
from tasks.ace import parse_ace
from verifiers import run_program

TOM = "Tom has 12 apples. He gives 5 apples to Sara. Then he buys 8 apples. How many apples does Tom have now?"
TOM_ACE = "Tom has 12 apples. Tom gives 5 apples to Sara. Tom buys 8 apples. How many apples does Tom have?"


def test_the_program_solves_the_constraints_in_the_sandbox() -> None:
    source = declarative_program(parse_ace(TOM_ACE))
    assert source is not None and "solve(" in source and "Equality(" in source
    assert run_program(source).answer == "15"


def test_no_program_when_the_constraints_leave_the_answer_open() -> None:
    assert declarative_program(parse_ace("Mary gives 47 marbles to Rosa. How many marbles does Mary have?")) is None
    assert declarative_program(parse_ace("Liam has 121 apples. Liam washes 37 apples. How many apples does Liam have?")) is None


def test_when_every_program_fails_the_constraints_answer_and_say_so() -> None:
    wrong = Ranked(("answer = 12 + 5 - 8\n", -0.5), ("answer = 12 - 5\n", -0.9))
    solution = Agent(generator=wrong, samples=2, max_repairs=0).solve(TOM)
    assert solution.answer == "15", solution.trace
    assert solution.status is Status.answered  # never verified: the constraints wrote it
    assert [s.node for s in solution.trace][-2:] == ["declare", "answer"]
    assert "constraints alone" in solution.certificate
    assert all(c.outcome.value == "refuted" for c in solution.candidates)


def test_it_can_be_switched_off() -> None:
    wrong = Ranked(("answer = 12 + 5 - 8\n", -0.5),)
    solution = Agent(generator=wrong, samples=1, max_repairs=0, declarative=False).solve(TOM)
    assert solution.answer is None and solution.status is Status.no_answer


@pytest.mark.skipif(not (CHECKPOINT_DIR / "graph.pt").is_file(), reason="no shipped graph checkpoint")
@pytest.mark.parametrize(("story", "right"), [(TOM, "15"), ("What is 15 percent of 80?", "12")])
def test_the_issue_stories_with_the_shipped_model(story: str, right: str) -> None:
    assert Agent().solve(story).answer == right
