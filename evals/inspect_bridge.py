"""inspect_ai's model as a LangChain chat model, so `inspect eval --model X` drives ladder's llm parts.

The agent calls its chat model synchronously from the worker thread that runs a solve
(`asyncio.to_thread`); inspect's models are async and belong to the event loop of the eval.
`InspectChatModel` hands each call back to that loop (`run_coroutine_threadsafe`) and waits,
so inspect keeps its own connection limits, retries, caching and usage accounting, and the
calls show in inspect's log like any solver's.
"""

from __future__ import annotations

import asyncio
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict


class InspectChatModel(BaseChatModel):
    """A LangChain chat model whose replies come from an inspect_ai `Model` on `loop`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model: Any  # inspect_ai.model.Model (get_model(): the one --model names)
    loop: Any  # the asyncio loop inspect runs the solver on

    @property
    def _llm_type(self) -> str:
        return "inspect_ai"

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None, **kwargs: Any) -> ChatResult:
        if _on_loop(self.loop):  # would wait on itself forever
            raise RuntimeError("InspectChatModel was called on inspect's own event loop; call it from a worker thread")
        call = self.model.generate(input=[_to_inspect(m) for m in messages])
        output = asyncio.run_coroutine_threadsafe(call, self.loop).result()
        if output.error:
            raise RuntimeError(f"inspect model {self.model}: {output.error}")
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=output.completion))])


def _on_loop(loop: Any) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


def _to_inspect(message: BaseMessage) -> Any:
    from inspect_ai.model import ChatMessageAssistant, ChatMessageSystem, ChatMessageUser

    text = message.content if isinstance(message.content, str) else str(message.content)
    if isinstance(message, SystemMessage):
        return ChatMessageSystem(content=text)
    if isinstance(message, AIMessage):
        return ChatMessageAssistant(content=text)
    if isinstance(message, HumanMessage):
        return ChatMessageUser(content=text)
    raise TypeError(f"cannot pass a {type(message).__name__} to an inspect model")
