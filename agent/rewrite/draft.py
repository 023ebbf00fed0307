"""The work in progress of the rule rewriter: sentences that remember where they came from.

The input is split into sentences before any pass edits it, so each sentence keeps the
character span of the user's text it came from. Passes rewrite sentence texts (and may split
one sentence into several, or move one); every issue can then point at the user's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from agent.rewrite.result import RewriteIssue

# A '.', '?' or '!' ends a sentence when it is followed by the end of the text or by space and
# something that can start a sentence; "12.50", "ft. ladder" and "Mr. Smith" do not end one.
_END = re.compile(r"[.?!]+(?=\s+[\"'(]?[A-Z0-9$€£]|\s+(?:how|what|which|who|when|where|find|calculate)\b|\s*$)")
_TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Prof.", "e.g.", "i.e.", "vs.")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the draft: its current text and the input span it was made from."""

    text: str
    start: int
    end: int

    @property
    def is_question(self) -> bool:
        """A query: `...?` or ladder's `Calculate ... such that ... .` (pattern Q3)."""
        text = self.text.rstrip()
        return text.endswith("?") or text.startswith("Calculate ")

    def with_text(self, text: str) -> Sentence:
        return replace(self, text=text)


@dataclass
class Draft:
    """The sentences being rewritten plus the issues found so far, for one input text."""

    source: str
    sentences: list[Sentence]
    issues: list[RewriteIssue] = field(default_factory=list)
    final: bool = False  # set by a pass that produced canonical ACE; later passes skip it

    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def issue(self, sentence: Sentence, reason: str, stage: str, words: str | None = None) -> None:
        """Record a problem with `sentence`, narrowed to `words` when they occur in its span."""
        start, end = sentence.start, sentence.end
        if words:
            found = self.source.lower().find(words.lower(), start, end)
            if found >= 0:
                start, end = found, found + len(words)
        self.issues.append(
            RewriteIssue(start=start, end=end, text=self.source[start:end], reason=reason, stage=stage)
        )


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences with their spans; the terminal mark stays with its sentence."""
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        chunk = text[start:end]
        if chunk.rstrip().endswith(_TITLES):
            continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = start + lead
    sentences.append(Sentence(text=stripped, start=begin, end=begin + len(stripped)))


class CannotRewrite(ValueError):
    """Raised by a pass for a sentence it cannot handle; `words` narrows the issue's span."""

    def __init__(self, reason: str, words: str | None = None) -> None:
        super().__init__(reason)
        self.words = words
