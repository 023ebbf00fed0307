"""Answer text to exact sympy values and one canonical string per value.

Shared by the parent (``verifiers.symbolic`` re-exports it) and the sandbox's children (the
fork server imports it), so that an answer is canonicalized where the program ran, under its
limits, by the same code the parent would use; the parent then only re-parses the text.
Standard library and sympy only.

Untrusted text is never handed to ``sympify``/``parse_expr``/``eval``: those run Python.
``parse_answer`` walks Python's ``ast`` and builds sympy objects itself from a fixed set of
node types and names, with caps on length, digits, exponents and nesting depth.
``canonical_form`` refuses, quickly and by name, the values whose simplification would take
longer than any limit (``(x + 1)**3000``): see ``too_costly``.
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Callable
from fractions import Fraction
from math import comb, lgamma, log

import sympy


class AnswerParseError(ValueError):
    """The answer text is not an exact answer this parser accepts; says what and where."""

    def __init__(self, message: str, text: str, column: int | None = None) -> None:
        where = f" at column {column}" if column is not None else ""
        shown = text if len(text) <= 60 else text[:57] + "..."
        super().__init__(f"cannot parse answer {shown!r}{where}: {message}")
        self.column = column


class AnswerLimits:
    """Caps that keep parsing cheap whatever the text is (verifiers.AnswerLimits is the
    validated, public form of the same fields)."""

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
        check_cost(value)
        return sympy.nsimplify(sympy.radsimp(sympy.simplify(value)), rational=False) \
            if value.has(sympy.Float) else sympy.radsimp(sympy.simplify(value))
    return value


MAX_SIMPLIFY_OPS = 200  # operations in an expression beyond which simplify() is not tried:
#                        it can take minutes on crafted input, and it runs in a trusted process


def _too_big_to_simplify(expr: sympy.Basic) -> bool:
    return sympy.count_ops(expr) > MAX_SIMPLIFY_OPS


MAX_EXPANSION_TERMS = 256  # terms of the expanded form past which simplify() is refused:
#                           (x + 1)**1000 has few operations but simplify() expands it (11 s),
#                           (x + y + z + 1)**20 (1,771 terms) takes 8 s


class AnswerTooComplex(ValueError):
    """Canonicalizing this value would take longer than any run's limit; refused by name."""


def expansion_terms(expr: sympy.Basic, cap: int = 10**6) -> int:
    """How many terms ``expr`` would have once expanded (an upper estimate, at most ``cap``):
    what simplify() may build on the way, whatever the count of operations says."""
    if not isinstance(expr, sympy.Basic) or expr.is_Atom:
        return 1
    if expr.is_Add:
        return min(cap, sum(expansion_terms(a, cap) for a in expr.args))
    if expr.is_Mul:
        total = 1
        for factor in expr.args:
            total = min(cap, total * expansion_terms(factor, cap))
        return total
    if expr.is_Pow:
        terms = expansion_terms(expr.base, cap)
        if terms > 1 and expr.exp.is_Integer:
            k = abs(int(expr.exp))
            if k >= cap:
                return cap
            # terms of a multinomial power: C(k + terms - 1, terms - 1), estimated in logs
            log_terms = lgamma(k + terms) - lgamma(k + 1) - lgamma(terms)
            return cap if log_terms > log(cap) else min(cap, comb(k + terms - 1, terms - 1))
        return terms
    return max((expansion_terms(a, cap) for a in expr.args), default=1)


def check_canonicalizable(value: sympy.Basic) -> None:
    """Raise AnswerTooComplex exactly where ``canonical_form`` would, without simplifying:
    for text whose canonicalization the parent does not redo (the child's, maybe forged)."""
    if isinstance(value, sympy.Tuple | sympy.FiniteSet):
        for item in value.args:
            check_canonicalizable(item)
    elif isinstance(value, sympy.Expr) and not (
            value.is_Rational or value.is_Symbol or _too_big_to_simplify(value)):
        check_cost(value)


def check_cost(value: sympy.Basic) -> None:
    """Raise AnswerTooComplex for a value whose simplification would be unbounded in
    practice (it is refused in milliseconds instead of taking the parent's minutes)."""
    terms = expansion_terms(value, MAX_EXPANSION_TERMS * 4)
    if terms > MAX_EXPANSION_TERMS:
        shown = sympy.sstr(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise AnswerTooComplex(
            f"answer {shown} is too complex to canonicalize: about {terms} or more terms "
            f"expanded (limit {MAX_EXPANSION_TERMS})")


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


