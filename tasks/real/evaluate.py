"""A safe evaluator for the reference programs: walks the Python AST, never runs it.

Reference programs are checked against the dataset's answer before they are used for
training. Running them would need the sandbox; sympifying them would run arbitrary
code. They only need numbers, names, + - * / ** and `Rational(...)`, so this walker
accepts exactly that (plus `from sympy import Rational`) and computes in `Fraction`.
"""

from __future__ import annotations

import ast
from fractions import Fraction

from tasks.real.numbers import parse_decimal

MAX_EXPONENT = 64
MAX_DIGITS = 2000  # numerator/denominator size past which a value is certainly not a word-problem answer


class ProgramError(ValueError):
    """The program uses something outside the accepted subset, or its arithmetic fails."""


def _rational(args: list[Fraction | str]) -> Fraction:
    if len(args) == 1:
        (arg,) = args
        if isinstance(arg, str):
            if "/" in arg:
                num, _, den = arg.partition("/")
                return _div(parse_decimal(num), parse_decimal(den))
            return parse_decimal(arg)
        return arg
    if len(args) == 2 and not any(isinstance(a, str) for a in args):
        return _div(args[0], args[1])  # type: ignore[arg-type]
    raise ProgramError("Rational takes one number or string, or two numbers")


def _div(a: Fraction, b: Fraction) -> Fraction:
    if b == 0:
        raise ProgramError("division by zero")
    return a / b


def _check(value: Fraction) -> Fraction:
    if len(str(value.numerator)) > MAX_DIGITS or len(str(value.denominator)) > MAX_DIGITS:
        raise ProgramError("value too large")
    return value


class _Walker:
    def __init__(self) -> None:
        self.names: dict[str, Fraction] = {}
        self.imported = False  # `Rational` must be imported before use, as it would be when run

    def expr(self, node: ast.expr) -> Fraction:
        return _check(self._expr(node))

    def _expr(self, node: ast.expr) -> Fraction:
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return Fraction(node.value)
        if isinstance(node, ast.Name):
            if node.id not in self.names:
                raise ProgramError(f"name {node.id!r} is not bound")
            return self.names[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            value = self.expr(node.operand)
            return -value if isinstance(node.op, ast.USub) else value
        if isinstance(node, ast.BinOp):
            left, right = self.expr(node.left), self.expr(node.right)
            if isinstance(node.op, ast.Add):
                return left + right
            if isinstance(node.op, ast.Sub):
                return left - right
            if isinstance(node.op, ast.Mult):
                return left * right
            if isinstance(node.op, ast.Div):
                return _div(left, right)
            if isinstance(node.op, ast.Pow):
                if right.denominator != 1 or abs(right.numerator) > MAX_EXPONENT:
                    raise ProgramError("exponent must be a small integer")
                if left == 0 and right < 0:
                    raise ProgramError("division by zero")
                return left ** int(right)
            raise ProgramError(f"operator {type(node.op).__name__} is not allowed")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Rational"
                and not node.keywords):
            if not self.imported:
                raise ProgramError("Rational is used without `from sympy import Rational`")
            args: list[Fraction | str] = []
            for a in node.args:
                if isinstance(a, ast.Constant) and isinstance(a.value, str):
                    args.append(a.value)
                else:
                    args.append(self.expr(a))
            try:
                return _rational(args)
            except ValueError as exc:
                raise ProgramError(str(exc)) from None
        raise ProgramError(f"{type(node).__name__} is not allowed (line {getattr(node, 'lineno', '?')})")

    def statement(self, node: ast.stmt) -> None:
        if isinstance(node, ast.ImportFrom):
            if node.module != "sympy" or any(a.name != "Rational" or a.asname for a in node.names):
                raise ProgramError("only `from sympy import Rational` may be imported")
            self.imported = True
            return
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name == "Rational":
                raise ProgramError("Rational may not be rebound")
            self.names[name] = self.expr(node.value)
            return
        raise ProgramError(f"{type(node).__name__} statement is not allowed (line {node.lineno})")


def evaluate_program(source: str) -> Fraction:
    """The exact value the program binds to `answer`; ProgramError if outside the subset."""
    try:
        tree = ast.parse(source, mode="exec")
    except SyntaxError as exc:
        raise ProgramError(f"syntax error: {exc.msg} (line {exc.lineno})") from None
    walker = _Walker()
    for statement in tree.body:
        walker.statement(statement)
    if "answer" not in walker.names:
        raise ProgramError("the program does not bind `answer`")
    return walker.names["answer"]
