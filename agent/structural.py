"""Structural mode: reduce a program tree to an exact answer without running the program.

The reduction itself (agent.reducer) interprets the tree over sympy and never turns a string
into code. It still runs where tool-mode programs run: inside the sandbox, as the program
text (the engine's code, compiled once by the parent) on the serialized tree, under the same limits; the parent only re-parses the answer
with the whitelist parser. Structural mode stays what it was (no execution of the generated
program, no feedback, the first tree only): the sandbox is a second wall, so that a hole in
the reducer's rules runs confined instead of in the parent.
"""

from __future__ import annotations

import json
import marshal
from functools import cache
from pathlib import Path
from typing import Any

from agent import reducer
from agent.reducer import IRREDUCIBLE_MARKER, MAX_STEPS, SYMPY_NAMES, Irreducible, serialize
from verifiers import ExecStatus, Limits, parse_answer, run_program

__all__ = ["MAX_STEPS", "SYMPY_NAMES", "Irreducible", "reduce_tree", "reduction_program"]

LIMITS = Limits()  # the sandbox's defaults: what a tool-mode program gets


class _Place:
    """Where an Irreducible happened, as the sandbox reported it."""

    def __init__(self, node_type: str, line: int | None, column: int | None) -> None:
        self.type = node_type
        self.start = (line - 1, column) if line is not None and column is not None else None


@cache
def _engine_source() -> str:
    return Path(reducer.__file__).read_text(encoding="utf-8")


@cache
def _engine_loader() -> str:
    """Program text that defines the engine from its compiled code. The parent compiles the
    engine once (our own source, never the model's) and each sandboxed child only unmarshals
    it: compiling the engine's ~30k characters in every child was 10 of a reduction's
    20 ms, and what made structural mode slower per question than tool mode's runs."""
    code = compile(_engine_source(), "<ladder-reducer>", "exec", dont_inherit=True)
    blob = marshal.dumps(code).hex()  # bytes.fromhex needs no import in the child (binascii would)
    return f"import marshal as _ladder_marshal\nexec(_ladder_marshal.loads(bytes.fromhex({blob!r})))\n"


def reduction_program(tree: Any) -> str:
    """The sandbox program that reduces ``tree``: the engine (its compiled code, from
    agent/reducer.py), then the tree as a JSON string literal (data, never code) and a call
    that binds `answer` if it reduces."""
    tree_json = json.dumps(serialize(tree))
    return (f"{_engine_loader()}\n_ladder_value = reduce_in_sandbox({tree_json!r})\n"
            "if _ladder_value is not None:\n    answer = _ladder_value\n")


def reduce_tree(tree: Any, limits: Limits | None = None) -> Any:
    """The value the tree binds to `answer`, reduced exactly inside the sandbox (a sympy
    object parsed from the sandbox's answer by the whitelist parser); raises Irreducible
    otherwise. SandboxUnavailable propagates: there is no unsandboxed fallback."""
    result = run_program(reduction_program(tree), limits or LIMITS)
    if result.status is ExecStatus.ok and result.answer is not None:
        return parse_answer(result.answer)
    for line in reversed(result.stdout.splitlines()):
        if line.startswith(IRREDUCIBLE_MARKER):
            where = json.loads(line[len(IRREDUCIBLE_MARKER):])
            place = _Place(str(where.get("node_type")), where.get("line"), where.get("column"))
            raise Irreducible(place, str(where.get("reason")))
    detail = f"{result.exception.type}: {result.exception.message}" if result.exception \
        else result.status.value
    raise Irreducible(tree, f"the reduction ended as {result.status.value} in the sandbox "
                            f"({detail})")
