"""The LLM rewriter against scripted LangChain fake chat models (no network anywhere)."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel
from langchain_core.messages import AIMessage

from agent.rewrite import LLMRewriter
from agent.rewrite.llm import clean_reply
from agent.rewrite.prompt import SYSTEM_PROMPT

ENGLISH = "A 13 foot ladder leans against a wall and reaches 12 feet up the wall. How far is its base from the wall?"
VALID = (
    "A ladder has a length of 13 feet. The ladder leans against a wall. "
    "The ladder reaches a height of 12 feet on the wall. "
    "What is the distance of the base of the ladder from the wall?"
)
INVALID = "A 13 foot ladder leans against a wall. How far is its base?"


class RecordingChat(FakeListChatModel):
    """FakeListChatModel that also keeps the messages of every call."""

    calls: list = []

    def _call(self, messages, *args, **kwargs):  # noqa: ANN001, ANN202 - LangChain's signature
        self.calls.append(list(messages))
        return super()._call(messages, *args, **kwargs)


def test_first_reply_invalid_second_valid_takes_two_rounds_and_feeds_the_error_back() -> None:
    chat = RecordingChat(responses=[INVALID, VALID], calls=[])
    result = LLMRewriter(chat, max_rounds=3).rewrite(ENGLISH)
    assert result.ok and result.ace == VALID
    assert result.backend == "llm"
    assert [r.error is None for r in result.rounds] == [False, True]
    first_error = result.rounds[0].error
    assert first_error and "line 1" in first_error, first_error
    second_prompt = chat.calls[1][-1].content
    assert first_error in second_prompt, "the parser's message must be fed back to the model"
    assert result.rounds[1].prompt == second_prompt
    assert chat.calls[0][0].content == SYSTEM_PROMPT
    assert ENGLISH in chat.calls[0][1].content


def test_a_model_that_never_succeeds_is_bounded_and_reported() -> None:
    chat = RecordingChat(responses=[INVALID], calls=[])
    result = LLMRewriter(chat, max_rounds=2).rewrite(ENGLISH)
    assert not result.ok and result.ace is None
    assert len(result.rounds) == 2 and len(chat.calls) == 2
    assert all(r.error for r in result.rounds)
    [issue] = result.issues
    assert (issue.start, issue.end, issue.stage) == (0, len(ENGLISH), "llm")
    assert "after 2 rounds" in issue.reason


def test_reply_in_code_fence_with_label_is_cleaned_before_parsing() -> None:
    chat = GenericFakeChatModel(messages=iter([AIMessage(f"```\nACE: {VALID}\n```")]))
    result = LLMRewriter(chat).rewrite(ENGLISH)
    assert result.ok and result.ace == VALID
    assert len(result.rounds) == 1


def test_ace_input_passes_through_without_calling_the_model() -> None:
    chat = RecordingChat(responses=["unused"], calls=[])
    result = LLMRewriter(chat).rewrite(VALID)
    assert result.ok and result.ace == VALID and result.rounds == []
    assert chat.calls == []


def test_a_failing_model_becomes_an_issue_not_an_exception() -> None:
    chat = GenericFakeChatModel(messages=iter([]))  # StopIteration on the first call
    result = LLMRewriter(chat).rewrite(ENGLISH)
    assert not result.ok
    assert result.issues[0].reason.startswith("the chat model failed: StopIteration")


def test_empty_reply_is_an_error_round() -> None:
    chat = RecordingChat(responses=["   ", VALID], calls=[])
    result = LLMRewriter(chat).rewrite(ENGLISH)
    assert result.ok
    assert result.rounds[0].error == "the reply is empty"


@pytest.mark.parametrize("rounds", [0, -1])
def test_max_rounds_must_be_positive(rounds: int) -> None:
    with pytest.raises(ValueError, match="max_rounds"):
        LLMRewriter(FakeListChatModel(responses=["x"]), max_rounds=rounds)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("```ace\nJohn has 5 apples.\n```", "John has 5 apples."),
        ('"John has 5 apples."', "John has 5 apples."),
        ("ACE: John has 5 apples.", "John has 5 apples."),
        ("John has\n5 apples.", "John has 5 apples."),
    ],
)
def test_clean_reply(reply: str, expected: str) -> None:
    assert clean_reply(reply) == expected
