"""Accuracy of trained generators on a suite: first-tree answers, and infilling of random holes.

    python -m graphmodel.evaluate --suite tasks/suites/test.jsonl --generator graph,seq --infill

Answers are judged by an injected AnswerChecker (graphmodel.execution); this script, which may
not import the sandbox, uses graphmodel's fallback checker (a child process).
"""

from __future__ import annotations

import json
import random
import time
from collections import defaultdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from graphmodel.execution import AnswerChecker, check_answers
from graphmodel.recipes import Item, prepare
from graphmodel.trees import iter_paths, print_tree

NO_PROGRAM = "raise RuntimeError('no valid tree')"


def suite_accuracy(gen: Any, items: list[Item], batch: int = 64, checker: AnswerChecker = check_answers) -> dict:
    """Greedy first tree per problem: answer accuracy (overall, by family) and exact tree match."""
    trees = []
    t0 = time.perf_counter()
    for i in range(0, len(items), batch):
        chunk = items[i : i + batch]
        for cands in gen.generate_batch([it.graph for it in chunk], k=1):
            trees.append(cands[0].tree if cands else None)
    secs = time.perf_counter() - t0
    checks = checker([print_tree(t) if t is not None else NO_PROGRAM for t in trees], [it.answer for it in items])
    fam: dict[str, list[bool]] = defaultdict(list)
    for it, c in zip(items, checks, strict=True):
        fam[it.family].append(c.correct)
    n = max(len(items), 1)
    return {
        "n": len(items),
        "answer": sum(c.correct for c in checks) / n,
        "exact": sum(t is not None and t == it.tree for t, it in zip(trees, items, strict=True)) / n,
        "by_family": {f: sum(v) / len(v) for f, v in sorted(fam.items())},
        "trees_per_s": len(items) / max(secs, 1e-9),
    }


def infill_accuracy(gen: Any, items: list[Item], seed: int = 0, checker: AnswerChecker = check_answers) -> dict:
    """Cut one uniformly random non-root subtree of each reference tree; infill; check the answer."""
    rng = random.Random(seed)
    programs, sizes = [], []
    for it in items:
        paths = [p for p, _ in iter_paths(it.tree)][1:]
        path = rng.choice(paths)
        sizes.append(sum(1 for _ in iter_paths(dict(iter_paths(it.tree))[path])))
        cands = gen.infill(it.graph, it.tree, path, k=1)
        programs.append(cands[0].source if cands else NO_PROGRAM)
    checks = checker(programs, [it.answer for it in items])
    n = max(len(items), 1)
    return {"n": len(items), "answer": sum(c.correct for c in checks) / n, "mean_hole_nodes": sum(sizes) / n}


def main(
    suite: Annotated[list[Path], typer.Option(help="Suite JSONL to evaluate on (repeatable).")],
    generator: Annotated[str, typer.Option(help="Comma-separated: graph,seq.")] = "graph,seq",
    infill: Annotated[bool, typer.Option(help="Also measure infilling of random holes.")] = False,
    checkpoint_dir: Annotated[Path | None, typer.Option(help="Directory with NAME.pt (default: the shipped ones).")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N problems of each suite.")] = None,
    infill_limit: Annotated[int | None, typer.Option(help="Infill only the first N problems of each suite.")] = None,
    out: Annotated[Path | None, typer.Option(help="Write the results as JSON here.")] = None,
    threads: Annotated[int, typer.Option(help="torch CPU threads.")] = 1,
) -> None:
    """Evaluate shipped (or given) checkpoints on suites and print a table."""
    import torch

    from graphmodel.generators import GeneratorError, load_generator
    from tasks import load_suite

    torch.set_num_threads(threads)
    console = Console()
    results: dict[str, Any] = {}
    for name in [g.strip() for g in generator.split(",") if g.strip()]:
        try:
            gen = load_generator(name, str(checkpoint_dir / f"{name}.pt") if checkpoint_dir else None)
        except GeneratorError as exc:
            Console(stderr=True).print(f"[red]error:[/] {exc}")
            raise typer.Exit(code=1) from exc
        for s in suite:
            items, skipped = prepare(load_suite(s)[:limit] if limit else load_suite(s))
            key = f"{name}:{s.stem}"
            results[key] = {"suite": str(s), "skipped": len(skipped), **suite_accuracy(gen, items)}
            total = results[key]["n"] + len(skipped)  # problems the ACE parser rejects count as wrong
            results[key]["answer_of_all"] = results[key]["answer"] * results[key]["n"] / max(total, 1)
            if infill:
                results[key]["infill"] = infill_accuracy(gen, items[:infill_limit] if infill_limit else items)
            console.print(f"{key}: answer {results[key]['answer']:.3f} ({results[key]['n']} problems, {len(skipped)} skipped)")
    table = Table(title="generator accuracy (first tree, greedy)")
    for col in ("generator:suite", "n", "answer", "exact", "infill answer", "trees/s"):
        table.add_column(col, justify="right")
    for key, r in results.items():
        inf = r.get("infill", {}).get("answer")
        table.add_row(key, str(r["n"]), f"{r['answer']:.3f}", f"{r['exact']:.3f}", "-" if inf is None else f"{inf:.3f}", f"{r['trees_per_s']:.1f}")
    console.print(table)
    if out:
        out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    typer.run(main)
