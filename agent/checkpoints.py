"""Where a solve's checkpoints go, and which of ladder's types they may hold.

LangGraph stores the state with msgpack and, reading it back, rebuilds only the types it was
told about (any other warns today, "will be blocked in a future version"). `state_types`
walks `AgentState`'s annotations for every pydantic model and enum in it, and each saver
ladder opens gets a serializer that allows exactly those, so old checkpoints keep loading
when LangGraph turns strict, and nothing else is rebuilt from a checkpoint file.
"""

from __future__ import annotations

import sqlite3
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from pydantic import BaseModel

from agent.state import AgentState


class CheckpointerError(ValueError):
    """A checkpointer spec ladder cannot open; says what it accepts."""


def state_types(root: type[BaseModel] = AgentState) -> list[type]:
    """Every pydantic model and enum reachable from `root`'s field annotations (root included)."""
    found: list[type] = []

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel | Enum):
            if annotation in found:
                return
            found.append(annotation)
            if issubclass(annotation, BaseModel):
                for field in annotation.model_fields.values():
                    visit(field.annotation)
            return
        for arg in typing.get_args(annotation):
            visit(arg)

    visit(root)
    return found


def serializer() -> JsonPlusSerializer:
    """msgpack with ladder's state types registered (and only those, besides LangGraph's safe ones)."""
    return JsonPlusSerializer(allowed_msgpack_modules=state_types())


def open_checkpointer(spec: Any) -> BaseCheckpointSaver:
    """None -> in memory; 'sqlite:PATH' or a *.sqlite/*.db path -> SQLite; a saver -> itself."""
    if spec is None or spec == "memory":
        return InMemorySaver(serde=serializer())
    if isinstance(spec, BaseCheckpointSaver):
        return spec
    text = str(spec)
    path = text.removeprefix("sqlite:") if text.startswith("sqlite:") else text
    if text.startswith("sqlite:") or Path(path).suffix in (".sqlite", ".sqlite3", ".db"):
        from langgraph.checkpoint.sqlite import SqliteSaver

        return SqliteSaver(sqlite3.connect(path, check_same_thread=False), serde=serializer())
    raise CheckpointerError(f"checkpointer {spec!r}: expected None, 'memory', 'sqlite:PATH' or a checkpoint saver")
