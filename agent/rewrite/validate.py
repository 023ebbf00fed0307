"""Checking a rewrite with the ACE parser, and turning its errors into issues with spans.

The rewriter's output is only ACE if tasks.ace's parser accepts it; a rejection is mapped
back to the sentence of the user's input it came from, so the issue points at their words.
"""

from __future__ import annotations

from agent.rewrite.draft import Draft, Sentence


class ParserUnavailable(RuntimeError):
    """tasks.ace is not importable, so no rewrite can be validated."""


def load_parser():  # noqa: ANN201 - returns (parse_ace, AceError) from tasks.ace
    """Import the ACE parser lazily, so the passes work (and are tested) on their own."""
    try:
        from tasks.ace import AceError, parse_ace
    except ImportError as exc:  # pragma: no cover - only before tasks.ace exists
        raise ParserUnavailable(f"the ACE parser (tasks.ace) cannot be imported: {exc}") from exc
    return parse_ace, AceError


def parse_error(text: str) -> str | None:
    """None when `text` parses as ACE, else the parser's message."""
    parse_ace, ace_error = load_parser()
    try:
        parse_ace(text)
    except ace_error as exc:
        return str(exc)
    return None


def check_draft(draft: Draft) -> bool:
    """Parse the whole draft; on failure record an issue on the first sentence that fails."""
    error = parse_error(draft.text())
    if error is None:
        return True
    culprit = _first_failing(draft.sentences)
    if culprit is None:  # each sentence parses alone: the problem is between sentences
        whole = Sentence(text=draft.text(), start=0, end=len(draft.source))
        draft.issue(whole, f"the rewritten text is not ACE: {error}", "parse")
        return False
    sentence, message = culprit
    draft.issue(sentence, f"rewritten as {sentence.text!r}, which is not ACE: {message}", "parse")
    return False


def _first_failing(sentences: list[Sentence]) -> tuple[Sentence, str] | None:
    """The first sentence whose prefix of the text stops parsing, with the parser's message."""
    for i, sentence in enumerate(sentences):
        error = parse_error(" ".join(s.text for s in sentences[: i + 1]))
        if error is not None:
            return sentence, error
    return None
