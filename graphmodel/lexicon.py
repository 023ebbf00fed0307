"""A lexical prior: WordLlama's 256-d token embeddings, averaged over a node label's tokens.

Why: the generators learn their label embeddings from a few thousand problems, so a word
seen once in training (`donated`) or never (`lent`) is `<unk>` to them. A pretrained table
gives every word a vector near its neighbours (`gave`, `donated`), which a linear map adds
to the learned embedding. The table ships inside the `wordllama` wheel (MIT, pinned in
pyproject.toml); it is read directly from the package's files, never downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

import numpy as np

DIM = 256
_WEIGHTS = "weights/l2_supercat_256.safetensors"
_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"


class LexiconError(RuntimeError):
    """The embedding table cannot be read (wordllama missing or changed its files)."""


@lru_cache(maxsize=1)
def _table() -> tuple[Any, np.ndarray]:
    try:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        root = files("wordllama")
        tokenizer = Tokenizer.from_file(str(root / _TOKENIZER))
        weights = load_file(str(root / _WEIGHTS))["embedding.weight"].astype(np.float32)  # (32000, 256)
    except (ImportError, OSError, KeyError, ValueError) as err:
        raise LexiconError(f"the lexical prior needs the wordllama package's embedding table: {err}") from err
    return tokenizer, weights


@lru_cache(maxsize=65536)
def label_vector(label: str) -> tuple[float, ...]:
    """The unit-norm mean embedding of a label's tokens; zeros for numbers and symbols."""
    text = label.strip().lower()
    if not text or not any(c.isalpha() for c in text) or text.startswith("<"):
        return (0.0,) * DIM
    tokenizer, weights = _table()
    ids = [i for i in tokenizer.encode(text, add_special_tokens=False).ids if i < len(weights)]
    if not ids:
        return (0.0,) * DIM
    v = weights[ids].mean(axis=0)
    norm = float(np.linalg.norm(v))
    return tuple((v / norm).tolist()) if norm > 0 else (0.0,) * DIM


def label_matrix(labels: list[str]) -> np.ndarray:
    """(len(labels), DIM) float32."""
    return np.asarray([label_vector(label) for label in labels], dtype=np.float32).reshape(len(labels), DIM)
