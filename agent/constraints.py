"""What the semantic graph says the answer must satisfy, as sympy relations.

Two sources, both read off the graph and never off the program being checked:
  * formulas the ACE states (`3 * X + 5 = 20`, `X + Y = 10`), as sympy relations over the
    variables; with the queried variable they pin the answer down (decisive);
  * domain facts of what is asked: a count of things is a non-negative integer, a length,
    area, duration, mass or speed is non-negative, a measured quantity is a real number.
    They only rule answers out (not decisive).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy

from tasks.ace import EdgeKind, NodeKind, SemanticGraph
from tasks.ace.lexicon import is_unit

# Attributes that are magnitudes: never negative whatever the problem (a general fact of
# measurement, not a property of any suite). Money is left out: a profit or a change can be < 0.
MAGNITUDES = frozenset(
    ["length", "width", "height", "depth", "breadth", "thickness", "distance", "perimeter", "area", "volume", "surface", "side", "edge", "diameter", "radius", "circumference", "hypotenuse", "leg", "speed", "velocity", "time", "duration", "age", "weight", "mass", "size", "capacity", "price", "cost", "fee", "fare", "rent", "salary", "wage"]
)
# The sizes of a figure or solid that exists are positive: a triangle with a 0 side is none.
GEOMETRIC_SIZES = frozenset(
    ["length", "width", "height", "depth", "breadth", "thickness", "perimeter", "area", "volume", "surface", "side", "edge", "diameter", "radius", "circumference", "hypotenuse", "leg"]
)
# Units of non-negative dimensions: length, area, volume, mass, duration, speed.
NONNEGATIVE_UNITS = frozenset(
    ["foot", "inch", "yard", "mile", "meter", "centimeter", "millimeter", "kilometer", "gram", "kilogram", "milligram", "pound", "ounce", "ton", "tonne", "liter", "milliliter", "gallon", "quart", "pint", "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "acre", "hectare", "byte", "kilobyte", "megabyte", "gigabyte"]
)

# Things that are counted but can be shared out in parts ("How many pizzas does each child
# get?" may be 3/4): a count of these is not required to be an integer.
DIVISIBLE = frozenset(
    ["pizza", "cake", "pie", "bread", "loaf", "cup", "glass", "slice", "piece", "portion", "serving", "part", "share", "fraction", "half", "third", "quarter", "whole", "amount", "quantity", "bar", "chocolate", "candy", "sandwich", "muffin", "cookie", "pound"]
)

_RELATIONS = {"=": sympy.Eq, "==": sympy.Eq, "<": sympy.Lt, "<=": sympy.Le, ">": sympy.Gt, ">=": sympy.Ge,
              "!=": sympy.Ne, "/=": sympy.Ne}
_OPERATORS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "^": lambda a, b: a**b,
    "**": lambda a, b: a**b,
}
_ARG_ORDER = {"left": 0, "operand": 0, "right": 1}

ANSWER = sympy.Symbol("answer")  # stands for the answer when the query names no variable


class ConstraintError(ValueError):
    """A formula node the derivation cannot read (unknown operator, wrong arity)."""


@dataclass
class Derived:
    """Everything the graph says about the answer."""

    target: sympy.Symbol = ANSWER  # the symbol the answer is the value of
    formulas: list[sympy.Basic] = field(default_factory=list)  # relations over variables
    nonnegative: str | None = None  # why the answer cannot be negative, if it cannot
    positive: str | None = None  # why the answer cannot be zero or negative, if it cannot
    integer: str | None = None  # why the answer must be an integer, if it must
    real: str | None = None  # why the answer must be a real number, if it must
    notes: list[str] = field(default_factory=list)  # formulas that could not be read, and why

    def domain(self) -> list[tuple[str, sympy.Basic]]:
        """(reason, relation in `target`) for each domain fact."""
        facts: list[tuple[str, sympy.Basic]] = []
        if self.nonnegative:
            facts.append((self.nonnegative, sympy.Ge(self.target, 0)))
        return facts


def _num(value: str) -> sympy.Rational:
    return sympy.Rational(value)


def _args(graph: SemanticGraph, node: int) -> list[int]:
    edges = graph.out_edges(node, EdgeKind.ARG)
    ordered = sorted(enumerate(edges), key=lambda ie: (_ARG_ORDER.get(ie[1].label or "", 9), ie[0]))
    return [e.dst for _, e in ordered]


def expression(graph: SemanticGraph, node_id: int) -> sympy.Basic:
    """The sympy expression a formula subgraph denotes."""
    node = graph.nodes[node_id]
    if node.kind == NodeKind.NUMBER or (node.kind == NodeKind.QUANTITY and node.value is not None):
        return _num(node.value or node.label)
    if node.kind == NodeKind.VARIABLE:
        return sympy.Symbol(node.label)
    if node.kind != NodeKind.OPERATION:
        raise ConstraintError(f"node {node_id} ({node.kind.value} {node.label!r}) is not part of a formula")
    args = [expression(graph, a) for a in _args(graph, node_id)]
    label = node.label
    if label in ("neg", "-") and len(args) == 1:
        return -args[0]
    if label in _OPERATORS and len(args) == 2:
        return _OPERATORS[label](args[0], args[1])
    if label in _RELATIONS and len(args) == 2:
        return _RELATIONS[label](args[0], args[1], evaluate=False)
    raise ConstraintError(f"operation {label!r} with {len(args)} operand(s) at node {node_id}")


def formulas(graph: SemanticGraph) -> tuple[list[sympy.Basic], list[str]]:
    """Every stated relation (a root operation labelled =, <, ...), and the ones left unread."""
    operands = {e.dst for e in graph.edges if e.kind == EdgeKind.ARG}
    found: list[sympy.Basic] = []
    notes: list[str] = []
    for node in graph.nodes_of(NodeKind.OPERATION):
        if node.id in operands or node.label not in _RELATIONS:
            continue
        if _under_condition(graph, node.id):
            notes.append(f"formula at node {node.id} is inside an if-clause; not asserted")
            continue
        try:
            found.append(expression(graph, node.id))
        except (ConstraintError, ValueError, TypeError) as err:
            notes.append(str(err))
    return found, notes


def _under_condition(graph: SemanticGraph, node_id: int) -> bool:
    """A formula that is the antecedent or consequent of an `if` is not a fact."""
    for edge in graph.edges:
        if edge.dst == node_id and graph.nodes[edge.src].kind == NodeKind.CONDITION:
            return True
    return False


def _asked(graph: SemanticGraph) -> list[int]:
    if graph.query is None:
        return []
    return [e.dst for e in graph.out_edges(graph.query, EdgeKind.ASKS)]


def _variable_of(graph: SemanticGraph, node_id: int) -> sympy.Symbol | None:
    node = graph.nodes[node_id]
    if node.kind == NodeKind.VARIABLE:
        return sympy.Symbol(node.label)
    for edge in graph.edges:
        other = edge.dst if edge.src == node_id else edge.src if edge.dst == node_id else None
        if edge.kind == EdgeKind.EQUALS and other is not None and graph.nodes[other].kind == NodeKind.VARIABLE:
            return sympy.Symbol(graph.nodes[other].label)
    return None


def _units_near(graph: SemanticGraph, node_id: int) -> list[str]:
    """Units attached to the node, its values, and (for a unit node) itself."""
    node = graph.nodes[node_id]
    units = [node.unit] if node.unit else []
    if node.kind == NodeKind.UNIT:
        units.append(node.label)
    for edge in graph.out_edges(node_id):
        if edge.kind in (EdgeKind.UNIT, EdgeKind.VALUE):
            target = graph.nodes[edge.dst]
            units += [u for u in (target.unit, target.label if target.kind == NodeKind.UNIT else None) if u]
    return units


def _of_a_figure(graph: SemanticGraph, node_id: int) -> bool:
    """Whether an attribute belongs to an entity (`the hypotenuse of the triangle`), not to
    a relation between things (`the distance of the base from the wall`, which may be 0)."""
    owners = [e.dst for e in graph.out_edges(node_id, EdgeKind.OF)]
    relations = graph.out_edges(node_id, EdgeKind.RELATION)
    return bool(owners) and not relations and all(graph.nodes[o].kind == NodeKind.ENTITY for o in owners)


def _unit_base(unit: str) -> str:
    """`mile/hour` -> mile, `meter^2` -> meter: the dimension's sign is that of its base."""
    return unit.split("/")[0].split("^")[0].strip()


def derive(graph: SemanticGraph) -> Derived:
    """The constraints and domain facts the graph states about its answer."""
    found, notes = formulas(graph)
    derived = Derived(formulas=found, notes=notes)
    asked = _asked(graph)
    query_label = graph.nodes[graph.query].label.lower() if graph.query is not None else ""
    for node_id in asked:
        variable = _variable_of(graph, node_id)
        if variable is not None:
            derived.target = variable
        _domain_of(graph, node_id, query_label, derived)
    return derived


def _domain_of(graph: SemanticGraph, node_id: int, query_label: str, derived: Derived) -> None:
    node = graph.nodes[node_id]
    lemma = node.label.lower()
    if node.kind == NodeKind.QUANTITY and node.value is None and node.unit:
        lemma = _unit_base(node.unit)  # `how many beads`: an unknown quantity counted in beads
    units = [_unit_base(u) for u in _units_near(graph, node_id)]
    measured = [u for u in units if is_unit(u)]
    if lemma in MAGNITUDES:
        derived.nonnegative = f"a {lemma} is never negative"
        derived.real = f"a {lemma} is a real number"
    if lemma in GEOMETRIC_SIZES and _of_a_figure(graph, node_id):
        derived.positive = f"the {lemma} of a figure that exists is positive"
    for unit in measured:
        derived.real = derived.real or f"a quantity in {unit}s is a real number"
        if unit in NONNEGATIVE_UNITS:
            derived.nonnegative = derived.nonnegative or f"a quantity in {unit}s is never negative"
    if query_label.startswith("how many") and not measured and not is_unit(lemma):
        if lemma not in DIVISIBLE:
            derived.integer = f"'how many {lemma}s' asks for a count of whole things"
        derived.nonnegative = f"a count of {lemma}s is never negative"
        derived.real = derived.real or "a count is a real number"
    if is_unit(lemma) and _unit_base(lemma) in NONNEGATIVE_UNITS:
        derived.nonnegative = derived.nonnegative or f"a quantity in {lemma}s is never negative"
        derived.real = derived.real or f"a quantity in {lemma}s is a real number"
