"""Verdicts from checks, and verify_answer from a sandbox run to a certificate."""

from __future__ import annotations

import json

import pytest
import sympy
from sympy import Eq

from verifiers import CheckResult, CheckStatus, Domain, Verdict, verify_answer

x = sympy.Symbol("x")
LADDER = [Eq(x**2 + 12**2, 13**2)]


def _check(name, status, required=True):
    return CheckResult(name=name, status=CheckStatus(status), required=required)


def test_verdict_rules():
    assert Verdict.from_checks("5", [_check("a", "passed")]).status is CheckStatus.passed
    assert Verdict.from_checks("5", [_check("a", "passed"), _check("b", "failed")]).status \
        is CheckStatus.failed
    assert Verdict.from_checks("5", [_check("a", "passed"),
                                     _check("b", "failed", required=False)]).status \
        is CheckStatus.unknown
    assert Verdict.from_checks("5", [_check("a", "unknown")]).status is CheckStatus.unknown
    assert Verdict.from_checks("5", []).status is CheckStatus.unknown


def test_right_answer_in_the_right_domain_passes_every_check(run_checked):
    result = run_checked("from sympy import sqrt\nanswer = sqrt(13**2 - 12**2)\n")
    verdict = verify_answer(result, constraints=LADDER, domain=Domain.positive, expected="5")
    assert verdict.status is CheckStatus.passed, verdict
    assert [c.name for c in verdict.checks] == ["exec", "answer.parse", "answer.defined",
                                                "expected", "sympy.substitute",
                                                "smt.satisfies", "smt.unique"]
    assert verdict.answer == "5"


def test_other_root_is_evidence_not_failure():
    verdict = verify_answer("5", constraints=LADDER)
    assert verdict.status is CheckStatus.unknown
    assert verdict.check("smt.unique").evidence["alternative"] == {"x": "-5"}


def test_wrong_answer_fails_and_names_the_constraint():
    verdict = verify_answer("4", constraints=LADDER, domain=Domain.positive)
    assert verdict.status is CheckStatus.failed
    assert verdict.check("smt.satisfies").evidence["violated"] == ["Eq(x**2 + 144, 169)"]
    assert verdict.check("sympy.substitute").status is CheckStatus.failed


def test_failed_run_fails_at_exec(run_checked):
    verdict = verify_answer(run_checked("answer = 1 // 0\n"), constraints=LADDER)
    assert verdict.status is CheckStatus.failed
    assert [c.name for c in verdict.checks] == ["exec"]
    assert verdict.checks[0].evidence["exception"]["type"] == "ZeroDivisionError"


def test_sympy_division_by_zero_is_not_an_answer(run_checked):
    verdict = verify_answer(run_checked("from sympy import Rational\nanswer = Rational(1, 0)\n"))
    assert verdict.status is CheckStatus.failed
    assert verdict.check("answer.defined").status is CheckStatus.failed


def test_unparsable_answer_fails():
    verdict = verify_answer("__import__('os')")
    assert verdict.status is CheckStatus.failed
    assert verdict.check("answer.parse").status is CheckStatus.failed


def test_certificate_is_json():
    verdict = verify_answer("5", constraints=LADDER, domain=Domain.positive)
    restored = Verdict.model_validate(json.loads(verdict.model_dump_json()))
    assert restored == verdict


def test_passed_and_verified_follow_from_the_checks() -> None:
    decisive = CheckResult(name="z3: unique", status=CheckStatus.passed, decisive=True, required=False)
    verdict = Verdict.from_checks("5", [_check("a", "passed"), decisive])
    assert verdict.passed and verdict.verified
    optional_failure = Verdict.from_checks("5", [decisive, _check("b", "failed", required=False)])
    assert optional_failure.passed and not optional_failure.verified, "any failed check forbids verified"
    assert not Verdict.from_checks("5", [_check("a", "passed")]).verified, "no decisive check, not verified"
    with pytest.raises(ValueError, match="follows from the checks"):
        verdict.model_copy(update={"verified": False})
    undecided = [c.model_copy(update={"decisive": False}) for c in verdict.checks]
    assert not Verdict.from_checks("5", undecided).verified, "the way to withdraw `verified`"
