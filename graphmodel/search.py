"""Grammar-constrained beam search over trees (batched over graphs), for generation and infilling.

Every hypothesis carries an immutable DecodeState; only actions the grammar allows are
scored, so every finished hypothesis is a complete tree. Keys/values of the decoder are
cached and reordered with the beam, so a step costs one attention row per hypothesis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import Tensor
from torch_geometric.data import Batch, Data

from graphmodel.data import TreeCodec, _strip
from graphmodel.decoder import memory_mask
from graphmodel.linearize import END, MAX_DEPTH, DecodeState, Step, initial_state
from graphmodel.model import GraphToTree


@dataclass
class Hyp:
    state: DecodeState
    actions: list[int | str]
    score: float
    inp: tuple[int, int]  # the input that feeds the next step: (token id, copied node)


@dataclass
class Finished:
    actions: list[int | str]
    score: float
    start: DecodeState


def _anc_row(anc: tuple[int, ...]) -> list[int]:
    return list(anc) + [-1] * (MAX_DEPTH - len(anc))


@torch.inference_mode()
def beam_search(
    model: GraphToTree,
    codec: TreeCodec,
    datas: list[Data],
    k: int = 1,
    context: list[Step] | None = None,
    start: DecodeState | None = None,
    max_steps: int = 300,
) -> list[list[Finished]]:
    """Best-first beams per graph; with `context`/`start` (one graph only) it fills a hole."""
    if context is not None and len(datas) != 1:
        raise ValueError("infilling searches one graph at a time")
    device = next(model.parameters()).device
    dec = codec.decoding
    G = len(datas)
    graph = Batch.from_data_list([_strip(d) for d in datas]).to(device)
    mem, mem_pad = model.encode(graph)  # (G, N, d), (G, N)
    rend = torch.stack([_pad_render(codec.renderable(d), mem.shape[1]) for d in datas]).to(device)  # (G, VT, N)
    n_node = len(codec.vocab.node_tokens)
    V = len(codec.vocab.values)
    bos = (n_node + V, -1)
    begin = start or initial_state()

    # prefill the context (infilling) on the single graph
    caches: list[dict[str, Tensor]] = [{} for _ in model.decoder.layers]
    anc_hist = torch.zeros(G, 0, MAX_DEPTH, dtype=torch.long, device=device)
    t0 = 0
    first_inp = bos
    mem_kvs = model.decoder.memory(mem)
    mmask = memory_mask(mem_pad)
    if context and any(not s.forced for s in context):
        enc = codec.encode_steps(context, datas[0])
        T = len(enc["inp"])
        ten = {k_: torch.tensor([enc[k_]], dtype=torch.long, device=device) for k_ in ("inp", "copy", "frame", "depth", "sib", "seg")}
        anc_hist = torch.tensor([[_anc_row(a) for a in enc["anc"]]], dtype=torch.long, device=device)
        x = model.embed(ten["inp"], ten["copy"], ten["frame"], ten["depth"], ten["sib"], ten["seg"], mem)
        pos = torch.arange(T, device=device)
        mask = model.decoder.self_mask(anc_hist, anc_hist, pos, pos, None)
        model.decoder(x, mask, mem_kvs, mmask, caches)
        t0 = T
        last = [s for s in context if not s.forced][-1]
        first_inp = codec.input_of(last.action, datas[0], last.spec.value_type)

    begin_adv, forced0 = dec.advance(begin)
    beams: list[list[Hyp]] = [[Hyp(begin_adv, list(forced0), 0.0, first_inp)] for _ in range(G)]
    finished: list[list[Finished]] = [[] for _ in range(G)]
    if begin_adv.done:  # the grammar alone decided the whole filling
        return [[Finished(list(forced0), 0.0, begin)] for _ in range(G)]
    owner = list(range(G))  # graph of each active row
    rows = [h for b in beams for h in b]
    # per-row views of each graph's memory; re-gathered only when the set of rows changes
    g_idx = torch.tensor(owner, device=device)
    r_mem, r_pad, r_rend, r_mmask = mem[g_idx], mem_pad[g_idx], rend[g_idx], mmask[g_idx]
    r_kvs = [(kk[g_idx], vv[g_idx]) for kk, vv in mem_kvs]
    for t in range(t0, t0 + max_steps):
        if not rows:
            break
        specs = [dec.spec(h.state) for h in rows]
        feats = torch.tensor(
            [[h.inp[0], h.inp[1], codec.frame_index.get(s.frame, 0), len(s.anc), s.sib] for h, s in zip(rows, specs, strict=True)],
            device=device,
        )[:, :, None]  # (M, 5, 1)
        anc_new = torch.tensor([[_anc_row(s.anc)] for s in specs], device=device)  # (M, 1, D)
        anc_hist = torch.cat([anc_hist, anc_new], dim=1)  # (M, t+1, D)
        x = model.embed(feats[:, 0], feats[:, 1], feats[:, 2], feats[:, 3], feats[:, 4], torch.ones_like(feats[:, 0]), r_mem)  # (M, 1, d)
        pos_q = torch.tensor([t], device=device)
        pos_k = torch.arange(t + 1, device=device)
        mask = model.decoder.self_mask(anc_new, anc_hist, pos_q, pos_k, None)
        h = model.decoder(x, mask, r_kvs, r_mmask, caches)[:, 0]  # (M, d)
        cands = _expand(model, codec, rows, specs, h, r_mem, r_pad, r_rend, datas, owner, k)
        # select per graph: its k best continuations (a stable sort: ties keep their order)
        by_graph: dict[int, list[tuple]] = {}
        for c in cands:
            by_graph.setdefault(c[0], []).append(c)
        new_rows, new_owner, parent = [], [], []
        for g in sorted(by_graph):
            mine = sorted(by_graph[g], key=_by_score)[:k]
            for _, r, score, action, inp_next in mine:
                st, forced = dec.advance(dec.apply(rows[r].state, action))
                hyp = Hyp(st, [*rows[r].actions, action, *forced], score, inp_next)
                if st.done:
                    finished[g].append(Finished(hyp.actions, score, begin))
                else:
                    new_rows.append(hyp)
                    new_owner.append(g)
                    parent.append(r)
        # stop graphs whose k finished beat every live hypothesis (scores only fall)
        bar = {g: sorted((f.score for f in finished[g]), reverse=True)[k - 1] for g in set(new_owner) if len(finished[g]) >= k}
        live = [
            i
            for i, (hyp, g) in enumerate(zip(new_rows, new_owner, strict=True))
            if not (g in bar and bar[g] >= hyp.score) and hyp.state.steps <= max_steps
        ]
        rows = [new_rows[i] for i in live]
        owner = [new_owner[i] for i in live]
        keep = [parent[i] for i in live]
        if keep == list(range(len(specs))):
            continue  # same rows in the same order: nothing to reorder
        sel = torch.tensor(keep, dtype=torch.long, device=device)
        for c in caches:
            c["k"], c["v"] = c["k"][sel], c["v"][sel]
        anc_hist = anc_hist[sel]
        r_mem, r_pad, r_rend, r_mmask = r_mem[sel], r_pad[sel], r_rend[sel], r_mmask[sel]
        r_kvs = [(kk[sel], vv[sel]) for kk, vv in r_kvs]
    return [sorted(f, key=lambda f: -f.score)[:k] for f in finished]


def _by_score(c: tuple) -> float:
    return -c[2]


def _pad_render(r: Tensor, N: int) -> Tensor:
    out = torch.zeros(r.shape[0], N, dtype=torch.bool)
    out[:, : r.shape[1]] = r
    return out


def _mask_row(codec: TreeCodec, allowed: tuple[int, ...], n: int) -> Tensor:
    """Bool row of the legal node tokens (cached per allowed set)."""
    cache = codec.__dict__.setdefault("_mask_rows", {})
    row = cache.get(allowed)
    if row is None:
        row = torch.zeros(n, dtype=torch.bool)
        row[list(allowed)] = True
        cache[allowed] = row
    return row


def _expand(model, codec, rows, specs, h, mem, mem_pad, rend, datas, owner, k) -> list[tuple]:
    """Top legal continuations of every row: (graph, row, score, action, next input)."""
    out = []
    node_rows = [i for i, s in enumerate(specs) if s.kind == "node"]
    val_rows = [i for i, s in enumerate(specs) if s.kind == "value"]
    if node_rows:
        idx = torch.tensor(node_rows, device=h.device)
        logits = model.node_head(h[idx]).float()  # (Mn, n_node)
        mask = torch.stack([_mask_row(codec, specs[i].allowed, logits.shape[-1]) for i in node_rows]).to(h.device)
        logp = torch.log_softmax(logits.masked_fill(~mask, float("-inf")), dim=-1)
        top = torch.topk(logp, min(k, logp.shape[-1]), dim=-1)
        top_lp, top_a = top.values.tolist(), top.indices.tolist()
        for j, i in enumerate(node_rows):
            for lp, a in zip(top_lp[j], top_a[j], strict=True):
                if lp == -math.inf:
                    continue
                out.append((owner[i], i, rows[i].score + lp, a, (a, -1)))
    if val_rows:
        idx = torch.tensor(val_rows, device=h.device)
        vt = torch.tensor([codec.vtype_index.get(specs[i].value_type, 0) for i in val_rows], device=h.device)
        ptr_ok = rend[idx, vt][:, None, :]  # (Mv, 1, N)
        logits = model.value_logits(h[idx][:, None], mem[idx], mem_pad[idx], vt[:, None], ptr_ok)[:, 0].float()
        probs = torch.softmax(logits, dim=-1)  # (Mv, V+N)
        V = len(codec.vocab.values)
        top = torch.topk(probs, min(2 * k + 2, probs.shape[-1]), dim=-1)
        top_p, top_c = top.values.tolist(), top.indices.tolist()
        for j, i in enumerate(val_rows):
            vtype = specs[i].value_type
            merged: dict[str, float] = {}
            for p, c in zip(top_p[j], top_c[j], strict=True):
                if p <= 0.0:
                    continue
                text = codec.vocab.values[c] if c < V else datas[owner[i]].renderings[c - V].get(vtype)
                if text is None:
                    continue
                merged[text] = merged.get(text, 0.0) + p
            for text, p in sorted(merged.items(), key=lambda kv: -kv[1])[:k]:
                inp = codec.input_of(text, datas[owner[i]], vtype)
                out.append((owner[i], i, rows[i].score + math.log(p), text, inp))
    return out


__all__ = ["END", "Finished", "beam_search"]


@torch.inference_mode()
def score_steps(model: GraphToTree, codec: TreeCodec, data: Data, steps: list[Step]) -> float:
    """Log-probability of a gold step sequence under teacher forcing (one forward pass).

    Equals the score beam search gives the same tree: the check that cached incremental
    decoding and the training-time forward agree."""
    from graphmodel.data import collate

    class _Ex:  # collate reads .data
        def __init__(self, d: Data) -> None:
            self.data = d

    device = next(model.parameters()).device
    b = collate(codec, [_Ex(data)], [steps]).to(device)  # type: ignore[list-item]
    mem, mem_pad = model.encode(b.graph)
    x = model.embed(b.inp, b.copy_node, b.frame, b.depth, b.sib, b.seg, mem)
    pos = torch.arange(x.shape[1], device=device)
    h = model.decoder(x, model.decoder.self_mask(b.anc, b.anc, pos, pos, b.pad), model.decoder.memory(mem), memory_mask(mem_pad))
    logp_n = torch.log_softmax(model.node_head(h).float().masked_fill(~b.node_mask, float("-inf")), dim=-1)  # (1, T, n_node)
    ptr_ok = b.renderable[0, b.vtype[0]][None]  # (1, T, N)
    logp_v = torch.log_softmax(model.value_logits(h, mem, mem_pad, b.vtype, ptr_ok).float(), dim=-1)  # (1, T, V+N)
    total = 0.0
    for t in range(x.shape[1]):
        if not b.loss[0, t]:
            continue
        if b.is_node[0, t]:
            total += float(logp_n[0, t, b.node_target[0, t]])
        else:
            gold = b.value_target[0, t, : logp_v.shape[-1]]
            total += float(torch.logsumexp(logp_v[0, t][gold], dim=0))
    return total
