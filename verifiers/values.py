"""Hand a parsed answer to a sandboxed program as a value, never as text to evaluate.

A verifier program must receive the answer the parent parsed (``parse_answer``), not the
answer's text: text parsed inside the sandbox by sympy is code, and code there can write the
run's report or patch ``verify``. ``value_source`` prints a value as Python source that only
calls sympy's constructors (``Integer(5)``, ``Symbol('x')``, ``Pow(...)``), checks that
source node by node, and qualifies every name with the module the program imports, so the
program rebuilds the same value and nothing else.
"""

from __future__ import annotations

import ast
import re

import sympy

_SYMBOL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


class UnsafeValue(ValueError):
    """The value's printed form is not made of sympy constructors only."""


def _allowed_name(name: str) -> bool:
    """A sympy class or singleton value: constructors take sympy values, not code."""
    if name.startswith("_") or name in {"S", "sympify", "parse_expr", "lambdify", "Function"}:
        return False
    obj = getattr(sympy, name, None)
    return (isinstance(obj, type) and issubclass(obj, sympy.Basic)) or isinstance(obj, sympy.Basic)


class _Qualify(ast.NodeTransformer):
    """Check each node of an srepr and qualify its names with the module's name."""

    def __init__(self, module: str) -> None:
        self.module = module

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if not _allowed_name(node.id):
            raise UnsafeValue(f"{node.id!r} is not a sympy constructor")
        return ast.copy_location(ast.Attribute(ast.Name(self.module, ast.Load()), node.id,
                                               ast.Load()), node)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        if not isinstance(node.func, ast.Name):
            raise UnsafeValue("only calls of sympy constructors by name")
        if node.func.id == "Symbol":
            names = [a for a in node.args if isinstance(a, ast.Constant)]
            if len(node.args) != 1 or len(names) != 1 or not isinstance(names[0].value, str) \
                    or not _SYMBOL_NAME.fullmatch(names[0].value):
                raise UnsafeValue("a Symbol takes one plain name")
            if node.keywords:
                raise UnsafeValue("Symbol assumptions are not part of an answer")
            node.func = self.visit(node.func)
            return node
        if node.keywords:
            raise UnsafeValue("keywords are not part of an answer's constructors")
        return self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, bool) or not isinstance(node.value, int):
            raise UnsafeValue(f"a {type(node.value).__name__} constant outside Symbol(...)")
        return node

    def generic_visit(self, node: ast.AST) -> ast.AST:
        allowed = (ast.Expression, ast.Call, ast.Name, ast.Constant, ast.Load, ast.UnaryOp,
                   ast.USub, ast.Attribute)
        if not isinstance(node, allowed):
            raise UnsafeValue(f"{type(node).__name__} in a value's source")
        return super().generic_visit(node)


def value_source(value: sympy.Basic, module: str = "sympy") -> str:
    """Python source that rebuilds ``value`` (a parse_answer result) given ``import sympy as
    <module>``; raises UnsafeValue if its printed form is anything but constructors."""
    if not isinstance(value, sympy.Basic):
        raise UnsafeValue(f"not a sympy value: {type(value).__name__}")
    tree = ast.parse(sympy.srepr(value), mode="eval")
    return ast.unparse(_Qualify(module).visit(tree))
