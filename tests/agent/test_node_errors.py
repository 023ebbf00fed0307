"""The nodes catch what a generator or a chat model can raise, and let a bug surface."""

from __future__ import annotations

import pytest
from agent_fakes import LADDER
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from agent import Agent, Status
from agent.chat import ChatModelError, ask
from graphmodel import GeneratorError


class Refuses:
    """A generator that cannot generate (its checkpoint is missing, say)."""

    name = "refuses"

    def generate(self, graph, k=1):
        raise GeneratorError("checkpoint gone.pt does not exist")

    def infill(self, graph, tree, hole, k=1):
        raise GeneratorError("checkpoint gone.pt does not exist")


class Broken(Refuses):
    """A generator with a bug in it."""

    def generate(self, graph, k=1):
        return {}["missing"]


class Unreachable(FakeListChatModel):
    def invoke(self, *args, **kwargs):
        raise ConnectionRefusedError("[Errno 111] Connection refused")


def test_a_generator_error_is_the_solves_result() -> None:
    solution = Agent(generator=Refuses(), declarative=False).solve(LADDER)
    assert solution.status is Status.no_answer
    assert "GeneratorError: checkpoint gone.pt does not exist" in solution.failure.message, solution.failure


def test_a_bug_in_a_generator_surfaces_with_its_type() -> None:
    with pytest.raises(KeyError, match="missing"):
        Agent(generator=Broken()).solve(LADDER)


def test_a_chat_model_failure_names_the_original_and_keeps_it_as_the_cause() -> None:
    with pytest.raises(ChatModelError, match="ConnectionRefusedError: .*Connection refused") as caught:
        ask(Unreachable(responses=[]), [])
    assert isinstance(caught.value.__cause__, ConnectionRefusedError)


def test_the_llm_generator_reports_an_unreachable_model_as_the_solves_result() -> None:
    """Through the agent the model is wrapped for retries (agent.chat.ResilientChat): a server
    that stays down is an outage of its own status, not the agent's no_answer."""
    solution = Agent(generator="llm", llm=Unreachable(responses=[]), max_repairs=0, declarative=False).solve(LADDER)
    assert solution.status is Status.llm_unavailable
    assert "ConnectionRefusedError" in (solution.error or ""), solution.error
