"""ladder.verifiers: the sandbox, sympy and Z3 checks, verdicts and failure localization."""

from verifiers.sandbox import (
    ExceptionInfo,
    ExecResult,
    ExecStatus,
    ForkServer,
    Isolation,
    Limits,
    SandboxUnavailable,
    run_program,
)
from verifiers.symbolic import (
    AnswerParseError,
    answers_equivalent,
    canonical_answer,
    parse_answer,
)

__all__ = [
    "AnswerParseError",
    "ExceptionInfo",
    "ExecResult",
    "ExecStatus",
    "ForkServer",
    "Isolation",
    "Limits",
    "SandboxUnavailable",
    "answers_equivalent",
    "canonical_answer",
    "parse_answer",
    "run_program",
]
