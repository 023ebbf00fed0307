"""The `seq` baseline: ACE words in, Python tokens out, with the same decoder and budget.

Source: the ACE text split into words, numbers and punctuation (no subword tokenizer).
Target: the program's tokens from Python's own `tokenize` module (NEWLINE, INDENT, DEDENT
kept as symbols). The encoder is a plain transformer over the words; the decoder is the
tree model's decoder without the tree bias (distance bias + absolute positions), with the
same vocabulary-or-copy output (a pointer over source words, written plain or quoted).
Its size is matched to the graph model's parameter count by choosing the MLP width.

Infilling for seq is regeneration conditioned on the prefix: the tokens before the hole
are forced, everything from the hole on is generated afresh (the suffix is not kept).
"""

from __future__ import annotations

import io
import json
import math
import random
import re
import tokenize
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from graphmodel.decoder import Decoder, init_weights, memory_mask, pointer_scores
from graphmodel.generators import Candidate, GeneratorError, hole_tree, valid_candidate
from graphmodel.trees import HOLE, Path, Tree, TreeError, parse_program, print_tree

MAX_LEN = 256  # source words / target tokens
NL, INDENT_T, DEDENT_T, EOS, BOS, UNK = "<nl>", "<indent>", "<dedent>", "<eos>", "<bos>", "<unk>"
_WORD = re.compile(r"\d+(?:\.\d+)?(?:/\d+)?|[A-Za-z_][A-Za-z_0-9]*|[^\sA-Za-z_0-9]")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def source_words(ace: str) -> list[str]:
    """ACE text -> lowercased words, numbers and punctuation."""
    return [w.lower() for w in _WORD.findall(ace)][:MAX_LEN]


def program_tokens(source: str, partial: bool = False) -> list[str]:
    """Python tokens of a program (tokenize module); `partial` tolerates an unfinished prefix."""
    out: list[str] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING, tokenize.ENDMARKER):
                continue
            if tok.type == tokenize.NEWLINE:
                out.append(NL)
            elif tok.type == tokenize.INDENT:
                out.append(INDENT_T)
            elif tok.type == tokenize.DEDENT:
                out.append(DEDENT_T)
            elif tok.string:
                out.append(tok.string)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        if not partial:
            raise
    return out


def detokenize(tokens: list[str]) -> str:
    """Tokens -> source (via tokenize.untokenize in its 2-tuple mode)."""
    pairs: list[tuple[int, str]] = []
    depth = 0
    for t in tokens:
        if t == NL:
            pairs.append((tokenize.NEWLINE, "\n"))
        elif t == INDENT_T:
            depth += 1
            pairs.append((tokenize.INDENT, "    " * depth))
        elif t == DEDENT_T:
            if depth == 0:  # a dedent with nothing to close (generated junk): drop it
                continue
            depth -= 1
            pairs.append((tokenize.DEDENT, ""))
        elif t[:1] in "'\"":
            pairs.append((tokenize.STRING, t))
        elif _NUMBER.match(t):
            pairs.append((tokenize.NUMBER, t))
        elif _NAME.match(t):
            pairs.append((tokenize.NAME, t))
        else:
            pairs.append((tokenize.OP, t))
    return tokenize.untokenize(pairs)


def word_renderings(word: str) -> tuple[str | None, str | None]:
    """(plain, quoted) forms a copied source word can take in a program."""
    plain = word if (_NAME.match(word) or _NUMBER.match(word)) else None
    quoted = f"'{word}'" if re.match(r"^\d+(?:\.\d+)?(?:/\d+)?$", word) else None
    return plain, quoted


@dataclass
class SeqCodec:
    src_vocab: list[str]
    tgt_vocab: list[str]  # index 0 = <eos>

    def __post_init__(self) -> None:
        self.src_index = {w: i for i, w in enumerate(self.src_vocab)}
        self.tgt_index = {w: i for i, w in enumerate(self.tgt_vocab)}

    @classmethod
    def build(cls, aces: list[str], programs: list[str], min_count: int = 2) -> SeqCodec:
        src, tgt = Counter(), Counter()
        for a in aces:
            src.update(source_words(a))
        for p in programs:
            tgt.update(program_tokens(p))
        srcv = [UNK] + sorted(w for w, n in src.items() if n >= min_count and not _NUMBER.match(w) or (_NUMBER.match(w) and len(w) <= 2 and n >= min_count))
        tgtv = [EOS] + sorted(w for w, n in tgt.items() if n >= min_count)
        return cls(srcv, tgtv)

    def to_dict(self) -> dict:
        return {"src_vocab": self.src_vocab, "tgt_vocab": self.tgt_vocab}


@dataclass
class SeqExample:
    pid: str
    words: list[str]
    src: list[int]
    tokens: list[str]  # target tokens, EOS excluded
    answer: str


@dataclass
class SeqModelConfig:
    d_model: int = 128
    heads: int = 4
    enc_layers: int = 3
    dec_layers: int = 3
    ffn: int = 256  # set by param matching against the graph model
    dropout: float = 0.1
    n_src: int = 0
    n_tgt: int = 0


class SeqToSeq(nn.Module):
    """Transformer encoder over words + the shared decoder (no tree bias) + copy pointer."""

    def __init__(self, cfg: SeqModelConfig) -> None:
        super().__init__()
        self.cfg = cfg
        d = cfg.d_model
        self.src_emb = nn.Embedding(cfg.n_src, d)
        self.src_pos = nn.Embedding(MAX_LEN, d)
        layer = nn.TransformerEncoderLayer(d, cfg.heads, cfg.ffn, cfg.dropout, batch_first=True, norm_first=True, activation="gelu")
        self.encoder = nn.TransformerEncoder(layer, cfg.enc_layers, enable_nested_tensor=False)
        self.enc_ln = nn.LayerNorm(d)
        n_in = cfg.n_tgt + 2  # + BOS + COPY
        self.bos_id, self.copy_id = n_in - 2, n_in - 1
        self.tok = nn.Embedding(n_in, d)
        self.pos = nn.Embedding(MAX_LEN + 1, d)
        self.copy_proj = nn.Linear(d, d)
        self.decoder = Decoder(d, cfg.heads, cfg.dec_layers, cfg.ffn, cfg.dropout, tree_bias=False)
        self.head = nn.Linear(d, cfg.n_tgt)
        self.ptr_q = nn.Linear(d, 2 * d)  # plain and quoted copies score separately
        self.ptr_k = nn.Linear(d, d)
        self.apply(init_weights)

    def encode(self, src: Tensor, src_pad: Tensor) -> Tensor:
        """(B, S) word ids -> (B, S, d)."""
        pos = torch.arange(src.shape[1], device=src.device)
        h = self.src_emb(src) + self.src_pos(pos)[None]
        return self.enc_ln(self.encoder(h, src_key_padding_mask=src_pad))

    def embed(self, inp: Tensor, copy: Tensor, pos: Tensor, mem: Tensor) -> Tensor:
        x = self.tok(inp) + self.pos(pos.clamp(max=MAX_LEN))
        picked = torch.gather(mem, 1, copy.clamp(min=0)[..., None].expand(-1, -1, mem.shape[-1]))  # (B, T, d)
        return x + self.copy_proj(picked) * (copy >= 0)[..., None]

    def logits(self, h: Tensor, mem: Tensor, ptr_ok: Tensor) -> Tensor:
        """(B, T, d) -> (B, T, V + 2S): vocabulary, plain copies, quoted copies. ptr_ok: (B, 2S)."""
        d = h.shape[-1]
        q = self.ptr_q(h)
        k = self.ptr_k(mem)
        ptr = torch.cat([pointer_scores(q[..., :d], k), pointer_scores(q[..., d:], k)], dim=-1)  # (B, T, 2S)
        ptr = ptr.masked_fill(~ptr_ok[:, None, :], float("-inf"))
        return torch.cat([self.head(h), ptr], dim=-1)

    def forward(self, b: dict) -> tuple[Tensor, dict[str, float]]:
        mem = self.encode(b["src"], b["src_pad"])
        T = b["inp"].shape[1]
        pos = torch.arange(T, device=mem.device)
        x = self.embed(b["inp"], b["copy"], pos[None].expand(b["inp"].shape[0], -1), mem)
        mask = self.decoder.self_mask(None, None, pos, pos, b["pad"])
        h = self.decoder(x, mask, self.decoder.memory(mem), memory_mask(b["src_pad"]))
        logits = self.logits(h, mem, b["ptr_ok"])[~b["pad"]].float()  # (S, V+2S)
        target = b["target"][~b["pad"]]
        logp = F.log_softmax(logits, dim=-1)
        has = target.any(-1)
        gold = torch.logsumexp(logp.masked_fill(~target, float("-inf")), dim=-1)
        loss = -gold[has].sum() / has.sum().clamp(min=1)
        with torch.no_grad():
            acc = target.gather(1, logits.argmax(-1, keepdim=True)).squeeze(1)[has].float().mean()
        return loss, {"loss": float(loss.detach()), "step_acc": float(acc), "steps": float(has.sum())}


def count_params(cfg: SeqModelConfig) -> int:
    return sum(p.numel() for p in SeqToSeq(cfg).parameters())


class SeqRecipe:
    name = "seq"

    def __init__(self, codec: SeqCodec, model_args: dict) -> None:
        self.codec = codec
        self.model_args = model_args
        self.cfg = SeqModelConfig(**model_args)

    @classmethod
    def fit(cls, items: list, size: dict, match_params: int | None = None) -> SeqRecipe:
        codec = SeqCodec.build([i.ace for i in items], [print_tree(i.tree) for i in items])
        cfg = SeqModelConfig(**size, n_src=len(codec.src_vocab), n_tgt=len(codec.tgt_vocab))
        if match_params:
            widths = range(16, 8 * cfg.d_model + 1, 8)
            cfg.ffn = min(widths, key=lambda w: abs(count_params(SeqModelConfig(**{**asdict(cfg), "ffn": w})) - match_params))
        return cls(codec, asdict(cfg))

    @classmethod
    def from_checkpoint(cls, ckpt: dict) -> SeqRecipe:
        d = json.loads(ckpt["codec"])
        return cls(SeqCodec(d["src_vocab"], d["tgt_vocab"]), ckpt["model_args"])

    def codec_json(self) -> str:
        return json.dumps(self.codec.to_dict())

    def new_model(self) -> SeqToSeq:
        return SeqToSeq(self.cfg)

    def example(self, pid: str, ace: str, tokens: list[str], answer: str) -> SeqExample:
        words = source_words(ace)
        return SeqExample(pid, words, [self.codec.src_index.get(w, 0) for w in words], tokens[: MAX_LEN - 1], answer)

    def examples(self, items: list) -> tuple[list[SeqExample], list[str]]:
        out = [self.example(i.pid, i.ace, program_tokens(print_tree(i.tree)), i.answer) for i in items]
        return out, []

    def length(self, example: SeqExample) -> int:
        return len(example.tokens) + 1

    def input_of(self, token: str, words: list[str]) -> tuple[int, int]:
        """(input id, copied source position or -1) to feed a generated token back."""
        idx = self.codec.tgt_index.get(token)
        if idx is not None:
            return idx, -1
        for i, w in enumerate(words):
            if token in word_renderings(w):
                return self.cfg.n_tgt + 1, i
        return self.cfg.n_tgt + 1, -1

    def ptr_ok(self, words: list[str], S: int) -> Tensor:
        ok = torch.zeros(2 * S, dtype=torch.bool)
        for i, w in enumerate(words):
            plain, quoted = word_renderings(w)
            ok[i] = plain is not None
            ok[S + i] = quoted is not None
        return ok

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
            ptr_ok[b] = self.ptr_ok(e.words, S)
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
                prev = self.input_of(tok, e.words)
        return {"src": src, "src_pad": src_pad, "inp": inp, "copy": copy, "pad": pad, "target": target, "ptr_ok": ptr_ok}

    def generator(self, model: SeqToSeq, device: torch.device) -> SeqGenerator:
        return SeqGenerator(model, self, device)

    def decode(self, model: SeqToSeq, items: list, device: torch.device, batch: int = 64) -> list[Tree | None]:
        gen = self.generator(model, device)
        out: list[Tree | None] = []
        for i in range(0, len(items), batch):
            for cands in gen.generate_texts([it.ace for it in items[i : i + batch]], k=1):
                out.append(cands[0].tree if cands else None)
        return out


class SeqGenerator:
    """The flat-token baseline behind the Generator interface (name `seq`)."""

    name = "seq"

    def __init__(self, model: SeqToSeq, recipe: SeqRecipe, device: str | torch.device = "cpu") -> None:
        self.model = model.to(device).eval()
        self.recipe = recipe
        self.device = torch.device(device)

    @classmethod
    def from_checkpoint(cls, ckpt: dict, device: str | torch.device = "cpu") -> SeqGenerator:
        recipe = SeqRecipe.from_checkpoint(ckpt)
        model = SeqToSeq(recipe.cfg)
        model.load_state_dict(ckpt["model"])
        return cls(model, recipe, device)

    def generate(self, graph: Any, k: int = 1) -> list[Candidate]:
        return self.generate_texts([_ace_of(graph)], k)[0]

    def generate_batch(self, graphs: list[Any], k: int = 1) -> list[list[Candidate]]:
        return self.generate_texts([_ace_of(g) for g in graphs], k)

    def generate_texts(self, aces: list[str], k: int = 1, prefix: list[str] | None = None) -> list[list[Candidate]]:
        results = _seq_beam(self.model, self.recipe, [source_words(a) for a in aces], k + 1 if k > 1 else 1, prefix, self.device)
        out = []
        for finished in results:
            cands = []
            for tokens, score in finished:
                try:
                    tree = parse_program(detokenize(tokens))
                except (TreeError, ValueError, IndexError, IndentationError):
                    continue  # generated tokens that are not a program: not a candidate
                c = valid_candidate(tree, score)
                if c is not None:
                    cands.append(c)
            out.append(cands[:k])
        return out

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
def _seq_beam(model: SeqToSeq, recipe: SeqRecipe, words: list[list[str]], k: int, prefix: list[str] | None, device: torch.device, max_len: int = MAX_LEN) -> list[list[tuple[list[str], float]]]:
    """Beam search over tokens for several inputs; returns (tokens, log-prob) best first."""
    G = len(words)
    S = max(max(len(w) for w in words), 1)
    src = torch.zeros(G, S, dtype=torch.long)
    src_pad = torch.ones(G, S, dtype=torch.bool)
    ptr_ok = torch.stack([recipe.ptr_ok(w, S) for w in words])
    for g, w in enumerate(words):
        src[g, : len(w)] = torch.tensor([recipe.codec.src_index.get(x, 0) for x in w], dtype=torch.long)
        src_pad[g, : len(w)] = False
    src, src_pad, ptr_ok = src.to(device), src_pad.to(device), ptr_ok.to(device)
    mem = model.encode(src, src_pad)
    mem_kvs = model.decoder.memory(mem)
    mmask = memory_mask(src_pad)
    V = recipe.cfg.n_tgt
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
                lp = _token_logp(logp[r], tok, words[g], recipe, S)
                cands.append((g, r, score + lp, tok))
                continue
            merged: dict[str, float] = {}
            for lp, c in zip(top.values[r].tolist(), top.indices[r].tolist(), strict=True):
                if lp == -math.inf:
                    continue
                if c < V:
                    tok = recipe.codec.tgt_vocab[c]
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
                new_rows.append((g, [*toks, tok], score, recipe.input_of(tok, words[g])))
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


def _token_logp(logp: Tensor, tok: str, words: list[str], recipe: SeqRecipe, S: int) -> float:
    """Log-probability of a forced token (vocabulary or any copy of it)."""
    V = recipe.cfg.n_tgt
    idx = [recipe.codec.tgt_index[tok]] if tok in recipe.codec.tgt_index else []
    for i, w in enumerate(words):
        plain, quoted = word_renderings(w)
        if tok == plain:
            idx.append(V + i)
        if tok == quoted:
            idx.append(V + S + i)
    if not idx:
        return -30.0  # an unknown forced token: still forced, heavily penalized
    return float(torch.logsumexp(logp[idx], dim=0))
