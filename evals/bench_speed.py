"""Benchmark: end-to-end problems/s per mode and generator, beside the sandbox's own rate.

    .venv/bin/python evals/bench_speed.py [--problems 300] [--workers 2] [--generator graph,seq]
        [--mode tool,structural] [--stage-problems 20] [--device cpu]

Prints, in one run (so that machine load, which on a shared machine moves every figure,
is the same for all of them):

* the sandbox's single-process trivial-run rate (`answer = 6 * 7` through one warm fork
  server, runs/s), measured before and after the end-to-end runs;
* trees/s decoded by the graph generator at batch 1, 32 and 256 (greedy: one tree per
  graph; and beam k=4 at batch 32); with --device cuda, batch 1024 and 4096 as well;
* problems/s of `Agent.solve_many(workers=...)` on every third problem of
  tasks/suites/test.jsonl (all 18 families), per generator and mode: the first call (cold:
  worker start-up included) and a second one on the same workers (warm), with accuracy and
  the warm rate's ratio to the sandbox's trivial-run rate;
* stage times: p50 ms per node of a one-by-one `solve` of the first problems (the cost of
  each stage alone; under `solve_many` a node's trace time includes the wait at the batch
  barrier, agent/batching.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TRIVIAL = "answer = 6 * 7\n"


def sandbox_rate(runs: int) -> float:
    """Trivial runs/s through one warm fork server, one at a time."""
    from verifiers import ExecStatus, ForkServer, Limits

    server = ForkServer()
    try:
        server.start()
        limits = Limits()
        first = server.run(TRIVIAL, limits)
        assert first.status is ExecStatus.ok and first.answer == "42", f"the sandbox is broken: {first}"
        started = time.perf_counter()
        for _ in range(runs):
            server.run(TRIVIAL, limits)
        return runs / (time.perf_counter() - started)
    finally:
        server.close()


def decode_rates(problems: list, device: str, k: int, batches: list[int]) -> dict[int, float]:
    """Trees/s of the graph generator (the ACE reader's model) at each batch size."""
    import torch

    from graphmodel.generators import load_generator
    from tasks.ace import parse_ace

    gen = load_generator("graph", device=device)
    gen = getattr(gen, "default", gen)  # a ReaderRouted generator: its ACE model
    graphs = [parse_ace(p.ace) for p in problems if p.ace]
    out = {}
    for batch in batches:
        pool = (graphs * (-(-max(batch, 64) // len(graphs))))[: max(batch, 64)]
        gen.generate_batch(pool[: min(batch, 8)], k=k)  # warm-up
        if device.startswith("cuda"):
            torch.cuda.synchronize()
        started = time.perf_counter()
        for i in range(0, len(pool), batch):
            gen.generate_batch(pool[i : i + batch], k=k)
        if device.startswith("cuda"):
            torch.cuda.synchronize()
        out[batch] = len(pool) / (time.perf_counter() - started)
    return out


def end_to_end(generator: str, mode: str, problems: list, workers: int) -> tuple[float, float, float, bool]:
    """(cold problems/s, warm problems/s, accuracy, same answers both times) of solve_many:
    cold is the first call (worker start-up included), warm a second call on the same
    workers (start-up is paid once per process)."""
    from agent import Agent
    from verifiers import answers_equivalent

    texts = [p.prompt for p in problems]
    with Agent(generator=generator, mode=mode) as agent:
        started = time.perf_counter()
        solutions = agent.solve_many(texts, workers=workers)
        cold = len(problems) / (time.perf_counter() - started)
        started = time.perf_counter()
        again = agent.solve_many(texts, workers=workers)
        warm = len(problems) / (time.perf_counter() - started)
    correct = sum(s.answer is not None and answers_equivalent(s.answer, p.answer) for p, s in zip(problems, solutions, strict=True))
    same = [s.answer for s in solutions] == [s.answer for s in again]
    return cold, warm, correct / len(problems), same


def stage_times(generator: str, mode: str, problems: list) -> dict[str, float]:
    """p50 ms per node over one-by-one solves (the first solve warms up and is left out)."""
    from agent import Agent

    agent = Agent(generator=generator, mode=mode)
    agent.warm_up()
    per_node: dict[str, list[float]] = defaultdict(list)
    for p in problems:
        for step in agent.solve(p.prompt).trace:
            per_node[step.node].append(step.duration_ms)
    return {node: statistics.median(v) for node, v in per_node.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--generator", default="graph,seq")
    parser.add_argument("--mode", default="tool,structural")
    parser.add_argument("--stage-problems", type=int, default=20)
    parser.add_argument("--sandbox-runs", type=int, default=300)
    parser.add_argument("--device", default="cpu")
    parser.add_argument(
        "--decode-threads", type=int, nargs="*", default=None,
        help="torch threads to decode with (default: this process's share of the cores, as a worker has). "
        "On a 2-core machine that other jobs share, 2 threads decoded 10x slower than 1 (OpenMP threads "
        "spin at every op's barrier while the other core is taken).",
    )
    args = parser.parse_args()

    import torch

    from agent.cpus import share_cpus
    from tasks import load_suite

    share_cpus(args.workers)  # this process's own decoding: its share of the cores, like a worker
    problems = load_suite("tasks/suites/test.jsonl")[::3][: args.problems]
    print(f"speed benchmark: {len(problems)} problems (every third of tasks/suites/test.jsonl), "
          f"{args.workers} workers, {os.cpu_count()} CPUs, load average "
          + ", ".join(f"{x:.1f}" for x in os.getloadavg()))

    before = sandbox_rate(args.sandbox_runs)
    print(f"\nsandbox trivial runs/s (one process, one warm fork server): {before:.1f}")

    batches = [1, 32, 256] + ([1024, 4096] if args.device.startswith("cuda") else [])
    share = torch.get_num_threads()
    print(f"\ndecoding on {args.device}, graph generator, trees/s (greedy) and graphs/s (beam k=4, 5 hypotheses each):")
    for threads in args.decode_threads or [share]:
        torch.set_num_threads(threads)
        greedy = decode_rates(problems, args.device, 1, batches)
        beam = decode_rates(problems, args.device, 4, [32])
        print(f"  {threads} torch thread(s): " + "  ".join(f"batch {b}: {r:.0f}" for b, r in greedy.items())
              + f"  | beam k=4 at batch 32: {beam[32]:.1f}")
    torch.set_num_threads(share)

    rows = []
    for generator in args.generator.split(","):
        for mode in args.mode.split(","):
            rows.append((generator, mode, *end_to_end(generator, mode, problems, args.workers)))
    after = sandbox_rate(args.sandbox_runs)
    trivial = (before + after) / 2
    print(f"\nsandbox trivial runs/s after the end-to-end runs: {after:.1f} (mean {trivial:.1f})")
    print(f"\nend to end, Agent.solve_many(workers={args.workers}); cold: first call, worker start-up included; "
          "warm: a second call on the same workers")
    print(f"  {'generator':<10}{'mode':<12}{'cold /s':>9}{'warm /s':>9}{'accuracy':>10}{'warm / sandbox':>16}  same answers")
    for generator, mode, cold, warm, accuracy, same in rows:
        print(f"  {generator:<10}{mode:<12}{cold:>9.2f}{warm:>9.2f}{accuracy:>10.1%}{warm / trivial:>16.3f}  {same}")

    if args.stage_problems:
        print(f"\nstage times, p50 ms per node, one-by-one solve of {args.stage_problems} problems:")
        for generator in args.generator.split(","):
            for mode in args.mode.split(","):
                times = stage_times(generator, mode, problems[: args.stage_problems])
                print(f"  {generator:<6}{mode:<12}" + "  ".join(f"{n} {ms:.1f}" for n, ms in times.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
