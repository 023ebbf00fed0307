"""Verdicts: the certificate an answer carries. Which checks ran, what each found, and the
evidence, so a reader can re-check the claim without re-running the agent.

The one verdict type of ladder: `verify_answer` (certify.py) and the agent's checks
(agent/checks.py) both build it with `Verdict.from_checks`."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field, computed_field


class CheckStatus(enum.StrEnum):
    passed = "passed"
    failed = "failed"
    unknown = "unknown"  # the check could not decide (timeout, unsupported expression)
    skipped = "skipped"  # did not run (a solver unavailable, nothing to check): never "passed"


class CheckResult(BaseModel):
    """One check: its name (``exec``, ``answer.parse``, ``sympy.substitute``,
    ``smt.satisfies``, ``smt.unique``, ``units``, ``expected``), outcome, a sentence, and
    evidence (the model, the counter-example, the residuals...) as JSON-able data."""

    name: str
    status: CheckStatus
    detail: str = ""
    evidence: dict[str, Any] = Field(default_factory=dict)
    required: bool = True  # a failed required check fails the verdict
    decisive: bool = False  # passing it pins the answer down (a unique solution)
    variable: str | None = None  # the program variable the check is about (for repair)
    duration_ms: float = 0.0


class Verdict(BaseModel):
    """passed: every required check passed and none failed; failed: a required check
    failed; unknown: otherwise (a check could not decide or was skipped, or an optional one
    failed, e.g. the answer is right but not the only solution).

    `passed` (no required check failed) and `verified` (besides, a decisive check passed and
    no check at all failed) are derived from the checks, so they can never disagree with them.
    """

    status: CheckStatus
    answer: str | None = None
    checks: list[CheckResult] = Field(default_factory=list)
    certificate: str = Field(default="", description="Human-readable account of what was proved.")
    proof: dict[str, Any] | None = Field(
        default=None, description="agent.meaning.Proof: the question's constraints, solver verdict, facts.")

    @classmethod
    def from_checks(cls, answer: str | None, checks: list[CheckResult], *, certificate: str = "",
                    proof: dict[str, Any] | None = None) -> Verdict:
        if any(c.status is CheckStatus.failed and c.required for c in checks):
            status = CheckStatus.failed
        elif checks and all(c.status is CheckStatus.passed for c in checks):
            status = CheckStatus.passed
        else:
            status = CheckStatus.unknown
        return cls(status=status, answer=answer, checks=checks, certificate=certificate, proof=proof)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Verdict:
        """A copy; `passed` and `verified` cannot be set (they follow from the checks: to make an
        answer not verified, copy its checks with `decisive=False` and rebuild with `from_checks`)."""
        derived = sorted({"passed", "verified", "status"} & set(update or {}))
        if derived:
            raise ValueError(f"Verdict.{', '.join(derived)} follows from the checks and cannot be set "
                             "by model_copy; change the checks and use Verdict.from_checks")
        return super().model_copy(update=update, deep=deep)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passed(self) -> bool:
        """No required check failed."""
        return self.status is not CheckStatus.failed

    @computed_field  # type: ignore[prop-decorator]
    @property
    def verified(self) -> bool:
        """A decisive check passed and no check failed, required or not."""
        return (any(c.decisive and c.status is CheckStatus.passed for c in self.checks)
                and not any(c.status is CheckStatus.failed for c in self.checks))

    @property
    def failed_checks(self) -> list[CheckResult]:
        return [c for c in self.checks if c.status is CheckStatus.failed]

    def check(self, name: str) -> CheckResult | None:
        """The check called ``name``, if it ran."""
        return next((c for c in self.checks if c.name == name), None)
