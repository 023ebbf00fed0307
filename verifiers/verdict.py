"""Verdicts: the certificate an answer carries. Which checks ran, what each found, and the
evidence, so a reader can re-check the claim without re-running the agent."""

from __future__ import annotations

import enum
from typing import Any

from pydantic import BaseModel, Field


class CheckStatus(enum.StrEnum):
    passed = "passed"
    failed = "failed"
    unknown = "unknown"  # the check could not decide (timeout, unsupported expression)


class CheckResult(BaseModel):
    """One check: its name (``exec``, ``answer.parse``, ``sympy.substitute``,
    ``smt.satisfies``, ``smt.unique``, ``units``, ``expected``), outcome, a sentence, and
    evidence (the model, the counter-example, the residuals...) as JSON-able data."""

    name: str
    status: CheckStatus
    detail: str = ""
    evidence: dict[str, Any] = Field(default_factory=dict)
    required: bool = True  # a failed required check fails the verdict
    duration_ms: float = 0.0


class Verdict(BaseModel):
    """passed: every required check passed and none failed; failed: a required check
    failed; unknown: otherwise (a check could not decide, or an optional one failed, e.g.
    the answer is right but not the only solution)."""

    status: CheckStatus
    answer: str | None = None
    checks: list[CheckResult] = Field(default_factory=list)

    @classmethod
    def from_checks(cls, answer: str | None, checks: list[CheckResult]) -> Verdict:
        if any(c.status is CheckStatus.failed and c.required for c in checks):
            status = CheckStatus.failed
        elif checks and all(c.status is CheckStatus.passed for c in checks):
            status = CheckStatus.passed
        else:
            status = CheckStatus.unknown
        return cls(status=status, answer=answer, checks=checks)

    @property
    def failed_checks(self) -> list[CheckResult]:
        return [c for c in self.checks if c.status is CheckStatus.failed]

    def check(self, name: str) -> CheckResult | None:
        """The check called ``name``, if it ran."""
        return next((c for c in self.checks if c.name == name), None)
