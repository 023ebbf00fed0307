"""Which numbers of the question a program leaves unused: a soft signal for choosing programs.

A word problem gives its numbers to be used (the maxim of relevance), so among programs
whose answers passed the checks, one that computes with every given number is more
credible than one that drops a number or invents another in its place (`length = 4` for
"a rope of 12.5 meters"). Questions can carry distractors ("Noah has 35 pears" in a
question about toys) and programs write some counts by their structure ("draws 2
marbles" is a product of two factors), so this never refutes an answer: `agent.selection`
only lowers the weight of an ungrounded candidate.

The number 1 is left out: "1 meter is 100 centimeters" or "draws 1 marble" is a unit
quantity that a program multiplies by implicitly. A number counts as used only when it is
written in a statement the final `answer` depends on: `alice_parts = 9` that nothing reads
afterwards is as unused as no 9 at all.
"""

from __future__ import annotations

import sympy

from graphmodel.trees import Tree, iter_paths, parse_program
from tasks.ace import NodeKind, SemanticGraph

_NUMBER_KINDS = (NodeKind.NUMBER, NodeKind.QUANTITY)
_IMPLICIT = sympy.Integer(1)


def _exact(text: str) -> sympy.Rational | None:
    try:
        value = sympy.Rational(text.replace("_", ""))
    except (TypeError, ValueError, SyntaxError):
        return None
    return value


def question_numbers(graph: SemanticGraph) -> list[sympy.Rational]:
    """The exact values of the question's numbers and quantities (each once, in text order), except 1."""
    values: list[sympy.Rational] = []
    for node in graph.nodes:
        if node.kind in _NUMBER_KINDS and node.value is not None:
            value = _exact(node.value)
            if value is not None and abs(value) != _IMPLICIT and value not in values:
                values.append(value)
    return values


_ASSIGNMENTS = ("assignment", "augmented_assignment")


def _names(tree: Tree, skip_fields: tuple[str, ...] = ("attribute",)) -> set[str]:
    return {n.text for _, n in iter_paths(tree) if n.type == "identifier" and n.text and n.field not in skip_fields}


def live_statements(module: Tree, result: str = "answer") -> list[Tree]:
    """The top-level statements the last binding of `result` depends on, by a backward pass
    over the module: an assignment is live when it binds a name a later live statement reads;
    anything else that is not an import (a loop, an `if`, a bare call) is kept, with all it reads.
    When no top-level assignment binds `result`, every statement is kept (no evidence)."""
    statements = list(module.children)
    targets = [_assignment(s) for s in statements]
    if not any(a is not None and result in _bound(a) for a in targets):
        return statements
    needed = {result}
    live: list[Tree] = []
    for statement, assignment in zip(reversed(statements), reversed(targets), strict=True):
        if statement.type in ("import_from_statement", "import_statement"):
            continue
        if assignment is None:
            live.append(statement)
            needed |= _names(statement)
            continue
        bound = _bound(assignment)
        if not bound & needed:
            continue
        live.append(statement)
        if assignment.type == "assignment":
            needed -= bound
        needed |= {name for c in assignment.children if c.field != "left" for name in _names(c)}
    return live[::-1]


def _assignment(statement: Tree) -> Tree | None:
    if statement.type == "expression_statement" and statement.children and statement.children[0].type in _ASSIGNMENTS:
        return statement.children[0]
    return None


def _bound(assignment: Tree) -> set[str]:
    left = next((c for c in assignment.children if c.field == "left"), None)
    return _names(left) if left is not None else set()


def program_numbers(tree: Tree) -> set[sympy.Rational]:
    """Numeric literals in the statements `answer` depends on, and string literals that are
    exact numbers (`Rational('2.5')`)."""
    found: set[sympy.Rational] = set()
    statements = live_statements(tree) if tree.type == "module" else [tree]
    for _, node in (item for statement in statements for item in iter_paths(statement)):
        if node.text is None or node.type not in ("integer", "float", "string"):
            continue
        value = _exact(node.text.strip("'\"") if node.type == "string" else node.text)
        if value is not None:
            found.add(value)
    return found


def _used(value: sympy.Rational, literals: set[sympy.Rational]) -> bool:
    """Written as itself, negated, or as numerator and denominator (`Rational(3, 8)` for 3/8)."""
    if value in literals or -value in literals:
        return True
    return value.q != 1 and abs(value.p) in literals and value.q in literals


def unused_numbers(graph: SemanticGraph, source: str) -> list[str]:
    """The question's numbers (but 1) that the program never writes; [] for a grounded program
    and for source that does not parse (no evidence either way)."""
    try:
        literals = program_numbers(parse_program(source))
    except ValueError:
        return []
    return [str(v) for v in question_numbers(graph) if not _used(v, literals)]
