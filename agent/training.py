"""Training validation judged like the agent: programs run in the sandbox, answers compared once.

graphmodel may not import verifiers, so it takes the validation checker as an argument
(graphmodel.execution.AnswerChecker). This is the real one: each program runs in the
sandbox (verifiers' warm fork server, the agent's default limits), must finish and bind
`answer`, and its answer is compared with `verifiers.answers_equivalent`, the routine the
agent itself uses. `train_command` is `ladder train` built around it; a missing sandbox is
reported before any training starts, not after an epoch.
"""

from __future__ import annotations

from typing import Any

from graphmodel.cli import train_command_with
from graphmodel.execution import Check, CheckerUnavailable
from graphmodel.generators import CHECKPOINT_DIR, GeneratorError, load_checkpoint
from graphmodel.recipes import PrepareError
from graphmodel.routing import READERS, reader_checkpoint
from graphmodel.train import TrainConfig, TrainError, train
from verifiers import (
    ExecResult,
    ExecStatus,
    Limits,
    SandboxUnavailable,
    answers_equivalent,
    run_program,
)

ERROR_CHARS = 300  # characters of an exception kept per program (the metrics stay small)


def sandbox_checker(programs: list[str], expected: list[str], limits: Limits | None = None) -> list[Check]:
    """Run each program in the sandbox and compare its `answer` with the expected answer string.

    A program that raises, runs out of a limit or binds no `answer` is a wrong answer with
    the reason. Without isolation nothing runs unconfined: SandboxUnavailable becomes
    graphmodel's CheckerUnavailable, which `ladder train` reports before it trains."""
    if len(programs) != len(expected):
        raise ValueError(f"{len(programs)} programs but {len(expected)} expected answers")
    try:
        return [_check(run_program(program, limits), gold) for program, gold in zip(programs, expected, strict=True)]
    except SandboxUnavailable as exc:
        raise CheckerUnavailable(f"the sandbox is unavailable: {exc}") from exc


def _check(result: ExecResult, gold: str) -> Check:
    if result.exception is not None:
        return Check(False, None, f"{result.exception.type}: {result.exception.message}"[:ERROR_CHARS])
    status = str(getattr(result.status, "value", result.status))
    if status != ExecStatus.ok.value:
        return Check(False, None, f"sandbox: {status}")
    if result.answer is None:
        return Check(False, None, "the program does not bind `answer`")
    return Check(answers_equivalent(result.answer, gold), result.answer, None)


def train_checked(cfg: TrainConfig, console: Any = None) -> Any:
    """graphmodel's `train`, validating with the sandbox checker (as `ladder train` does)."""
    return train(cfg, console, checker=sandbox_checker)


train_command = train_command_with(sandbox_checker)

# What evals needs to train and load generators: evals reaches graphmodel only through agent.
__all__ = [
    "CHECKPOINT_DIR", "READERS", "GeneratorError", "PrepareError", "TrainConfig", "TrainError",
    "load_checkpoint", "reader_checkpoint", "sandbox_checker", "train_checked", "train_command",
]
