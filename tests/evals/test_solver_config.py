"""SolverConfig embeds AgentSettings, so run.json holds every knob of the agent."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from agent import AgentSettings
from evals.records import Cell
from evals.solvers import SolverConfig


def test_the_agent_settings_round_trip_through_json() -> None:
    config = SolverConfig(agent=AgentSettings(samples=2, infill_k=7, reorder=True, repair="regenerate",
                                              max_repairs=5))
    again = SolverConfig.model_validate(json.loads(config.model_dump_json()))
    assert again == config
    assert (again.agent.samples, again.agent.infill_k, again.agent.reorder, again.agent.repair.value,
            again.max_repairs) == (2, 7, True, "regenerate", 5)


def test_a_top_level_max_repairs_is_the_agents() -> None:
    old = {"solver": "agent", "max_repairs": 1, "checkpoints": {}}  # a run.json from before `agent`
    config = SolverConfig.model_validate(old)
    assert config.agent.max_repairs == 1 and config.max_repairs == 1
    assert SolverConfig(max_repairs=2).agent == AgentSettings(max_repairs=2)
    with pytest.raises(ValidationError, match="max_repairs given twice"):
        SolverConfig.model_validate({"max_repairs": 1, "agent": {"max_repairs": 2}})


def test_a_cell_sets_generator_mode_and_checkpoint() -> None:
    config = SolverConfig(agent=AgentSettings(samples=3), checkpoints={"seq": "seq.pt"})
    seq = config.agent_settings(Cell(generator="seq", mode="structural"))
    assert (seq.generator, seq.mode.value, seq.checkpoint, seq.samples) == ("seq", "structural", "seq.pt", 3)
    llm = config.agent_settings(Cell(generator="llm", mode="tool"))
    assert (llm.samples, llm.checkpoint) == (1, None), "each llm sample is one more chat-model call"
