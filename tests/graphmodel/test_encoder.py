"""GraphEncoder on a hand-built 4-node graph (PyG's test style): exact sizes, symmetries, repr."""

from __future__ import annotations

import pytest
import torch

from graphmodel.graph_features import RWPE_STEPS
from graphmodel.model import GraphEncoder, GraphModelConfig

EDGE_INDEX = torch.tensor([[0, 1, 2, 3], [0, 0, 1, 1]])  # (2, E=4)
EDGE_ATTR = torch.tensor([[0, 1], [1, 0], [2, 1], [1, 1]])  # (E, 2): kind, label
X = torch.tensor([[0, 1, 0, 0, 0], [1, 2, 1, 0, 1], [2, 3, 2, 1, 2], [3, 4, 0, 1, 3]])  # (N=4, 5)


def config(**over) -> GraphModelConfig:
    base = dict(d_model=16, heads=2, enc_layers=2, ffn=32, dropout=0.0, n_kinds=4, n_labels=5, n_units=3,
                n_edge_kinds=3, n_edge_labels=2)
    return GraphModelConfig(**{**base, **over})


def encoder(**over) -> GraphEncoder:
    torch.manual_seed(0)
    return GraphEncoder(config(**over)).eval()


def rwpe() -> torch.Tensor:
    return torch.linspace(0, 1, 4 * RWPE_STEPS).reshape(4, RWPE_STEPS)  # (N, RWPE_STEPS)


@pytest.mark.parametrize("lexical_dim", [0, 8])
def test_output_size(lexical_dim: int) -> None:
    enc = encoder(lexical_dim=lexical_dim)
    lex = torch.ones(4, lexical_dim) if lexical_dim else None
    out = enc(X, rwpe(), EDGE_INDEX, EDGE_ATTR, lex)
    assert out.size() == (4, 16), out.size()
    assert torch.isfinite(out).all()


def test_repr() -> None:
    assert repr(encoder()) == "GraphEncoder(d_model=16, heads=2, layers=2)"
    assert repr(encoder(lexical_dim=8)) == "GraphEncoder(d_model=16, heads=2, layers=2, lexical_dim=8)"


def test_a_lexical_model_needs_the_vectors() -> None:
    with pytest.raises(ValueError, match="lexical prior"):
        encoder(lexical_dim=8)(X, rwpe(), EDGE_INDEX, EDGE_ATTR, None)


def test_edge_order_does_not_matter() -> None:
    enc = encoder()
    order = torch.tensor([3, 1, 0, 2])
    a = enc(X, rwpe(), EDGE_INDEX, EDGE_ATTR)
    b = enc(X, rwpe(), EDGE_INDEX[:, order], EDGE_ATTR[order])
    assert torch.allclose(a, b, atol=1e-6), "the same edges in another order are the same graph"


def test_relabelled_nodes_give_permuted_states() -> None:
    enc = encoder()
    perm = torch.tensor([2, 0, 3, 1])  # new node i is old node perm[i]
    new_id = torch.empty_like(perm)
    new_id[perm] = torch.arange(4)
    a = enc(X, rwpe(), EDGE_INDEX, EDGE_ATTR)
    b = enc(X[perm], rwpe()[perm], new_id[EDGE_INDEX], EDGE_ATTR)
    assert torch.allclose(a[perm], b, atol=1e-6), "message passing is equivariant to node ids"


def test_reset_parameters_is_seeded_and_restores_the_init() -> None:
    enc = encoder()
    for p in enc.parameters():
        torch.nn.init.constant_(p, 0.5)
    torch.manual_seed(1)
    enc.reset_parameters()
    first = enc(X, rwpe(), EDGE_INDEX, EDGE_ATTR)
    assert torch.equal(enc.ln_f.weight, torch.ones(16)) and torch.equal(enc.ln_f.bias, torch.zeros(16))
    assert abs(float(enc.kind.weight.std()) - 0.02) < 0.01, "nanoGPT init: normal(0, 0.02)"
    torch.manual_seed(1)
    enc.reset_parameters()
    assert torch.equal(first, enc(X, rwpe(), EDGE_INDEX, EDGE_ATTR)), "the same seed, the same weights"


def test_the_docstring_states_the_equation_and_shapes() -> None:
    doc = GraphEncoder.__doc__ or ""
    assert ".. math::" in doc and "TransformerConv" in doc and "LN" in doc, doc[:200]
    assert "Shapes:" in doc and "(N, d_{model})" in doc and "cfg (GraphModelConfig)" in doc
