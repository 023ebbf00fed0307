"""An OpenAI-compatible chat server on loopback, for the tests of the real HTTP path.

It stands in for vLLM, llama.cpp or Ollama: every POST is recorded in `requests` and answered
with what `respond(server, body)` returns (an HTTP status and a JSON payload), so a test can
script replies (`replies`), outages (503s) or anything between. Only 127.0.0.1 is bound.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Responder = Callable[["ChatServer", dict], tuple[int, dict]]


def completion(content: str, model: str = "m") -> dict:
    """A chat.completion payload whose one choice says `content`."""
    return {
        "id": "x", "object": "chat.completion", "created": 0, "model": model,
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }  # fmt: skip


def scripted_reply(server: ChatServer, body: dict) -> tuple[int, dict]:
    """The n-th request gets `replies[n-1]`, and every later one the last reply."""
    reply = server.replies[min(len(server.requests), len(server.replies)) - 1]
    return 200, completion(reply, body.get("model", "m"))


class ChatServer:
    """`with ChatServer(respond) as server:` serves on `server.url` until the block ends."""

    def __init__(self, respond: Responder = scripted_reply, replies: list[str] | None = None) -> None:
        self.respond = respond
        self.replies: list[str] = list(replies or [])
        self.requests: list[dict] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append(body)
                status, payload = server.respond(server, body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def __enter__(self) -> ChatServer:
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
