"""Benchmark the generators: parameters, training examples/s, trees/s (greedy, beam 4), peak memory.

    .venv/bin/python evals/bench_model.py [--generator graph,seq] [--problems 128] [--device cpu]

Uses the shipped checkpoints (graphmodel/checkpoints/NAME.pt). Decoding is batched over
problems of tasks/suites/test.jsonl; training speed is measured on train.jsonl with the
checkpoint's own architecture (fresh weights, a few optimizer steps after a warm-up).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from graphmodel.generators import CHECKPOINT_DIR, load_checkpoint, load_generator  # noqa: E402
from graphmodel.recipes import prepare, recipe_class  # noqa: E402
from tasks import load_suite  # noqa: E402


def peak_mb(device: torch.device) -> float:
    if device.type == "cuda":
        return torch.cuda.max_memory_allocated(device) / 2**20
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def bench_training(name: str, ckpt: dict, items: list, device: torch.device, steps: int, batch: int) -> float:
    recipe = recipe_class(name).from_checkpoint(ckpt)
    model = recipe.new_model().to(device).train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    examples, _ = recipe.examples(items)
    rng = random.Random(0)
    amp = device.type == "cuda"
    done, t0 = 0, 0.0
    for i in range(steps + 2):  # two warm-up steps are not timed
        if i == 2:
            if device.type == "cuda":
                torch.cuda.synchronize()
            t0, done = time.perf_counter(), 0
        chunk = rng.sample(examples, batch)
        b = {k: v.to(device) for k, v in recipe.batch(chunk, rng, 0.35).items()}
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=amp):
            loss, _ = model(b)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        done += batch
    if device.type == "cuda":
        torch.cuda.synchronize()
    return done / (time.perf_counter() - t0)


def bench_decoding(gen, graphs: list, k: int, batch: int) -> float:
    gen.generate_batch(graphs[:4], k=k)  # warm-up
    t0 = time.perf_counter()
    for i in range(0, len(graphs), batch):
        gen.generate_batch(graphs[i : i + batch], k=k)
    return len(graphs) / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--generator", default="graph,seq")
    ap.add_argument("--problems", type=int, default=128, help="test problems decoded per setting")
    ap.add_argument("--train-steps", type=int, default=10)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads; 1 is fastest on a shared 2-core machine (0: torch's default)")
    ap.add_argument("--checkpoint-dir", type=Path, default=CHECKPOINT_DIR)
    args = ap.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    test_items, _ = prepare(load_suite("tasks/suites/test.jsonl")[: args.problems])
    train_items, _ = prepare(load_suite("tasks/suites/train.jsonl")[:: 10])
    print(f"device: {device} ({torch.cuda.get_device_name(device) if device.type == 'cuda' else f'{torch.get_num_threads()} CPU threads'}), torch {torch.__version__}")
    print(f"{'generator':<10}{'params':>12}{'train ex/s':>12}{'greedy trees/s':>16}{'beam4 trees/s':>15}{'peak MB':>10}")
    for name in [g.strip() for g in args.generator.split(",") if g.strip()]:
        path = args.checkpoint_dir / f"{name}.pt"
        if not path.is_file():
            print(f"{name:<10} (no checkpoint at {path})")
            continue
        ckpt = load_checkpoint(path, device)
        gen = load_generator(name, str(path), device)
        params = sum(p.numel() for p in gen.model.parameters())
        graphs = [it.graph for it in test_items]
        greedy = bench_decoding(gen, graphs, 1, 128)
        beam = bench_decoding(gen, graphs, 4, 16)
        train_rate = bench_training(name, ckpt, train_items, device, args.train_steps, args.batch)
        print(f"{name:<10}{params:>12,}{train_rate:>12.1f}{greedy:>16.1f}{beam:>15.1f}{peak_mb(device):>10.0f}")


if __name__ == "__main__":
    main()
