"""The one place ladder calls a chat model: a reply as text, or a `ChatModelError`.

A LangChain chat model raises whatever its provider's client raises (`openai.RateLimitError`,
`httpx.ConnectError`, a provider's own classes); none share a base but `Exception`. So the call
is wrapped here, once: the error that comes out names the original type and message (evals
tells a transient server failure by that name) and keeps it as its `__cause__`. The LLM
rewriter and the LLM generator catch only `ChatModelError`; a bug in their own code surfaces.
"""

from __future__ import annotations

from collections.abc import Sequence

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage


class ChatModelError(RuntimeError):
    """The chat model's call failed (a server error, a rate limit, a refused connection)."""


def ask(model: BaseChatModel, messages: Sequence[BaseMessage]) -> str:
    """The model's reply to `messages`, as plain text."""
    try:
        reply = model.invoke(list(messages))
    except Exception as exc:  # noqa: BLE001 - the provider's types are open-ended; wrapped with the cause
        raise ChatModelError(f"the chat model failed: {type(exc).__name__}: {exc}") from exc
    return reply_text(reply)


def reply_text(message: BaseMessage) -> str:
    """A message's text: its string content, or the text parts of a list content joined."""
    content = message.content
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
