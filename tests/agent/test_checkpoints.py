"""SQLite checkpoints that load without LangGraph's 'unregistered type' warnings; async solving."""

from __future__ import annotations

import asyncio
import logging

import pytest

from agent import Agent, Status
from agent.checkpoints import state_types
from agent.state import AgentState, Mode, RepairRound, TraceStep, Verdict
from agent.state import Status as StateStatus

ACE_QUESTION = "A right triangle has a first leg of 15 yards and a second leg of 36 yards. What is the hypotenuse of the right triangle?"


def test_state_types_reach_every_model_and_enum_of_the_state() -> None:
    types = state_types()
    for needed in (AgentState, Mode, StateStatus, TraceStep, RepairRound, Verdict):
        assert needed in types, f"{needed.__name__} is not registered with the checkpoint serializer"


def test_reading_a_sqlite_checkpoint_warns_about_no_type(tmp_path, caplog) -> None:
    path = tmp_path / "runs.sqlite"
    first = Agent(checkpointer=f"sqlite:{path}").solve(ACE_QUESTION, thread_id="t1")
    assert first.answer is not None, first.error
    reader = Agent(checkpointer=f"sqlite:{path}")  # a fresh process would read it the same way
    with caplog.at_level(logging.WARNING):
        values = reader.graph.get_state(reader.config("t1")).values
    unregistered = [r.getMessage() for r in caplog.records if "unregistered type" in r.getMessage()]
    assert not unregistered, unregistered
    assert values["status"] is Status.verified or values["status"] is Status.answered
    assert isinstance(values["trace"][0], TraceStep), "the state's records come back as their own types"


def test_asolve_and_astream_match_solve() -> None:
    agent = Agent()
    expected = agent.solve(ACE_QUESTION)

    async def run() -> tuple:
        solution = await agent.asolve(ACE_QUESTION)
        nodes = [event.node async for event in agent.astream(ACE_QUESTION)]
        return solution, nodes

    solution, nodes = asyncio.run(run())
    assert (solution.answer, solution.status) == (expected.answer, expected.status)
    assert nodes[0] == "rewrite" and nodes[-1] == "answer", nodes


def test_an_unknown_checkpointer_is_an_agent_error() -> None:
    from agent import AgentError

    with pytest.raises(AgentError, match="sqlite:PATH"):
        Agent(checkpointer="postgres://nowhere")
