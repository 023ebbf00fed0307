"""LLM backends that fail clearly: one config path, retries with backoff, outages as their own status.

The remote model is the one thing that cannot run here: LangChain's fake chat models stand in
for it, and a loopback HTTP server (503s, or nothing listening) for an OpenAI-compatible one.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator

import pytest
import scripted_models
from langchain_core.exceptions import ModelRateLimitError
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from loopback_chat import ChatServer
from typer.testing import CliRunner

from agent import Agent, Status
from agent.chat import (
    LLMConfig,
    LLMSetupError,
    LLMUnavailable,
    ResilientChat,
    make_chat_model,
    outage_kind,
)
from evals.cli import app
from tasks.exit_codes import ExitCode

ACE_QUESTION = "A right triangle has a first leg of 15 yards and a second leg of 36 yards. What is the hypotenuse of the right triangle?"
FAST = {"backoff_s": 0.0}


class Limited(FakeListChatModel):
    """Rate-limited for its first `failures` calls (LangChain's typed 429), then answers."""

    failures: int = 0
    calls: int = 0

    def _call(self, *args, **kwargs) -> str:
        self.calls += 1
        if self.calls <= self.failures:
            raise ModelRateLimitError("429 Too Many Requests")
        return super()._call(*args, **kwargs)


def test_outages_are_retried_with_backoff_then_answer() -> None:
    model = Limited(responses=["hello"], failures=2)
    chat = ResilientChat(model, LLMConfig(model="fake", max_retries=2, **FAST))
    assert chat.invoke("hi").content == "hello"
    assert (model.calls, chat.retried) == (3, 2), "two rate limits, two retries, then the reply"


def test_an_outage_past_the_retries_is_llm_unavailable_naming_the_server() -> None:
    model = Limited(responses=["hello"], failures=99)
    chat = ResilientChat(model, LLMConfig(model="openai:m", base_url="http://127.0.0.1:9/v1", max_retries=1, **FAST))
    with pytest.raises(LLMUnavailable, match=r"openai:m at http://127\.0\.0\.1:9/v1 failed \(rate_limit\) after 2 call"):
        chat.invoke("hi")
    assert model.calls == 2


def test_a_bug_is_not_an_outage_and_is_not_retried() -> None:
    class Broken(FakeListChatModel):
        calls: int = 0

        def _call(self, *args, **kwargs) -> str:
            self.calls += 1
            raise KeyError("choices")

    model = Broken(responses=["x"])
    with pytest.raises(KeyError):
        ResilientChat(model, LLMConfig(model="fake", max_retries=3, **FAST)).invoke("hi")
    assert model.calls == 1 and outage_kind(KeyError("x")) is None


def test_module_function_and_module_attribute_resolve() -> None:
    assert make_chat_model(LLMConfig(model="scripted_models:hypotenuse_model")).invoke("q").content.startswith("```python")
    assert make_chat_model(LLMConfig(model="scripted_models:chat_object")).model is scripted_models.chat_object


def test_a_factory_typo_names_what_failed() -> None:
    with pytest.raises(LLMSetupError, match="scripted_models:no_such"):
        make_chat_model(LLMConfig(model="scripted_models:no_such"))


def test_missing_extra_keeps_its_brackets_and_exits_4(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "langchain.chat_models", None)  # as if ladder[llm] were not installed
    result = CliRunner().invoke(app, ["solve", "--generator", "llm", "--llm-model", "openai:gpt-x", ACE_QUESTION])
    assert result.exit_code == ExitCode.setup, result.output
    assert "pip install 'ladder[llm]'" in result.stderr, "rich markup must not eat [llm]"


def test_agent_reports_an_unreachable_model_as_llm_unavailable() -> None:
    chat = ResilientChat(scripted_models.always_down_model(), LLMConfig(model="down", max_retries=1, **FAST))
    solution = Agent(generator="llm", llm=chat, max_repairs=1).solve(ACE_QUESTION)
    assert solution.status is Status.llm_unavailable and solution.answer is None
    assert "failed (connection) after 2 call(s)" in (solution.error or ""), solution.error
    assert chat.model.calls == 2


def test_solve_cli_exits_3_when_the_model_is_down() -> None:
    result = CliRunner().invoke(
        app, ["solve", "--generator", "llm", "--llm-model", "scripted_models:always_down_model", "--llm-retries", "0", ACE_QUESTION]
    )
    assert result.exit_code == ExitCode.unavailable, result.output
    assert "LLM unavailable" in result.stderr and "restate" not in result.stderr, result.stderr


# --------------------------------------------------------------------------- a real HTTP client on loopback


def _overloaded(server: ChatServer, body: dict) -> tuple[int, dict]:
    return 503, {"error": {"message": "overloaded", "type": "server_error"}}


@pytest.fixture
def down_server() -> Iterator[ChatServer]:
    with ChatServer(_overloaded) as server:
        yield server


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("question", [ACE_QUESTION, "Blorp the quux wibbles how many zorps?"])
def test_openai_compatible_server_returning_503_is_retried_then_exit_3(down_server: ChatServer, question: str) -> None:
    pytest.importorskip("langchain_openai")
    pytest.importorskip("langchain.chat_models")
    args = ["solve", "--generator", "llm", "--llm-model", "m", "--llm-base-url", down_server.url, "--llm-retries", "1", question]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == ExitCode.unavailable, result.output
    assert len(down_server.requests) == 2, "one call and one retry, the client's own retries off"
    assert "(server)" in result.stderr and "one fact per sentence" not in result.stderr, result.stderr


def test_nothing_listening_is_a_connection_outage(tmp_path) -> None:
    pytest.importorskip("langchain_openai")
    pytest.importorskip("langchain.chat_models")
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    result = CliRunner().invoke(
        app, ["rewrite", "--llm-model", "m", "--llm-base-url", url, "--llm-retries", "1", "Blorp the quux wibbles how many zorps?"]
    )
    assert result.exit_code == ExitCode.unavailable, result.output
    assert "(connection)" in result.stderr, result.stderr


@pytest.mark.parametrize("served", ["m", "qwen2.5-coder:7b", "Qwen/Qwen2.5-Coder-7B-Instruct"])
def test_a_served_name_with_a_base_url_is_an_openai_compatible_client(served: str) -> None:
    pytest.importorskip("langchain_openai")
    pytest.importorskip("langchain.chat_models")
    chat = make_chat_model(LLMConfig(model=served, base_url="http://127.0.0.1:9/v1"))
    assert (type(chat.model).__name__, chat.model.model_name) == ("ChatOpenAI", served)
    assert chat.model.max_retries == 0, "one retry loop: ladder's, not the client's as well"
