"""Helpers of the rewriter tests: the one check that a rewrite means what the canonical ACE means."""

from __future__ import annotations

from agent.rewrite.rules import rewrite_rules
from tasks.ace import parse_ace, same_meaning


def assert_rewrites_to(text: str, ace: str) -> None:
    """`text` is rewritten (no issue), and its ACE says what `ace` says (`same_meaning`)."""
    result = rewrite_rules(text)
    assert result.ok, f"{text!r} was not rewritten: {[i.reason for i in result.issues]}"
    assert same_meaning(parse_ace(result.ace), parse_ace(ace)), f"{text!r} -> {result.ace!r}"


def assert_rewrites_exactly(text: str, ace: str) -> None:
    """`text` is rewritten (no issue) to exactly `ace`: the phrasing tests pin the words down."""
    result = rewrite_rules(text)
    assert result.ok, f"{text!r} was not rewritten: {[i.reason for i in result.issues]}"
    assert result.ace == ace, f"{text!r} -> {result.ace!r}"
