"""How much of what the agent answers is `verified`, and whether any verified answer is wrong.

    python -m evals.bench_verified tasks/suites/valid.jsonl --count 300 [--workers 2]

Solves `count` evenly spaced problems of a suite from their English prompt (tool mode, the
shipped graph generator) and prints, per family and in all, the verified share and the
verified-but-wrong count (the figure that must stay 0), with the wrong ones listed.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from pydantic import BaseModel


class Row(BaseModel):
    """The fields of a suite row this benchmark reads."""

    id: str
    family: str
    prompt: str
    answer: str


def evenly_spaced(rows: list[Row], count: int) -> list[Row]:
    """`count` rows spread over the whole suite (every family, every difficulty)."""
    if count >= len(rows):
        return rows
    return [rows[i * len(rows) // count] for i in range(count)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", type=Path)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    from agent import Agent
    from verifiers import answers_equivalent

    rows = [Row.model_validate(json.loads(line)) for line in args.suite.read_text().splitlines() if line.strip()]
    problems = evenly_spaced(rows, args.count)
    solutions = Agent().solve_many([p.prompt for p in problems], workers=args.workers)
    total, verified, right, wrong_verified = Counter(), Counter(), Counter(), []
    for problem, solution in zip(problems, solutions, strict=True):
        ok = solution.answer is not None and answers_equivalent(solution.answer, problem.answer)
        total[problem.family] += 1
        right[problem.family] += ok
        if solution.status.value == "verified":
            verified[problem.family] += 1
            if not ok:
                wrong_verified.append((problem.id, solution.answer, problem.answer))
    print(f"{'family':<20} verified/total  correct")
    for family in sorted(total):
        print(f"{family:<20} {verified[family]:>4}/{total[family]:<4}      {right[family]:>4}")
    n = sum(total.values())
    print(f"{'all':<20} {sum(verified.values()):>4}/{n:<4} ({sum(verified.values()) / n:.1%})  "
          f"correct {sum(right.values())} ({sum(right.values()) / n:.1%})  verified-but-wrong {len(wrong_verified)}")
    for problem_id, got, expected in wrong_verified:
        print(f"  verified but wrong: {problem_id}: {got} (expected {expected})")
    return 1 if wrong_verified else 0


if __name__ == "__main__":
    raise SystemExit(main())
