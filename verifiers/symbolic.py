"""Exact answers with sympy: a whitelist parser for untrusted answer text, a canonical
form, equivalence of two answers, and unit/dimension checks.

Untrusted text (a sandboxed program's answer, a model's output) is never handed to
``sympify``/``parse_expr``/``eval``: those run Python. ``parse_answer`` walks Python's
``ast`` and builds sympy objects itself from a fixed set of node types and names, with caps
on length, digits, exponents and nesting depth.
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Callable
from fractions import Fraction

import sympy
from pydantic import BaseModel, ConfigDict
from sympy.physics import units as u

from verifiers.verdict import CheckResult, CheckStatus


class AnswerParseError(ValueError):
    """The answer text is not an exact answer this parser accepts; says what and where."""

    def __init__(self, message: str, text: str, column: int | None = None) -> None:
        where = f" at column {column}" if column is not None else ""
        shown = text if len(text) <= 60 else text[:57] + "..."
        super().__init__(f"cannot parse answer {shown!r}{where}: {message}")
        self.column = column


class AnswerLimits(BaseModel):
    """Caps that keep parsing cheap whatever the text is."""

    model_config = ConfigDict(frozen=True)
    max_length: int = 10_000  # characters of answer text
    max_digits: int = 1_000  # digits in one numeric literal, and in any power it builds
    max_depth: int = 200  # nesting of the expression tree (a sum of n terms nests n deep)
    max_symbol_length: int = 32  # characters in a free symbol's name


_CONSTANTS: dict[str, sympy.Basic] = {
    "pi": sympy.pi, "E": sympy.E, "I": sympy.I, "oo": sympy.oo, "zoo": sympy.zoo,
    "EmptySet": sympy.S.EmptySet, "true": sympy.true, "false": sympy.false,
}

_FUNCTIONS: dict[str, Callable[..., sympy.Basic]] = {
    "sqrt": sympy.sqrt, "cbrt": sympy.cbrt, "root": sympy.root, "Abs": sympy.Abs,
    "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos,
    "tan": sympy.tan, "asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan,
    "Rational": sympy.Rational, "Integer": sympy.Integer, "Tuple": sympy.Tuple,
    "FiniteSet": sympy.FiniteSet, "Interval": sympy.Interval, "Union": sympy.Union,
    "Pow": sympy.Pow, "Mul": sympy.Mul, "Add": sympy.Add, "re": sympy.re, "im": sympy.im,
}
_INTERVAL_KEYWORDS = {"left_open", "right_open"}
_DECIMAL = re.compile(r"\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?(/\d+)?\s*")
_SYMBOL = re.compile(r"[A-Za-z][A-Za-z0-9_]*")

_BINARY: dict[type, Callable[[sympy.Basic, sympy.Basic], sympy.Basic]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
    ast.Mod: lambda a, b: sympy.Mod(a, b),
}


def parse_answer(text: str, limits: AnswerLimits | None = None) -> sympy.Basic:
    """Parse answer text (``5/2``, ``sqrt(2)/2``, ``3*pi``, ``{1, 2}``, ``(3, -1)``,
    ``True``, ``Rational('2.5')``) into a sympy object; raise AnswerParseError otherwise."""
    limits = limits or AnswerLimits()
    if not isinstance(text, str):
        raise AnswerParseError(f"expected text, got {type(text).__name__}", repr(text))
    if len(text) > limits.max_length:
        raise AnswerParseError(f"longer than {limits.max_length} characters", text)
    _check_brackets(text, limits)
    try:
        with warnings.catch_warnings():  # e.g. "invalid decimal literal": an error below
            warnings.simplefilter("ignore")
            tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        column = getattr(exc, "offset", None)
        raise AnswerParseError(f"not an expression ({type(exc).__name__})", text,
                               column) from None
    _check_depth(tree, text, limits)
    return _Builder(text.strip(), limits).build(tree.body)


def _check_brackets(text: str, limits: AnswerLimits) -> None:
    depth = 0
    for column, char in enumerate(text):
        if char in "([{":
            depth += 1
            if depth > limits.max_depth:
                raise AnswerParseError(f"nested deeper than {limits.max_depth}", text, column)
        elif char in ")]}":
            depth -= 1


def _check_depth(tree: ast.AST, text: str, limits: AnswerLimits) -> None:
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limits.max_depth:
            raise AnswerParseError(f"nested deeper than {limits.max_depth}", text,
                                   getattr(node, "col_offset", None))
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


class _Builder:
    """Turns a checked ``ast`` expression into sympy objects, one node type at a time."""

    def __init__(self, text: str, limits: AnswerLimits) -> None:
        self.text = text
        self.limits = limits

    def fail(self, node: ast.AST, message: str) -> AnswerParseError:
        return AnswerParseError(message, self.text, getattr(node, "col_offset", None))

    def build(self, node: ast.AST) -> sympy.Basic:
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            raise self.fail(node, f"{type(node).__name__} is not allowed in an answer")
        return method(node)

    def _Constant(self, node: ast.Constant) -> sympy.Basic:
        value = node.value
        if isinstance(value, bool):
            return sympy.true if value else sympy.false
        if isinstance(value, int):
            if len(str(abs(value))) > self.limits.max_digits:
                raise self.fail(node, f"more than {self.limits.max_digits} digits")
            return sympy.Integer(value)
        if isinstance(value, float):
            literal = ast.get_source_segment(self.text, node) or repr(value)
            return self._decimal(node, literal)
        if isinstance(value, complex) and value.real == 0:
            return self._decimal(node, repr(value.imag)) * sympy.I
        raise self.fail(node, f"a {type(value).__name__} constant is not a number")

    def _decimal(self, node: ast.AST, literal: str) -> sympy.Rational:
        """A decimal literal is read exactly (``2.5`` is 5/2), never through a float."""
        if not _DECIMAL.fullmatch(literal):
            raise self.fail(node, f"{literal!r} is not a decimal number")
        mantissa, _, exponent = literal.lower().partition("e")
        digits = sum(ch.isdigit() for ch in mantissa)
        if digits > self.limits.max_digits or (
                exponent and abs(int(exponent.split("/")[0])) > self.limits.max_digits):
            raise self.fail(node, f"more than {self.limits.max_digits} digits")
        return sympy.Rational(Fraction(literal.strip()))

    def _Name(self, node: ast.Name) -> sympy.Basic:
        name = node.id
        if name in _CONSTANTS:
            return _CONSTANTS[name]
        if name in _FUNCTIONS:
            raise self.fail(node, f"{name} is a function, not a value")
        if not _SYMBOL.fullmatch(name) or len(name) > self.limits.max_symbol_length:
            raise self.fail(node, f"{name!r} is not an allowed symbol name")
        return sympy.Symbol(name)

    def _UnaryOp(self, node: ast.UnaryOp) -> sympy.Basic:
        operand = self.build(node.operand)
        self._require_expressions(node, operand)
        if isinstance(node.op, ast.USub):
            return -operand
        if isinstance(node.op, ast.UAdd):
            return operand
        raise self.fail(node, f"operator {type(node.op).__name__} is not allowed")

    def _BinOp(self, node: ast.BinOp) -> sympy.Basic:
        left, right = self.build(node.left), self.build(node.right)
        if isinstance(node.op, ast.Pow):
            return self._power(node, left, right)
        operation = _BINARY.get(type(node.op))
        if operation is None:
            raise self.fail(node, f"operator {type(node.op).__name__} is not allowed")
        self._require_expressions(node, left, right)
        try:
            return operation(left, right)
        except (ArithmeticError, TypeError, ValueError) as exc:
            raise self.fail(node, f"{type(exc).__name__}: {exc}") from None

    def _require_expressions(self, node: ast.AST, *values: sympy.Basic) -> None:
        for value in values:
            if not isinstance(value, sympy.Expr):
                raise self.fail(node, f"arithmetic on a {type(value).__name__}")

    def _power(self, node: ast.AST, base: sympy.Basic, exponent: sympy.Basic) -> sympy.Basic:
        """Refuse powers whose exact value would be huge (``10**10**8``)."""
        self._require_expressions(node, base, exponent)
        if isinstance(exponent, sympy.Rational) and isinstance(base, sympy.Rational):
            bits = max(abs(base.p).bit_length(), abs(base.q).bit_length(), 1)
            if abs(exponent.p) * bits > self.limits.max_digits * 4 or exponent.q > 1000:
                raise self.fail(node, f"the power has more than {self.limits.max_digits} digits")
        elif isinstance(exponent, sympy.Integer) and abs(exponent) > 10_000:
            raise self.fail(node, "exponent larger than 10000")
        return sympy.Pow(base, exponent)

    def _Call(self, node: ast.Call) -> sympy.Basic:
        if not isinstance(node.func, ast.Name):
            callee = ast.get_source_segment(self.text, node.func) or type(node.func).__name__
            raise self.fail(node, f"call of {callee[:40]!r} is not allowed")
        name = node.func.id
        if name in {"set", "frozenset"} and not node.keywords and len(node.args) <= 1:
            inner = [self.build(a) for a in node.args]
            return sympy.FiniteSet(*(inner[0].args if inner else ()))
        if name not in _FUNCTIONS:
            raise self.fail(node, f"call of {name!r} is not allowed")
        if name == "Rational" and len(node.args) == 1 and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            return self._decimal(node, node.args[0].value)
        args = [self.build(arg) for arg in node.args]
        keywords = {}
        for keyword in node.keywords:
            if name != "Interval" or keyword.arg not in _INTERVAL_KEYWORDS:
                raise self.fail(node, f"keyword {keyword.arg!r} is not allowed for {name}")
            keywords[keyword.arg] = self.build(keyword.value)
        if name == "Pow" and len(args) == 2:
            return self._power(node, *args)
        try:
            return _FUNCTIONS[name](*args, **keywords)
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise self.fail(node, f"{name}: {exc}") from None

    def _Tuple(self, node: ast.Tuple) -> sympy.Basic:
        return sympy.Tuple(*(self.build(e) for e in node.elts))

    _List = _Tuple

    def _Set(self, node: ast.Set) -> sympy.Basic:
        return sympy.FiniteSet(*(self.build(e) for e in node.elts))

    def _Dict(self, node: ast.Dict) -> sympy.Basic:
        if node.keys:
            raise self.fail(node, "Dict is not an answer")
        return sympy.S.EmptySet  # `{}`: the empty set as people write it


def canonical_answer(value: sympy.Basic | str | int | bool | tuple | set) -> str:
    """One exact string per value: simplified numbers (``5/2``, ``sqrt(2)/2``, ``3*pi``),
    sorted sets, element-wise tuples; parse_answer(canonical_answer(v)) is equivalent to v."""
    return sympy.sstr(canonical_form(_as_sympy(value)), order="lex")


def canonical_form(value: sympy.Basic) -> sympy.Basic:
    """The simplified sympy object behind ``canonical_answer``."""
    if isinstance(value, sympy.Tuple):
        return sympy.Tuple(*(canonical_form(v) for v in value))
    if isinstance(value, sympy.FiniteSet):
        return sympy.FiniteSet(*(canonical_form(v) for v in value))
    if isinstance(value, sympy.Expr):
        if value.is_Rational or value.is_Symbol or _too_big_to_simplify(value):
            return value
        return sympy.nsimplify(sympy.radsimp(sympy.simplify(value)), rational=False) \
            if value.has(sympy.Float) else sympy.radsimp(sympy.simplify(value))
    return value


MAX_SIMPLIFY_OPS = 200  # operations in an expression beyond which simplify() is not tried:
#                        it can take minutes on crafted input, and it runs in a trusted process


def _too_big_to_simplify(expr: sympy.Basic) -> bool:
    return sympy.count_ops(expr) > MAX_SIMPLIFY_OPS


def _as_sympy(value) -> sympy.Basic:
    if isinstance(value, str):
        return parse_answer(value)
    if isinstance(value, bool):
        return sympy.true if value else sympy.false
    if isinstance(value, sympy.Basic):
        return value
    if isinstance(value, int | Fraction):
        return sympy.Rational(value)
    if isinstance(value, tuple | list):
        return sympy.Tuple(*(_as_sympy(v) for v in value))
    if isinstance(value, set | frozenset):
        return sympy.FiniteSet(*(_as_sympy(v) for v in value))
    raise TypeError(f"not an exact answer: {type(value).__name__} {value!r}")


def answers_equivalent(a, b, *, allow_float: bool = False) -> bool:
    """Whether two answers denote the same exact value: numbers and expressions by
    simplifying their difference to zero, tuples element-wise in order, sets as sets.
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
        return isinstance(a, sympy.Set) and isinstance(b, sympy.Set) and a == b
    if isinstance(a, sympy.logic.boolalg.BooleanAtom) or \
            isinstance(b, sympy.logic.boolalg.BooleanAtom):
        return a == b
    if not (isinstance(a, sympy.Expr) and isinstance(b, sympy.Expr)):
        return a == b
    return _expressions_equal(a, b, allow_float)


def _expressions_equal(a: sympy.Expr, b: sympy.Expr, allow_float: bool) -> bool:
    a, b = _exact_floats(a), _exact_floats(b)
    if a == b:
        return True
    if allow_float and not (a.free_symbols or b.free_symbols):
        return _close(a, b)
    difference = a - b
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
