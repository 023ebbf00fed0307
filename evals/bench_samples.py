"""Benchmark: tool-mode accuracy and latency against k, the programs the first search gives.

    .venv/bin/python evals/bench_samples.py --suite tasks/suites/valid.jsonl --k 1,2,4,8 \
        [--input ace|prompt] [--limit N] [--workers 2] [--out records.jsonl]

For each k the agent (graph generator, subtree repair, max_repairs 3) solves every problem;
printed per k: accuracy, answered-but-wrong, verified-but-wrong, first-search failures,
and the wall time per question (p50, p90, mean, measured inside the worker). With `--out`,
one JSONL record per (k, problem) keeps each candidate's score, answer, outcome and
correctness, so other selection rules can be replayed offline (`--replay FILE`).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_AGENTS: dict[int, Any] = {}


def _init(workers: int) -> None:
    from agent.cpus import share_cpus

    share_cpus(workers)


def _solve(job: tuple[int, str, dict[str, Any], bool]) -> dict[str, Any]:
    from agent import Agent
    from verifiers import answers_equivalent

    k, text, problem, reorder = job
    key = (k, reorder)
    if key not in _AGENTS:
        from graphmodel.generators import load_generator

        generator = next(iter(_AGENTS.values())).generator if _AGENTS else load_generator("graph")
        _AGENTS[key] = Agent(generator=generator, samples=k, reorder=reorder)
    started = time.perf_counter()
    solution = _AGENTS[key].solve(text)
    seconds = time.perf_counter() - started

    def right(answer: str | None) -> bool:
        return answer is not None and answers_equivalent(answer, problem["answer"])

    return {
        "k": k, "id": problem["id"], "family": problem["family"], "seconds": seconds,
        "answer": solution.answer, "status": solution.status.value, "correct": right(solution.answer),
        "chosen": solution.chosen, "repairs": len(solution.repairs),
        "candidates": [
            {"score": c.score, "answer": c.answer, "outcome": c.outcome.value if c.outcome else None,
             "correct": right(c.answer), "unused": c.unused, "source": c.source}
            for c in solution.candidates
        ],
    }


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(records: list[dict[str, Any]]) -> None:
    print(f"{'k':>3} {'problems':>9} {'accuracy':>9} {'ans-wrong':>10} {'verif-wrong':>12} {'no-first':>9} "
          f"{'p50 s':>7} {'p90 s':>7} {'mean s':>7}")
    for k in sorted({r["k"] for r in records}):
        rows = [r for r in records if r["k"] == k]
        n = len(rows)
        seconds = [r["seconds"] for r in rows]
        print(f"{k:>3} {n:>9} {100 * sum(r['correct'] for r in rows) / n:>8.1f}% "
              f"{sum(r['answer'] is not None and not r['correct'] for r in rows):>10} "
              f"{sum(r['status'] == 'verified' and not r['correct'] for r in rows):>12} "
              f"{sum(r['chosen'] is None for r in rows):>9} "
              f"{_pct(seconds, 0.5):>7.2f} {_pct(seconds, 0.9):>7.2f} {statistics.fmean(seconds):>7.2f}")


def replay(records: list[dict[str, Any]]) -> None:
    """First-search accuracy (before repair) of alternative selection rules, from the records."""
    accepted = ("verified", "passed")

    def top(cands):
        return cands[0] if cands else None

    def first_passing(cands):
        return next((c for c in cands if c["outcome"] in accepted), None)

    def vote(cands, weighted: bool, ungrounded: float = 1.0):
        verified = [c for c in cands if c["outcome"] == "verified"]
        if verified:
            return verified[0]
        best = max((c["score"] for c in cands), default=0.0)
        groups: dict[str, list[dict]] = {}
        for c in cands:
            if c["outcome"] in accepted:
                groups.setdefault(c["answer"], []).append(c)  # canonical strings: exact grouping
        if not groups:
            return None
        def weight(g):
            return (sum((math.exp(c["score"] - best) if weighted else 1.0) * (ungrounded if c.get("unused") else 1.0)
                        for c in g), max(c["score"] for c in g))
        return max(groups.values(), key=weight)[0]

    def grounded_first(cands, rule):
        verified = [c for c in cands if c["outcome"] == "verified"]
        grounded = [c if not c.get("unused") else {**c, "outcome": "ungrounded"} for c in cands]
        return (verified or [None])[0] or rule(grounded) or rule(cands)

    rules = {"top (no checks)": top, "first passing": first_passing,
             "vote (count)": lambda c: vote(c, False), "vote (score-weighted)": lambda c: vote(c, True),
             "grounded, first passing": lambda c: grounded_first(c, first_passing),
             "grounded, weighted vote": lambda c: grounded_first(c, lambda x: vote(x, True)),
             **{f"weighted, ungrounded x{f}": partial(vote, weighted=True, ungrounded=f) for f in (0.3, 0.1, 0.03, 0.01)}}
    ks = sorted({r["k"] for r in records})
    print("\nfirst-search accuracy by selection rule (before repair), k = " + ", ".join(map(str, ks)))
    for name, rule in rules.items():
        cells = []
        for k in ks:
            rows = [r for r in records if r["k"] == k]
            picks = [rule(r["candidates"]) for r in rows]
            cells.append(f"{100 * sum(bool(p and p['correct']) for p in picks) / len(rows):>6.1f}%")
        print(f"  {name:<30}" + " ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default="tasks/suites/valid.jsonl")
    parser.add_argument("--k", default="1,2,4,8", help="Comma-separated values of k.")
    parser.add_argument("--input", choices=["ace", "prompt"], default="ace")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--reorder", action="store_true", help="Also generate from the facts reordered.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--replay", type=Path, default=None, help="Only report the records of an earlier run.")
    args = parser.parse_args()
    if args.replay:
        records = [json.loads(line) for line in args.replay.read_text().splitlines() if line.strip()]
        report(records)
        replay(records)
        return 0

    from agent.compare import spread
    from tasks import load_suite

    problems = spread(load_suite(args.suite), args.limit)
    ks = [int(k) for k in args.k.split(",")]
    jobs = [(k, p.ace if args.input == "ace" else p.prompt, p.model_dump(mode="json"), args.reorder)
            for k in ks for p in problems]
    print(f"{len(problems)} problems of {args.suite} ({args.input} input), k in {ks}, {args.workers} workers")
    records = []
    sink = args.out.open("w") if args.out else None
    with ProcessPoolExecutor(args.workers, mp_context=get_context("spawn"), initializer=_init,
                             initargs=(args.workers,)) as pool:
        for record in pool.map(_solve, jobs, chunksize=8):
            records.append(record)
            if sink:
                sink.write(json.dumps(record) + "\n")
    if sink:
        sink.close()
    report(records)
    replay(records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
