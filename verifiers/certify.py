"""One call from a sandbox result to a Verdict: the checks the agent runs on every answer."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

import sympy

from verifiers.sandbox import ExecResult, ExecStatus
from verifiers.smt import DEFAULT_TIMEOUT_MS, Domain, check_constraints
from verifiers.symbolic import (
    AnswerParseError,
    answers_equivalent,
    parse_answer,
    substitute_constraints,
)
from verifiers.verdict import CheckResult, CheckStatus, Verdict


def verify_answer(result: ExecResult | str, *, constraints: Sequence[sympy.Basic] = (),
                  unknowns: Sequence[sympy.Symbol | str] | None = None,
                  domain: Domain | Mapping[sympy.Symbol | str, Domain] = Domain.real,
                  expected: str | None = None,
                  timeout_ms: int = DEFAULT_TIMEOUT_MS) -> Verdict:
    """Check a run (or an answer string): it ran (``exec``), its answer parses
    (``answer.parse``) and is defined (``answer.defined``: no zoo/nan), equals ``expected`` if one is given (``expected``; evals only),
    and satisfies the constraints by substitution (``sympy.substitute``) and with Z3
    (``smt.satisfies``, ``smt.unique``)."""
    checks: list[CheckResult] = []
    text = result if isinstance(result, str) else result.answer
    if isinstance(result, ExecResult):
        checks.append(_exec_check(result))
        if result.status is not ExecStatus.ok:
            return Verdict.from_checks(None, checks)
    value, answer_checks = read_answer(text)
    checks += answer_checks
    if value is None:
        return Verdict.from_checks(text, checks)
    if expected is not None:
        same = answers_equivalent(value, expected)
        checks.append(CheckResult(
            name="expected", status=CheckStatus.passed if same else CheckStatus.failed,
            detail=f"{text} {'equals' if same else 'differs from'} {expected}",
            evidence={"answer": text, "expected": expected}))
    if constraints:
        checks += _constraint_checks(list(constraints), value, unknowns, domain, timeout_ms)
    return Verdict.from_checks(text, checks)


def read_answer(text: str | None) -> tuple[sympy.Basic | None, list[CheckResult]]:
    """The first checks of every answer, shared by `verify_answer` and the agent: it parses with
    the safe parser (``answer.parse``; never sympify) and is defined (``answer.defined``: no
    zoo/nan). The value is None when either fails."""
    started = time.perf_counter()
    try:
        value = parse_answer(text or "")
    except AnswerParseError as exc:
        return None, [CheckResult(name="answer.parse", status=CheckStatus.failed, detail=str(exc))]
    checks = [CheckResult(name="answer.parse", status=CheckStatus.passed,
                          detail=f"parsed as {type(value).__name__}",
                          duration_ms=(time.perf_counter() - started) * 1000)]
    undefined = value.has(sympy.zoo, sympy.nan)
    checks.append(CheckResult(
        name="answer.defined", status=CheckStatus.failed if undefined else CheckStatus.passed,
        detail=("the answer is undefined (a division by zero in sympy gives zoo/nan)"
                if undefined else "the answer is a defined value")))
    return (None if undefined else value), checks


def _exec_check(result: ExecResult) -> CheckResult:
    ok = result.status is ExecStatus.ok
    evidence = {"status": result.status.value, "layers": result.layers,
                "duration_ms": round(result.duration_ms, 3)}
    if result.exception:
        evidence["exception"] = result.exception.model_dump()
    return CheckResult(name="exec", status=CheckStatus.passed if ok else CheckStatus.failed,
                       detail=("ran in the sandbox and bound `answer`" if ok else
                               f"{result.status.value}: "
                               f"{result.exception.type if result.exception else ''}"),
                       evidence=evidence)


def _constraint_checks(constraints, value, unknowns, domain, timeout_ms) -> list[CheckResult]:
    symbols = sorted(set().union(*(c.free_symbols for c in constraints)), key=str) \
        if unknowns is None else [sympy.Symbol(u) if isinstance(u, str) else u for u in unknowns]
    if isinstance(value, sympy.Tuple) and len(value) == len(symbols) > 1:
        values = dict(zip(symbols, value, strict=True))
    elif len(symbols) == 1:
        values = {symbols[0]: value}
    else:
        return [CheckResult(name="smt.satisfies", status=CheckStatus.unknown,
                            detail=f"cannot match the answer {value} to the unknowns "
                                   f"{[s.name for s in symbols]}")]
    substituted = substitute_constraints(constraints, values)
    return [substituted, *check_constraints(constraints, values, symbols, domain, timeout_ms)]
