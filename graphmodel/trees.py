"""Python source <-> Tree, via tree-sitter-python, and a printer for the program dialect.

A Tree keeps one node per named tree-sitter node (comments dropped) plus the anonymous
nodes that fill a field (the `operator` of `a + b`, the `operators` of a comparison),
so that the printer can rebuild the source exactly. Identifiers, numbers and whole
string literals are single leaves: `ladder_length` is one symbol, `'2.5'` is one symbol.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import tree_sitter_python
from pydantic import BaseModel, ConfigDict
from tree_sitter import Language, Node, Parser

HOLE = "<hole>"  # Tree(type=HOLE) marks a cut-out subtree
Path = tuple[int, ...]  # child indices from the root: a subtree's address

# Named node types that are one symbol; their text is the source text (strings collapsed).
LEAF_TYPES = frozenset(
    {"identifier", "integer", "float", "string", "true", "false", "none", "ellipsis", "concatenated_string"}
)
INDENT = "    "


class TreeError(ValueError):
    """Source that is not a program of the dialect, or a tree the printer cannot print."""


class Tree(BaseModel):
    """One AST node. Equality ignores source positions, so parse(print(t)) == t can hold."""

    model_config = ConfigDict(validate_assignment=False)

    type: str
    field: str | None = None
    children: list[Tree] = []
    text: str | None = None
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tree):
            return NotImplemented
        return (
            self.type == other.type
            and self.field == other.field
            and self.text == other.text
            and self.children == other.children
        )

    __hash__ = None  # mutable

    def size(self) -> int:
        """Number of nodes in this subtree."""
        return 1 + sum(c.size() for c in self.children)

    def __repr__(self) -> str:
        return f"Tree({self.sexp()})"

    def sexp(self) -> str:
        """Compact s-expression, handy in test failures: (call function:(identifier 'sqrt') ...)."""
        head = f"{self.field}:" if self.field else ""
        if self.text is not None and not self.children:
            return f"{head}({self.type} {self.text!r})"
        inner = " ".join(c.sexp() for c in self.children)
        return f"{head}({self.type}{' ' + inner if inner else ''})"


def leaf(type_: str, text: str, field: str | None = None) -> Tree:
    """A leaf node (identifier, number, string, operator)."""
    return Tree.model_construct(type=type_, field=field, children=[], text=text, start=None, end=None)


def node(type_: str, children: list[Tree], field: str | None = None) -> Tree:
    """An inner node."""
    return Tree.model_construct(type=type_, field=field, children=children, text=None, start=None, end=None)


@cache
def language() -> Language:
    """The tree-sitter-python Language (cached: loading it is not free)."""
    return Language(tree_sitter_python.language())


@cache
def _parser() -> Parser:
    return Parser(language())


def _first_error(n: Node) -> Node | None:
    if n.is_error or n.is_missing:
        return n
    if not n.has_error:
        return None
    for c in n.children:
        found = _first_error(c)
        if found is not None:
            return found
    return n


def _convert(n: Node, field: str | None) -> Tree:
    text = n.text.decode("utf-8") if n.text is not None else ""
    pos = {"start": tuple(n.start_point), "end": tuple(n.end_point)}
    if n.type in LEAF_TYPES:
        return Tree.model_construct(type=n.type, field=field, children=[], text=text, **pos)
    children: list[Tree] = []
    for i, c in enumerate(n.children):
        cfield = n.field_name_for_child(i)
        if c.type == "comment":
            continue
        if c.is_named:
            children.append(_convert(c, cfield))
        elif cfield is not None:  # an operator token that fills a field: keep it
            op = " ".join(c.text.decode("utf-8").split())
            children.append(
                Tree.model_construct(
                    type=op, field=cfield, children=[], text=op, start=tuple(c.start_point), end=tuple(c.end_point)
                )
            )
    return Tree.model_construct(type=n.type, field=field, children=children, text=None, **pos)


def parse_program(source: str) -> Tree:
    """Parse Python source into a Tree; raise TreeError at the first syntax error (line, column)."""
    if not isinstance(source, str):
        raise TreeError(f"expected program source as str, got {type(source).__name__}")
    ts_tree = _parser().parse(source.encode("utf-8"))
    bad = _first_error(ts_tree.root_node)
    if bad is not None:
        row, col = bad.start_point
        snippet = source.splitlines()[row] if row < len(source.splitlines()) else ""
        raise TreeError(f"syntax error at line {row + 1}, column {col + 1}: {snippet.strip()!r}")
    return _convert(ts_tree.root_node, None)


def parses_to(source: str, tree: Tree) -> bool:
    """Whether `parse_program(source) == tree`, decided on tree-sitter's nodes directly:
    the decoders check every finished hypothesis this way, and building the parsed Tree
    only to compare it cost as much as the search itself."""
    ts_tree = _parser().parse(source.encode("utf-8"))
    if _first_error(ts_tree.root_node) is not None:
        return False
    return _same(ts_tree.root_node, None, tree)


def _same(n: Node, field: str | None, t: Tree) -> bool:
    """`_convert(n, field) == t` without building the converted tree."""
    if t.type != n.type or t.field != field:
        return False
    if n.type in LEAF_TYPES:
        return not t.children and t.text == (n.text.decode("utf-8") if n.text is not None else "")
    if t.text is not None:
        return False
    kids, j = t.children, 0
    for i, c in enumerate(n.children):
        cfield = n.field_name_for_child(i)
        if c.type == "comment" or not (c.is_named or cfield is not None):
            continue
        if j >= len(kids):
            return False
        if c.is_named:
            if not _same(c, cfield, kids[j]):
                return False
        else:
            op = " ".join(c.text.decode("utf-8").split())
            k = kids[j]
            if k.type != op or k.field != cfield or k.text != op or k.children:
                return False
        j += 1
    return j == len(kids)


# ----------------------------------------------------------------------------- printer


def _kids(t: Tree, field: str | None = "*") -> list[Tree]:
    """Children with the given field ('*' = all)."""
    return [c for c in t.children if field == "*" or c.field == field]


def _one(t: Tree, field: str) -> Tree:
    found = _kids(t, field)
    if len(found) != 1:
        raise TreeError(f"{t.type} needs exactly one {field!r} child, has {len(found)}")
    return found[0]


def _opt(t: Tree, field: str) -> Tree | None:
    found = _kids(t, field)
    return found[0] if found else None


def _join(t: Tree, sep: str = ", ") -> str:
    return sep.join(expr(c) for c in t.children)


def _items(t: Tree, open_: str, close: str, single_comma: bool = False) -> str:
    inner = _join(t)
    if single_comma and len(t.children) == 1:
        inner += ","
    return f"{open_}{inner}{close}"


def _op(t: Tree) -> str:
    """An operator leaf's text (a hole where the operator was cut out)."""
    return HOLE if t.type == HOLE else (t.text or "")


def _binary(t: Tree) -> str:
    return f"{expr(_one(t, 'left'))} {_op(_one(t, 'operator'))} {expr(_one(t, 'right'))}"


def _unary(t: Tree) -> str:
    return f"{_op(_one(t, 'operator'))}{expr(_one(t, 'argument'))}"


def _comparison(t: Tree) -> str:
    return " ".join(_op(c) if c.field == "operators" else expr(c) for c in t.children)


def _call(t: Tree) -> str:
    return f"{expr(_one(t, 'function'))}{expr(_one(t, 'arguments'))}"


def _subscript(t: Tree) -> str:
    subs = ", ".join(expr(c) for c in _kids(t, "subscript"))
    return f"{expr(_one(t, 'value'))}[{subs}]"


def _slice(t: Tree) -> str:
    # tree-sitter gives slice parts no fields; we only print the forms we can rebuild.
    parts = [expr(c) for c in t.children]
    if len(parts) == 2:
        return f"{parts[0]}:{parts[1]}"
    if len(parts) == 3:
        return f"{parts[0]}:{parts[1]}:{parts[2]}"
    raise TreeError(f"cannot print a slice with {len(parts)} parts unambiguously")


def _conditional(t: Tree) -> str:
    a, b, c = (expr(x) for x in t.children)
    return f"{a} if {b} else {c}"


def _comprehension(t: Tree, open_: str, close: str) -> str:
    body, *clauses = t.children
    return f"{open_}{expr(body)} {' '.join(expr(c) for c in clauses)}{close}"


def _for_in(t: Tree) -> str:
    rights = ", ".join(expr(c) for c in _kids(t, "right"))
    return f"for {expr(_one(t, 'left'))} in {rights}"


def _lambda(t: Tree) -> str:
    params = _opt(t, "parameters")
    head = f"lambda {expr(params)}" if params is not None else "lambda"
    return f"{head}: {expr(_one(t, 'body'))}"


def _params(t: Tree) -> str:
    return _join(t)


_EXPR: dict[str, Any] = {
    "binary_operator": _binary,
    "boolean_operator": _binary,
    "unary_operator": _unary,
    "not_operator": lambda t: f"not {expr(_one(t, 'argument'))}",
    "comparison_operator": _comparison,
    "call": _call,
    "argument_list": lambda t: _items(t, "(", ")"),
    "keyword_argument": lambda t: f"{expr(_one(t, 'name'))}={expr(_one(t, 'value'))}",
    "parenthesized_expression": lambda t: f"({_join(t)})",
    "tuple": lambda t: _items(t, "(", ")", single_comma=True),
    "list": lambda t: _items(t, "[", "]"),
    "set": lambda t: _items(t, "{", "}"),
    "dictionary": lambda t: _items(t, "{", "}"),
    "pair": lambda t: f"{expr(_one(t, 'key'))}: {expr(_one(t, 'value'))}",
    "subscript": _subscript,
    "slice": _slice,
    "attribute": lambda t: f"{expr(_one(t, 'object'))}.{expr(_one(t, 'attribute'))}",
    "conditional_expression": _conditional,
    "list_comprehension": lambda t: _comprehension(t, "[", "]"),
    "set_comprehension": lambda t: _comprehension(t, "{", "}"),
    "dictionary_comprehension": lambda t: _comprehension(t, "{", "}"),
    "generator_expression": lambda t: _comprehension(t, "(", ")"),
    "for_in_clause": _for_in,
    "if_clause": lambda t: f"if {_join(t)}",
    "pattern_list": lambda t: _join(t) + ("," if len(t.children) == 1 else ""),
    "expression_list": lambda t: _join(t) + ("," if len(t.children) == 1 else ""),
    "tuple_pattern": lambda t: _items(t, "(", ")", single_comma=True),
    "list_pattern": lambda t: _items(t, "[", "]"),
    "list_splat": lambda t: f"*{_join(t)}",
    "list_splat_pattern": lambda t: f"*{_join(t)}",
    "dictionary_splat": lambda t: f"**{_join(t)}",
    "lambda": _lambda,
    "lambda_parameters": _params,
    "parameters": lambda t: f"({_params(t)})",
    "default_parameter": lambda t: f"{expr(_one(t, 'name'))}={expr(_one(t, 'value'))}",
    "dotted_name": lambda t: _join(t, "."),
    "aliased_import": lambda t: f"{expr(_one(t, 'name'))} as {expr(_one(t, 'alias'))}",
    "wildcard_import": lambda t: "*",
    "named_expression": lambda t: f"{expr(_one(t, 'name'))} := {expr(_one(t, 'value'))}",
    "await": lambda t: f"await {_join(t)}",
}


def expr(t: Tree) -> str:
    """Print an expression-level node (no newline)."""
    if t.type == HOLE:
        return HOLE
    if t.type in LEAF_TYPES or (t.text is not None and not t.children):
        return t.text or ""
    fn = _EXPR.get(t.type)
    if fn is None:
        if t.type in _STMT:
            return "; ".join(_STMT[t.type](t, 0))
        raise TreeError(f"cannot print node type {t.type!r} (field {t.field!r}) as an expression")
    return fn(t)


def _block(t: Tree, depth: int) -> list[str]:
    lines: list[str] = []
    for c in t.children:
        lines.extend(stmt(c, depth))
    if not lines:
        raise TreeError("an empty block cannot be printed")
    return lines


def _header(keyword: str, t: Tree, depth: int, cond: str | None, body_field: str) -> list[str]:
    pad = INDENT * depth
    head = f"{pad}{keyword} {cond}:" if cond is not None else f"{pad}{keyword}:"
    return [head, *_block(_one(t, body_field), depth + 1)]


def _if(t: Tree, depth: int) -> list[str]:
    lines = _header("if", t, depth, expr(_one(t, "condition")), "consequence")
    for alt in _kids(t, "alternative"):
        lines.extend(stmt(alt, depth))
    return lines


def _for(t: Tree, depth: int) -> list[str]:
    rights = ", ".join(expr(c) for c in _kids(t, "right"))
    lines = _header("for", t, depth, f"{expr(_one(t, 'left'))} in {rights}", "body")
    alt = _opt(t, "alternative")
    if alt is not None:
        lines.extend(stmt(alt, depth))
    return lines


def _while(t: Tree, depth: int) -> list[str]:
    lines = _header("while", t, depth, expr(_one(t, "condition")), "body")
    alt = _opt(t, "alternative")
    if alt is not None:
        lines.extend(stmt(alt, depth))
    return lines


def _def(t: Tree, depth: int) -> list[str]:
    cond = f"{expr(_one(t, 'name'))}{expr(_one(t, 'parameters'))}"
    pad = INDENT * depth
    return [f"{pad}def {cond}:", *_block(_one(t, "body"), depth + 1)]


def _simple(text_fn: Any) -> Any:
    return lambda t, depth: [INDENT * depth + text_fn(t)]


def _assignment(t: Tree) -> str:
    left = expr(_one(t, "left"))
    typ = _opt(t, "type")
    right = _opt(t, "right")
    head = f"{left}: {expr(typ)}" if typ is not None else left
    return f"{head} = {expr(right)}" if right is not None else head


def _import_from(t: Tree) -> str:
    names = [c for c in t.children if c.field != "module_name"]
    return f"from {expr(_one(t, 'module_name'))} import {', '.join(expr(c) for c in names)}"


_STMT: dict[str, Any] = {
    "expression_statement": _simple(lambda t: _join(t)),
    "assignment": _simple(_assignment),
    "augmented_assignment": _simple(_binary),
    "import_from_statement": _simple(_import_from),
    "import_statement": _simple(lambda t: f"import {_join(t)}"),
    "return_statement": _simple(lambda t: f"return {_join(t)}".rstrip()),
    "assert_statement": _simple(lambda t: f"assert {_join(t)}"),
    "pass_statement": _simple(lambda t: "pass"),
    "break_statement": _simple(lambda t: "break"),
    "continue_statement": _simple(lambda t: "continue"),
    "if_statement": _if,
    "elif_clause": lambda t, d: _header("elif", t, d, expr(_one(t, "condition")), "consequence"),
    "else_clause": lambda t, d: _header("else", t, d, None, "body"),
    "for_statement": _for,
    "while_statement": _while,
    "function_definition": _def,
    "block": _block,
}


def stmt(t: Tree, depth: int = 0) -> list[str]:
    """Print a statement-level node as indented lines."""
    if t.type == HOLE:
        return [INDENT * depth + HOLE]
    fn = _STMT.get(t.type)
    if fn is None:
        return [INDENT * depth + expr(t)]
    return fn(t, depth)


def print_tree(tree: Tree) -> str:
    """Source for a Tree (a module, a statement or an expression); parse_program(print_tree(t)) == t."""
    if tree.type == "module":
        lines: list[str] = []
        for c in tree.children:
            lines.extend(stmt(c, 0))
        return "\n".join(lines) + "\n"
    return "\n".join(stmt(tree, 0)) + ("\n" if tree.type in _STMT else "")


# ----------------------------------------------------------------------------- paths


def iter_paths(tree: Tree, prefix: Path = ()) -> Iterator[tuple[Path, Tree]]:
    """Every (path, subtree) in pre-order, the root first with path ()."""
    yield prefix, tree
    for i, c in enumerate(tree.children):
        yield from iter_paths(c, (*prefix, i))


def subtree_at(tree: Tree, path: Path) -> Tree:
    """The subtree at `path`; TreeError naming the bad step when the path leaves the tree."""
    cur = tree
    for depth, i in enumerate(path):
        if not 0 <= i < len(cur.children):
            raise TreeError(f"path {path} step {depth} asks for child {i} of {cur.type!r}, which has {len(cur.children)}")
        cur = cur.children[i]
    return cur


def replace_at(tree: Tree, path: Path, new: Tree) -> Tree:
    """A copy of `tree` with the subtree at `path` replaced by `new` (which takes the old field)."""
    if not path:
        return new.model_copy(update={"field": tree.field})
    i, rest = path[0], path[1:]
    if not 0 <= i < len(tree.children):
        raise TreeError(f"path step asks for child {i} of {tree.type!r}, which has {len(tree.children)}")
    kids = list(tree.children)
    kids[i] = replace_at(kids[i], rest, new)
    return Tree.model_construct(
        type=tree.type, field=tree.field, children=kids, text=tree.text, start=tree.start, end=tree.end
    )


def cut(tree: Tree, path: Path) -> Tree:
    """A copy of `tree` with the subtree at `path` replaced by a HOLE (keeping its field)."""
    old = subtree_at(tree, path)
    return replace_at(tree, path, Tree.model_construct(type=HOLE, field=old.field, children=[], text=None, start=None, end=None))


def find_hole(tree: Tree) -> Path | None:
    """Path of the first HOLE node, if any."""
    for path, t in iter_paths(tree):
        if t.type == HOLE:
            return path
    return None


def strip_positions(tree: Tree) -> Tree:
    """The same tree without source positions (for compact storage)."""
    return Tree.model_construct(
        type=tree.type, field=tree.field, children=[strip_positions(c) for c in tree.children],
        text=tree.text, start=None, end=None,
    )
