"""Training with facts in random order: the trainer shows the same problem in other node orders."""

from __future__ import annotations

import random

import pytest
from rich.console import Console

from graphmodel.recipes import prepare
from graphmodel.train import TrainConfig, TrainError, shuffled_items, train
from tasks import Problem
from tasks.ace import same_meaning

PROGRAM = "distance = 120\nspeed = 40\ntime = distance / speed\nanswer = time\n"
ACE = ("A train travels 120 kilometers. The train travels at a speed of 40 kilometers per hour. "
       "How many hours does the train travel?")


def _items():
    problem = Problem(id="p-0", family="motion", prompt="How long does a 120 km trip at 40 km/h take?", ace=ACE,
                      program=PROGRAM, answer="3", answer_kind="integer", split="train")
    items, skipped = prepare([problem])
    assert not skipped
    return items


def test_a_shuffled_item_keeps_its_meaning_program_and_answer() -> None:
    (item,) = _items()
    rng = random.Random(0)
    views = [shuffled_items([item], 1.0, rng)[0] for _ in range(8)]
    orders = {tuple(n.label for n in v.graph.nodes) for v in views}
    assert len(orders) == 2  # two facts: the given order and the swapped one both occur
    for view in views:
        assert same_meaning(view.graph, item.graph)
        assert view.tree is item.tree and view.answer == "3" and view.pid == "p-0"


def test_share_zero_leaves_every_item_as_it_was() -> None:
    items = _items()
    assert shuffled_items(items, 0.0, random.Random(0)) == items


def test_the_seq_reader_sees_the_sentences_in_another_order_with_articles_moved() -> None:
    (item,) = _items()
    rng = random.Random(0)
    texts = {shuffled_items([item], 1.0, rng, reader="seq")[0].ace for _ in range(8)}
    assert texts == {ACE, "A train travels at a speed of 40 kilometers per hour. The train travels 120 kilometers. "
                          "How many hours does the train travel?"}


@pytest.mark.parametrize("share", [1.5, -0.1])
def test_a_share_outside_0_1_is_refused_before_training(share: float, tmp_path) -> None:
    cfg = TrainConfig.quick_config(out=str(tmp_path / "m.pt"), valid=None, shuffle_facts=share)
    with pytest.raises(TrainError, match="between 0 and 1"):
        train(cfg, Console(quiet=True), train_items=_items(), valid_items=[])
