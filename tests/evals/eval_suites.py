"""Small suites whose reference programs drive the harness through every status, for real.

A module with its own name (not conftest) so tests can import its helpers unambiguously.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path


def write_suite(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps({"split": "test", "family": "f", "answer_kind": "integer", **row}) + "\n")
    return path


# id -> (gold, program, expected status): each program runs in the real sandbox
STATUS_CASES: dict[str, tuple[str, str | None, str]] = {
    "adds": ("5", "answer = 2 + 3\n", "correct"),
    "wrong-ref": ("6", "answer = 7\n", "wrong"),
    "raises": ("1", "answer = 1 // 0\n", "no_answer"),
    "unbound": ("1", "x = 1\n", "no_answer"),
    "no-program": ("1", None, "no_answer"),
    "loops": ("1", "while True:\n    pass\n", "timeout"),
    "bad-gold": ("5 apples", "answer = 5\n", "error"),
}


def status_suite_at(tmp_path: Path) -> Path:
    rows = [
        {"id": pid, "prompt": f"question {pid}", "answer": gold, "program": program}
        for pid, (gold, program, _) in STATUS_CASES.items()
    ]
    # a gold answer the schema accepts but the checker cannot parse: a suite bug -> status error
    return write_suite(tmp_path / "statuses.jsonl", rows)


def quarters_rows(n: int, sleep_s: float = 0.0) -> list[dict]:
    """n problems 'What is i/4?', each reference program sleeping a little so runs take time."""
    rows = []
    for i in range(n):
        pause = f"import time\ntime.sleep({sleep_s})\n" if sleep_s else ""
        rows.append(
            {
                "id": f"q{i:03d}",
                "prompt": f"What is {i}/4?",
                "answer": str(Fraction(i, 4)),
                "answer_kind": "rational",
                "program": f"{pause}from sympy import Rational\nanswer = Rational({i}, 4)\n",
                "family": f"fam{i % 3}",
            }
        )
    return rows


def quarters_suite_at(tmp_path: Path) -> Path:
    return write_suite(tmp_path / "quarters.jsonl", quarters_rows(6))
