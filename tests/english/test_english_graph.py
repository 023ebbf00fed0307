"""The English front end on small hand-checked sentences: nodes and edges asserted."""

from __future__ import annotations

import pytest

from tasks.ace.graph import EdgeKind, NodeKind, SemanticGraph
from tasks.english import parse_english
from tasks.english.numbers import number_value
from tasks.frontends import FrontEndError, load_front_end


def _quantities(g: SemanticGraph) -> list[tuple[str | None, str | None]]:
    return [(n.value, n.unit) for n in g.nodes if n.kind in (NodeKind.QUANTITY, NodeKind.NUMBER)]


def _edges(g: SemanticGraph, kind: EdgeKind, label: str | None = None) -> set[tuple[str, str]]:
    return {
        (g.nodes[e.src].label, g.nodes[e.dst].label)
        for e in g.edges
        if e.kind == kind and (label is None or e.label == label)
    }


def test_numbers_are_tied_to_what_they_count_and_the_question_is_marked() -> None:
    g = parse_english("Tom has 12 apples. He gives 5 apples to Sara. How many apples does Tom have now?")
    assert g.front_end == "english"
    assert _quantities(g) == [("12", "apple"), ("5", "apple")]
    assert g.query is not None and g.nodes[g.query].label == "how many"
    assert ("how many", "apple") in _edges(g, EdgeKind.ASKS)
    assert ("give", "person") in _edges(g, EdgeKind.RELATION, "to")  # gives ... to Sara
    assert ("have", "person") in _edges(g, EdgeKind.AGENT)
    assert ("12", "5") in _edges(g, EdgeKind.RELATION, "greater")
    assert ("12", "5") in _edges(g, EdgeKind.EQUALS, "same-unit")


def test_pronoun_refers_to_the_named_subject() -> None:
    g = parse_english("Tom has 12 apples. He gives 5 apples to Sara. How many apples does he have?")
    he = [n.id for n in g.nodes if n.label == "he"]
    tom = next(n.id for n in g.nodes if n.label == "person")  # Tom, the first name
    coref = {(e.src, e.dst) for e in g.edges if e.label == "coref"}
    assert all((h, tom) in coref for h in he)


def test_currency_and_percent_are_units() -> None:
    g = parse_english("Dan had $ 3 left after he bought a candy bar. If he had $4 at the start, how much did the candy bar cost?")
    assert _quantities(g) == [("3", "dollar"), ("4", "dollar")]
    assert g.nodes[g.query].label == "how much"
    g = parse_english("What is 15% of 80?")
    assert _quantities(g)[0] == ("15", "percent")


@pytest.mark.parametrize(
    ("text", "value"),
    [("3,000", "3000"), ("2.50", "2.5"), ("1/2", "1/2"), ("five", "5"), ("twenty-five", "25"), ("apple", None), ("$12", "12")],
)
def test_number_spellings(text: str, value: str | None) -> None:
    assert number_value(text) == value


def test_refusals_say_why() -> None:
    with pytest.raises(FrontEndError, match="no number"):
        parse_english("How many apples does Tom have?")
    with pytest.raises(FrontEndError, match="asks anything"):
        parse_english("Tom has 12 apples.")
    with pytest.raises(FrontEndError, match="empty"):
        parse_english("   ")


def test_registry_names_the_english_reader() -> None:
    assert load_front_end("english") is parse_english
    with pytest.raises(FrontEndError, match="unknown front end"):
        load_front_end("klingon")


def test_decimals_and_fractions_are_labelled_by_kind_and_keep_their_value() -> None:
    g = parse_english("Kristi jogged for 0.6 of an hour and swam for 1/2 of an hour. She also ran 12 miles. How long did she exercise?")
    numbers = [(n.label, n.value) for n in g.nodes if n.kind in (NodeKind.QUANTITY, NodeKind.NUMBER)]
    assert numbers == [("decimal", "0.6"), ("fraction", "1/2"), ("12", "12")]


def test_the_query_points_at_the_quantities_of_the_asked_unit_only() -> None:
    g = parse_english("There are 139 erasers and 118 scissors in the drawer. Jason placed 131 erasers in the drawer. "
                      "How many erasers are there now?")
    assert _edges(g, EdgeKind.EQUALS, "asked-unit") == {("how many", "139"), ("how many", "131")}
    g = parse_english("Tom has 12 apples. How much did he pay?")  # nothing asked by name: no such edge
    assert not _edges(g, EdgeKind.EQUALS, "asked-unit")
