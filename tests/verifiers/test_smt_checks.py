"""Z3 checks: satisfaction, uniqueness with the other solution as evidence, timeouts."""

from __future__ import annotations

import sympy
from sympy import Eq, Rational, sqrt

from verifiers import CheckStatus, Domain, check_constraints

x, y, z = sympy.symbols("x y z")


def _by_name(results):
    return {r.name: r for r in results}


def test_quadratic_has_a_second_root_that_z3_finds():
    """Ladder problem: base**2 + 12**2 == 13**2 over the reals has the root -5 as well."""
    checks = _by_name(check_constraints([Eq(x**2 + 12**2, 13**2)], 5))
    assert checks["smt.satisfies"].status is CheckStatus.passed
    unique = checks["smt.unique"]
    assert unique.status is CheckStatus.failed and not unique.required
    assert unique.evidence["alternative"] == {"x": "-5"}


def test_positive_domain_makes_the_quadratic_root_unique():
    checks = _by_name(check_constraints([Eq(x**2 + 12**2, 13**2)], 5, domain=Domain.positive))
    assert checks["smt.unique"].status is CheckStatus.passed, checks["smt.unique"]


def test_linear_system_is_proved_unique():
    constraints = [Eq(2 * x + 3 * y, 7), Eq(x - y, 1)]
    checks = _by_name(check_constraints(constraints, {"x": 2, "y": 1}))
    assert checks["smt.satisfies"].status is CheckStatus.passed
    assert checks["smt.unique"].status is CheckStatus.passed, checks["smt.unique"]


def test_three_unknowns_given_as_a_tuple():
    constraints = [Eq(x + y + z, 6), Eq(x - y, 0), Eq(2 * z, x + y + 2)]
    checks = _by_name(check_constraints(constraints, (Rational(5, 3), Rational(5, 3),
                                                      Rational(8, 3)), unknowns=[x, y, z]))
    assert checks["smt.satisfies"].status is CheckStatus.passed, checks["smt.satisfies"]
    assert checks["smt.unique"].status is CheckStatus.passed


def test_wrong_answer_names_the_violated_constraint():
    checks = _by_name(check_constraints([Eq(3 * x + 5, 20)], 6))
    failed = checks["smt.satisfies"]
    assert failed.status is CheckStatus.failed and failed.required
    assert failed.evidence["violated"] == ["Eq(3*x + 5, 20)"]


def test_answer_outside_the_domain_fails():
    checks = _by_name(check_constraints([Eq(x**2, 25)], -5, domain=Domain.positive))
    assert checks["smt.satisfies"].status is CheckStatus.failed


def test_radical_answer_is_checked_exactly_and_the_conjugate_found():
    checks = _by_name(check_constraints([Eq(x**2 - x - 1, 0)], (1 + sqrt(5)) / 2))
    assert checks["smt.satisfies"].status is CheckStatus.passed
    alternative = sympy.sympify(checks["smt.unique"].evidence["alternative"]["x"])
    assert sympy.simplify(alternative - (1 - sqrt(5)) / 2) == 0


def test_close_but_wrong_radical_fails():
    checks = _by_name(check_constraints([Eq(x**2, 2)], Rational(14142135623, 10**10)))
    assert checks["smt.satisfies"].status is CheckStatus.failed


def test_integer_domain():
    checks = _by_name(check_constraints([x > 2, x < 4], 3, domain=Domain.integer))
    assert checks["smt.unique"].status is CheckStatus.passed
    reals = _by_name(check_constraints([x > 2, x < 4], 3, domain=Domain.real))
    assert reals["smt.unique"].status is CheckStatus.failed


def test_per_unknown_domains():
    constraints = [Eq(x**2, 4), Eq(y**2, 9)]
    checks = _by_name(check_constraints(constraints, {"x": 2, "y": -3},
                                        domain={"x": Domain.positive, "y": Domain.real}))
    assert checks["smt.unique"].evidence["alternative"] == {"x": "2", "y": "3"}


def test_what_z3_cannot_state_is_unknown():
    checks = _by_name(check_constraints([Eq(sympy.sin(x), 0)], sympy.pi))
    assert checks["smt.satisfies"].status is CheckStatus.unknown
    assert "not expressible" in checks["smt.satisfies"].detail


def test_every_solver_call_has_a_timeout():
    """A hard nonlinear integer problem: the 1 ms budget runs out, the result says so."""
    constraints = [Eq(x**3 + y**3 + z**3, 33)]
    checks = _by_name(check_constraints(constraints, {"x": 1, "y": 1, "z": 1},
                                        domain=Domain.integer, timeout_ms=1))
    assert checks["smt.satisfies"].status is CheckStatus.failed
    assert checks["smt.unique"].status is CheckStatus.unknown, checks["smt.unique"]
    assert checks["smt.unique"].duration_ms < 2000
