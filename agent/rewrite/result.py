"""The records a rewriter returns: the ACE, what each pass changed, and what it could not do.

A rewrite is never a bare string: callers (the agent's trace, `ladder rewrite`, the evals)
need to show which rule produced which change and, when the rewrite failed, exactly which
part of the user's text was the problem.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class RewriteIssue(BaseModel):
    """A part of the input the rewriter could not turn into ACE, with where and why."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Offset of the first character of the span in the input.")
    end: int = Field(ge=0, description="Offset one past the last character of the span.")
    text: str = Field(description="The input's text in [start, end).")
    reason: str = Field(min_length=1, description="What was wrong, in words a user can act on.")
    stage: str = Field(default="rules", description="The pass or check that found it.")

    def describe(self) -> str:
        """One line for a terminal: `12-20 'ft ladder': reason`."""
        return f"{self.start}-{self.end} {self.text!r}: {self.reason} [{self.stage}]"


class RewriteStep(BaseModel):
    """One pass that changed the text: its name and the whole text before and after."""

    model_config = ConfigDict(frozen=True)

    name: str
    before: str
    after: str


class LLMRound(BaseModel):
    """One exchange with the chat model: what was asked, what came back, why it was refused."""

    model_config = ConfigDict(frozen=True)

    prompt: str
    reply: str
    error: str | None = Field(default=None, description="The ACE parser's error; None when accepted.")


class RewriteResult(BaseModel):
    """The outcome of rewriting one text: ACE that parses (ok) or the issues that stopped it."""

    source: str = Field(description="The text that was rewritten, as given.")
    ace: str | None = Field(default=None, description="ACE that parse_ace accepts; None on failure.")
    ok: bool = False
    backend: str = Field(default="rules", description="'rules' or 'llm'.")
    steps: list[RewriteStep] = Field(default_factory=list)
    issues: list[RewriteIssue] = Field(default_factory=list)
    rounds: list[LLMRound] = Field(default_factory=list, description="LLM backend only.")
