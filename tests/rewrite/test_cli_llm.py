"""`ladder rewrite --llm-base-url` against an OpenAI-compatible server on loopback.

The server is a scripted stand-in for vLLM/llama.cpp/Ollama: it answers chat completions
with a fixed list of replies and records the requests, so the test sees the real HTTP path
(langchain-openai's ChatOpenAI) and the parser-feedback loop end to end. Skipped where the
`llm` extra (langchain-openai) is not installed.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

pytest.importorskip("langchain_openai")

from ladder.cli import app  # noqa: E402

VALID = "A ladder has a length of 13 feet. What is the length of the ladder?"


class _Scripted(BaseHTTPRequestHandler):
    replies: list[str] = []
    requests: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        reply = type(self).replies[min(len(type(self).requests), len(type(self).replies)) - 1]
        payload = {
            "id": "x", "object": "chat.completion", "created": 0, "model": body.get("model", "m"),
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": reply}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }  # fmt: skip
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Scripted.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Scripted)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def test_llm_rewrite_over_http_retries_with_the_parse_error(server: str) -> None:
    _Scripted.replies = ["The ladder is 13 ft long. How long is it?", VALID]
    result = CliRunner().invoke(
        app, ["rewrite", "--llm-base-url", server, "--llm-model", "scripted", "How long is a 13 ft ladder?"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == VALID
    assert len(_Scripted.requests) == 2
    feedback = _Scripted.requests[1]["messages"][-1]["content"]
    assert "The ACE parser rejected your reply" in feedback and "line 1" in feedback


def test_llm_rewrite_that_never_parses_exits_2(server: str) -> None:
    _Scripted.replies = ["not ace at all !!"]
    result = CliRunner().invoke(
        app, ["rewrite", "--llm-base-url", server, "--llm-model", "scripted", "--max-rounds", "2", "hello there"]
    )
    assert result.exit_code == 2
    assert "no parsable ACE after 2 rounds" in result.stderr
    assert len(_Scripted.requests) == 2
