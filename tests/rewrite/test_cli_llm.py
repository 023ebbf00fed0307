"""`ladder rewrite --llm-base-url` against an OpenAI-compatible server on loopback.

The server is a scripted stand-in for vLLM/llama.cpp/Ollama: it answers chat completions
with a fixed list of replies and records the requests, so the test sees the real HTTP path
(langchain-openai's ChatOpenAI) and the parser-feedback loop end to end. Skipped where the
`llm` extra (langchain-openai) is not installed.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

pytest.importorskip("langchain_openai")

from loopback_chat import ChatServer  # noqa: E402

from evals.cli import app  # noqa: E402

VALID = "A ladder has a length of 13 feet. What is the length of the ladder?"


@pytest.fixture
def server() -> Iterator[ChatServer]:
    with ChatServer() as served:
        yield served


def test_llm_rewrite_over_http_retries_with_the_parse_error(server: ChatServer) -> None:
    server.replies = ["The ladder is 13 ft long. How long is it?", VALID]
    result = CliRunner().invoke(
        app, ["rewrite", "--llm-base-url", server.url, "--llm-model", "scripted", "How long is a 13 ft ladder?"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == VALID
    assert len(server.requests) == 2
    feedback = server.requests[1]["messages"][-1]["content"]
    assert "The ACE parser rejected your reply" in feedback and "line 1" in feedback


def test_llm_rewrite_that_never_parses_exits_2(server: ChatServer) -> None:
    server.replies = ["not ace at all !!"]
    result = CliRunner().invoke(
        app, ["rewrite", "--llm-base-url", server.url, "--llm-model", "scripted", "--max-rounds", "2", "hello there"]
    )
    assert result.exit_code == 2
    assert "no parsable ACE after 2 rounds" in result.stderr
    assert len(server.requests) == 2
