"""Reordered facts: the same graph as the ACE written in the other order."""

from __future__ import annotations

import random

from tasks.ace import parse_ace, same_meaning
from tasks.ace.reorder import reorderings, shuffled, shuffled_text


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


STORY = ("A tank has a height of 2 meters and a width of 3 meters and a length of 5 meters. "
         "A pump fills the tank at a rate of 6 cubic meters per hour. A valve empties the tank at a rate of 1 cubic meter per hour. "
         "What is the volume of the tank?")


def test_a_shuffled_graph_means_the_same_and_keeps_every_node_and_edge() -> None:
    given = parse_ace(STORY)
    rng = random.Random(3)
    seen = set()
    for _ in range(12):
        other = shuffled(given, rng)
        assert same_meaning(other, given)
        assert sorted((n.kind, n.label, n.value) for n in other.nodes) == sorted((n.kind, n.label, n.value) for n in given.nodes)
        assert len(other.edges) == len(given.edges)
        assert other.nodes[other.query].sentence == max(n.sentence for n in other.nodes)  # the question stays last
        seen.add(tuple(n.label for n in other.nodes))
    assert len(seen) > 3  # 3 facts x 3 coordinated objects: many orders, not one


def test_shuffling_is_reproducible_from_the_seed() -> None:
    given = parse_ace(STORY)
    first = [shuffled(given, random.Random(7)) for _ in range(2)]
    assert first[0] == first[1] and first[0].nodes == first[1].nodes


def test_shuffled_text_introduces_each_thing_where_it_now_comes_first() -> None:
    text = ("A jacket has a price of 154 dollars. A shop gives a discount of 70 percent on the jacket. "
            "What is the new price of the jacket?")
    outs = {shuffled_text(text, random.Random(seed)) for seed in range(10)}
    assert ("A shop gives a discount of 70 percent on a jacket. The jacket has a price of 154 dollars. "
            "What is the new price of the jacket?") in outs
    assert all(same_meaning(parse_ace(o), parse_ace(text)) for o in outs)


def test_shuffled_text_never_returns_a_text_that_means_something_else() -> None:
    text = "A number X is unknown. Y = X + 4. X = 3. What is Y?"
    for seed in range(10):
        out = shuffled_text(text, random.Random(seed))
        assert same_meaning(parse_ace(out), parse_ace(text))
    assert shuffled_text("not ace at all", random.Random(0)) == "not ace at all"
