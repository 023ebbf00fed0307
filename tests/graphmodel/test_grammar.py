"""The grammar mask: whatever legal actions are taken, the tree prints to Python that parses back to it."""

from __future__ import annotations

import random

import pytest

from graphmodel.grammar import Grammar
from graphmodel.linearize import (
    END,
    Decoding,
    LinearizeError,
    TreeVocab,
    build_tree,
    initial_state,
    linearize,
)
from graphmodel.trees import parse_program, print_tree


@pytest.fixture(scope="module")
def decoding(train_trees) -> Decoding:
    grammar = Grammar.from_trees(train_trees)
    return Decoding(grammar, TreeVocab.build(grammar, train_trees))


def _random_tree(dec: Decoding, rng: random.Random, max_steps: int = 150):
    state, actions = initial_state(), []
    while not state.done:
        if len(actions) >= max_steps:
            return None
        spec = dec.spec(state)
        if spec.kind == "node":
            assert spec.allowed, f"dead end: no legal node after {actions[-5:]}"
            # prefer closing nodes so that random trees stay finite
            action = END if END in spec.allowed and rng.random() < 0.5 else rng.choice(spec.allowed)
        else:
            action = dec.vocab.values[rng.choice(dec.vocab.value_types[spec.value_type])]
        actions.append(action)
        state = dec.apply(state, action)
    return build_tree(dec, actions)


def test_random_legal_trees_are_valid_python(decoding: Decoding) -> None:
    rng = random.Random(0)
    done = 0
    for _ in range(400):
        tree = _random_tree(decoding, rng)
        if tree is None:
            continue
        done += 1
        source = print_tree(tree)
        assert parse_program(source) == tree, f"grammar allowed a tree that does not round trip:\n{source}"
    assert done >= 100, f"only {done} random walks finished"


def test_precedence_is_enforced(decoding: Decoding) -> None:
    # `(a + b) * c` is legal only with its parentheses: the tree without them is rejected
    good = parse_program("answer = (length + width) * 2\n")
    linearize(decoding, good)
    bad = parse_program("answer = (length + width) * 2\n")
    product = bad.children[0].children[0].children[1]
    product.children[0] = product.children[0].children[0].model_copy(update={"field": "left"})  # drop the parentheses
    with pytest.raises(LinearizeError):
        linearize(decoding, bad)


def test_unknown_construct_is_rejected_with_its_place(decoding: Decoding) -> None:
    tree = parse_program("while True:\n    pass\n")
    with pytest.raises(LinearizeError, match="while_statement"):
        linearize(decoding, tree)


def test_round_trip_through_actions(decoding: Decoding, train_trees) -> None:
    for tree in train_trees[::50]:
        steps = linearize(decoding, tree)
        assert build_tree(decoding, [s.action for s in steps]) == tree


def test_grammar_survives_serialization(train_trees) -> None:
    g = Grammar.from_trees(train_trees[:200])
    back = Grammar.from_dict(g.to_dict())
    assert back.slots == g.slots and back.patterns == g.patterns and back.value_types == g.value_types
