"""Unit and dimension checks with sympy.physics.units."""

from __future__ import annotations

import pytest
from sympy import Eq, Symbol
from sympy.physics import units as u

from verifiers import (
    CheckStatus,
    check_units,
    quantities_equivalent,
    same_dimension,
    substitute_constraints,
    unit_named,
)


@pytest.mark.parametrize(("name", "unit"), [("feet", u.foot), ("foot", u.foot),
                                            ("meters", u.meter), ("km", u.kilometer),
                                            ("hours", u.hour), ("inches", u.inch)])
def test_unit_names_and_plurals(name, unit):
    assert unit_named(name) == unit


def test_unknown_unit_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown unit 'furlongz'"):
        unit_named("furlongz")


def test_dimensions():
    assert same_dimension(13 * u.foot, u.meter)
    assert same_dimension(120 * u.mile / (2 * u.hour), u.kilometer / u.hour)
    assert not same_dimension(13 * u.foot, u.second)
    assert not same_dimension(60 * u.mile / u.hour, u.mile)


def test_quantities_equivalent_across_units():
    assert quantities_equivalent(5280 * u.foot, u.mile)
    assert quantities_equivalent(90 * u.minute, 1.5 * u.hour)
    assert not quantities_equivalent(5 * u.foot, 5 * u.meter)
    assert not quantities_equivalent(u.mile, u.hour)


def test_check_units_record():
    assert check_units(13 * u.foot, "meter").status is CheckStatus.passed
    failed = check_units(13 * u.foot / u.hour, "meter")
    assert failed.status is CheckStatus.failed and failed.evidence["unit"] == "meter"


def test_substitution_decides_what_z3_cannot():
    from sympy import pi, sin
    x = Symbol("x")
    assert substitute_constraints([Eq(sin(x), 0)], {"x": pi}).status is CheckStatus.passed
    assert substitute_constraints([Eq(sin(x), 0)], {"x": 1}).status is CheckStatus.failed
    assert substitute_constraints([Eq(x + Symbol("y"), 1)], {"x": 1}).status \
        is CheckStatus.unknown
