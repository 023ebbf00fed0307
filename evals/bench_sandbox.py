"""Benchmark: the warm fork server against a fresh interpreter per program.

Prints executions/s and p50/p95 latency (ms) for a trivial and a sympy program, each way.
The fresh-interpreter baseline runs ``python -I -c CODE`` with no isolation at all, so it
is a lower bound for any design that starts an interpreter per run.

    .venv/bin/python evals/bench_sandbox.py [--runs 200] [--fresh-runs 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from verifiers import ExecStatus, ForkServer, Limits

PROGRAMS = {
    "trivial": "answer = 6 * 7\n",
    "sympy": ("from sympy import Rational, sqrt, symbols, solve, Eq\n"
              "x = symbols('x')\nroots = solve(Eq(x**2 - 2*x - 3, 0), x)\n"
              "answer = max(roots) + sqrt(Rational(169) - 144)\n"),
}


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _tree_cpu_ms(root: int) -> float:
    """CPU time (ms) used so far by ``root``'s descendants and the children they reaped:
    the sandbox's cost per run, which unlike latency does not grow with machine load."""
    children: dict[int, list[list[str]]] = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append([pid, *fields])
    total, stack = 0, [root]
    while stack:
        for entry in children.get(stack.pop(), []):
            total += sum(int(x) for x in entry[12:16])  # utime stime cutime cstime
            stack.append(int(entry[0]))
    return total * 1000 / os.sysconf("SC_CLK_TCK")


def _measure(run, runs: int) -> tuple[float, float, float]:
    latencies = []
    started = time.perf_counter()
    for _ in range(runs):
        t0 = time.perf_counter()
        run()
        latencies.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - started
    return runs / total, statistics.median(latencies), _percentile(latencies, 0.95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="runs per fork-server cell")
    parser.add_argument("--fresh-runs", type=int, default=20, help="runs per fresh cell")
    args = parser.parse_args()

    server = ForkServer()
    t0 = time.perf_counter()
    server.start()
    startup_ms = (time.perf_counter() - t0) * 1000
    limits = Limits()
    for name, code in PROGRAMS.items():  # warm-up and a correctness check
        result = server.run(code, limits)
        assert result.status is ExecStatus.ok, f"{name}: {result}"

    rows, cpu = [], {}
    for name, code in PROGRAMS.items():
        before = _tree_cpu_ms(server.server_pid)
        rows.append(("fork server", name, *_measure(lambda c=code: server.run(c, limits),
                                                    args.runs)))
        cpu[name] = (_tree_cpu_ms(server.server_pid) - before) / args.runs
    server.close()
    for name, code in PROGRAMS.items():
        command = [sys.executable, "-I", "-c", code]
        rows.append(("fresh interpreter", name, *_measure(
            lambda c=command: subprocess.run(c, check=True, capture_output=True),
            args.fresh_runs)))

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load} (latency grows with load: each run "
          "hops caller -> server -> child -> server -> caller)")
    print(f"fork server start-up (bubblewrap + sympy import): {startup_ms:.0f} ms")
    print(f"{'mode':<18} {'program':<8} {'runs/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for mode, name, rate, p50, p95 in rows:
        print(f"{mode:<18} {name:<8} {rate:>8.1f} {p50:>8.2f} {p95:>8.2f}")
    print("fork server CPU per run (server + child, any load): "
          + ", ".join(f"{name} {ms:.1f} ms" for name, ms in cpu.items()))
    print(f"isolation layers: {', '.join(result.layers)}")


if __name__ == "__main__":
    main()
