"""From a failure to the subtree to repair, with tree-sitter-python.

An exception's place (line, and in Python >= 3.11 the column range of the failing
expression) maps to the smallest expression or statement node that covers it; a failed
constraint on a variable maps to the assignment that gives the variable its final value.
The result is a small record of tree-sitter points (row, column; 0-based; columns in UTF-8
bytes) and the node type, which the agent matches against its own program tree.
"""

from __future__ import annotations

from functools import lru_cache

import tree_sitter_python
from pydantic import BaseModel
from tree_sitter import Language, Node, Parser


class SourceSpan(BaseModel):
    """A node of the program: where it starts and ends and what it is."""

    start: tuple[int, int]  # (row, column), 0-based, column in UTF-8 bytes
    end: tuple[int, int]
    node_type: str  # tree-sitter type: "assignment", "call", "binary_operator", ...
    text: str


_STATEMENTS = {
    "expression_statement", "return_statement", "assert_statement", "if_statement",
    "for_statement", "while_statement", "import_statement", "import_from_statement",
    "raise_statement", "pass_statement", "delete_statement", "global_statement",
    "with_statement", "try_statement", "function_definition", "class_definition",
}
_ASSIGNMENTS = {"assignment", "augmented_assignment"}
_HEADER_FIELDS = {"for_statement": "right", "if_statement": "condition",
                  "while_statement": "condition"}
# Nodes too small to repair on their own: a failing identifier means its enclosing
# expression (a call, an operator) is what to regenerate.
_TOO_SMALL = {"identifier", "integer", "float", "string", "true", "false", "none",
              "argument_list", "string_content", "string_start", "string_end"}


@lru_cache(maxsize=1)
def _parser() -> Parser:
    return Parser(Language(tree_sitter_python.language()))


def _span(node: Node) -> SourceSpan:
    return SourceSpan(start=(node.start_point.row, node.start_point.column),
                      end=(node.end_point.row, node.end_point.column), node_type=node.type,
                      text=node.text.decode("utf-8", "replace") if node.text else "")


def _parse(source: str) -> Node:
    if not isinstance(source, str):
        raise TypeError(f"expected program source text, got {type(source).__name__}")
    return _parser().parse(source.encode("utf-8")).root_node


def _statement_of(node: Node) -> Node:
    """The innermost simple statement (or assignment) containing ``node``."""
    current = node
    while current.parent is not None and current.type not in _STATEMENTS:
        if current.type in _ASSIGNMENTS:
            return current
        current = current.parent
    return current


def localize_exception(source: str, line: int, column: int | None = None,
                       end_line: int | None = None,
                       end_column: int | None = None) -> SourceSpan | None:
    """The node responsible for an exception at ``line`` (1-based, as Python reports it)
    and ``column`` (0-based UTF-8 byte offset, as in ExceptionInfo): the smallest
    expression covering [column, end_column) when the column is known, else the statement
    on that line. None if the line is outside the program."""
    root = _parse(source)
    row = line - 1
    lines = source.split("\n")
    if not 0 <= row < len(lines):
        return None
    if column is None:
        return _statement_on_row(root, row, lines[row])
    end_row = row if end_line is None else end_line - 1
    end_col = column if end_column is None else max(end_column - 1, column)
    node = root.named_descendant_for_point_range((row, column), (end_row, end_col))
    if node is None or node.type == "module":
        return _statement_on_row(root, row, lines[row])
    while node.type in _TOO_SMALL and node.parent is not None:
        node = node.parent
    if node.type in _STATEMENTS and node.type != "expression_statement":
        header = _HEADER_FIELDS.get(node.type)
        part = node.child_by_field_name(header) if header else None
        if part is not None and node.start_point.row == row:
            return _span(part)  # the `if`/`for`/`while` keyword: its condition or iterable
        return _span(node)
    if node.type == "expression_statement" or node.type == "module":
        return _statement_on_row(root, row, lines[row])
    return _span(node)


def _statement_on_row(root: Node, row: int, text: str) -> SourceSpan | None:
    indent = len(text.encode("utf-8")) - len(text.lstrip().encode("utf-8"))
    node = root.named_descendant_for_point_range((row, indent), (row, indent))
    if node is None or node.type == "module":
        return None
    statement = _statement_of(node)
    header = _HEADER_FIELDS.get(statement.type)
    if header and statement.start_point.row == row:
        part = statement.child_by_field_name(header)
        if part is not None:  # a failing `for`/`if` line: its iterable or condition
            return _span(part)
    if statement.type == "expression_statement" and statement.named_child_count == 1:
        inner = statement.named_children[0]
        if inner.type in _ASSIGNMENTS:
            return _span(inner)
    return _span(statement)


def _binds(target: Node, name: str) -> bool:
    """Whether an assignment target binds ``name`` (plain, tuple or list unpacking)."""
    if target.type == "identifier":
        return target.text.decode() == name
    if target.type in {"pattern_list", "tuple_pattern", "list_pattern", "tuple", "list",
                       "list_splat_pattern"}:
        return any(_binds(child, name) for child in target.named_children)
    return False


def definitions(source: str, name: str) -> list[SourceSpan]:
    """Every assignment (plain, augmented, unpacking) and for-loop that binds ``name``, in
    source order."""
    found: list[Node] = []
    stack = [_parse(source)]
    while stack:
        node = stack.pop()
        if node.type in _ASSIGNMENTS or node.type == "for_statement":
            target = node.child_by_field_name("left")
            if target is not None and _binds(target, name):
                found.append(node)
        stack.extend(reversed(node.named_children))
    found.sort(key=lambda n: n.start_byte)
    return [_span(n) for n in found]


def localize_variable(source: str, name: str) -> SourceSpan | None:
    """The assignment that gives ``name`` its final value (the last one in source order;
    for a loop variable, the for statement), or None if the program never binds it."""
    spans = definitions(source, name)
    return spans[-1] if spans else None
