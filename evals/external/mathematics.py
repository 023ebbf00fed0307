"""Suites from DeepMind's mathematics_dataset generator (PyPI `mathematics-dataset`, 2019, Apache-2.0).

The 2019 code needs numpy<2, so it runs in its own virtual environment (created on first
use, from PyPI) as a subprocess; the main environment is never pinned by it. The child
prints JSON lines, and this module turns them into Problem records.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from tasks import AnswerKind, Problem, Split

CHILD = Path(__file__).with_name("mathematics_child.py")
REQUIREMENTS = ("mathematics-dataset==1.0.1", "numpy<2")  # the 2019 generator; numpy 2 removed what it uses
DEFAULT_MODULES = (
    "arithmetic__add_or_sub",
    "arithmetic__mul",
    "algebra__linear_1d",
    "numbers__gcd",
    "numbers__lcm",
    "numbers__div_remainder",
    "comparison__pair",
)
_INTEGER = re.compile(r"^-?\d+$")
_RATIONAL = re.compile(r"^-?(\d+/\d+|\d+\.\d+|\.\d+)$")
_BOOLEAN = {"True", "False"}
# Modules whose comma-separated answer is a set of solutions printed in sorted order (the
# generator sorts the roots; their order says nothing), so any order of the same values is right.
SOLUTION_SET_MODULES = frozenset({"algebra__polynomial_roots"})


class MathematicsDatasetError(RuntimeError):
    """The generator's environment could not be made, or the generator failed; says which and why."""


class MathematicsSpec(BaseModel):
    """Which questions to draw; the same spec draws the same questions."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    modules: tuple[str, ...] = Field(default=DEFAULT_MODULES, min_length=1)
    per_module: int = Field(default=20, ge=1, le=100_000)
    seed: int = 0
    regime: str = Field(default="interpolate", pattern="^(train|interpolate|extrapolate)$")


def default_venv() -> Path:
    """Where the generator's environment lives: $LADDER_CACHE or ~/.cache/ladder."""
    root = Path(os.environ.get("LADDER_CACHE", Path.home() / ".cache" / "ladder"))
    return root / "mathematics-dataset-venv"


def ensure_venv(venv: Path, python: str = sys.executable) -> Path:
    """Create the generator's venv if it is missing; return its interpreter."""
    interpreter = venv / "bin" / "python"
    if interpreter.exists() and _importable(interpreter):
        return interpreter
    try:
        subprocess.run([python, "-m", "venv", str(venv)], check=True, capture_output=True, text=True)
        subprocess.run(
            [str(interpreter), "-m", "pip", "install", "-q", *REQUIREMENTS],
            check=True,
            capture_output=True,
            text=True,
        )
    except subprocess.CalledProcessError as exc:
        tail = (exc.stderr or exc.stdout or "").strip().splitlines()[-3:]
        raise MathematicsDatasetError(
            f"could not set up {venv} with {' '.join(REQUIREMENTS)}: {' / '.join(tail) or exc}"
        ) from None
    return interpreter


def _importable(interpreter: Path) -> bool:
    probe = subprocess.run([str(interpreter), "-c", "import mathematics_dataset"], capture_output=True)
    return probe.returncode == 0


def sample_questions(spec: MathematicsSpec, venv: Path | None = None, timeout_s: float = 600) -> list[dict]:
    """Run the generator in its venv; one dict per question: module, index, question, answer."""
    interpreter = ensure_venv(venv or default_venv())
    cmd = [str(interpreter), str(CHILD), str(spec.seed), str(spec.per_module), spec.regime, *spec.modules]
    try:
        # the generator iterates over sets of letters: a fixed hash seed makes the same seed draw the same text
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, env=env)
    except subprocess.TimeoutExpired:
        raise MathematicsDatasetError(f"the generator ran past {timeout_s:g} s") from None
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        raise MathematicsDatasetError(f"the generator failed: {tail[0]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def answer_kind(answer: str, solution_set: bool = False) -> tuple[str, AnswerKind]:
    """The exact answer string and its kind, from the generator's printed answer; a list is a
    set when `solution_set` (the module prints solutions sorted, SOLUTION_SET_MODULES)."""
    text = answer.strip()
    if _INTEGER.match(text):
        return text, AnswerKind.integer
    if _RATIONAL.match(text):
        return text, AnswerKind.rational  # '346.9' is exact: the checker reads it as 3469/10
    if text in _BOOLEAN:
        return text, AnswerKind.boolean
    if ", " in text and solution_set:
        return f"{{{text}}}", AnswerKind.set
    if ", " in text:
        return f"({text})", AnswerKind.tuple  # lists such as prime factors, in the generator's order
    return text.replace("^", "**"), AnswerKind.expression


def to_problem(item: dict, spec: MathematicsSpec) -> Problem:
    answer, kind = answer_kind(item["answer"], solution_set=item["module"] in SOLUTION_SET_MODULES)
    return Problem(
        id=f"mathematics-{item['module']}-{spec.seed}-{item['index']:05d}",
        prompt=item["question"],
        answer=answer,
        answer_kind=kind,
        family=item["module"],
        split=Split.external,
        meta={
            "source": "mathematics_dataset",
            "module": item["module"],
            "regime": spec.regime,
            "seed": spec.seed,
            "raw_answer": item["answer"],
        },
    )


def generate_mathematics_suite(spec: MathematicsSpec, venv: Path | None = None) -> list[Problem]:
    """Problems drawn from the chosen modules, in module order."""
    return [to_problem(item, spec) for item in sample_questions(spec, venv)]
