"""GraphToTree: a graph-transformer encoder and a grammar-constrained tree decoder.

Encoder: torch-geometric TransformerConv layers (edge-type and edge-label embeddings as
edge features, random-walk positional encodings) over the semantic graph.
Decoder: pre-order AST steps (linearize.py) with tree-relation attention bias, cross-
attention to the graph's nodes, a node-token head masked by the grammar, and a value head
that mixes a small vocabulary with a pointer over graph nodes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch_geometric.nn import TransformerConv
from torch_geometric.utils import to_dense_batch

from graphmodel.data import GraphBatch
from graphmodel.decoder import Decoder, init_weights, memory_mask, pointer_scores
from graphmodel.graph_features import MAX_ORDER, MAX_SENTENCE, RWPE_STEPS
from graphmodel.linearize import MAX_DEPTH
from graphmodel.pyg_scratch import pyg_template_scratch

MAX_SIB = 16  # child index embedding size (later children share the last slot)


@dataclass
class GraphModelConfig:
    d_model: int = 128  # width: ~1M parameters in total at 3+3 layers, trains in minutes on CPU
    heads: int = 4  # 32-dim heads
    enc_layers: int = 3  # graph diameter of one question is small: 3 hops see most of it
    dec_layers: int = 3
    ffn: int = 256  # 2x width MLPs keep the parameter count small
    dropout: float = 0.1
    n_kinds: int = 0  # vocabulary sizes: filled from the training data
    n_labels: int = 0
    n_units: int = 0
    n_edge_kinds: int = 0
    n_edge_labels: int = 0
    n_node_tokens: int = 0
    n_values: int = 0
    n_frames: int = 0
    n_value_types: int = 0
    lexical_dim: int = 0  # > 0: node labels also carry a pretrained vector of this size (graphmodel/lexicon.py)

    def to_dict(self) -> dict:
        return asdict(self)


class GraphEncoder(nn.Module):
    r"""The graph encoder: node symbols and random-walk positional encodings, then
    `enc_layers` pre-norm TransformerConv blocks with edge features, each followed by an MLP.

    .. math::
        \mathbf{h}^{(0)}_i = \mathbf{E}_{kind}[k_i] + \mathbf{E}_{label}[\ell_i]
            + \mathbf{E}_{unit}[u_i] + \mathbf{E}_{sent}[s_i] + \mathbf{E}_{order}[o_i]
            + \mathbf{W}_{rw}\,\mathbf{p}_i\;(+\,\mathbf{W}_{lex}\,\mathbf{v}_i)

        \mathbf{e}_{ij} = \mathbf{E}_{ekind}[\kappa_{ij}] + \mathbf{E}_{elabel}[\lambda_{ij}]

        \mathbf{h} \leftarrow \mathbf{h} + \mathrm{TransformerConv}(\mathrm{LN}(\mathbf{h}),
            \mathbf{e}), \qquad
        \mathbf{h} \leftarrow \mathbf{h} + \mathrm{MLP}(\mathrm{LN}(\mathbf{h}))
            \quad \text{(per layer)}

        \mathrm{out} = \mathrm{LN}_f(\mathbf{h})

    where :math:`\mathbf{p}_i` is node :math:`i`'s random-walk encoding (RWPE_STEPS return
    probabilities) and :math:`\mathbf{v}_i` its label's pretrained vector (graphmodel/lexicon.py).

    Args:
        cfg (GraphModelConfig): `d_model`, `heads` (TransformerConv heads of `d_model // heads`
            channels, concatenated), `enc_layers`, `ffn` (MLP width), `dropout` (attention
            dropout), the vocabulary sizes `n_kinds`, `n_labels`, `n_units`, `n_edge_kinds`,
            `n_edge_labels`, and `lexical_dim` (0: no lexical prior, `lex` is None).

    Shapes:
        - **input:** node symbols :math:`(N, 5)` [kind, label, unit, sentence, order],
          RWPE :math:`(N, \text{RWPE\_STEPS})`, edge indices :math:`(2, E)`, edge symbols
          :math:`(E, 2)` [kind, label], lexical vectors :math:`(N, \text{lexical\_dim})` or None
        - **output:** node states :math:`(N, d_{model})`
    """

    def __init__(self, cfg: GraphModelConfig) -> None:
        super().__init__()
        d = cfg.d_model
        self.kind = nn.Embedding(cfg.n_kinds, d)
        self.label = nn.Embedding(cfg.n_labels, d)
        self.unit = nn.Embedding(cfg.n_units, d)
        self.sentence = nn.Embedding(MAX_SENTENCE + 1, d)
        self.order = nn.Embedding(MAX_ORDER, d)
        self.rwpe = nn.Linear(RWPE_STEPS, d)
        self.edge_kind = nn.Embedding(cfg.n_edge_kinds, d)
        self.edge_label = nn.Embedding(cfg.n_edge_labels, d)
        with pyg_template_scratch():  # PyG writes each layer's generated propagate() to a temp file
            self.convs = nn.ModuleList(
                TransformerConv(d, d // cfg.heads, heads=cfg.heads, edge_dim=d, dropout=cfg.dropout, beta=True)
                for _ in range(cfg.enc_layers)
            )
        self.norms = nn.ModuleList(nn.LayerNorm(d) for _ in range(2 * cfg.enc_layers))
        self.mlps = nn.ModuleList(
            nn.Sequential(nn.Linear(d, cfg.ffn), nn.GELU(), nn.Linear(cfg.ffn, d)) for _ in range(cfg.enc_layers)
        )
        self.ln_f = nn.LayerNorm(d)
        self.lex = nn.Linear(cfg.lexical_dim, d, bias=False) if cfg.lexical_dim else None

    def reset_parameters(self) -> None:
        """Fresh weights as GraphToTree gives them: nanoGPT init for embeddings and linear
        maps, PyG's own for the convolutions, identity LayerNorms. (Not called by `__init__`,
        so building a model draws the same random numbers as before it existed.)"""
        for conv in self.convs:
            conv.reset_parameters()
        for norm in (*self.norms, self.ln_f):
            norm.reset_parameters()
        self.apply(init_weights)

    def __repr__(self) -> str:
        lex = f", lexical_dim={self.lex.in_features}" if self.lex is not None else ""
        return (f"{type(self).__name__}(d_model={self.ln_f.normalized_shape[0]}, "
                f"heads={self.convs[0].heads if len(self.convs) else 0}, layers={len(self.convs)}{lex})")

    def forward(self, x: Tensor, rwpe: Tensor, edge_index: Tensor, edge_attr: Tensor, lex: Tensor | None = None) -> Tensor:
        """x: (N, 5) [kind, label, unit, sentence, order]; rwpe: (N, RWPE_STEPS); lex: (N, lexical_dim) or None; -> (N, d)."""
        h = self.kind(x[:, 0]) + self.label(x[:, 1]) + self.unit(x[:, 2]) + self.sentence(x[:, 3]) + self.order(x[:, 4]) + self.rwpe(rwpe)
        if self.lex is not None:
            if lex is None:
                raise ValueError("this model was trained with a lexical prior: the graph tensors need `lex`")
            h = h + self.lex(lex)
        e = self.edge_kind(edge_attr[:, 0]) + self.edge_label(edge_attr[:, 1])  # (E, d)
        for i, conv in enumerate(self.convs):
            h = h + conv(self.norms[2 * i](h), edge_index, e)
            h = h + self.mlps[i](self.norms[2 * i + 1](h))
        return self.ln_f(h)


class GraphToTree(nn.Module):
    """forward(batch) -> (loss, stats) for training; encode/step for search."""

    def __init__(self, cfg: GraphModelConfig) -> None:
        super().__init__()
        self.cfg = cfg
        d = cfg.d_model
        self.encoder = GraphEncoder(cfg)
        n_in = cfg.n_node_tokens + cfg.n_values + 2  # + BOS + COPY
        self.bos_id, self.copy_id = n_in - 2, n_in - 1
        self.tok = nn.Embedding(n_in, d)
        self.frame = nn.Embedding(cfg.n_frames, d)
        self.depth = nn.Embedding(MAX_DEPTH + 1, d)
        self.sib = nn.Embedding(MAX_SIB, d)
        self.seg = nn.Embedding(2, d)  # 0: teacher-forced context of an infilling, 1: generated
        self.copy_proj = nn.Linear(d, d)
        self.decoder = Decoder(d, cfg.heads, cfg.dec_layers, cfg.ffn, cfg.dropout, tree_bias=True)
        self.node_head = nn.Linear(d, cfg.n_node_tokens)
        self.value_head = nn.Linear(d, cfg.n_values)
        self.ptr_q = nn.Linear(d, d)
        self.ptr_k = nn.Linear(d, d)
        self.register_buffer("vocab_ok", torch.zeros(max(cfg.n_value_types, 1), max(cfg.n_values, 1), dtype=torch.bool))
        self.apply(init_weights)

    # ------------------------------------------------------------------ pieces
    def encode(self, graph) -> tuple[Tensor, Tensor]:
        """PyG batch -> dense node states (B, N, d) and padding (B, N) True where padded."""
        h = self.encoder(graph.x, graph.rwpe, graph.edge_index, graph.edge_attr, getattr(graph, "lex", None))
        mem, ok = to_dense_batch(h, graph.batch)  # (B, N, d), (B, N)
        return mem, ~ok

    def embed(self, inp: Tensor, copy_node: Tensor, frame: Tensor, depth: Tensor, sib: Tensor, seg: Tensor, mem: Tensor) -> Tensor:
        """Step inputs (B, T) -> (B, T, d); a copied value is embedded as its graph node."""
        x = self.tok(inp) + self.frame(frame) + self.depth(depth.clamp(max=MAX_DEPTH)) + self.sib(sib.clamp(max=MAX_SIB - 1)) + self.seg(seg)
        idx = copy_node.clamp(min=0)  # (B, T)
        picked = torch.gather(mem, 1, idx[..., None].expand(-1, -1, mem.shape[-1]))  # (B, T, d)
        return x + self.copy_proj(picked) * (copy_node >= 0)[..., None]

    def value_logits(self, h: Tensor, mem: Tensor, mem_pad: Tensor, vtype: Tensor, ptr_ok: Tensor) -> Tensor:
        """(B, T, d) -> (B, T, V + N): vocabulary then pointer, masked to what the leaf type allows.

        ptr_ok: (B, T, N) whether each graph node can be copied into this leaf."""
        vocab = self.value_head(h)  # (B, T, V)
        vocab = vocab.masked_fill(~self.vocab_ok[vtype], float("-inf"))
        ptr = pointer_scores(self.ptr_q(h), self.ptr_k(mem))  # (B, T, N)
        ptr = ptr.masked_fill(~ptr_ok | mem_pad[:, None, :], float("-inf"))
        return torch.cat([vocab, ptr], dim=-1)

    # ------------------------------------------------------------------ training
    def forward(self, b: GraphBatch) -> tuple[Tensor, dict[str, float]]:
        """Teacher-forced loss of a batch: mean over scored steps of -log p(gold), where a value
        step's gold is every vocabulary entry or graph node that writes it."""
        mem, mem_pad = self.encode(b.graph)
        x = self.embed(b.inp, b.copy_node, b.frame, b.depth, b.sib, b.seg, mem)
        T = x.shape[1]
        pos = torch.arange(T, device=x.device)
        mask = self.decoder.self_mask(b.anc, b.anc, pos, pos, b.pad)
        h = self.decoder(x, mask, self.decoder.memory(mem), memory_mask(mem_pad))  # (B, T, d)
        return self._loss(h, b, mem, mem_pad)

    def _loss(self, h: Tensor, b: GraphBatch, mem: Tensor, mem_pad: Tensor) -> tuple[Tensor, dict[str, float]]:
        sel_n = b.is_node & b.loss
        hn = h[sel_n]  # (Sn, d)
        logits_n = self.node_head(hn).masked_fill(~b.node_mask[sel_n], float("-inf")).float()
        loss_n = F.cross_entropy(logits_n, b.node_target[sel_n], reduction="sum")
        sel_v = b.is_value & b.loss
        N = mem.shape[1]
        ptr_ok = b.renderable[torch.arange(h.shape[0], device=h.device)[:, None], b.vtype]  # (B, T, N)
        logits_v = self.value_logits(h, mem, mem_pad, b.vtype, ptr_ok)[sel_v].float()  # (Sv, V+N)
        assert b.pointer_target.shape[-1] == N and b.vocab_target.shape[-1] == self.cfg.n_values, (
            f"batch targets {tuple(b.vocab_target.shape)}/{tuple(b.pointer_target.shape)} do not fit "
            f"{self.cfg.n_values} values and {N} graph nodes")
        target = b.value_target[sel_v]  # (Sv, V+N)
        logp = F.log_softmax(logits_v, dim=-1)
        has = target.any(-1)
        gold = torch.logsumexp(logp.masked_fill(~target, float("-inf")), dim=-1)
        loss_v = -gold[has].sum()
        count = sel_n.sum() + has.sum()
        loss = (loss_n + loss_v) / count.clamp(min=1)
        with torch.no_grad():
            acc_n = (logits_n.argmax(-1) == b.node_target[sel_n]).float().sum()
            acc_v = target.gather(1, logits_v.argmax(-1, keepdim=True)).squeeze(1)[has].float().sum()
        stats = {"loss": float(loss.detach()), "step_acc": float((acc_n + acc_v) / count.clamp(min=1)), "steps": float(count)}
        return loss, stats
