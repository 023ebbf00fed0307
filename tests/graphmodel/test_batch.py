"""GraphBatch: the typed batch between collate and GraphToTree, its shapes checked."""

from __future__ import annotations

import dataclasses
import random

import pytest
import torch

from graphmodel.data import GraphBatch
from graphmodel.recipes import GraphRecipe, prepare
from tasks import load_suite

SIZE = {"d_model": 32, "heads": 2, "enc_layers": 1, "dec_layers": 1, "ffn": 64, "dropout": 0.0}


@pytest.fixture(scope="module")
def recipe_and_batch():
    items, _ = prepare(load_suite("tasks/suites/smoke.jsonl")[:6])
    recipe = GraphRecipe.fit(items, SIZE)
    examples, _ = recipe.examples(items)
    return recipe, examples, recipe.batch(examples[:4], random.Random(0), 0.0)


def test_collate_gives_a_typed_batch_with_consistent_sizes(recipe_and_batch) -> None:
    recipe, examples, batch = recipe_and_batch
    assert isinstance(batch, GraphBatch)
    B, T = batch.inp.shape
    N = max(e.data.num_nodes for e in examples[:4])
    V = recipe.cfg.n_values
    assert B == 4 and max(recipe.length(e) for e in examples[:4]) == T
    assert batch.vocab_target.shape == (B, T, V) and batch.pointer_target.shape == (B, T, N)
    assert batch.value_target.shape == (B, T, V + N), "vocabulary then pointer"
    assert batch.node_mask.shape == (B, T, recipe.cfg.n_node_tokens)
    assert int((~batch.pad).sum()) == sum(recipe.length(e) for e in examples[:4]), "pad marks exactly the padding"
    assert not bool((batch.loss & batch.pad).any())


def test_the_model_trains_on_it(recipe_and_batch) -> None:
    recipe, _, batch = recipe_and_batch
    torch.manual_seed(0)
    loss, stats = recipe.new_model()(batch)
    assert torch.isfinite(loss) and loss.item() > 0 and stats["steps"] > 0, stats


def test_a_wrong_shape_fails_naming_the_field(recipe_and_batch) -> None:
    _, _, batch = recipe_and_batch
    B, T = batch.inp.shape
    with pytest.raises(ValueError, match=r"GraphBatch\.depth has shape \(4, 1\), expected \(4, "):
        dataclasses.replace(batch, depth=torch.zeros(B, 1, dtype=torch.long))
    with pytest.raises(ValueError, match=r"GraphBatch\.pad is torch.int64, expected torch.bool"):
        dataclasses.replace(batch, pad=torch.zeros(B, T, dtype=torch.long))
    with pytest.raises(ValueError, match="loss marks padded steps"):
        dataclasses.replace(batch, loss=torch.ones(B, T, dtype=torch.bool))
