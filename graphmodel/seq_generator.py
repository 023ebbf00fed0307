"""The `seq` baseline behind the Generator interface: beam search over Python tokens,
regeneration from the hole on for infilling."""

from __future__ import annotations

import math
from typing import Any

import torch
from torch import Tensor

from graphmodel.decoder import memory_mask
from graphmodel.generation import Candidate, GeneratorError, best_valid, hole_tree
from graphmodel.seq_model import (
    EOS,
    MAX_LEN,
    SeqCodec,
    SeqToSeq,
    detokenize,
    program_tokens,
    source_words,
    word_renderings,
)
from graphmodel.trained import SeqKind, TrainedGenerator
from graphmodel.trees import HOLE, Path, Tree, TreeError, parse_program, print_tree

_NOT_A_PROGRAM = (TreeError, ValueError, IndexError, IndentationError)  # generated tokens that do not parse


class SeqGenerator(SeqKind, TrainedGenerator):
    """The flat-token baseline behind the Generator interface (name `seq`); `from_checkpoint` in trained.py."""

    name = "seq"

    def generate(self, graph: Any, k: int = 1) -> list[Candidate]:
        return self.generate_texts([_ace_of(graph)], k)[0]

    def generate_batch(self, graphs: list[Any], k: int = 1) -> list[list[Candidate]]:
        return self.generate_texts([_ace_of(g) for g in graphs], k)

    def generate_texts(self, aces: list[str], k: int = 1, prefix: list[str] | None = None) -> list[list[Candidate]]:
        results = _seq_beam(self.model, self.codec, [source_words(a) for a in aces], k + 1 if k > 1 else 1, prefix, self.device)
        return [best_valid(finished, k, lambda entry: parse_program(detokenize(entry[0])), lambda entry: entry[1],
                           not_a_program=_NOT_A_PROGRAM) for finished in results]

    def infill(self, graph: Any, tree: Tree, hole: Path, k: int = 1) -> list[Candidate]:
        """Regenerate from the hole on, with the tokens before the hole forced."""
        holed = hole_tree(tree, tuple(hole))
        text = print_tree(holed)
        prefix = program_tokens(text[: text.index(HOLE)], partial=True)
        return self.generate_texts([_ace_of(graph)], k, prefix=prefix)[0]


def _ace_of(graph: Any) -> str:
    text = getattr(graph, "text", None)
    if not isinstance(text, str):
        raise GeneratorError("the seq generator reads the ACE text of the semantic graph (graph.text), which is missing")
    return text


@torch.inference_mode()
def _seq_beam(model: SeqToSeq, codec: SeqCodec, words: list[list[str]], k: int, prefix: list[str] | None, device: torch.device, max_len: int = MAX_LEN) -> list[list[tuple[list[str], float]]]:
    """Beam search over tokens for several inputs; returns (tokens, log-prob) best first."""
    G = len(words)
    S = max(max(len(w) for w in words), 1)
    src = torch.zeros(G, S, dtype=torch.long)
    src_pad = torch.ones(G, S, dtype=torch.bool)
    ptr_ok = torch.stack([codec.ptr_ok(w, S) for w in words])
    for g, w in enumerate(words):
        src[g, : len(w)] = torch.tensor([codec.src_index.get(x, 0) for x in w], dtype=torch.long)
        src_pad[g, : len(w)] = False
    src, src_pad, ptr_ok = src.to(device), src_pad.to(device), ptr_ok.to(device)
    mem = model.encode(src, src_pad)
    mem_kvs = model.decoder.memory(mem)
    mmask = memory_mask(src_pad)
    V = len(codec.tgt_vocab)
    caches: list[dict[str, Tensor]] = [{} for _ in model.decoder.layers]
    forced = list(prefix or [])
    rows: list[tuple[int, list[str], float, tuple[int, int]]] = [(g, [], 0.0, (V, -1)) for g in range(G)]
    finished: list[list[tuple[list[str], float]]] = [[] for _ in range(G)]
    for t in range(max_len):
        if not rows:
            break
        owner = torch.tensor([r[0] for r in rows], device=device)
        inp = torch.tensor([[r[3][0]] for r in rows], device=device)
        cpy = torch.tensor([[r[3][1]] for r in rows], device=device)
        pos = torch.full_like(inp, t)
        x = model.embed(inp, cpy, pos, mem[owner])
        mask = model.decoder.self_mask(None, None, torch.tensor([t], device=device), torch.arange(t + 1, device=device), None)
        h = model.decoder(x, mask, [(a[owner], b[owner]) for a, b in mem_kvs], mmask[owner], caches)
        logp = torch.log_softmax(model.logits(h, mem[owner], ptr_ok[owner])[:, 0].float(), dim=-1)  # (M, V+2S)
        cands = []
        top = torch.topk(logp, min(2 * k + 2, logp.shape[-1]), dim=-1)
        for r, (g, _toks, score, _) in enumerate(rows):
            if t < len(forced):
                tok = forced[t]
                lp = _token_logp(logp[r], tok, words[g], codec, S)
                cands.append((g, r, score + lp, tok))
                continue
            merged: dict[str, float] = {}
            for lp, c in zip(top.values[r].tolist(), top.indices[r].tolist(), strict=True):
                if lp == -math.inf:
                    continue
                if c < V:
                    tok = codec.tgt_vocab[c]
                else:
                    i = c - V
                    tok = word_renderings(words[g][i % S])[i // S] if i % S < len(words[g]) else None
                if tok is None:
                    continue
                merged[tok] = float(torch.logaddexp(torch.tensor(merged[tok]), torch.tensor(lp))) if tok in merged else lp
            cands.extend((g, r, score + lp, tok) for tok, lp in merged.items())
        new_rows, parent = [], []
        for g in range(G):
            mine = sorted((c for c in cands if c[0] == g), key=lambda c: -c[2])[:k]
            for _, r, score, tok in mine:
                toks = rows[r][1]
                if tok == EOS:
                    finished[g].append((toks, score))
                    continue
                new_rows.append((g, [*toks, tok], score, codec.input_of(tok, words[g])))
                parent.append(r)
        keep = []
        for i, row in enumerate(new_rows):
            done = sorted((s for _, s in finished[row[0]]), reverse=True)
            if len(done) >= k and done[k - 1] >= row[2]:
                continue
            keep.append(i)
        rows = [new_rows[i] for i in keep]
        sel = torch.tensor([parent[i] for i in keep], dtype=torch.long, device=device)
        for c in caches:
            c["k"], c["v"] = c["k"][sel], c["v"][sel]
    return [sorted(f, key=lambda x: -x[1])[:k] for f in finished]


def _token_logp(logp: Tensor, tok: str, words: list[str], codec: SeqCodec, S: int) -> float:
    """Log-probability of a forced token (vocabulary or any copy of it)."""
    V = len(codec.tgt_vocab)
    idx = [codec.tgt_index[tok]] if tok in codec.tgt_index else []
    for i, w in enumerate(words):
        plain, quoted = word_renderings(w)
        if tok == plain:
            idx.append(V + i)
        if tok == quoted:
            idx.append(V + S + i)
    if not idx:
        return -30.0  # an unknown forced token: still forced, heavily penalized
    return float(torch.logsumexp(logp[idx], dim=0))
