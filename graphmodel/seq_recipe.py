"""What training needs from the `seq` baseline: its codec fitted to the corpus, examples,
batches and greedy decoding (graphmodel/recipes.py has the graph model's)."""

from __future__ import annotations

import random
from dataclasses import asdict

import torch

from graphmodel.seq_generator import SeqGenerator
from graphmodel.seq_model import (
    EOS,
    MAX_LEN,
    SeqCodec,
    SeqExample,
    SeqModelConfig,
    SeqToSeq,
    count_params,
    program_tokens,
    source_words,
    word_renderings,
)
from graphmodel.trained import SeqKind, TrainedRecipe
from graphmodel.trees import Tree, print_tree


class SeqRecipe(SeqKind, TrainedRecipe):
    """What training needs from the seq baseline (codec, model arguments and checkpoint form: trained.py)."""

    name = "seq"

    @classmethod
    def fit(cls, items: list, size: dict, match_params: int | None = None) -> SeqRecipe:
        codec = SeqCodec.build([i.ace for i in items], [print_tree(i.tree) for i in items])
        cfg = SeqModelConfig(**size, n_src=len(codec.src_vocab), n_tgt=len(codec.tgt_vocab))
        if match_params:
            widths = range(16, 8 * cfg.d_model + 1, 8)
            cfg.ffn = min(widths, key=lambda w: abs(count_params(SeqModelConfig(**{**asdict(cfg), "ffn": w})) - match_params))
        return cls(codec, asdict(cfg))

    def example(self, pid: str, ace: str, tokens: list[str], answer: str) -> SeqExample:
        words = source_words(ace)
        return SeqExample(pid, words, [self.codec.src_index.get(w, 0) for w in words], tokens[: MAX_LEN - 1], answer)

    def examples(self, items: list) -> tuple[list[SeqExample], list[str]]:
        out = [self.example(i.pid, i.ace, program_tokens(print_tree(i.tree)), i.answer) for i in items]
        return out, []

    def length(self, example: SeqExample) -> int:
        return len(example.tokens) + 1

    def batch(self, examples: list[SeqExample], rng: random.Random | None = None, infill_prob: float = 0.0) -> dict:
        B = len(examples)
        S = max(len(e.src) for e in examples)
        T = max(len(e.tokens) for e in examples) + 1
        V = self.cfg.n_tgt
        src = torch.zeros(B, S, dtype=torch.long)
        src_pad = torch.ones(B, S, dtype=torch.bool)
        inp = torch.zeros(B, T, dtype=torch.long)
        copy = torch.full((B, T), -1, dtype=torch.long)
        pad = torch.ones(B, T, dtype=torch.bool)
        target = torch.zeros(B, T, V + 2 * S, dtype=torch.bool)
        ptr_ok = torch.zeros(B, 2 * S, dtype=torch.bool)
        for b, e in enumerate(examples):
            src[b, : len(e.src)] = torch.tensor(e.src, dtype=torch.long)
            src_pad[b, : len(e.src)] = False
            ptr_ok[b] = self.codec.ptr_ok(e.words, S)
            seq = [*e.tokens, EOS]
            prev = (self.cfg.n_tgt, -1)  # BOS
            for t, tok in enumerate(seq):
                inp[b, t], copy[b, t] = prev
                pad[b, t] = False
                vi = self.codec.tgt_index.get(tok)
                if vi is not None:
                    target[b, t, vi] = True
                for i, w in enumerate(e.words):
                    plain, quoted = word_renderings(w)
                    if tok == plain:
                        target[b, t, V + i] = True
                    if tok == quoted:
                        target[b, t, V + S + i] = True
                prev = self.codec.input_of(tok, e.words)
        return {"src": src, "src_pad": src_pad, "inp": inp, "copy": copy, "pad": pad, "target": target, "ptr_ok": ptr_ok}

    def generator(self, model: SeqToSeq, device: torch.device) -> SeqGenerator:
        return SeqGenerator(model, self.codec, device)

    def decode(self, model: SeqToSeq, items: list, device: torch.device, batch: int = 64) -> list[Tree | None]:
        gen = self.generator(model, device)
        out: list[Tree | None] = []
        for i in range(0, len(items), batch):
            for cands in gen.generate_texts([it.ace for it in items[i : i + batch]], k=1):
                out.append(cands[0].tree if cands else None)
        return out
