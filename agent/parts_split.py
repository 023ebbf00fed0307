"""Where a semantic graph defines a quantity by one step and uses it in another: the split.

Two shapes are read, both from the graph alone (no family is named anywhere):

* an **unvalued attribute** that another attribute is of (`a share of the area of the
  triangle`), a measure of its owner whose unit follows from the owner's sizes (an area of a
  figure in meters is in meter^2): the first sub-question asks for it from the facts about
  its owner; the rest states it as a fact (`the triangle has an area of V square meters`);
* an **asked quantity with a stated conversion** (`How many liters does the box hold?` and `1
  liter is 1000 cubic centimeters`, no fact in liters): the first sub-question asks for the
  quantity in the conversion's other unit (its measure: the volume of the box); the rest is
  that measure as a fact, the conversion and the question.

The sub-graphs are written node by node as the ACE parser writes the equivalent text (unit
nodes shared, sentences renumbered; `tests/agent/test_parts.py` compares them), so the
generator reads them as the single-step questions it was trained on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction

from agent.constraints import GEOMETRIC_SIZES
from tasks.ace import SemanticGraph
from tasks.ace.graph import EdgeKind, GraphEdge, GraphNode, NodeKind
from verifiers import unit_named

# The measure an attribute names, as a power of length: the unit of `the area of a triangle`
# with sides in meters is meter^2. Other geometric sizes are lengths (GEOMETRIC_SIZES).
LENGTH_POWER = {"area": 2, "surface": 2, "volume": 3, "capacity": 3}
# The measure a unit measures, by its sympy dimension and power: what the first sub-question
# asks for when the question converts its answer (`centimeter^3` -> the volume).
MEASURES = {("length", 1): "length", ("length", 2): "area", ("length", 3): "volume",
            ("time", 1): "duration", ("mass", 1): "mass"}
UNKNOWN = "?"  # the parser's value of an asked quantity (`How many liters ...`)
Key = tuple[str, int]  # a sentence of the new graph: ("old", its number in the source graph) or ("new", n)


@dataclass(frozen=True)
class Split:
    """One step cut out of a question: `first` asks for the intermediate (variants, tried in
    order), `rest(value)` is the question with the intermediate stated as a fact, and `name`
    is what the composed program calls it (a word of the graph)."""

    kind: str  # "attribute" | "conversion"
    name: str
    first: tuple[SemanticGraph, ...]
    rest: Callable[[str], SemanticGraph | None]


def find_split(graph: SemanticGraph) -> Split | None:
    """The first step the graph defines and then uses, or None when it asks a single step."""
    return _attribute_split(graph) or _conversion_split(graph)


# --------------------------------------------------------------------------- building graphs


class _Builder:
    """A semantic graph written node by node: unit nodes shared by label (as the parser
    shares them), sentences renumbered in order of appearance."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.nodes: list[GraphNode] = []
        self.edges: list[GraphEdge] = []
        self._units: dict[str, int] = {}
        self._sentences: dict[tuple[str, int], int] = {}

    def add(self, kind: NodeKind, label: str, sentence: Key, value: str | None = None, unit: str | None = None) -> int:
        """A node in the sentence `sentence` names (numbered when it first gets a node)."""
        if kind is NodeKind.UNIT and label in self._units:
            return self._units[label]
        number = self._sentences.setdefault(sentence, len(self._sentences))
        self.nodes.append(GraphNode(id=len(self.nodes), kind=kind, label=label, value=value, unit=unit,
                                    sentence=number))
        if kind is NodeKind.UNIT:
            self._units[label] = len(self.nodes) - 1
        return len(self.nodes) - 1

    def quantity(self, label: str, value: str | None, unit: str | None, sentence: Key) -> int:
        """A quantity and (after it, when new) its unit node, linked as the parser links them."""
        q = self.add(NodeKind.QUANTITY, label, sentence, value=value, unit=unit)
        if unit is not None:
            self.edge(q, self.add(NodeKind.UNIT, unit, sentence), EdgeKind.UNIT)
        return q

    def copy(self, graph: SemanticGraph, ids: Iterable[int], mapping: dict[int, int]) -> None:
        """Copy nodes of `graph` (in id order) into this graph, recording old id -> new id."""
        for i in sorted(ids):
            n = graph.nodes[i]
            mapping[i] = self.add(n.kind, n.label, ("old", n.sentence), value=n.value, unit=n.unit)

    def edge(self, src: int, dst: int, kind: EdgeKind, label: str | None = None) -> None:
        self.edges.append(GraphEdge(src=src, dst=dst, kind=kind, label=label))

    def copy_edges(self, graph: SemanticGraph, mapping: dict[int, int]) -> None:
        """The edges of `graph` between copied nodes, in the source's order."""
        for e in graph.edges:
            if e.src in mapping and e.dst in mapping:
                edge = GraphEdge(src=mapping[e.src], dst=mapping[e.dst], kind=e.kind, label=e.label)
                if edge not in self.edges:  # a shared unit node is linked once per quantity
                    self.edges.append(edge)

    def has_fact(self, owner: int, attribute: str, value: str, unit: str | None, sentence: Key) -> int:
        """`OWNER has a(n) ATTRIBUTE of VALUE UNIT.`: the relation, the quantity and the attribute."""
        have = self.add(NodeKind.RELATION, "have", sentence)
        self.edge(have, owner, EdgeKind.AGENT)
        q = self.quantity(value, value, unit, sentence)
        attr = self.add(NodeKind.ATTRIBUTE, attribute, sentence)
        self.edge(attr, q, EdgeKind.VALUE)
        self.edge(have, attr, EdgeKind.OBJECT)
        return attr

    def ask_attribute(self, owner: int, attribute: str, sentence: Key) -> None:
        """`What is the ATTRIBUTE of the OWNER?`"""
        attr = self.add(NodeKind.ATTRIBUTE, attribute, sentence)
        self.edge(attr, owner, EdgeKind.OF)
        query = self.add(NodeKind.QUERY, "what", sentence)
        self.edge(query, attr, EdgeKind.ASKS)

    def graph(self, front_end: str) -> SemanticGraph:
        query = next((n.id for n in self.nodes if n.kind is NodeKind.QUERY), None)
        return SemanticGraph(text=self.text, nodes=self.nodes, edges=self.edges, query=query, front_end=front_end)


def stated_value(answer: str) -> str | None:
    """The intermediate as the parser writes a number (`7020`, `8/5`, `15.5`), or None when
    it is not a rational a sentence can state (`sqrt(13)`: no split, the question is whole)."""
    try:
        value = Fraction(answer.strip())
    except (ValueError, ZeroDivisionError):
        return None
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


# --------------------------------------------------------------------------- reading the graph


def _sentence_nodes(graph: SemanticGraph, sentences: set[int]) -> set[int]:
    return {n.id for n in graph.nodes if n.sentence in sentences and n.kind is not NodeKind.UNIT}


def _asked(graph: SemanticGraph) -> int | None:
    if graph.query is None:
        return None
    asks = graph.out_edges(graph.query, EdgeKind.ASKS)
    return asks[0].dst if len(asks) == 1 else None


def _valued(graph: SemanticGraph, node: int) -> bool:
    return any(e.kind is EdgeKind.VALUE and e.src == node for e in graph.edges)


def _touches(graph: SemanticGraph, node: int, sentence: int) -> bool:
    """Whether a sentence says something about `node` (an edge between it and that sentence)."""
    nodes = graph.nodes
    return any((e.src == node and nodes[e.dst].sentence == sentence) or (e.dst == node and nodes[e.src].sentence == sentence)
               for e in graph.edges) or nodes[node].sentence == sentence


def _length_unit(graph: SemanticGraph, ids: set[int]) -> str | None:
    """The one unit of length the given quantities share (`meter`), else None."""
    units = {graph.nodes[i].unit for i in ids if graph.nodes[i].kind is NodeKind.QUANTITY}
    if len(units) != 1:
        return None
    unit = units.pop()
    return unit if unit is not None and _measure(unit) == "length" else None


def _measure(unit: str) -> str | None:
    """What a unit label of the parser measures (`centimeter^3` -> volume, `hour` -> duration)."""
    name, _, power = unit.partition("^")
    if "/" in name or not name:
        return None
    try:
        quantity = unit_named(name)
        from sympy.physics.units.systems.si import SI, dimsys_SI

        deps = dimsys_SI.get_dimensional_dependencies(SI.get_dimensional_expr(quantity))
        exponent = int(power or 1)
    except (ValueError, TypeError):
        return None
    if len(deps) != 1:
        return None
    ((dimension, degree),) = deps.items()
    return MEASURES.get((str(dimension.name), int(degree) * exponent))


def _unit_of_attribute(label: str, length_unit: str | None) -> str | None:
    if length_unit is None:
        return None
    if label in LENGTH_POWER:
        return f"{length_unit}^{LENGTH_POWER[label]}"
    return length_unit if label in GEOMETRIC_SIZES else None


# --------------------------------------------------------------------------- an attribute defined, then used


def _attribute_split(graph: SemanticGraph) -> Split | None:
    asked = _asked(graph)
    query_sentence = graph.nodes[graph.query].sentence if graph.query is not None else None
    valued_labels = {n.label for n in graph.nodes if n.kind is NodeKind.ATTRIBUTE and _valued(graph, n.id)}
    for node in graph.nodes_of(NodeKind.ATTRIBUTE):
        if node.id == asked or node.label in valued_labels or _valued(graph, node.id):
            continue
        owners = [e.dst for e in graph.out_edges(node.id, EdgeKind.OF) if graph.nodes[e.dst].kind is NodeKind.ENTITY]
        users = [e for e in graph.edges if e.dst == node.id and e.kind is EdgeKind.OF
                 and graph.nodes[e.src].kind is NodeKind.ATTRIBUTE]  # `a share of the area`
        if len(owners) != 1 or not users:
            continue
        owner = owners[0]
        facts = {s for s in {n.sentence for n in graph.nodes}
                 if s not in (node.sentence, query_sentence) and _touches(graph, owner, s)}
        fact_nodes = _sentence_nodes(graph, facts)
        if not any(graph.nodes[i].kind is NodeKind.QUANTITY for i in fact_nodes):
            continue
        unit = _unit_of_attribute(node.label, _length_unit(graph, fact_nodes))
        if unit is None:  # not a measure of its owner's sizes (`the departure of the plane`)
            continue
        return Split(
            kind="attribute",
            name=node.label,
            first=(_ask_from_facts(graph, fact_nodes | {owner}, owner, node.label),),
            rest=lambda value, node=node, owner=owner, fact_nodes=fact_nodes, unit=unit: _state_attribute(
                graph, fact_nodes, owner, node.label, value, unit),
        )
    return None


def _ask_from_facts(graph: SemanticGraph, ids: set[int], owner: int, attribute: str) -> SemanticGraph:
    """The facts, then `What is the ATTRIBUTE of the OWNER?`."""
    b = _Builder(f"the {attribute} of the {graph.nodes[owner].label}, from its facts")
    mapping: dict[int, int] = {}
    b.copy(graph, _with_units(graph, ids), mapping)
    b.copy_edges(graph, mapping)
    b.ask_attribute(mapping[owner], attribute, ("new", 0))
    return b.graph(graph.front_end)


def _state_attribute(graph: SemanticGraph, used: set[int], owner: int, attribute: str, value: str,
                     unit: str | None) -> SemanticGraph | None:
    """The question without the facts the first part used, the owner stated to have the
    attribute's value where it was introduced."""
    stated = stated_value(value)
    if stated is None:
        return None
    b = _Builder(f"the question, with the {attribute} of the {graph.nodes[owner].label} given")
    mapping: dict[int, int] = {}
    keep = _with_units(graph, {n.id for n in graph.nodes if n.id not in used} | {owner})
    for i in sorted(keep):
        n = graph.nodes[i]
        if i == owner:
            mapping[i] = b.add(n.kind, n.label, ("old", n.sentence), value=n.value, unit=n.unit)
            b.has_fact(mapping[i], attribute, stated, unit, ("old", n.sentence))
        elif n.kind is not NodeKind.UNIT or any(graph.nodes[j].unit == n.label for j in keep if j != i):
            b.copy(graph, [i], mapping)
    b.copy_edges(graph, mapping)
    return b.graph(graph.front_end)


def _units_of(graph: SemanticGraph, node: int) -> set[int]:
    return {e.dst for e in graph.edges if e.kind is EdgeKind.UNIT and e.src == node}


def _with_units(graph: SemanticGraph, ids: set[int]) -> set[int]:
    """The nodes and the unit nodes of their quantities."""
    units = {e.dst for e in graph.edges if e.kind is EdgeKind.UNIT and e.src in ids}
    return ids | units


# --------------------------------------------------------------------------- an answer converted


def _conversion_split(graph: SemanticGraph) -> Split | None:
    asked = _asked(graph)
    if asked is None:
        return None
    target = graph.nodes[asked]
    if target.kind is not NodeKind.QUANTITY or target.value not in (None, UNKNOWN) or target.unit is None:
        return None
    for e in graph.edges:
        one, other = graph.nodes[e.src], graph.nodes[e.dst]
        if e.kind is not EdgeKind.VALUE or one.kind is not NodeKind.QUANTITY or other.kind is not NodeKind.QUANTITY:
            continue
        if one.value != "1" or target.unit not in (one.unit, other.unit) or one.unit == other.unit:
            continue
        unit = other.unit if one.unit == target.unit else one.unit
        measure = _measure(unit or "")
        conversion = one.sentence
        if measure is None or unit is None or conversion != other.sentence:
            continue
        givens = [n for n in graph.nodes_of(NodeKind.QUANTITY) if n.sentence != conversion and n.id != asked]
        if not givens or any(n.unit == target.unit for n in givens) or _stated_measure(graph, givens, unit, measure):
            continue
        agents = [a.dst for r in graph.edges if r.kind is EdgeKind.OBJECT and r.dst == asked
                  for a in graph.out_edges(r.src, EdgeKind.AGENT) if graph.nodes[a.dst].kind is NodeKind.ENTITY]
        if len(agents) != 1:
            continue
        owner = agents[0]
        return Split(
            kind="conversion",
            name=measure,
            first=(_asked_in(graph, conversion, asked, unit), _ask_measure(graph, conversion, owner, measure)),
            rest=lambda value, owner=owner, unit=unit, measure=measure, conversion=conversion: _state_measure(
                graph, conversion, owner, measure, value, unit),
        )
    return None


def _stated_measure(graph: SemanticGraph, givens: list[GraphNode], unit: str, measure: str) -> bool:
    """Whether the question only converts a stated amount (one given, in the other unit, or
    the measure itself given): a single step, nothing to split."""
    in_unit = [n for n in givens if n.unit == unit]
    if len(givens) == 1 and in_unit:
        return True
    return any(graph.nodes[e.src].kind is NodeKind.ATTRIBUTE and graph.nodes[e.src].label == measure
               for n in in_unit for e in graph.edges if e.kind is EdgeKind.VALUE and e.dst == n.id)


def _asked_in(graph: SemanticGraph, conversion: int, asked: int, unit: str) -> SemanticGraph:
    """The question without the conversion, asking in the conversion's other unit."""
    b = _Builder(f"the question in {unit}, without the conversion")
    mapping: dict[int, int] = {}
    ids = {n.id for n in graph.nodes if n.sentence != conversion and n.kind is not NodeKind.UNIT}
    for i in sorted(_with_units(graph, ids - {asked}) | {asked}):
        n = graph.nodes[i]
        if i == asked:  # its unit edge is written where the parser writes it, by copy_edges
            mapping[i] = b.add(n.kind, n.label, ("old", n.sentence), value=n.value, unit=unit)
            new_unit = b.add(NodeKind.UNIT, unit, ("old", n.sentence))
        else:
            b.copy(graph, [i], mapping)
    # no given is in the asked unit (the split requires it): its unit node now stands for the other unit
    b.copy_edges(graph, mapping | {old_unit: new_unit for old_unit in _units_of(graph, asked)})
    return b.graph(graph.front_end)


def _ask_measure(graph: SemanticGraph, conversion: int, owner: int, measure: str) -> SemanticGraph:
    """The facts without the conversion and the question, then `What is the MEASURE of the OWNER?`."""
    query_sentence = graph.nodes[graph.query].sentence if graph.query is not None else -1
    ids = _sentence_nodes(graph, {n.sentence for n in graph.nodes} - {conversion, query_sentence})
    return _ask_from_facts(graph, ids | {owner}, owner, measure)


def _state_measure(graph: SemanticGraph, conversion: int, owner: int, measure: str, value: str,
                   unit: str) -> SemanticGraph | None:
    """`The OWNER has a MEASURE of VALUE UNIT.`, the conversion, the question."""
    stated = stated_value(value)
    if stated is None:
        return None
    query_sentence = graph.nodes[graph.query].sentence if graph.query is not None else -1
    b = _Builder(f"the conversion of the {measure} of the {graph.nodes[owner].label}")
    mapping: dict[int, int] = {}
    owner_node = graph.nodes[owner]
    mapping[owner] = b.add(owner_node.kind, owner_node.label, ("new", 0))
    b.has_fact(mapping[owner], measure, stated, unit, ("new", 0))
    ids = _sentence_nodes(graph, {conversion, query_sentence}) - {owner}
    b.copy(graph, _with_units(graph, ids), mapping)
    b.copy_edges(graph, mapping)
    return b.graph(graph.front_end)
