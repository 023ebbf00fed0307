"""Equivalent forms (docs/ace.md, "Equivalent forms"): equal meanings compare equal, and nothing
else does. The sentences are written for these tests, with nouns, units and owners of their own."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest
from ace_views import triples
from suite_graphs import SUITES, parsed_suite

from tasks.ace import EdgeKind, NodeKind, SemanticGraph, normal_form, parse_ace, same_meaning
from tasks.ace.canonical import canonical_string

SAME = [
    # the possessive, the of-phrase and `has a N of Q` state one measurement
    ("The depth of the pool is 2 meters.", "A pool has a depth of 2 meters."),
    ("The kettle's capacity is 3 liters.", "The kettle has a capacity of 3 liters."),
    ("The weight of Rex is 30 kilograms.", "Rex has a weight of 30 kilograms."),
    # a coordinated measurement list, in any order, and one sentence per measurement
    ("A crate has a height of 4 feet and a depth of 6 feet.",
     "A crate has a height of 4 feet. The crate has a depth of 6 feet."),
    ("A tent has a width of 3 yards and a length of 5 yards. What is the area of the tent?",
     "The length of a tent is 5 yards. The tent's width is 3 yards. What is the area of the tent?"),
    # the measured attribute is the one the question asks for
    ("A rope has a length of 40 meters. What is the length of the rope in centimeters?",
     "The length of a rope is 40 meters. What is the length of the rope in centimeters?"),
    # possession distributes over a coordinated object
    ("Priya has 7 stamps and 2 coins.", "Priya has 7 stamps. Priya has 2 coins."),
    ("A drawer contains 12 spoons and 9 forks.", "A drawer contains 9 forks. The drawer contains 12 spoons."),
    ("Ken owns 3 bikes and 1 car. How many bikes does Ken own?",
     "Ken owns 1 car. Ken owns 3 bikes. How many bikes does Ken own?"),
    # the coefficient 1 of a product
    ("Calculate the number Y such that Y ^ 2 + Y - 6 = 0.",
     "Calculate the number Y such that Y ^ 2 + 1 * Y - 6 = 0."),
    ("Z = 4 * 1 + W.", "Z = 4 + W * 1."),
    ("Z = W / 1.", "Z = W."),
    # algebra that changes no equation: sides of `=`, direction of `<`, order of `+` and `*`
    ("W = 3 * V + 7.", "7 + V * 3 = W."),
    ("V > 12.", "12 < V."),
    ("V >= 2 * W.", "W * 2 <= V."),
    ("(V + 2) + W = 9.", "V + (2 + W) = 9."),
    ("V is 8.", "V = 8."),
    ("V is W - 4.", "V = W - 4."),
    ("1 pound is 16 ounces. A melon has a mass of 3 pounds.",
     "A melon has a mass of 3 pounds. 16 ounces is 1 pound."),
    # the imperative query without a condition asks what `what` asks
    ("A yard has a width of 9 meters. Calculate the width of the yard.",
     "A yard has a width of 9 meters. What is the width of the yard?"),
    # one number, written as a decimal or a fraction
    ("A plank has a thickness of 0.5 inches.", "A plank has a thickness of 1/2 inches."),
    ("Ivo drinks 1.25 liters of water.", "Ivo drinks 5/4 liters of water."),
    # ACE's universal determiners
    ("Each shelf holds 8 books.", "Every shelf holds 8 books."),
    ("All shelves hold 8 books.", "Every shelf holds 8 books."),
    # sentence and verb-phrase coordination, relative clauses: the same facts as separate sentences
    ("Ana has 4 pens and Tom has 6 pens.", "Ana has 4 pens. Tom has 6 pens."),
    ("A kite flies over a hill and reaches a height of 30 meters.",
     "A kite flies over a hill. The kite reaches a height of 30 meters."),
    ("A van that carries 9 boxes leaves a garage.", "A van carries 9 boxes. The van leaves a garage."),
    ("There is a ladder. The ladder leans against a fence.", "A ladder leans against a fence."),
    # independent facts in either order
    ("Ana has 4 pens. Tom has 6 pens. How many pens are there?",
     "Tom has 6 pens. Ana has 4 pens. How many pens are there?"),
]

DIFFERENT = [
    ("Priya has 7 stamps.", "Omar has 7 stamps."),                          # another owner
    ("The depth of the pool is 2 meters.", "The width of the pool is 2 meters."),  # another attribute
    ("The depth of the pool is 2 meters.", "The depth of the pool is 2 feet."),    # another unit
    ("The depth of the pool is 2 meters.", "The depth of the pool is 3 meters."),  # another number
    ("A pool has a depth of 2 meters.", "A pond has a depth of 2 meters."),   # another owner
    # two sofas, or one sofa with two lengths: not the same
    ("A sofa has a length of 2 meters. A sofa has a length of 3 meters.",
     "A sofa has a length of 2 meters and a length of 3 meters."),
    # two legs of one triangle stay two; the other leg is not the leg
    ("A triangle has a leg of 3 feet and a leg of 4 feet.", "A triangle has a leg of 3 feet."),
    ("A triangle has a leg of 3 feet. What is the other leg of the triangle?",
     "A triangle has a leg of 3 feet. What is the leg of the triangle?"),
    # a universal statement is not a statement about one side (ACE: `every` quantifies)
    ("Every side of a hexagon is 5 inches.", "A hexagon has a side of 5 inches."),
    # a collective subject is not each member (ACE's collective reading of `and`)
    ("Ana and Tom have 10 pens.", "Ana has 10 pens. Tom has 10 pens."),
    # verbs of action do not distribute: one delivery or two
    ("Lena delivers 3 parcels and 2 letters.", "Lena delivers 3 parcels. Lena delivers 2 letters."),
    # modifiers belong to their own fact
    ("Ken owns 3 bikes in a garage and 1 car.", "Ken owns 3 bikes in a garage. Ken owns 1 car."),
    # a condition is not a fact
    ("If a tank has a volume of 5 liters then the tank has a mass of 5 kilograms.",
     "The volume of a tank is 5 liters. The tank has a mass of 5 kilograms."),
    # subtraction, division and powers keep their order; a strict comparison is not a loose one
    ("Z = W - 1.", "Z = 1 - W."),
    ("Z = W / 3.", "Z = 3 / W."),
    ("Z = W ^ 2.", "Z = 2 ^ W."),
    ("V > 12.", "V >= 12."),
    ("V > 12.", "V < 12."),
    # a conversion between other amounts
    ("1 pound is 16 ounces.", "1 pound is 15 ounces."),
    ("1 pound is 16 ounces.", "1 ounce is 16 pounds."),
    # `such that` makes a condition: not the same query as the bare noun phrase
    ("Calculate the number V such that V + 2 = 5.", "What is the number V?"),
    # `no` is not `every`
    ("No shelf holds 8 books.", "Every shelf holds 8 books."),
    # a variable with a unit is a quantity, not an equation
    ("V = 8.", "The mass of a stone is V kilograms."),
    # the coefficient is only dropped when it is 1
    ("Z = 2 * W.", "Z = W."),
    ("Z = 1 / W.", "Z = W."),
    ("Z = W - 1.", "Z = W."),
    # a definite noun phrase before its antecedent is a new referent (ACE's anaphora)
    ("A jar has 40 beads. Ola takes the beads.", "Ola takes the beads. A jar has 40 beads."),
]


@pytest.mark.parametrize(("a", "b"), SAME, ids=[a for a, _ in SAME])
def test_equivalent_forms_compare_equal(a: str, b: str):
    assert same_meaning(parse_ace(a), parse_ace(b)), f"{a!r} and {b!r} say the same thing"


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=[a for a, _ in DIFFERENT])
def test_different_meanings_stay_different(a: str, b: str):
    assert not same_meaning(parse_ace(a), parse_ace(b)), f"{a!r} and {b!r} mean different things"


def test_the_parsed_graph_is_left_as_parsed():
    # The models read the graph as parsed; only comparisons use the normal form.
    g = parse_ace("A crate has a height of 4 feet.")
    assert ("have", "object", "height") in triples(g), "parse_ace keeps the `have` event"
    assert ("height", "of", "crate") in triples(normal_form(g)), "the normal form owns it"
    assert ("have", "object", "height") not in triples(normal_form(g))


def test_normal_form_of_a_measurement():
    g = parse_ace("A crate has a height of 4 feet and a depth of 6 feet. What is the height of the crate?")
    normal = normal_form(g)
    assert triples(normal) == {("height", "of", "crate"), ("depth", "of", "crate"),
                               ("height", "value", "4 foot"), ("depth", "value", "6 foot"),
                               ("4 foot", "unit", "foot"), ("6 foot", "unit", "foot"),
                               ("what", "asks", "height")}
    assert normal.nodes[normal.query].label == "what"


def test_normal_form_keeps_an_unrelated_graph_as_it_is():
    g = parse_ace("A bus leaves a station every 40 minutes.")
    assert normal_form(g) is g


def _numbers(graph: SemanticGraph) -> Counter:
    return Counter((n.kind.value, Fraction(n.value), n.unit) for n in graph.nodes
                   if n.kind in (NodeKind.NUMBER, NodeKind.QUANTITY) and n.value is not None)


def _owners(graph: SemanticGraph) -> Counter:
    """(attribute, owner) label pairs, counting `X has a N of Q` as N of X."""
    pairs = Counter((graph.nodes[e.src].label, graph.nodes[e.dst].label)
                    for e in graph.edges if e.kind == EdgeKind.OF)
    for rel in graph.nodes_of(NodeKind.RELATION):
        if rel.label != "have":
            continue
        agents = [e.dst for e in graph.out_edges(rel.id, EdgeKind.AGENT)]
        for e in graph.out_edges(rel.id, EdgeKind.OBJECT):
            obj = graph.nodes[e.dst]
            if obj.kind == NodeKind.ATTRIBUTE and graph.out_edges(obj.id, EdgeKind.VALUE):
                pairs.update((obj.label, graph.nodes[a].label) for a in agents)
    return pairs


@pytest.mark.parametrize("suite", [s for s in SUITES if s.stem in ("test", "valid")],
                         ids=lambda s: s.stem)
def test_normal_form_keeps_every_number_unit_and_owner(suite):
    # Over every canonical graph of the suite: the normal form has the same numbers and
    # quantities (value and unit), but for coefficients 1 that it drops, and the same owners.
    for problem, graph in parsed_suite(suite):
        normal = normal_form(graph)
        before, after = _numbers(graph), _numbers(normal)
        dropped = before - after
        assert not after - before, f"{problem.id}: the normal form invents {after - before}"
        assert set(dropped) <= {("number", 1, None)}, f"{problem.id}: lost {dropped}"
        assert set(_owners(normal)) == set(_owners(graph)), f"{problem.id}: owners changed"
        assert canonical_string(normal_form(normal)) == canonical_string(normal), \
            f"{problem.id}: the normal form is not a fixed point"


def test_compare_meanings_lists_the_fact_that_differs():
    from tasks.ace.compare import compare_meanings

    diff = compare_meanings(parse_ace("Priya has 7 stamps. Omar has 2 coins."),
                            parse_ace("Priya has 7 stamps and 2 coins."))
    assert not diff.same
    assert diff.only_first == ["have -agent-> Omar"], diff
    assert diff.only_second == [], diff
    same = compare_meanings(parse_ace("The depth of a pool is 2 meters."),
                            parse_ace("A pool has a depth of 2 meters."))
    assert same.same and not same.only_first and not same.only_second


def test_compare_meanings_of_two_referents_against_one():
    from tasks.ace.compare import compare_meanings

    diff = compare_meanings(parse_ace("A sofa has a length of 2 meters. A sofa has a length of 3 meters."),
                            parse_ace("A sofa has a length of 2 meters and a length of 3 meters."))
    assert not diff.same, "two sofas are not one sofa"
    assert diff.only_first == diff.only_second == [], "the same facts, about one sofa or two"


def _permuted(graph: SemanticGraph, seed: int) -> SemanticGraph:
    """The same graph with its node ids shuffled and its edges reordered."""
    import random

    order = list(range(len(graph.nodes)))
    random.Random(seed).shuffle(order)
    new = {old: i for i, old in enumerate(order)}
    nodes = sorted((n.model_copy(update={"id": new[n.id]}) for n in graph.nodes), key=lambda n: n.id)
    edges = [e.model_copy(update={"src": new[e.src], "dst": new[e.dst]}) for e in graph.edges]
    random.Random(seed).shuffle(edges)
    query = None if graph.query is None else new[graph.query]
    return SemanticGraph(text=graph.text, nodes=nodes, edges=edges, query=query)


TRICKY = [
    "A triangle has a leg of 3 feet and a leg of 4 feet. What is the leg of the triangle?",
    "Z = 1 + V + 2 + W + 3 + V * 2 * 1 * W + 4 + 5 + 6 + 7 + 8 + 9.",
    "A crate has a height of 4 feet. The crate has a depth of 6 feet. Ivo owns the crate and 2 bikes.",
]


@pytest.mark.parametrize("seed", range(4))
def test_normal_form_does_not_depend_on_node_order(seed):
    graphs = [parse_ace(t) for t in TRICKY]
    graphs += [g for _, g in parsed_suite(next(s for s in SUITES if s.stem == "valid"))][::9]
    for g in graphs:
        assert same_meaning(_permuted(g, seed), g), g.text
