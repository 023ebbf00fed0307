"""What the two trained kinds (`graph`, `seq`) share, written once: a generator is a model in
eval mode on a device plus its codec, restored from a checkpoint; a recipe holds the codec
and the model arguments that training writes into that checkpoint.

Each kind names only its codec, config and model classes (`_parts`);
graph_generator.py / seq_generator.py and recipes.py / seq_recipe.py hold the rest.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import torch


class TrainedKind:
    """The per-kind rebuild steps, shared by a kind's generator and its recipe."""

    @staticmethod
    def _parts() -> tuple[Callable[[dict], Any], Callable[..., Any], Callable[[Any], torch.nn.Module]]:
        """(codec from its `to_dict()` form, model config class, model class), imported when asked."""
        raise NotImplementedError

    @classmethod
    def _codec(cls, data: dict) -> Any:
        return cls._parts()[0](data)

    @classmethod
    def _config(cls, model_args: dict) -> Any:
        return cls._parts()[1](**model_args)

    @classmethod
    def _model(cls, config: Any) -> torch.nn.Module:
        return cls._parts()[2](config)


class TrainedGenerator(TrainedKind):
    """A trained model behind the Generator interface."""

    name: str

    def __init__(self, model: Any, codec: Any, device: str | torch.device = "cpu") -> None:
        self.model = model.to(device).eval()
        self.codec = codec
        self.device = torch.device(device)

    @classmethod
    def from_checkpoint(cls, ckpt: dict, device: str | torch.device = "cpu") -> Any:
        """The generator a checkpoint describes (its architecture from `model_args`, never from flags)."""
        model = cls._model(cls._config(ckpt["model_args"]))
        model.load_state_dict(ckpt["model"])
        return cls(model, cls._codec(json.loads(ckpt["codec"])), device)


class TrainedRecipe(TrainedKind):
    """What training keeps of a kind: its codec and model arguments (saved in the checkpoint)."""

    name: str

    def __init__(self, codec: Any, model_args: dict) -> None:
        self.codec = codec
        self.model_args = model_args
        self.cfg = self._config(model_args)

    @classmethod
    def from_checkpoint(cls, ckpt: dict) -> Any:
        return cls(cls._codec(json.loads(ckpt["codec"])), ckpt["model_args"])

    def codec_json(self) -> str:
        return json.dumps(self.codec.to_dict())

    def new_model(self) -> torch.nn.Module:
        return self._model(self.cfg)


class GraphKind(TrainedKind):
    """`graph`: a TreeCodec (graph vocabulary, tree vocabulary, frames) and GraphToTree."""

    @staticmethod
    def _parts() -> tuple[Callable[[dict], Any], Callable[..., Any], Callable[[Any], torch.nn.Module]]:
        from graphmodel.data import TreeCodec
        from graphmodel.model import GraphModelConfig, GraphToTree

        return TreeCodec.from_dict, GraphModelConfig, GraphToTree


class SeqKind(TrainedKind):
    """`seq`: a SeqCodec (source and target vocabularies) and SeqToSeq."""

    @staticmethod
    def _parts() -> tuple[Callable[[dict], Any], Callable[..., Any], Callable[[Any], torch.nn.Module]]:
        from graphmodel.seq_model import SeqCodec, SeqModelConfig, SeqToSeq

        return SeqCodec.from_dict, SeqModelConfig, SeqToSeq
