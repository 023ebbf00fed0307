"""The `seq` baseline: ACE words in, Python tokens out, with the same decoder and budget.

Source: the ACE text split into words, numbers and punctuation (no subword tokenizer).
Target: the program's tokens from Python's own `tokenize` module (NEWLINE, INDENT, DEDENT
kept as symbols). The encoder is a plain transformer over the words; the decoder is the
tree model's decoder without the tree bias (distance bias + absolute positions), with the
same vocabulary-or-copy output (a pointer over source words, written plain or quoted).
Its size is matched to the graph model's parameter count by choosing the MLP width.

Infilling for seq is regeneration conditioned on the prefix: the tokens before the hole
are forced, everything from the hole on is generated afresh (the suffix is not kept).
Training (seq_recipe.py) and decoding (seq_generator.py) each import this module.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections import Counter
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from graphmodel.decoder import Decoder, init_weights, memory_mask, pointer_scores

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

    @classmethod
    def from_dict(cls, data: dict) -> SeqCodec:
        """The codec `to_dict` wrote (a checkpoint's `codec`, parsed)."""
        return cls(data["src_vocab"], data["tgt_vocab"])

    def input_of(self, token: str, words: list[str]) -> tuple[int, int]:
        """(input id, copied source position or -1) to feed a generated token back; ids past
        the target vocabulary are BOS (len) and COPY (len + 1)."""
        idx = self.tgt_index.get(token)
        if idx is not None:
            return idx, -1
        copy = len(self.tgt_vocab) + 1
        for i, w in enumerate(words):
            if token in word_renderings(w):
                return copy, i
        return copy, -1

    def ptr_ok(self, words: list[str], S: int) -> Tensor:
        """(2S,) which source positions can be copied plain (first S) and quoted (last S)."""
        ok = torch.zeros(2 * S, dtype=torch.bool)
        for i, w in enumerate(words):
            plain, quoted = word_renderings(w)
            ok[i] = plain is not None
            ok[S + i] = quoted is not None
        return ok


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
