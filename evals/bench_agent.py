"""Benchmark: the agent's latency per node and per question, in both modes.

    .venv/bin/python evals/bench_agent.py [--suite tasks/suites/smoke.jsonl] [--limit 36] [--generator graph]

Prints, for tool and structural mode, questions/s and the p50/p95 wall time of each node
(rewrite, parse, generate, execute, reduce, verify, repair), from the trace every Solution
carries. The first question of each mode warms the generator and the sandbox's fork server
and is left out of the figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default="tasks/suites/smoke.jsonl")
    parser.add_argument("--limit", type=int, default=36)
    parser.add_argument("--generator", default="graph", choices=["graph", "seq"])
    args = parser.parse_args()

    from agent import Agent
    from graphmodel.generators import GeneratorError, load_generator
    from tasks import load_suite

    try:
        load_generator(args.generator)
    except GeneratorError as err:
        print(f"bench_agent: no {args.generator} generator to measure: {err}")
        return 0
    problems = load_suite(args.suite)[: args.limit]
    print(f"agent benchmark: {len(problems)} questions of {args.suite}, generator {args.generator}")
    for mode in ("tool", "structural"):
        agent = Agent(generator=args.generator, mode=mode)
        agent.solve(problems[0].prompt)  # warm-up: model load, fork server
        per_node: dict[str, list[float]] = defaultdict(list)
        totals: list[float] = []
        started = time.perf_counter()
        for problem in problems[1:]:
            t0 = time.perf_counter()
            solution = agent.solve(problem.prompt)
            totals.append((time.perf_counter() - t0) * 1000)
            for step in solution.trace:
                per_node[step.node].append(step.duration_ms)
        elapsed = time.perf_counter() - started
        print(f"\n{mode}: {len(totals) / elapsed:.2f} questions/s, per question p50 "
              f"{statistics.median(totals):.1f} ms, p95 {_percentile(totals, 0.95):.1f} ms")
        print(f"  {'node':<10}{'runs':>6}{'p50 ms':>10}{'p95 ms':>10}")
        for node, values in per_node.items():
            print(f"  {node:<10}{len(values):>6}{statistics.median(values):>10.2f}{_percentile(values, 0.95):>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
