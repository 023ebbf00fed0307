"""Exact answers with sympy: a whitelist parser for untrusted answer text, a canonical
form, equivalence of two answers, and unit/dimension checks. The parser and the canonical
form live in ``verifiers/_runtime/answers.py``, which the sandbox's children share.

Untrusted text (a sandboxed program's answer, a model's output) is never handed to
``sympify``/``parse_expr``/``eval``: those run Python. ``parse_answer`` walks Python's
``ast`` and builds sympy objects itself from a fixed set of node types and names, with caps
on length, digits, exponents and nesting depth.
"""

from __future__ import annotations

import sympy
from pydantic import BaseModel, ConfigDict
from sympy.physics import units as u

from verifiers._runtime import answers as _answers
from verifiers._runtime.answers import (  # noqa: F401 - re-exported
    MAX_EXPANSION_TERMS,
    MAX_SIMPLIFY_OPS,
    AnswerParseError,
    AnswerTooComplex,
    _as_sympy,
    _too_big_to_simplify,
    canonical_answer,
    canonical_form,
    check_canonicalizable,
    check_cost,
    expansion_terms,
)
from verifiers.verdict import CheckResult, CheckStatus


class AnswerLimits(BaseModel):
    """Caps that keep parsing cheap whatever the text is."""

    model_config = ConfigDict(frozen=True)
    max_length: int = 10_000  # characters of answer text
    max_digits: int = 1_000  # digits in one numeric literal, and in any power it builds
    max_depth: int = 200  # nesting of the expression tree (a sum of n terms nests n deep)
    max_symbol_length: int = 32  # characters in a free symbol's name


def parse_answer(text: str, limits: AnswerLimits | None = None) -> sympy.Basic:
    """Parse answer text (``5/2``, ``sqrt(2)/2``, ``3*pi``, ``{1, 2}``, ``(3, -1)``,
    ``True``, ``Rational('2.5')``) into a sympy object; raise AnswerParseError otherwise."""
    return _answers.parse_answer(text, limits or AnswerLimits())


def answers_equivalent(a, b, *, allow_float: bool = False) -> bool:
    """Whether two answers denote the same exact value: numbers and expressions by
    simplifying their difference to zero, tuples element-wise in order, sets as sets
    (intervals and unions by their symmetric difference). The one equivalence routine:
    the agent, the evals' answer check and training validation all decide with it.
    Strings are parsed with parse_answer (unparsable text is equivalent to nothing; a
    decimal literal is the exact rational it spells). A sympy Float equals only the
    rational it exactly is. ``allow_float`` accepts numbers within a relative 1e-9 (for
    answers computed in floating point; off by default: ladder's answers are exact)."""
    try:
        left, right = _as_sympy(a), _as_sympy(b)
    except (AnswerParseError, TypeError):
        return False
    return _equivalent(left, right, allow_float)


def _equivalent(a: sympy.Basic, b: sympy.Basic, allow_float: bool) -> bool:
    if isinstance(a, sympy.Tuple) or isinstance(b, sympy.Tuple):
        return (isinstance(a, sympy.Tuple) and isinstance(b, sympy.Tuple) and len(a) == len(b)
                and all(_equivalent(x, y, allow_float) for x, y in zip(a, b, strict=True)))
    if isinstance(a, sympy.FiniteSet) and isinstance(b, sympy.FiniteSet):
        return (all(any(_equivalent(x, y, allow_float) for y in b.args) for x in a.args)
                and all(any(_equivalent(x, y, allow_float) for x in a.args) for y in b.args))
    if isinstance(a, sympy.Set) or isinstance(b, sympy.Set):
        return isinstance(a, sympy.Set) and isinstance(b, sympy.Set) and _same_set(a, b)
    if isinstance(a, sympy.logic.boolalg.BooleanAtom) or \
            isinstance(b, sympy.logic.boolalg.BooleanAtom):
        return a == b
    if not (isinstance(a, sympy.Expr) and isinstance(b, sympy.Expr)):
        return a == b
    return _expressions_equal(a, b, allow_float)


def _same_set(a: sympy.Set, b: sympy.Set) -> bool:
    """Intervals, unions and complements: equal when nothing lies in one and not the other."""
    if a == b:
        return True
    try:
        return sympy.simplify(a.symmetric_difference(b)) == sympy.S.EmptySet
    except (TypeError, ValueError, NotImplementedError):
        return False


def _expressions_equal(a: sympy.Expr, b: sympy.Expr, allow_float: bool) -> bool:
    a, b = _exact_floats(a), _exact_floats(b)
    if a == b:
        return True
    if allow_float and not (a.free_symbols or b.free_symbols):
        return _close(a, b)
    difference = a - b
    if expansion_terms(difference, MAX_EXPANSION_TERMS * 4) > MAX_EXPANSION_TERMS:
        return False  # (x + 1)**3000 - y: no simplification to zero could finish in time
    if _too_big_to_simplify(difference):
        return sympy.expand(difference) == 0 if sympy.count_ops(difference) < 2000 else False
    if difference.free_symbols:
        return sympy.simplify(difference) == 0
    if sympy.simplify(difference) == 0:
        return True
    verdict = difference.equals(0)
    return bool(verdict)


def _exact_floats(expr: sympy.Expr) -> sympy.Expr:
    """Replace each Float by the rational it exactly is (0.5 -> 1/2; 0.1 stays 0.1's binary)."""
    if not expr.has(sympy.Float):
        return expr
    return expr.xreplace({f: sympy.Rational(f) for f in expr.atoms(sympy.Float)})


def _close(a: sympy.Expr, b: sympy.Expr) -> bool:
    if a.free_symbols or b.free_symbols:
        return sympy.simplify(a - b) == 0
    x, y = complex(a.evalf(30)), complex(b.evalf(30))
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1e-300)


# ---- units and dimensions --------------------------------------------------------------

_UNIT_NAMES = {name: getattr(u, name) for name in dir(u)
               if isinstance(getattr(u, name), u.Quantity)}


def unit_named(name: str) -> u.Quantity:
    """A sympy.physics.units quantity by name or plural (``foot``, ``feet``, ``km``)."""
    key = name.strip().lower().replace(" ", "_")
    irregular = {"feet": "foot", "inches": "inch"}
    for candidate in (key, irregular.get(key, key), key.removesuffix("s"),
                      key.removesuffix("es")):
        if candidate in _UNIT_NAMES:
            return _UNIT_NAMES[candidate]
    raise ValueError(f"unknown unit {name!r}")


def same_dimension(a: sympy.Expr, b: sympy.Expr) -> bool:
    """Whether two quantity expressions have the same dimension (length vs length/time)."""
    from sympy.physics.units.systems.si import SI, dimsys_SI

    deps_a = dimsys_SI.get_dimensional_dependencies(SI.get_dimensional_expr(a))
    deps_b = dimsys_SI.get_dimensional_dependencies(SI.get_dimensional_expr(b))
    return deps_a == deps_b


def quantities_equivalent(a: sympy.Expr, b: sympy.Expr) -> bool:
    """Same dimension and the same value once both are converted to SI base units
    (``5280*foot`` equals ``mile``); a dimension mismatch is never equivalent."""
    if not same_dimension(a, b):
        return False
    base = [u.meter, u.second, u.kilogram, u.ampere, u.kelvin, u.mole, u.candela]
    difference = u.convert_to(a, base) - u.convert_to(b, base)
    return sympy.simplify(difference) == 0


def check_units(value: sympy.Expr, expected_unit: sympy.Expr | str) -> CheckResult:
    """``units``: does a quantity (``13*foot``) have the dimension of the unit the question
    asks for (``meter``: both lengths)? A bare number passes only a dimensionless unit."""
    unit = unit_named(expected_unit) if isinstance(expected_unit, str) else expected_unit
    ok = same_dimension(value, unit)
    return CheckResult(name="units", status=CheckStatus.passed if ok else CheckStatus.failed,
                       detail=f"{value} {'has' if ok else 'lacks'} the dimension of {unit}",
                       evidence={"value": str(value), "unit": str(unit)})


# ---- substitution into constraints -----------------------------------------------------

def substitute_constraints(constraints, values: dict) -> CheckResult:
    """``sympy.substitute``: put the answer's values into each constraint and simplify.
    Failed if one becomes False, passed if all become True, unknown otherwise (free
    symbols left, or sympy cannot decide). Works where Z3 cannot (pi, trigonometry)."""
    mapping = {(sympy.Symbol(k) if isinstance(k, str) else k): _as_sympy(v)
               for k, v in values.items()}
    outcomes: dict[str, str] = {}
    for constraint in constraints:
        outcomes[str(constraint)] = _truth(constraint.subs(mapping))
    if "false" in outcomes.values():
        status = CheckStatus.failed
    elif all(v == "true" for v in outcomes.values()):
        status = CheckStatus.passed
    else:
        status = CheckStatus.unknown
    violated = [c for c, v in outcomes.items() if v == "false"]
    detail = (f"violates {', '.join(violated)}" if violated
              else f"{sum(v == 'true' for v in outcomes.values())}/{len(outcomes)} hold")
    return CheckResult(name="sympy.substitute", status=status, detail=detail,
                       evidence={"values": {str(k): str(v) for k, v in mapping.items()},
                                 "outcomes": outcomes})


def _truth(relation) -> str:
    """'true', 'false' or 'unknown' for a substituted relation, decided exactly."""
    if relation is sympy.true or relation is True:
        return "true"
    if relation is sympy.false or relation is False:
        return "false"
    if getattr(relation, "free_symbols", None):
        return "unknown"
    if isinstance(relation, sympy.Eq):
        equal = _expressions_equal(relation.lhs, relation.rhs, allow_float=False) \
            if isinstance(relation.lhs, sympy.Expr) else relation.lhs == relation.rhs
        return "true" if equal else "false"
    simplified = sympy.simplify(relation)
    if simplified in (sympy.true, sympy.false):
        return "true" if simplified is sympy.true else "false"
    return "unknown"
