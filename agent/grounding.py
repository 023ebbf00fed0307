"""Which numbers of the question a program leaves unused: a soft signal for choosing programs.

A word problem gives its numbers to be used (the maxim of relevance), so among programs
whose answers passed the checks, one that computes with every given number is more
credible than one that drops a number or invents another in its place (`length = 4` for
"a rope of 12.5 meters"). Questions can carry distractors ("Noah has 35 pears" in a
question about toys) and programs write some counts by their structure ("draws 2
marbles" is a product of two factors), so this never refutes an answer: `agent.selection`
only lowers the weight of an ungrounded candidate.

The number 1 is left out: "1 meter is 100 centimeters" or "draws 1 marble" is a unit
quantity that a program multiplies by implicitly.
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


def program_numbers(tree: Tree) -> set[sympy.Rational]:
    """Numeric literals of a program, and string literals that are exact numbers (`Rational('2.5')`)."""
    found: set[sympy.Rational] = set()
    for _, node in iter_paths(tree):
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
