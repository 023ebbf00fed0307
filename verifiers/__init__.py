"""ladder.verifiers: the sandbox, sympy and Z3 checks, verdicts and failure localization.

Depends on no other package of ladder."""

from verifiers.certify import read_answer, verify_answer
from verifiers.localize import SourceSpan, definitions, localize_exception, localize_variable
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
from verifiers.smt import Domain, check_constraints, consistency, uniqueness
from verifiers.symbolic import (
    AnswerLimits,
    AnswerParseError,
    AnswerTooComplex,
    answers_equivalent,
    canonical_answer,
    check_units,
    parse_answer,
    quantities_equivalent,
    same_dimension,
    substitute_constraints,
    unit_named,
)
from verifiers.values import UnsafeValue, value_source
from verifiers.verdict import CheckResult, CheckStatus, Verdict

__all__ = [
    "AnswerLimits",
    "AnswerParseError",
    "AnswerTooComplex",
    "CheckResult",
    "CheckStatus",
    "Domain",
    "ExceptionInfo",
    "ExecResult",
    "ExecStatus",
    "ForkServer",
    "Isolation",
    "Limits",
    "SandboxUnavailable",
    "SourceSpan",
    "UnsafeValue",
    "Verdict",
    "answers_equivalent",
    "canonical_answer",
    "check_constraints",
    "consistency",
    "check_units",
    "definitions",
    "localize_exception",
    "localize_variable",
    "parse_answer",
    "quantities_equivalent",
    "read_answer",
    "run_program",
    "same_dimension",
    "substitute_constraints",
    "uniqueness",
    "unit_named",
    "value_source",
    "verify_answer",
]
