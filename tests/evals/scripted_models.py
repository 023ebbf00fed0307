"""Scripted chat models standing in for a remote LLM server (the one thing that cannot run here)."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import FakeListChatModel

HYPOTENUSE_PROGRAM = "```python\nfrom sympy import sqrt\na = 15\nb = 36\nanswer = sqrt(a**2 + b**2)\n```"


class RateLimitError(Exception):
    """Named like the OpenAI client's 429 error."""


class FlakyChatModel(FakeListChatModel):
    """Fails its first `failures` calls with a rate limit, then answers from `responses`."""

    failures: int = 0

    def _call(self, *args: Any, **kwargs: Any) -> str:
        if self.failures > 0:
            self.failures -= 1
            raise RateLimitError("429 Too Many Requests")
        return super()._call(*args, **kwargs)


def hypotenuse_model() -> FakeListChatModel:
    return FakeListChatModel(responses=[HYPOTENUSE_PROGRAM])


def flaky_hypotenuse_model() -> FakeListChatModel:
    return FlakyChatModel(responses=[HYPOTENUSE_PROGRAM], failures=1)


def always_limited_model() -> FakeListChatModel:
    return FlakyChatModel(responses=[HYPOTENUSE_PROGRAM], failures=10**6)


class DownChatModel(FakeListChatModel):
    """A server that cannot be reached: every call raises LangChain's typed connection error."""

    calls: int = 0

    def _call(self, *args: Any, **kwargs: Any) -> str:
        from langchain_core.exceptions import ModelConnectionError

        self.calls += 1
        raise ModelConnectionError("Connection refused")


def always_down_model() -> FakeListChatModel:
    return DownChatModel(responses=["unused"])


chat_object = FakeListChatModel(responses=[HYPOTENUSE_PROGRAM])  # a model object, for module:attribute


SERVER = {"up": False}  # flipped by a test: the same model object, a server that comes back


class SwitchedChatModel(FakeListChatModel):
    """Down while SERVER["up"] is False, then answers from `responses`."""

    def _call(self, *args: Any, **kwargs: Any) -> str:
        from langchain_core.exceptions import ModelConnectionError

        if not SERVER["up"]:
            raise ModelConnectionError("Connection refused")
        return super()._call(*args, **kwargs)


def switched_hypotenuse_model() -> FakeListChatModel:
    return SwitchedChatModel(responses=[HYPOTENUSE_PROGRAM])
