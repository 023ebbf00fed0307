"""Helpers of the agent tests: the headline question and scripted chat models.

The only fake here is the chat model (a remote LLM cannot run in tests); the rewriter,
parser, sandbox, sympy and Z3 are the real ones.
"""

from __future__ import annotations

from langchain_core.language_models.fake_chat_models import FakeListChatModel

LADDER = (
    "A 13 foot ladder leans against a wall and reaches 12 feet up the wall. "
    "How far is its base from the wall?"
)
LADDER_PROGRAM = "from sympy import sqrt\nlength = 13\nheight = 12\nanswer = sqrt(length**2 - height**2)\n"


def fenced(code: str) -> str:
    return f"Here is the program:\n```python\n{code}```\n"


def scripted(*replies: str) -> FakeListChatModel:
    """A chat model that answers with `replies` in order (and then cycles)."""
    return FakeListChatModel(responses=list(replies))
