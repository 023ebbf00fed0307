"""AgentSettings is the one source of an agent's knobs: `Agent.from_settings` rebuilds the same agent."""

from __future__ import annotations

import pytest

from agent import Agent, AgentError, AgentSettings
from agent.state import Mode, RepairStrategy


def test_from_settings_keeps_every_field() -> None:
    settings = AgentSettings(mode=Mode.structural, repair=RepairStrategy.regenerate, max_repairs=1,
                             samples=2, infill_k=3, reorder=True, front_ends=("english",),
                             pool_front_ends=False, max_input_chars=500)
    agent = Agent.from_settings(settings)
    assert agent.settings == settings, "nothing is defaulted again"
    assert agent.initial_state("X = 1.")["max_repairs"] == 1, "the run's budget is the settings'"


def test_the_constructor_and_from_settings_agree() -> None:
    built = Agent(mode="structural", max_repairs=2, repair="regenerate", infill_k=5, samples=3)
    assert Agent.from_settings(built.settings).settings == built.settings


def test_from_settings_names_what_is_missing() -> None:
    with pytest.raises(AgentError, match="needs a chat model"):
        Agent.from_settings(AgentSettings(generator="llm"))
    with pytest.raises(AgentError, match="'tree'"):
        Agent.from_settings(AgentSettings(generator="tree"))
