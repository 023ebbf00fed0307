"""Reordered facts: the same graph as the ACE written in the other order."""

from __future__ import annotations

from agent.orders import reorderings
from tasks.ace import parse_ace


def same(a, b) -> bool:
    return a.nodes == b.nodes and sorted((e.src, e.dst, e.kind) for e in a.edges) == sorted(
        (e.src, e.dst, e.kind) for e in b.edges)


def test_two_fact_sentences_swap_with_the_thing_introduced_first() -> None:
    given = parse_ace("A truck travels at a speed of 50 miles per hour. The truck travels 300 miles. "
                      "How many hours does the truck travel?")
    swapped = parse_ace("A truck travels 300 miles. The truck travels at a speed of 50 miles per hour. "
                        "How many hours does the truck travel?")
    variants = reorderings(given)
    assert len(variants) == 1 and same(variants[0], swapped)


def test_coordinated_objects_reverse_and_share_their_unit() -> None:
    given = parse_ace("A crate has a height of 2 meters and a width of 3 meters and a length of 5 meters. "
                      "What is the volume of the crate?")
    reversed_ = parse_ace("A crate has a length of 5 meters and a width of 3 meters and a height of 2 meters. "
                          "What is the volume of the crate?")
    assert any(same(v, reversed_) for v in reorderings(given))


def test_one_fact_has_no_other_order() -> None:
    assert reorderings(parse_ace("Calculate the number X such that 2 * X = 8.")) == []
