"""Training on equivalent rewordings: each added item says the same thing with the same program."""

from __future__ import annotations

from graphmodel.recipes import prepare, with_variants
from tasks import Problem
from tasks.ace import same_meaning

PROGRAM = "length = 7\nwidth = 3\nanswer = length * width\n"


def _problem(ace: str) -> Problem:
    return Problem(id="p-0", family="area", prompt="What is the area of a 7 by 3 rug?", ace=ace,
                   program=PROGRAM, answer="21", answer_kind="integer", split="train")


def test_a_coordinated_fact_adds_its_split_rewording() -> None:
    items, skipped = prepare([_problem("A rug has a length of 7 meters and a width of 3 meters. What is the area of the rug?")])
    assert not skipped
    augmented = with_variants(items)
    assert len(augmented) == 2
    original, variant = augmented
    assert variant.ace != original.ace and "The rug has a width of 3 meters." in variant.ace
    assert same_meaning(variant.graph, original.graph)  # the same meaning (normal form) ...
    assert len(variant.graph.nodes) != len(original.graph.nodes) or variant.graph.edges != original.graph.edges  # ... read differently
    assert variant.tree is original.tree and variant.answer == "21" and variant.pid == "p-0"


def test_text_with_no_other_form_adds_nothing() -> None:
    items, _ = prepare([_problem("A rug has a length of 7 meters. What is the length of the rug?")])
    assert len(with_variants(items)) == 1
