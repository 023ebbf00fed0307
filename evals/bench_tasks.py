"""Benchmark: how fast the task families generate suites (issue 3: 10,000 problems in seconds).

Run: `.venv/bin/python evals/bench_tasks.py`. Prints problems per second for generation
alone and for generation plus writing JSONL, best of three runs each.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tasks import dump_suite
from tasks.families import FAMILIES
from tasks.generate import generate

TARGET = 10_000  # problems per run, spread evenly over the random-split families
REPEATS = 3


def _best(fn) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    per_family = -(-TARGET // len(FAMILIES))
    n = per_family * len(FAMILIES)
    gen = _best(lambda: generate(None, per_family, 0, "train"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.jsonl"
        gen_write = _best(lambda: dump_suite(generate(None, per_family, 0, "train"), out))
        size_mb = out.stat().st_size / 1e6
    print(f"tasks.generate: {n} problems ({len(FAMILIES)} families x {per_family}), best of {REPEATS}")
    print(f"  generate only        {gen:6.2f} s   {n / gen:8.0f} problems/s")
    print(f"  generate + JSONL     {gen_write:6.2f} s   {n / gen_write:8.0f} problems/s   ({size_mb:.1f} MB)")


if __name__ == "__main__":
    main()
