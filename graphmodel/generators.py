"""`load_generator`: a trained generator by name, from its checkpoint.

The one module that knows both trained generators (graph_generator.py, seq_generator.py);
the interface they share lives in generation.py. Candidate, Generator, GeneratorError and
GraphGenerator are re-exported here for the callers that import them from this module.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path as FsPath

import torch

from graphmodel.ensemble import Ensemble, members_of
from graphmodel.generation import Candidate, Generator, GeneratorError, hole_tree, valid_candidate
from graphmodel.graph_generator import GraphGenerator
from graphmodel.routing import READERS, ReaderRouted, reader_checkpoint

__all__ = [
    "CHECKPOINT_DIR",
    "Candidate",
    "Generator",
    "GeneratorError",
    "GraphGenerator",
    "hole_tree",
    "load_checkpoint",
    "load_generator",
    "valid_candidate",
]

CHECKPOINT_DIR = FsPath(__file__).parent / "checkpoints"


def load_checkpoint(path: str | FsPath, device: str | torch.device = "cpu") -> dict:
    """Read a checkpoint written by graphmodel.train (tensors and JSON only: weights_only)."""
    path = FsPath(path)
    if not path.is_file():
        raise GeneratorError(f"checkpoint {path} does not exist; train one with `ladder train`")
    try:
        ckpt = torch.load(path, map_location=device, weights_only=True)
    except Exception as exc:  # torch raises several types for a corrupt or foreign file
        raise GeneratorError(f"checkpoint {path} cannot be read: {exc}") from exc
    for key in ("generator", "model_args", "codec", "model"):
        if key not in ckpt:
            raise GeneratorError(f"checkpoint {path} has no {key!r}: not written by graphmodel.train")
    return ckpt


def load_generator(name: str, checkpoint: str | None = None, device: str | torch.device = "cpu") -> Generator:
    """A trained generator by name; the shipped checkpoint (graphmodel/checkpoints/NAME.pt) by default."""
    if name not in ("graph", "seq"):
        raise GeneratorError(f"unknown generator {name!r}: graphmodel provides 'graph' and 'seq' (the llm generator lives in agent/)")
    path = FsPath(checkpoint) if checkpoint else CHECKPOINT_DIR / f"{name}.pt"
    default = _load_one(name, path, device)
    loaders = {
        reader: partial(_load_one, name, reader_checkpoint(path, reader), device)
        for reader in READERS
        if reader_checkpoint(path, reader).is_file()
    }
    return ReaderRouted(name, default, loaders) if loaders else default


def _load_one(name: str, path: FsPath, device: str | torch.device) -> Generator:
    """The checkpoint's generator; with seed siblings beside it (`X.s1.pt`, ...) their ensemble."""
    paths = members_of(path) if path.is_file() else [path]
    if len(paths) > 1:
        return Ensemble([_load_member(name, p, device) for p in paths])
    return _load_member(name, path, device)


def _load_member(name: str, path: FsPath, device: str | torch.device) -> Generator:
    ckpt = load_checkpoint(path, device)
    if ckpt["generator"] != name:
        raise GeneratorError(f"checkpoint {path} holds a {ckpt['generator']!r} model, not {name!r}")
    if name == "graph":
        return GraphGenerator.from_checkpoint(ckpt, device)
    # the seq baseline's modules load only when asked for
    from graphmodel.seq_generator import SeqGenerator

    return SeqGenerator.from_checkpoint(ckpt, device)
