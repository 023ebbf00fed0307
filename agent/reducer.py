"""The reduction engine of structural mode: a tree interpreted node by node over sympy.

Integer and decimal literals become exact sympy numbers, `/` is exact division, calls are
limited to a whitelist of sympy functions and a few pure builtins, and loops only run over
bounded `range`s. A node outside this fragment makes the program irreducible.

No string ever becomes code: sympy turns strings into code (sympify) wherever one reaches
it, so a string may go only to Symbol/symbols/Rational/Integer (checked by a pattern), to
int/str/len, or through map to int/str; any other call, operator or comparison that meets a
string anywhere in its arguments (inside lists, tuples, sets, dicts) is irreducible.

This module is self-contained (standard library and sympy only) because agent.structural
runs it inside the sandbox, as the program text, on a serialized tree: even a hole in the
rules above would run confined, like a tool-mode program.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Iterable
from typing import Any

import sympy

MAX_STEPS = 200_000  # node evaluations per program; a loop past this is not "reducible"
MAX_LOOP = 10_000  # iterations of one `for` loop
MAX_EXPONENT = 10_000  # |n| in x**n for |x| > 1: larger powers are not reduced
MAX_FACTORIAL = 5_000  # factorial/binomial arguments past this are not reduced
MAX_COLLECTION = 100_000  # elements of a tuple, list or set built during reduction

_NUMERIC = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(/\d+)?$")
_IDENTIFIERS = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*([ ,]+[A-Za-z_][A-Za-z0-9_]*)*[ ,]*$")

# Names a program may import from sympy. Excluded on purpose: everything that parses
# strings into code (sympify, S('...'), parse_expr, lambdify) and everything inexact (N, Float).
SYMPY_NAMES = frozenset(
    [
        "Rational", "Integer", "sqrt", "cbrt", "root", "pi", "E", "I", "oo", "Symbol", "symbols", "Eq",
        "Ne", "Lt", "Le", "Gt", "Ge", "solve", "solveset", "linsolve", "factorial", "binomial", "gcd",
        "lcm", "floor", "ceiling", "Abs", "Min", "Max", "Mod", "simplify", "expand", "factor",
        "together", "cancel", "isprime", "prime", "primerange", "nextprime", "prevprime", "divisors",
        "divisor_count", "divisor_sigma", "totient", "factorint", "primefactors", "primepi", "mobius",
        "mod_inverse", "multiplicity", "perfect_power", "n_order", "log", "exp", "sin", "cos", "tan",
        "asin", "acos", "atan", "atan2", "Sum", "Product", "summation", "product", "Interval",
        "FiniteSet", "Union", "Intersection", "Reals", "Integers", "S", "ff", "rf", "fibonacci",
        "lucas", "harmonic", "igcd", "ilcm", "integer_nthroot", "nsimplify", "degree", "Poly",
    ]
)
_STRING_ARGS = {"Rational": _NUMERIC, "Integer": _NUMERIC, "symbols": _IDENTIFIERS, "Symbol": _IDENTIFIERS}
_METHODS = frozenset({"subs", "simplify", "expand", "factor", "append", "add", "count", "index"})
_ATTRIBUTES = frozenset({"lhs", "rhs", "p", "q", "numerator", "denominator", "args"})


class Irreducible(Exception):
    """The tree leaves the exactly reducible fragment; carries where and why."""

    def __init__(self, node: Any, reason: str) -> None:
        start = getattr(node, "start", None)
        self.line = start[0] + 1 if start else None
        self.column = start[1] if start else None
        self.node_type = getattr(node, "type", "?")
        self.reason = reason
        where = f" at line {self.line}, column {self.column}" if start else ""
        super().__init__(f"cannot reduce {self.node_type}{where}: {reason}")


def _int_arg(value: Any, node: Any, limit: int, what: str) -> int:
    number = value
    if isinstance(number, bool) or not isinstance(number, sympy.Integer | int):
        raise Irreducible(node, f"{what} needs an integer, got {value}")
    if abs(int(number)) > limit:
        raise Irreducible(node, f"{what} {number} is past the reduction limit {limit}")
    return int(number)


def _guarded_factorial(node: Any) -> Callable[..., Any]:
    def factorial(n: Any) -> Any:
        _int_arg(n, node, MAX_FACTORIAL, "factorial of")
        return sympy.factorial(n)

    return factorial


def _guarded_binomial(node: Any) -> Callable[..., Any]:
    def binomial(n: Any, k: Any) -> Any:
        _int_arg(n, node, MAX_FACTORIAL, "binomial of")
        return sympy.binomial(n, k)

    return binomial


def _exact(value: Any) -> Any:
    """Python numbers to sympy numbers, recursively through containers."""
    if isinstance(value, bool):
        return sympy.true if value else sympy.false
    if isinstance(value, int):
        return sympy.Integer(value)
    if isinstance(value, float):
        raise TypeError("inexact float")
    return value


def _len(value: Any) -> Any:
    return sympy.Integer(len(value))


def _range(*args: Any) -> range:
    return range(*(int(a) for a in args))


def _to_int(value: Any) -> Any:
    if isinstance(value, str):
        if not re.fullmatch(r"\s*[+-]?\d{1,4300}\s*", value):
            raise ValueError(f"int() of {value!r}")
        return sympy.Integer(int(value))
    if isinstance(value, sympy.Rational):
        return sympy.Integer(int(value))
    if isinstance(value, sympy.Basic) and value.is_real and value.is_number:
        return sympy.Integer(int(sympy.floor(value)) if value >= 0 else int(sympy.ceiling(value)))
    raise TypeError(f"int() of {value}")


def _to_str(value: Any) -> str:
    """Decimal text of an exact integer (for digit sums); other values are not reducible."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | sympy.Integer) and not isinstance(value, bool):
        return str(int(value))
    raise TypeError(f"str() of {value!r} is not reducible")


def _bounded(items: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        out.append(item)
        if len(out) > MAX_COLLECTION:
            raise ValueError("collection too large")
    return out


def _pow(base: Any, exponent: Any, modulus: Any = None) -> Any:
    if modulus is None:
        return base**exponent
    return sympy.Integer(pow(int(base), int(exponent), int(modulus)))


BUILTINS: dict[str, Callable[..., Any]] = {
    "abs": sympy.Abs,
    "min": lambda *a: min(*a) if len(a) > 1 else min(a[0]),
    "max": lambda *a: max(*a) if len(a) > 1 else max(a[0]),
    "sum": lambda xs, start=0: _exact(sum(xs, start)),
    "len": _len,
    "range": _range,
    "int": _to_int,
    "sorted": sorted,
    "set": set,
    "tuple": tuple,
    "list": list,
    "pow": _pow,
    "str": _to_str,
    "map": lambda f, *xs: _bounded(map(f, *xs)),
    "zip": lambda *xs: _bounded(zip(*xs, strict=False)),
    "enumerate": lambda xs, start=0: _bounded((_exact(i), x) for i, x in enumerate(xs, int(start))),
    "reversed": lambda xs: _bounded(reversed(list(xs))),
    "any": lambda xs: any(xs),
    "all": lambda xs: all(xs),
    "divmod": lambda a, b: (a // b, a % b),
    "round": lambda x, n=None: sympy.Integer(round(x)) if n is None else round(x, int(n)),
    "print": lambda *a, **k: None,
}

_BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: sympy.Rational(a, b) if _both_int(a, b) else a / b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "**": lambda a, b: a**b,
    "&": lambda a, b: a & b,
    "|": lambda a, b: a | b,
    "^": lambda a, b: a ^ b,
}
_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "in": lambda a, b: a in b,
    "not in": lambda a, b: a not in b,
}


def _both_int(a: Any, b: Any) -> bool:
    return all(isinstance(x, int | sympy.Integer) and not isinstance(x, bool) for x in (a, b))


def _truth(value: Any, node: Any) -> bool:
    """A condition must reduce to a definite truth value, else the branch is undecidable."""
    if isinstance(value, bool):
        return value
    if value is sympy.true or value is sympy.false:
        return bool(value)
    if isinstance(value, sympy.Basic):
        if value.is_number:
            return value != 0
        raise Irreducible(node, f"condition {value} has no definite truth value")
    try:
        return bool(value)
    except TypeError as err:
        raise Irreducible(node, f"condition {value!r}: {err}") from err


class _Reducer:
    """Walks one tree; `env` maps names to reduced values."""

    def __init__(self) -> None:
        self.env: dict[str, Any] = {}
        self.steps = 0

    # statements -------------------------------------------------------------
    def run(self, node: Any) -> None:
        self._tick(node)
        handler = getattr(self, f"_stmt_{node.type}", None)
        if handler is None:
            raise Irreducible(node, "statement outside the reducible fragment")
        handler(node)

    def _block(self, nodes: Iterable[Any]) -> None:
        for child in nodes:
            if child.type != "comment":
                self.run(child)

    def _stmt_module(self, node: Any) -> None:
        self._block(node.children)

    _stmt_block = _stmt_module

    def _stmt_comment(self, node: Any) -> None:
        return None

    def _stmt_pass_statement(self, node: Any) -> None:
        return None

    def _stmt_import_from_statement(self, node: Any) -> None:
        module = _field(node, "module_name")
        if module is None or _leaf_text(module) != "sympy":
            raise Irreducible(node, "only `from sympy import ...` is reducible")
        for name_node in _fields(node, "name"):
            if name_node.type == "aliased_import":
                raise Irreducible(name_node, "aliased imports are not reducible")
            name = _leaf_text(name_node)
            if name not in SYMPY_NAMES:
                raise Irreducible(name_node, f"sympy.{name} is not in the exact whitelist")
            self.env[name] = getattr(sympy, name)

    def _stmt_import_statement(self, node: Any) -> None:
        names = [_leaf_text(c) for c in _fields(node, "name")]
        if names != ["sympy"]:
            raise Irreducible(node, f"import of {', '.join(names)} is not reducible")
        self.env["sympy"] = _SympyModule()

    def _stmt_expression_statement(self, node: Any) -> None:
        for child in node.children:
            self._statement_expression(child)

    def _statement_expression(self, node: Any) -> None:
        if node.type == "assignment":
            value = self.eval(_required(node, "right"))
            self._bind(_required(node, "left"), value)
        elif node.type == "augmented_assignment":
            left = _required(node, "left")
            op = _operator(node).rstrip("=")
            if op not in _BINARY:
                raise Irreducible(node, f"operator {op}= is not reducible")
            value = self._apply(node, op, self.eval(left), self.eval(_required(node, "right")))
            self._bind(left, value)
        else:
            self.eval(node)

    def _stmt_if_statement(self, node: Any) -> None:
        if _truth(self.eval(_required(node, "condition")), node):
            self.run(_required(node, "consequence"))
            return
        for branch in _fields(node, "alternative"):
            if branch.type == "elif_clause":
                if _truth(self.eval(_required(branch, "condition")), branch):
                    self.run(_required(branch, "consequence"))
                    return
            else:
                self.run(_required(branch, "body"))
                return

    def _stmt_for_statement(self, node: Any) -> None:
        if _fields(node, "alternative"):
            raise Irreducible(node, "for ... else is not reducible")
        iterable = self.eval(_required(node, "right"))
        if not isinstance(iterable, range | list | tuple | set | frozenset):
            raise Irreducible(node, f"loop over {type(iterable).__name__} is not reducible")
        if len(iterable) > MAX_LOOP:
            raise Irreducible(node, f"loop of {len(iterable)} iterations is past {MAX_LOOP}")
        target, body = _required(node, "left"), _required(node, "body")
        for item in iterable:
            self._bind(target, _exact(item))
            self.run(body)

    def _stmt_assert_statement(self, node: Any) -> None:
        for child in node.children:
            if not _truth(self.eval(child), child):
                raise Irreducible(child, "assertion does not hold")

    # expressions ------------------------------------------------------------
    def eval(self, node: Any) -> Any:
        self._tick(node)
        handler = getattr(self, f"_expr_{node.type}", None)
        if handler is None:
            raise Irreducible(node, "expression outside the reducible fragment")
        try:
            return handler(node)
        except Irreducible:
            raise
        except (ArithmeticError, TypeError, ValueError, KeyError, IndexError, AttributeError) as err:
            raise Irreducible(node, f"{type(err).__name__}: {err}") from err

    def _expr_integer(self, node: Any) -> Any:
        return sympy.Integer(int(_leaf_text(node).replace("_", ""), 0))

    def _expr_float(self, node: Any) -> Any:
        text = _leaf_text(node).replace("_", "")
        if not _NUMERIC.match(text):
            raise Irreducible(node, f"literal {text} is not an exact decimal")
        return sympy.Rational(text)

    def _expr_true(self, node: Any) -> Any:
        return sympy.true

    def _expr_false(self, node: Any) -> Any:
        return sympy.false

    def _expr_none(self, node: Any) -> Any:
        return None

    def _expr_string(self, node: Any) -> Any:
        """A string leaf holds its literal with quotes; literal_eval reads it without running code."""
        literal = _leaf_text(node)
        if literal[:1].lower() in ("f", "b") or literal[:2].lower() in ("rf", "fr", "rb", "br"):
            raise Irreducible(node, "only plain string literals are reducible")
        value = ast.literal_eval(literal)
        if not isinstance(value, str):
            raise Irreducible(node, "not a string literal")
        return value

    def _expr_identifier(self, node: Any) -> Any:
        name = _leaf_text(node)
        if name in self.env:
            return self.env[name]
        if name in BUILTINS:
            return BUILTINS[name]
        raise Irreducible(node, f"name {name!r} is not defined")

    def _expr_parenthesized_expression(self, node: Any) -> Any:
        return self.eval(_only_child(node))

    def _expr_expression_list(self, node: Any) -> Any:
        return tuple(self.eval(c) for c in node.children)

    def _expr_tuple(self, node: Any) -> Any:
        return tuple(self._items(node))

    def _expr_list(self, node: Any) -> Any:
        return list(self._items(node))

    def _expr_set(self, node: Any) -> Any:
        return set(self._items(node))

    def _expr_dictionary(self, node: Any) -> Any:
        pairs = {}
        for pair in node.children:
            if pair.type != "pair":
                raise Irreducible(pair, "only key: value pairs are reducible in a dict")
            pairs[self.eval(_required(pair, "key"))] = self.eval(_required(pair, "value"))
        return pairs

    def _items(self, node: Any) -> list[Any]:
        items = [self.eval(c) for c in node.children if c.type != "comment"]
        if len(items) > MAX_COLLECTION:
            raise Irreducible(node, "collection too large")
        return items

    def _expr_unary_operator(self, node: Any) -> Any:
        value = self.eval(_required(node, "argument"))
        op = _operator(node)
        if op == "-":
            return -value
        if op == "+":
            return +value
        raise Irreducible(node, f"unary {op} is not reducible")

    def _expr_not_operator(self, node: Any) -> Any:
        return sympy.false if _truth(self.eval(_required(node, "argument")), node) else sympy.true

    def _expr_boolean_operator(self, node: Any) -> Any:
        left = self.eval(_required(node, "left"))
        op = _operator(node)
        if op == "and":
            return self.eval(_required(node, "right")) if _truth(left, node) else left
        if op == "or":
            return left if _truth(left, node) else self.eval(_required(node, "right"))
        raise Irreducible(node, f"boolean operator {op} is not reducible")

    def _expr_binary_operator(self, node: Any) -> Any:
        op = _operator(node)
        left = self.eval(_required(node, "left"))
        right = self.eval(_required(node, "right"))
        return self._apply(node, op, left, right)

    def _apply(self, node: Any, op: str, left: Any, right: Any) -> Any:
        if op not in _BINARY:
            raise Irreducible(node, f"operator {op} is not reducible")
        _no_string_meets_sympy(node, op, left, right)
        huge = op == "**" and isinstance(right, sympy.Integer | int) and abs(int(right)) > MAX_EXPONENT
        if huge and not (isinstance(left, sympy.Integer | int) and abs(int(left)) <= 1):
            raise Irreducible(node, f"power with exponent {right} is past {MAX_EXPONENT}")
        if op in ("/", "//", "%") and isinstance(right, int | sympy.Basic) and right == 0:
            raise Irreducible(node, "division by zero")
        if op == "+" and isinstance(left, list | tuple) and isinstance(right, list | tuple):
            return left + right
        return _exact(_BINARY[op](left, right))

    def _expr_comparison_operator(self, node: Any) -> Any:
        operands = [c for c in node.children if c.field != "operators"]
        operators = [_leaf_text(c) or c.type for c in node.children if c.field == "operators"]
        if len(operands) != len(operators) + 1:
            raise Irreducible(node, "malformed comparison")
        values = [self.eval(c) for c in operands]
        for op, a, b in zip(operators, values, values[1:], strict=False):
            op = " ".join(op.split())
            if op not in _COMPARE:
                raise Irreducible(node, f"comparison {op} is not reducible")
            _no_string_meets_sympy(node, op, a, b)
            if not _truth(_exact(_COMPARE[op](a, b)), node):
                return sympy.false
        return sympy.true

    def _expr_conditional_expression(self, node: Any) -> Any:
        body, condition, alternative = (c for c in node.children if c.type != "comment")
        return self.eval(body) if _truth(self.eval(condition), node) else self.eval(alternative)

    def _expr_subscript(self, node: Any) -> Any:
        value = self.eval(_required(node, "value"))
        keys = _fields(node, "subscript")
        if len(keys) != 1 or keys[0].type == "slice":
            raise Irreducible(node, "only single-index subscripts are reducible")
        key = self.eval(keys[0])
        if isinstance(value, list | tuple):
            return value[int(key)]
        if isinstance(value, dict):
            return value[key]
        raise Irreducible(node, f"cannot index a {type(value).__name__}")

    def _expr_attribute(self, node: Any) -> Any:
        owner = self.eval(_required(node, "object"))
        name = _leaf_text(_required(node, "attribute"))
        if isinstance(owner, _SympyModule):
            return owner.get(node, name)
        if name in _METHODS or name in _ATTRIBUTES:
            return getattr(owner, name)
        raise Irreducible(node, f"attribute .{name} is not reducible")

    def _expr_call(self, node: Any) -> Any:
        function_node = _required(node, "function")
        function = self.eval(function_node)
        if not callable(function):
            raise Irreducible(node, f"{function!r} is not callable")
        args, kwargs = self._arguments(_required(node, "arguments"))
        name = _leaf_text(function_node) if function_node.type == "identifier" else None
        if function is sympy.factorial:
            function = _guarded_factorial(node)
        elif function is sympy.binomial:
            function = _guarded_binomial(node)
        _check_strings(node, name, function, args, kwargs)
        return _exact(function(*args, **kwargs))

    def _arguments(self, node: Any) -> tuple[list[Any], dict[str, Any]]:
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        for child in node.children:
            if child.type == "keyword_argument":
                kwargs[_leaf_text(_required(child, "name"))] = self.eval(_required(child, "value"))
            elif child.type in ("list_splat", "dictionary_splat"):
                raise Irreducible(child, "argument unpacking is not reducible")
            elif child.type != "comment":
                args.append(self.eval(child))
        return args, kwargs

    # binding -----------------------------------------------------------------
    def _bind(self, target: Any, value: Any) -> None:
        if target.type == "identifier":
            self.env[_leaf_text(target)] = value
            return
        if target.type in ("pattern_list", "tuple_pattern", "expression_list", "tuple", "list_pattern"):
            targets = [c for c in target.children if c.type != "comment"]
            values = list(value) if isinstance(value, list | tuple) else None
            if values is None or len(values) != len(targets):
                raise Irreducible(target, f"cannot unpack {value!r} into {len(targets)} names")
            for sub, item in zip(targets, values, strict=True):
                self._bind(sub, item)
            return
        raise Irreducible(target, "assignment target outside the reducible fragment")

    def _tick(self, node: Any) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise Irreducible(node, f"more than {MAX_STEPS} reduction steps")


_STRING_MAPPERS = (_to_int, _to_str, _len)  # map(f, text) is reducible for these f only


def _is_mapper(function: Any) -> bool:
    return any(function is f for f in _STRING_MAPPERS)  # identity: no __eq__ of a value runs


def _has_string(value: Any, depth: int = 0) -> bool:
    """Whether a string hides anywhere in ``value`` (containers, dict keys and values)."""
    if isinstance(value, str):
        return True
    if depth > 100:
        return True  # too deep to tell: treat as unsafe
    if isinstance(value, dict):
        return any(_has_string(k, depth + 1) or _has_string(v, depth + 1) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return any(_has_string(v, depth + 1) for v in value)
    return False


def _check_strings(node: Any, name: str | None, function: Any, args: list[Any], kwargs: dict[str, Any]) -> None:
    """A string reaches a call only where it cannot become code: a number for
    Rational/Integer or names for Symbol/symbols (checked by pattern, positional, top
    level; keywords only boolean assumptions), int/str/len of it, or map of int/str/len over it. Anything else that meets a
    string anywhere in its arguments is irreducible (sympy would sympify it: code)."""
    if not any(_has_string(v) for v in (*args, *kwargs.values())):
        return
    if _is_mapper(function) or function is BUILTINS["print"]:
        return
    if function is BUILTINS["map"] and args and _is_mapper(args[0]) and not kwargs:
        return
    pattern = _STRING_ARGS.get(name or "") if function is _STRING_FUNCTIONS.get(name or "") else None
    # keywords may only be assumptions given as booleans (`symbols('x', positive=True)`): no string in them
    if pattern is not None and all(v is sympy.true or v is sympy.false or isinstance(v, bool) for v in kwargs.values()):
        for arg in args:
            if isinstance(arg, str) and not pattern.match(arg):
                raise Irreducible(node, f"string argument {arg!r} to {name} is not reducible")
        if not any(_has_string(a) for a in args if not isinstance(a, str)):
            return
    raise Irreducible(node, f"a string argument to {name or 'a call'} is not reducible")


def _no_string_meets_sympy(node: Any, op: str, left: Any, right: Any) -> None:
    """Strings may be joined or compared with strings, never combined with anything else."""
    if (_has_string(left) or _has_string(right)) and not (isinstance(left, str) and isinstance(right, str)):
        raise Irreducible(node, f"a string operand to {op} is not reducible")


_STRING_FUNCTIONS = {"Rational": sympy.Rational, "Integer": sympy.Integer, "symbols": sympy.symbols, "Symbol": sympy.Symbol}


class _SympyModule:
    """`import sympy` then `sympy.sqrt(...)`: the same whitelist as `from sympy import`."""

    def get(self, node: Any, name: str) -> Any:
        if name not in SYMPY_NAMES:
            raise Irreducible(node, f"sympy.{name} is not in the exact whitelist")
        return getattr(sympy, name)


def _leaf_text(node: Any) -> str:
    if node.text is not None:
        return node.text
    if node.children:
        return ".".join(_leaf_text(c) for c in node.children)
    return node.type


def _operator(node: Any) -> str:
    for child in node.children:
        if child.field == "operator":
            return child.text or child.type
    raise Irreducible(node, "operator missing from the tree")


def _field(node: Any, name: str) -> Any | None:
    return next((c for c in node.children if c.field == name), None)


def _fields(node: Any, name: str) -> list[Any]:
    return [c for c in node.children if c.field == name]


def _required(node: Any, name: str) -> Any:
    child = _field(node, name)
    if child is None:
        raise Irreducible(node, f"missing field {name!r}")
    return child


def _only_child(node: Any) -> Any:
    children = [c for c in node.children if c.type != "comment"]
    if len(children) != 1:
        raise Irreducible(node, "expected exactly one inner expression")
    return children[0]


def reduce_tree(tree: Any) -> Any:
    """The value the tree binds to `answer`, reduced exactly; raises Irreducible otherwise."""
    reducer = _Reducer()
    reducer.run(tree)
    if "answer" not in reducer.env:
        raise Irreducible(tree, "the program binds no `answer`")
    value = reducer.env["answer"]
    if isinstance(value, sympy.Basic) and value.free_symbols:
        raise Irreducible(tree, f"answer {value} still has free symbols")
    if isinstance(value, sympy.Basic) and value.has(sympy.zoo, sympy.oo, -sympy.oo, sympy.nan):
        raise Irreducible(tree, f"answer {value} is not a finite exact value")
    return value


class Node:
    """A tree node as the sandbox sees it: rebuilt from ``serialize``'s plain lists."""

    __slots__ = ("type", "field", "text", "start", "children")

    def __init__(self, type_: str, field: str | None, text: str | None, start: Any, children: list[Node]) -> None:
        self.type, self.field, self.text = type_, field, text
        self.start = tuple(start) if start is not None else None
        self.children = children


def serialize(tree: Any) -> list[Any]:
    """[type, field, text, start, children] for any node with those attributes (JSON-ready)."""
    start = getattr(tree, "start", None)
    return [tree.type, tree.field, tree.text, list(start) if start else None, [serialize(c) for c in tree.children]]


def deserialize(data: list[Any]) -> Node:
    type_, field, text, start, children = data
    if not isinstance(type_, str):
        raise ValueError("not a serialized tree")
    return Node(type_, field, text, start, [deserialize(c) for c in children])


IRREDUCIBLE_MARKER = "ladder-irreducible:"


def reduce_in_sandbox(tree_json: str) -> Any:
    """The program's entry point: the reduced value, or None after printing why not (one
    marked JSON line the parent turns back into Irreducible)."""
    try:
        return reduce_tree(deserialize(json.loads(tree_json)))
    except Irreducible as err:
        where = {"line": err.line, "column": err.column, "node_type": err.node_type, "reason": err.reason}
        print(IRREDUCIBLE_MARKER + json.dumps(where, default=str))
        return None
