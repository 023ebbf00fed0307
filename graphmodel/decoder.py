"""The transformer decoder shared by the tree model and the flat-token baseline.

Self-attention gets an additive bias per head from two learned tables: the tree relation
between the two steps' nodes (up-steps from the query's node to their lowest common
ancestor, down-steps to the key's node: parent, child, sibling, ... are distinct buckets)
and the log-bucketed distance in steps. The flat baseline uses the distance table only.
Keys/values are cached so that decoding one step costs one row of attention.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import Tensor, nn

REL = 5  # up/down distances 0..4 (4 = "4 or more"): 25 tree-relation buckets
DIST_BUCKETS = 8  # step distance 0, 1, 2, 3-4, 5-8, 9-16, 17-32, 33+


def tree_relation(anc_q: Tensor, anc_k: Tensor) -> Tensor:
    """Tree-relation bucket between every query and key step.

    anc_q: (B, Tq, D), anc_k: (B, Tk, D) ancestor ids root first, -1 padded.
    Returns (B, Tq, Tk) long in [0, REL*REL).
    """
    valid_q = anc_q >= 0
    same = (anc_q[:, :, None, :] == anc_k[:, None, :, :]) & valid_q[:, :, None, :]  # (B, Tq, Tk, D)
    differ = torch.cat([~same, torch.ones_like(same[..., :1])], dim=-1).to(torch.uint8)  # (B, Tq, Tk, D+1)
    lca = differ.argmax(-1)  # (B, Tq, Tk): length of the common ancestor prefix
    depth_q = valid_q.sum(-1)[:, :, None]  # (B, Tq, 1)
    depth_k = (anc_k >= 0).sum(-1)[:, None, :]  # (B, 1, Tk)
    up = (depth_q - lca).clamp(0, REL - 1)
    down = (depth_k - lca).clamp(0, REL - 1)
    return up * REL + down


def distance_bucket(pos_q: Tensor, pos_k: Tensor) -> Tensor:
    """Log-bucketed step distance q - k (>= 0 where attention is allowed). (Tq,), (Tk,) -> (Tq, Tk)."""
    d = (pos_q[:, None] - pos_k[None, :]).clamp(min=0).float()
    b = torch.where(d < 3, d, torch.floor(torch.log2(d.clamp(min=1))) + 1.0)
    return b.clamp(max=DIST_BUCKETS - 1).long()


class Attention(nn.Module):
    """Multi-head attention with an optional additive float mask (bias + -inf)."""

    def __init__(self, d: int, heads: int, dropout: float) -> None:
        super().__init__()
        assert d % heads == 0, "d_model must be divisible by heads"
        self.h, self.dh = heads, d // heads
        self.q = nn.Linear(d, d)
        self.kv = nn.Linear(d, 2 * d)
        self.out = nn.Linear(d, d)
        self.dropout = dropout

    def split(self, x: Tensor) -> Tensor:
        B, T, _ = x.shape
        return x.view(B, T, self.h, self.dh).transpose(1, 2)  # (B, h, T, dh)

    def keys_values(self, mem: Tensor) -> tuple[Tensor, Tensor]:
        k, v = self.kv(mem).chunk(2, dim=-1)
        return self.split(k), self.split(v)

    def forward(self, x: Tensor, k: Tensor, v: Tensor, mask: Tensor | None) -> Tensor:
        q = self.split(self.q(x))  # (B, h, Tq, dh)
        drop = self.dropout if self.training else 0.0
        y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=drop)  # (B, h, Tq, dh)
        B, _, Tq, _ = y.shape
        return self.out(y.transpose(1, 2).reshape(B, Tq, self.h * self.dh))


def _append(cache: dict, k: Tensor, v: Tensor) -> tuple[Tensor, Tensor]:
    """Write new keys/values (B, h, T, dh) into a growing buffer; return the filled part.

    The buffer doubles when full, so decoding T steps copies O(T) rows, not O(T^2)."""
    n, new = cache.get("n", 0), k.shape[2]
    if "k" not in cache or n + new > cache["k"].shape[2]:
        cap = max(16, 2 * (n + new))
        bk = k.new_empty(k.shape[0], k.shape[1], cap, k.shape[3])
        bv = v.new_empty(bk.shape)
        if n:
            bk[:, :, :n], bv[:, :, :n] = cache["k"][:, :, :n], cache["v"][:, :, :n]
        cache["k"], cache["v"] = bk, bv
    cache["k"][:, :, n : n + new] = k
    cache["v"][:, :, n : n + new] = v
    cache["n"] = n + new
    return cache["k"][:, :, : n + new], cache["v"][:, :, : n + new]


class DecoderLayer(nn.Module):
    """Pre-norm: self-attention (biased), cross-attention to the encoder, MLP."""

    def __init__(self, d: int, heads: int, ffn: int, dropout: float) -> None:
        super().__init__()
        self.ln1, self.ln2, self.ln3 = nn.LayerNorm(d), nn.LayerNorm(d), nn.LayerNorm(d)
        self.self_attn = Attention(d, heads, dropout)
        self.cross_attn = Attention(d, heads, dropout)
        self.mlp = nn.Sequential(nn.Linear(d, ffn), nn.GELU(), nn.Linear(ffn, d), nn.Dropout(dropout))
        self.drop = nn.Dropout(dropout)

    def forward(
        self,
        x: Tensor,
        self_mask: Tensor,
        mem_kv: tuple[Tensor, Tensor],
        mem_mask: Tensor,
        cache: dict[str, Tensor] | None = None,
    ) -> Tensor:
        h = self.ln1(x)
        k, v = self.self_attn.keys_values(h)
        if cache is not None:  # incremental decoding: append this step's keys/values
            k, v = _append(cache, k, v)
        x = x + self.drop(self.self_attn(h, k, v, self_mask))
        x = x + self.drop(self.cross_attn(self.ln2(x), mem_kv[0], mem_kv[1], mem_mask))
        return x + self.mlp(self.ln3(x))


class Decoder(nn.Module):
    """A stack of DecoderLayers with the tree/distance attention bias."""

    def __init__(self, d: int, heads: int, layers: int, ffn: int, dropout: float, tree_bias: bool) -> None:
        super().__init__()
        self.heads = heads
        self.layers = nn.ModuleList(DecoderLayer(d, heads, ffn, dropout) for _ in range(layers))
        self.tree_bias = nn.Embedding(REL * REL, heads) if tree_bias else None
        self.dist_bias = nn.Embedding(DIST_BUCKETS, heads)
        self.ln_f = nn.LayerNorm(d)

    def self_mask(self, anc_q: Tensor | None, anc_k: Tensor | None, pos_q: Tensor, pos_k: Tensor, key_pad: Tensor | None) -> Tensor:
        """Additive mask (B, h, Tq, Tk): relation biases, -inf for the future and padding."""
        bias = self.dist_bias(distance_bucket(pos_q, pos_k)).permute(2, 0, 1)[None]  # (1, h, Tq, Tk)
        if self.tree_bias is not None and anc_q is not None and anc_k is not None:
            rel = tree_relation(anc_q, anc_k)  # (B, Tq, Tk)
            bias = bias + self.tree_bias(rel).permute(0, 3, 1, 2)  # (B, h, Tq, Tk)
        future = pos_k[None, :] > pos_q[:, None]  # (Tq, Tk)
        blocked = future[None, None]
        if key_pad is not None:
            blocked = blocked | key_pad[:, None, None, :]
        return bias.masked_fill(blocked, float("-inf"))

    def forward(
        self,
        x: Tensor,
        mask: Tensor,
        mem_kvs: list[tuple[Tensor, Tensor]],
        mem_mask: Tensor,
        caches: list[dict[str, Tensor]] | None = None,
    ) -> Tensor:
        for i, layer in enumerate(self.layers):
            x = layer(x, mask, mem_kvs[i], mem_mask, None if caches is None else caches[i])
        return self.ln_f(x)

    def memory(self, mem: Tensor) -> list[tuple[Tensor, Tensor]]:
        """Cross-attention keys/values for every layer, computed once per input."""
        return [layer.cross_attn.keys_values(mem) for layer in self.layers]


def memory_mask(pad: Tensor) -> Tensor:
    """(B, N) True-for-padding -> additive (B, 1, 1, N) mask."""
    out = torch.zeros(pad.shape, dtype=torch.float32, device=pad.device)
    return out.masked_fill(pad, float("-inf"))[:, None, None, :]


def init_weights(module: nn.Module) -> None:
    """nanoGPT-style init: normal(0, 0.02) for linear/embedding weights, zero biases."""
    if isinstance(module, nn.Linear):
        nn.init.normal_(module.weight, mean=0.0, std=0.02)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, nn.Embedding):
        nn.init.normal_(module.weight, mean=0.0, std=0.02)


def pointer_scores(q: Tensor, k: Tensor) -> Tensor:
    """Scaled dot product (B, T, d) x (B, N, d) -> (B, T, N)."""
    return q @ k.transpose(1, 2) / math.sqrt(q.shape[-1])
