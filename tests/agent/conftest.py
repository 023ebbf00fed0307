"""Fixtures of the agent tests (helpers live in agent_fakes.py)."""

from __future__ import annotations

import pytest
from agent_fakes import LADDER_PROGRAM, fenced, scripted
from langchain_core.language_models.fake_chat_models import FakeListChatModel


@pytest.fixture
def ladder_llm() -> FakeListChatModel:
    return scripted(fenced(LADDER_PROGRAM))
