"""From a failure to the subtree to replace: source spans -> paths in the generator's Tree.

The verifiers localize a failure in the program's source (an exception's line and column,
the assignment that defines a variable); this module maps such a span to the deepest
subtree that covers it and lifts it to a unit worth regenerating: the right-hand side of
an assignment rather than its target name, an operator's whole expression rather than
its token. Repeated failures at the same place widen the hole one level per round.
"""

from __future__ import annotations

import builtins
import re

import sympy

from agent.state import Failure
from graphmodel.trees import HOLE, Path, Tree, iter_paths, subtree_at
from verifiers import localize_exception, localize_variable

Point = tuple[int, int]  # (row, column), 0-based, as tree-sitter reports positions

_CONTAINERS = {"module", "block"}  # never cut out whole: they are the program's skeleton
_STATEMENT_WRAPPERS = {"expression_statement"}
_ASSIGNMENTS = {"assignment", "augmented_assignment"}


def covers(tree: Tree, start: Point, end: Point) -> bool:
    return tree.start is not None and tree.end is not None and tree.start <= start and end <= tree.end


def path_for_span(tree: Tree, start: Point, end: Point) -> Path:
    """The deepest subtree whose source span covers [start, end]; () when only the root does."""
    path: list[int] = []
    node = tree
    while True:
        inner = next(
            (i for i, child in enumerate(node.children) if covers(child, start, end)),
            None,
        )
        if inner is None:
            return tuple(path)
        path.append(inner)
        node = node.children[inner]


def _child_with_field(tree: Tree, field: str) -> int | None:
    return next((i for i, c in enumerate(tree.children) if c.field == field), None)


def repair_unit(tree: Tree, path: Path) -> Path | None:
    """Lift `path` to the subtree worth regenerating, or None when only the skeleton is left.

    A statement becomes its expression, an assignment its right-hand side, an assignment's
    target or an operator token the expression they belong to; containers are never cut.
    """
    path = tuple(path)
    while True:
        node = subtree_at(tree, path)
        if node.type in _CONTAINERS:
            return None
        if node.type in _STATEMENT_WRAPPERS and len(node.children) == 1:
            path = (*path, 0)
            continue
        if node.type in _ASSIGNMENTS:
            right = _child_with_field(node, "right")
            return (*path, right) if right is not None else path
        if not path:
            return None
        parent = subtree_at(tree, path[:-1])
        if parent.type in _ASSIGNMENTS and node.field == "left":
            right = _child_with_field(parent, "right")
            return (*path[:-1], right) if right is not None else None
        if node.text is not None and node.field in ("operator", "operators"):
            path = path[:-1]
            continue
        return path


def widen(tree: Tree, path: Path, levels: int) -> Path | None:
    """`levels` steps up from `path`, staying below statement level; None past it."""
    for _ in range(levels):
        if len(path) <= 1:
            return None
        parent_path = path[:-1]
        parent = subtree_at(tree, parent_path)
        if parent.type in _CONTAINERS or parent.type in _STATEMENT_WRAPPERS:
            return None
        if parent.type in _ASSIGNMENTS:
            return None  # the right-hand side is the widest expression hole
        path = parent_path
    return path


_CANNOT_IMPORT = re.compile(r"cannot import name '(\w+)'")
_NOT_DEFINED = re.compile(r"name '(\w+)' is not defined")


def exception_path(tree: Tree, program: str, failure: Failure) -> Path | None:
    """The subtree an exception points at, lifted to a repair unit.

    An import of a name that does not exist is that name; a name that is used but defined
    nowhere and that sympy exports is a missing import, so the sympy import statement is
    the hole; otherwise the node whose span is exactly the one Python reported (a misspelt
    name is that name), else what verifiers.localize_exception makes of line and column.
    """
    if failure.line is None:
        return None
    named = _named_culprit(tree, program, failure.message)
    if named is not None:
        return named
    if failure.column is not None and failure.end_line is not None and failure.end_column is not None:
        start, end = (failure.line - 1, failure.column), (failure.end_line - 1, failure.end_column)
        path = path_for_span(tree, start, end)
        node = subtree_at(tree, path)
        if (node.start, node.end) == (start, end):
            return repair_unit(tree, path)
    span = localize_exception(program, failure.line, failure.column, failure.end_line, failure.end_column)
    if span is None:
        return None
    return repair_unit(tree, path_for_span(tree, span.start, span.end))


def _sympy_import(tree: Tree) -> Path | None:
    for i, statement in enumerate(tree.children):
        module = next((c for c in statement.children if c.field == "module_name"), None)
        if statement.type == "import_from_statement" and module is not None and _text(module) == "sympy":
            return (i,)
    return None


def _named_culprit(tree: Tree, program: str, message: str) -> Path | None:
    """The hole an ImportError or NameError names, when the name tells more than the line.

    A name that nothing binds, in a program that binds another name and throws that value
    away before reading it (`parts = 9` then `parts = 8`; `a, a = ...`), was most likely
    meant to be bound there: the thrown-away target is the hole, not the place of use.
    """
    if match := _CANNOT_IMPORT.search(message):
        for path, node in iter_paths(tree):
            if node.field == "name" and _text(node) == match.group(1):
                return path
    match = _NOT_DEFINED.search(message)
    if not match or localize_variable(program, match.group(1)) is not None:
        return None
    if hasattr(sympy, match.group(1)):
        return _sympy_import(tree)
    dead = dead_stores(tree)
    return dead[0] if dead else None


def dead_stores(tree: Tree) -> list[Path]:
    """Paths of the target names of top-level assignments whose value is bound again before
    anything reads it (in one target list too: `a, a = 1, 2`), in program order."""
    pending: dict[str, Path] = {}
    dead: list[Path] = []
    for i, statement in enumerate(tree.children):
        if statement.type in ("import_from_statement", "import_statement"):
            continue
        assignment = statement.children[0] if statement.type == "expression_statement" and statement.children else None
        if assignment is None or assignment.type not in _ASSIGNMENTS:
            for name in _read_names(statement):
                pending.pop(name, None)
            continue
        left = next((j for j, c in enumerate(assignment.children) if c.field == "left"), None)
        for j, child in enumerate(assignment.children):
            if j != left or assignment.type == "augmented_assignment":
                for name in _read_names(child):
                    pending.pop(name, None)
        if left is None or assignment.type != "assignment":
            continue
        for sub, node in iter_paths(assignment.children[left]):
            if node.type == "identifier" and node.text:
                if node.text in pending:
                    dead.append(pending[node.text])
                pending[node.text] = (i, 0, left, *sub)
    return dead


def _read_names(tree: Tree) -> set[str]:
    return {n.text for _, n in iter_paths(tree) if n.type == "identifier" and n.text and n.field != "attribute"}


def _text(node: Tree) -> str:
    return node.text if node.text is not None else ".".join(_text(c) for c in node.children)


def variable_path(tree: Tree, program: str, name: str, max_hops: int = 8) -> Path | None:
    """Where the value of `name` is computed (verifiers.localize_variable: its last binding),
    followed through plain renames: `answer = x` leads on to the expression defining `x`."""
    for _ in range(max_hops):
        span = localize_variable(program, name)
        if span is None:
            return None
        path = repair_unit(tree, path_for_span(tree, span.start, span.end))
        if path is None:
            return None
        node = subtree_at(tree, path)
        if node.type != "identifier" or node.text in (None, name) or localize_variable(program, node.text) is None:
            return path
        name = node.text
    return path


def has_hole(tree: Tree) -> bool:
    return any(node.type == HOLE for _, node in iter_paths(tree))


_BUILTIN_NAMES = frozenset(dir(builtins))
_NOT_LOADS = {"attribute", "name", "alias"}  # fields holding names that are not variable reads


def undefined_names(tree: Tree) -> list[str]:
    """Names a program reads before anything binds them (in statement order), found on the
    tree without running it: a candidate that has any would raise NameError, so it is not
    worth one of the round's executions."""
    bound: set[str] = set(_BUILTIN_NAMES)
    missing: list[str] = []

    def reads(node: Tree) -> None:
        if node.type == "identifier" and node.field not in _NOT_LOADS:
            if node.text not in bound and node.text not in missing:
                missing.append(node.text or "")
            return
        if node.type in ("list_comprehension", "set_comprehension", "generator_expression",
                         "dictionary_comprehension"):
            for _, inner in iter_paths(node):
                if inner.type == "for_in_clause":
                    binds(next(c for c in inner.children if c.field == "left"))
        for child in node.children:
            reads(child)

    def binds(target: Tree) -> None:
        for _, node in iter_paths(target):
            if node.type == "identifier":
                bound.add(node.text or "")

    def statement(node: Tree) -> None:
        if node.type in ("import_from_statement", "import_statement"):
            for child in node.children:
                if child.field == "name":
                    bound.add(_text(child).split(".")[0])
                elif child.type == "aliased_import":
                    bound.update(_text(c) for c in child.children if c.field == "alias")
            return
        if node.type == "expression_statement" and node.children and node.children[0].type in _ASSIGNMENTS:
            assignment = node.children[0]
            left = next((c for c in assignment.children if c.field == "left"), None)
            for child in assignment.children:
                if child.field != "left" or assignment.type == "augmented_assignment":
                    reads(child)
            if left is not None:
                binds(left)
            return
        if node.type == "for_statement":
            for child in node.children:
                if child.field == "right":
                    reads(child)
            binds(next(c for c in node.children if c.field == "left"))
            for child in node.children:
                if child.field in ("body", "alternative"):
                    statement(child)
            return
        if node.type in ("block", "module", "else_clause"):
            for child in node.children:
                statement(child)
            return
        if node.type in ("if_statement", "elif_clause", "while_statement"):
            for child in node.children:
                (statement if child.type in ("block", "elif_clause", "else_clause") else reads)(child)
            return
        reads(node)

    statement(tree)
    return missing
