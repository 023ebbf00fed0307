"""Answer checking for validation: the checker protocol, and graphmodel's own fallback checker.

Validation decodes each problem, runs the program and asks whether its `answer` is the
expected one; the score picks the checkpoint, so it should be the agent's own judgement.
graphmodel may not import verifiers (DESIGN.md layering), so the checker is injected:
`train(..., checker=...)`, `evaluate(..., checker=...)`, `suite_accuracy(..., checker=...)`.
`ladder train` passes agent.training.sandbox_checker: each program runs in the sandbox
(verifiers' fork server, the agent's limits) and its answer is compared with
`verifiers.answers_equivalent`, the one equivalence routine.

`check_answers` below is the fallback for callers without an agent (graphmodel's own tests,
`python -m graphmodel.evaluate`, a bare `train(cfg)`): one child process (sympy imported
once) runs each program in a fresh namespace under a CPU-time alarm and an address-space
limit. It is a measuring tool, not the sandbox: only the model's own outputs go through it,
never user input, and its comparison is its own (sympy equality, then simplification; a
base-b numeral compared as text), so figures from it can differ slightly from the agent's.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from typing import Protocol

PER_PROGRAM_S = 2  # seconds of CPU per program
MEMORY_MB = 1024  # address-space limit of the worker


@dataclass
class Check:
    """One program's outcome: whether its answer is the expected one, the answer, why it failed."""

    correct: bool
    answer: str | None
    error: str | None


class CheckerUnavailable(RuntimeError):
    """The checker cannot run programs at all (e.g. no sandbox isolation on this machine)."""


class AnswerChecker(Protocol):
    """Runs each program and compares its `answer` with the expected answer string (one Check each,
    in order). A program that fails is a Check with its error; a checker that cannot run any
    program raises CheckerUnavailable."""

    def __call__(self, programs: list[str], expected: list[str]) -> list[Check]: ...


_WORKER = r'''
import json, resource, signal, sys
resource.setrlimit(resource.RLIMIT_AS, (MEM * 2**20, MEM * 2**20))
import sympy

class Timeout(Exception):
    pass

def _alarm(signum, frame):
    raise Timeout("timeout")

signal.signal(signal.SIGALRM, _alarm)

def same(a, b):
    if str(a) == str(b):  # base-b numerals are written as Symbols ('2c9'): their text is the answer
        return True
    try:
        x, y = sympy.sympify(a), sympy.sympify(b)
    except Exception:
        return str(a) == str(b)
    if isinstance(x, (list, tuple)):  # a sorted list of solutions and the tuple a suite writes
        x = sympy.Tuple(*x)
    if isinstance(y, (list, tuple)):
        y = sympy.Tuple(*y)
    def plain(e):  # `symbols('p', positive=True)` and the gold's plain `p` are one name
        try:
            return e.xreplace({v: sympy.Symbol(v.name) for v in e.free_symbols if isinstance(v, sympy.Symbol)})
        except Exception:
            return e
    x, y = plain(x), plain(y)
    if x == y:
        return True
    try:
        return bool(sympy.simplify(x - y) == 0)
    except Exception:
        return False

for line in sys.stdin:
    job = json.loads(line)
    out = {"correct": False, "answer": None, "error": None}
    try:
        signal.alarm(SECS)
        ns = {"__name__": "__ladder__"}
        exec(compile(job["program"], "<program>", "exec"), ns)
        if "answer" not in ns:
            raise NameError("the program does not bind `answer`")
        value = ns["answer"]
        out["answer"] = str(value)
        out["correct"] = same(value, job["expected"])
        signal.alarm(0)
    except BaseException as exc:
        signal.alarm(0)
        out["error"] = f"{type(exc).__name__}: {exc}"[:300]
    sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()
'''


def check_answers(programs: list[str], expected: list[str], timeout_s: float | None = None) -> list[Check]:
    """The fallback AnswerChecker: run each program in one child process, compare its `answer` with the expected string."""
    if len(programs) != len(expected):
        raise ValueError(f"{len(programs)} programs but {len(expected)} expected answers")
    if not programs:
        return []
    code = _WORKER.replace("MEM", str(MEMORY_MB)).replace("SECS", str(PER_PROGRAM_S))
    payload_lines = [json.dumps({"program": p, "expected": e}) + "\n" for p, e in zip(programs, expected, strict=True)]
    out: list[Check] = []
    while len(out) < len(programs):  # a worker that dies (memory) loses one program, not the rest
        start = len(out)
        batch = payload_lines[start:]
        limit = timeout_s if timeout_s is not None else 30 + (PER_PROGRAM_S + 1) * len(batch)
        try:
            proc = subprocess.run(
                [sys.executable, "-I", "-c", code], input="".join(batch), capture_output=True, text=True,
                timeout=limit, check=False,
            )
        except subprocess.TimeoutExpired:
            out.extend([Check(False, None, "worker timeout")] * len(batch))
            break
        out.extend(Check(**json.loads(line)) for line in proc.stdout.splitlines())
        if len(out) < len(programs):
            out.append(Check(False, None, f"worker exited {proc.returncode}: {proc.stderr[-200:]}"))
    return out[: len(programs)]
