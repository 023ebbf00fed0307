"""Every canonical ACE pattern of docs/CONTRACTS.md parses to the graph it means."""

from __future__ import annotations

import pytest
from ace_views import kinds, triples

from tasks.ace import EdgeKind, NodeKind, parse_ace, same_meaning


def test_p1_copula_with_quantity():
    g = parse_ace("The length of the ladder is 13 feet.")
    assert triples(g) == {("length", "of", "ladder"), ("length", "value", "13 foot"),
                          ("13 foot", "unit", "foot")}
    assert kinds(g) == {"entity": ["ladder"], "attribute": ["length"], "quantity": ["13"],
                        "unit": ["foot"]}


def test_p1_possessive_is_the_of_phrase():
    assert same_meaning(parse_ace("The ladder's length is 13 feet."),
                        parse_ace("The length of the ladder is 13 feet."))


@pytest.mark.parametrize(("text", "expected"), [
    ("John has 5 apples.", {("have", "agent", "John"), ("have", "object", "5 apple")}),
    ("A car travels 120 miles.", {("travel", "agent", "car"), ("travel", "object", "120 mile")}),
    ("John gives 3 apples to Mary.", {("give", "agent", "John"), ("give", "object", "3 apple"),
                                      ("give", "relation:to", "Mary")}),
])
def test_p2_verb_with_quantity_object(text, expected):
    assert expected <= triples(parse_ace(text))


def test_p3_verb_with_prepositional_phrase():
    assert triples(parse_ace("A ladder leans against a wall.")) == {
        ("lean", "agent", "ladder"), ("lean", "relation:against", "wall")}


def test_p4_there_is():
    assert triples(parse_ace("There are 12 marbles in a bag.")) == {
        ("12 marble", "unit", "marble"), ("12 marble", "relation:in", "bag")}


def test_p5_measurement_noun_phrase():
    g = parse_ace("The ladder reaches a height of 12 feet on the wall.")
    assert {("reach", "object", "height"), ("height", "value", "12 foot"),
            ("reach", "relation:on", "wall")} <= triples(g)
    speed = parse_ace("A car travels at a speed of 60 miles per hour.")
    assert ("speed", "value", "60 mile/hour") in triples(speed)
    assert [n.unit for n in speed.nodes_of(NodeKind.QUANTITY)] == ["mile/hour"]


def test_p6_variables_and_formulas():
    g = parse_ace("A number X is unknown. 3 * X + 5 = 20. Y = 2 * X.")
    assert {("number", "equals", "X"), ("number", "has", "unknown"), ("*", "arg:left", "3"),
            ("*", "arg:right", "X"), ("+", "arg:left", "*"), ("+", "arg:right", "5"),
            ("=", "arg:left", "+"), ("=", "arg:right", "20"), ("=", "arg:left", "Y")} <= triples(g)
    assert len(g.nodes_of(NodeKind.VARIABLE)) == 2, "X is one node however often it is named"


def test_p7_relative_clause():
    g = parse_ace("A train that travels at a speed of 80 kilometers per hour leaves a station.")
    assert {("travel", "agent", "train"), ("travel", "relation:at", "speed"),
            ("leave", "agent", "train"), ("leave", "object", "station")} <= triples(g)


def test_p8_conditional():
    g = parse_ace("If John gives 3 apples to Mary then Mary has 8 apples.")
    assert {("if", "condition", "give"), ("if", "next", "have"),
            ("have", "object", "8 apple")} <= triples(g)
    assert [n.label for n in g.nodes_of(NodeKind.CONDITION)] == ["if"]


def test_p9_object_coordination():
    g = parse_ace("A box has a length of 3 meters and a width of 2 meters.")
    assert {("have", "object", "length"), ("have", "object", "width"),
            ("length", "value", "3 meter"), ("width", "value", "2 meter")} <= triples(g)
    assert len(g.nodes_of(NodeKind.UNIT)) == 1, "both quantities share the unit node"


def test_q1_what_is():
    g = parse_ace("What is the distance of the base of the ladder from the wall?")
    assert triples(g) == {("distance", "of", "base"), ("base", "of", "ladder"),
                          ("distance", "relation:from", "wall"), ("what", "asks", "distance")}
    assert g.nodes[g.query].label == "what"


def test_q2_how_many():
    g = parse_ace("How many apples does John have?")
    assert triples(g) == {("? apple", "unit", "apple"), ("have", "agent", "John"),
                          ("have", "object", "? apple"), ("how many", "asks", "? apple")}
    unknown = g.nodes[g.out_edges(g.query, EdgeKind.ASKS)[0].dst]
    assert unknown.value is None and unknown.unit == "apple"


def test_q3_calculate_such_that():
    g = parse_ace("Calculate the number X such that 3 * X + 5 = 20.")
    assert {("calculate", "asks", "number"), ("number", "equals", "X"),
            ("calculate", "condition", "=")} <= triples(g)


@pytest.mark.parametrize(("text", "unit"), [
    ("A room has an area of 12 square meters.", "meter^2"),
    ("A tank has a volume of 3 cubic feet.", "foot^3"),
    ("A car travels at a speed of 60 kilometers per hour.", "kilometer/hour"),
    ("A shop gives a discount of 20 percent.", "percent"),
    ("A rope has a length of 2 metres.", "meter"),
])
def test_units_have_canonical_lemmas(text, unit):
    assert [n.unit for n in parse_ace(text).nodes_of(NodeKind.QUANTITY)] == [unit]


@pytest.mark.parametrize(("text", "value"), [
    ("John has twenty-five apples.", "25"), ("John has 2.5 dollars.", "2.5"),
    ("John has 3/8 liters.", "3/8"), ("John has 1,000 dollars.", "1000"),
    ("John has one hundred twenty apples.", "120"), ("X = -4.", "-4"),
])
def test_every_number_is_one_node_with_its_exact_value(text, value):
    g = parse_ace(text)
    numeric = [n for n in g.nodes if n.value is not None]
    assert [n.value for n in numeric] == [value]
