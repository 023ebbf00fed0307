"""The LLM rewriter: any LangChain chat model writes ACE, the parser judges, errors go back.

A model's ACE is only accepted if tasks.ace parses it. A rejected reply is answered with the
parser's own message (line, column, word, what was expected) for at most `max_rounds`
rounds; every round (prompt, reply, error) is kept in the result, so a failure shows exactly
what the model was told and what it wrote.
"""

from __future__ import annotations

import re

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from agent.chat import ChatModelError, LLMUnavailable, ask
from agent.rewrite.prompt import SYSTEM_PROMPT, feedback, first_request
from agent.rewrite.result import LLMRound, RewriteIssue, RewriteResult
from agent.rewrite.validate import parse_error

_FENCE = re.compile(r"^```[a-zA-Z]*\s*\n?(.*?)\n?```$", re.S)
_LABEL = re.compile(r"^\s*ACE\s*:\s*", re.I)


class LLMRewriter:
    """Rewrites English into ACE with `chat_model`, for at most `max_rounds` parser checks."""

    def __init__(self, chat_model: BaseChatModel, max_rounds: int = 3) -> None:
        if max_rounds < 1:
            raise ValueError(f"max_rounds must be at least 1, got {max_rounds}")
        self.chat_model = chat_model
        self.max_rounds = max_rounds

    def rewrite(self, text: str) -> RewriteResult:
        """ACE for `text`; input that already parses is returned unchanged without a model call."""
        if text.strip() and parse_error(text) is None:
            return RewriteResult(source=text, ace=text, ok=True, backend="llm")
        messages: list[BaseMessage] = [SystemMessage(SYSTEM_PROMPT), HumanMessage(first_request(text))]
        rounds: list[LLMRound] = []
        for _ in range(self.max_rounds):
            prompt = str(messages[-1].content)
            try:
                reply = ask(self.chat_model, messages)
            except LLMUnavailable:  # the server, not the text: the caller reports it as an outage
                raise
            except ChatModelError as exc:  # a remote model failing is an outcome to report, not a crash
                return self._failed(text, rounds, str(exc))
            ace = clean_reply(reply)
            error = parse_error(ace) if ace else "the reply is empty"
            rounds.append(LLMRound(prompt=prompt, reply=reply, error=error))
            if error is None:
                return RewriteResult(source=text, ace=ace, ok=True, backend="llm", rounds=rounds)
            messages += [AIMessage(reply), HumanMessage(feedback(error))]
        last = rounds[-1].error if rounds else "no reply"
        return self._failed(text, rounds, f"no parsable ACE after {self.max_rounds} rounds; last error: {last}")

    def _failed(self, text: str, rounds: list[LLMRound], reason: str) -> RewriteResult:
        issue = RewriteIssue(start=0, end=len(text), text=text, reason=reason, stage="llm")
        return RewriteResult(source=text, ok=False, backend="llm", rounds=rounds, issues=[issue])


def clean_reply(reply: str) -> str:
    """The ACE in a reply: without code fences, an `ACE:` label or surrounding quotes."""
    text = reply.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1).strip()
    text = _LABEL.sub("", text)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return " ".join(text.split())

