"""Two sub-programs made one: the first binds the intermediate under its graph name, the
second reads that name where it copied the intermediate's stated value.

Programs are edited as text at the spans Python's `ast` reports, so every statement keeps the
generator's own spelling; `from sympy import ...` lines are merged into one at the top.
"""

from __future__ import annotations

import ast
from fractions import Fraction

ANSWER = "answer"


class CompositionError(ValueError):
    """The sub-programs cannot be joined (named in the message): no composed program is run."""


def compose(first: str, second: str, name: str, value: str) -> str:
    """One program: `first` with its `answer = e` bound as `name = e`, then `second` with the
    literal of `value` it copied replaced by `name` (a `name = name` left over is dropped).

    Raises CompositionError when `first` does not end by binding `answer`, `second` never
    writes `value`, or either is not Python."""
    name = _fresh(name, second, value)
    imports: list[str] = []
    body: list[str] = []
    head, tail = _statements(first, "the first part"), _statements(second, "the second part")
    last = head[-1][0] if head else None
    if not (isinstance(last, ast.Assign) and len(last.targets) == 1 and _is_name(last.targets[0], ANSWER)):
        raise CompositionError(f"the first part does not end with `{ANSWER} = ...`: {first!r}")
    for node, text in head[:-1]:
        _take(node, text, imports, body)
    value_source = ast.get_source_segment(first, last.value) or ""
    if not _is_name(last.value, name):
        body.append(f"{name} = {value_source}")
    literal = _literal_of(second, tail, Fraction(value), name)
    if literal is None:
        raise CompositionError(f"the second part never writes the intermediate {value}: {second!r}")
    stmt, span = literal
    for node, text in tail:
        if node is stmt:
            text = _replace(text, node, span, name)
            if text.strip() == f"{name} = {name}":
                continue
        _take(node, text, imports, body)
    merged = [f"from sympy import {', '.join(imports)}"] if imports else []
    return "\n".join([*merged, *body]) + "\n"


def _statements(source: str, which: str) -> list[tuple[ast.stmt, str]]:
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise CompositionError(f"{which} is not Python: {err.msg} (line {err.lineno})") from None
    return [(node, ast.get_source_segment(source, node, padded=True) or "") for node in tree.body]


def _take(node: ast.stmt, text: str, imports: list[str], body: list[str]) -> None:
    if isinstance(node, ast.ImportFrom) and node.module == "sympy" and not node.level:
        imports.extend(a.name if a.asname is None else f"{a.name} as {a.asname}" for a in node.names
                       if (a.name if a.asname is None else f"{a.name} as {a.asname}") not in imports)
        return
    body.append(text)


def _is_name(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _fresh(name: str, second: str, value: str) -> str:
    """The graph's name, unless the second part binds it to something other than the value."""
    taken = _bound_elsewhere(second, name, Fraction(value))
    candidate, n = name, 1
    while candidate in taken or candidate == ANSWER:
        n += 1
        candidate = f"{name}_{n}"
    return candidate


def _bound_elsewhere(source: str, name: str, value: Fraction) -> set[str]:
    """Names the program binds, but a `name = <value>` (the line that will read the intermediate)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    reading = {id(node.targets[0]) for node in ast.walk(tree) if isinstance(node, ast.Assign)
               and len(node.targets) == 1 and _is_name(node.targets[0], name) and _number(node.value) == value}
    return {node.id for node in ast.walk(tree)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and id(node) not in reading}


def _number(node: ast.AST) -> Fraction | None:
    """The exact value of a literal as generated programs write numbers: `7020`, `15.5`,
    `Rational('8/5')`, `Rational(8, 5)`, `8/5`, `-3`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
        return Fraction(str(node.value))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and all(
            isinstance(x, ast.Constant) and type(x.value) is int for x in (node.left, node.right)):
        return Fraction(node.left.value, node.right.value) if node.right.value else None  # type: ignore[union-attr]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _number(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, ast.Call) and _is_name(node.func, "Rational") and not node.keywords:
        args = node.args
        try:
            if len(args) == 1 and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                return Fraction(args[0].value)
            parts = [_number(a) for a in args]
            if len(parts) == 2 and parts[0] is not None and parts[1]:
                return parts[0] / parts[1]
        except (ValueError, ZeroDivisionError):
            return None
    return None


def _literal_of(source: str, statements: list[tuple[ast.stmt, str]], value: Fraction,
                name: str) -> tuple[ast.stmt, ast.expr] | None:
    """Where the program writes the intermediate: a literal of its value, preferably the whole
    right-hand side of an assignment to its name, else the first assignment of it, else the first."""
    found: list[tuple[int, ast.stmt, ast.expr]] = []
    for stmt, _ in statements:
        for node in ast.walk(stmt):
            if isinstance(node, ast.expr) and _number(node) == value and not _inside_number(stmt, node):
                rank = 2
                if isinstance(stmt, ast.Assign) and stmt.value is node:
                    rank = 0 if any(_is_name(t, name) for t in stmt.targets) else 1
                found.append((rank, stmt, node))
    if not found:
        return None
    _, stmt, node = min(found, key=lambda f: f[0])
    return stmt, node


def _inside_number(stmt: ast.stmt, node: ast.expr) -> bool:
    """A literal that is an argument of a larger literal (`8` in `Rational(8, 5)`)."""
    for parent in ast.walk(stmt):
        if parent is not node and _number(parent) is not None and any(child is node for child in ast.walk(parent)):
            return True
    return False


def _replace(text: str, stmt: ast.stmt, node: ast.expr, name: str) -> str:
    """The statement's text with the span of `node` replaced by `name` (offsets are UTF-8)."""
    lines = text.encode().split(b"\n")  # the padded segment: its columns are the source's

    def offset(line: int, col: int) -> int:
        return sum(len(x) + 1 for x in lines[: line - stmt.lineno]) + col

    assert node.end_lineno is not None and node.end_col_offset is not None
    raw = b"\n".join(lines)
    start, end = offset(node.lineno, node.col_offset), offset(node.end_lineno, node.end_col_offset)
    return (raw[:start] + name.encode() + raw[end:]).decode()
