"""The training loop shared by both generators: seeded, validated per epoch, early-stopped.

Checkpoints (nanoGPT style) hold the model, the optimizer, the model arguments (the
architecture is rebuilt from them on load, never from flags), the recipe's vocabularies,
the iteration, the best validation metric and the whole training config. Under
`torchrun` the loop runs DistributedDataParallel (gloo on CPU, nccl on GPU); on CUDA it
uses bf16 autocast.
"""

from __future__ import annotations

import json
import math
import os
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import torch
import torch.distributed as dist
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graphmodel.execution import check_answers
from graphmodel.model import GraphModelConfig
from graphmodel.recipes import Item, english_views, prepare, recipe_class, with_variants
from graphmodel.trees import print_tree


@dataclass
class TrainConfig:
    generator: str = "graph"  # "graph" | "seq"
    suite: list[str] = field(default_factory=lambda: ["tasks/suites/train.jsonl"])
    valid: str | None = "tasks/suites/valid.jsonl"
    out: str = "graphmodel/checkpoints/graph.pt"
    seed: int = 0
    epochs: int = 40  # upper bound; early stopping usually ends sooner
    batch_size: int = 32  # sequences per optimizer step (per process under DDP)
    lr: float = 1e-3  # AdamW peak; small model, short runs
    weight_decay: float = 0.01
    warmup: int = 100  # optimizer steps of linear warmup, then cosine to lr/10
    clip: float = 1.0
    infill_prob: float = 0.35  # share of training sequences that are random-hole infillings (graph only)
    patience: int = 6  # epochs without validation improvement before stopping
    valid_every: int = 1  # epochs between validations (the last epoch is always validated)
    valid_limit: int = 270  # validation problems decoded per epoch, spread over the suite (answers are executed)
    max_steps: int | None = None  # stop after this many optimizer steps (tests, DDP check)
    time_budget_s: float | None = None  # stop training after this many seconds
    variants: bool = False  # also train on equivalent rewordings of each ACE text (recipes.with_variants)
    shuffle_facts: float = 0.0  # share of examples shown, each epoch, with their facts in a random order
    lexical: bool = False  # graph: add WordLlama label vectors to the node embeddings (graphmodel/lexicon.py)
    english_views: float = 0.0  # share of ACE problems also trained on as read by the English front end
    # the model's shape: one source of truth, GraphModelConfig (the seq recipe reads the same fields)
    d_model: int = GraphModelConfig.d_model
    heads: int = GraphModelConfig.heads
    enc_layers: int = GraphModelConfig.enc_layers
    dec_layers: int = GraphModelConfig.dec_layers
    ffn: int = GraphModelConfig.ffn
    dropout: float = GraphModelConfig.dropout
    match_params: int | None = None  # seq: size the baseline to this parameter count (+-10%)
    device: str = "auto"
    threads: int = 1  # CPU threads: 1 beats 2 on a shared 2-core machine (no spinning against other jobs)
    quick: bool = False
    save_optimizer: bool = False  # off for shipped checkpoints (a few MB); on to resume runs

    def size(self) -> dict:
        return {k: getattr(self, k) for k in ("d_model", "heads", "enc_layers", "dec_layers", "ffn", "dropout")}

    @classmethod
    def quick_config(cls, **over) -> TrainConfig:
        """A tiny model for CI: trains in well under a minute on a small suite."""
        base = {"quick": True, "epochs": 60, "batch_size": 16, "d_model": 64, "heads": 4, "enc_layers": 2,
                "dec_layers": 2, "ffn": 128, "dropout": 0.0, "lr": 5e-3, "warmup": 10, "valid_limit": 64, "patience": 30, "valid_every": 10, "infill_prob": 0.2}
        base.update(over)
        return cls(**base)


class TrainError(RuntimeError):
    """Training cannot start (no usable problems, unknown generator...)."""


def _device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


def _ddp() -> tuple[int, int]:
    """(rank, world size); initializes the process group under torchrun."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world > 1 and not dist.is_initialized():
        dist.init_process_group("nccl" if torch.cuda.is_available() else "gloo")
    if dist.is_initialized():
        return dist.get_rank(), dist.get_world_size()
    return 0, 1


def load_items(paths: list[str], english_share: float = 0.0, seed: int = 0) -> tuple[list[Item], list[str]]:
    """The suites' problems as items, plus English-front-end views of a share of the ACE ones."""
    from tasks import load_suite

    problems = []
    for p in paths:
        problems.extend(load_suite(p))
    items, skipped = prepare(problems)
    if english_share > 0:
        extra, more = english_views(problems, english_share, seed)
        items, skipped = items + extra, skipped + more
    return items, skipped


def evaluate(recipe, model, items: list[Item], device: torch.device) -> dict:
    """Greedy decoding: exact tree match and answer match (programs executed in a child process)."""
    was = model.training
    model.eval()
    t0 = time.perf_counter()
    trees = recipe.decode(model, items, device)
    secs = time.perf_counter() - t0
    model.train(was)
    exact = sum(1 for t, it in zip(trees, items, strict=True) if t is not None and t == it.tree)
    programs = [print_tree(t) if t is not None else "raise SyntaxError('no tree')" for t in trees]
    checks = check_answers(programs, [it.answer for it in items])
    correct = sum(c.correct for c in checks)
    n = max(len(items), 1)
    return {"n": len(items), "exact": exact / n, "answer": correct / n, "valid_trees": sum(t is not None for t in trees) / n, "decode_s": secs}


def shuffled_items(items: list[Item], share: float, rng: random.Random, reader: str = "graph") -> list[Item]:
    """The items, a `share` of them with their facts in a random order (tasks.ace.reorder):
    the graph's nodes for the graph model, the ACE sentences for the seq model (`reader`).

    Why: fact order carries no meaning, but both models read positions; a model that only
    ever saw the suites' order fails on the same facts written in the user's order."""
    from tasks.ace.reorder import shuffled, shuffled_text

    def view(item: Item) -> Item:
        if reader == "graph":
            return replace(item, graph=shuffled(item.graph, rng))
        return replace(item, ace=shuffled_text(item.ace, rng))

    def movable(item: Item) -> bool:  # facts in any order is a property of the ACE reading
        return getattr(item.graph, "front_end", "ace") == "ace"

    return [view(i) if movable(i) and rng.random() < share else i for i in items]


def _graph_params(items: list[Item], size: dict) -> int:
    """Parameter count of the graph model that these items and size would give."""
    from graphmodel.recipes import GraphRecipe

    return sum(p.numel() for p in GraphRecipe.fit(items, size).new_model().parameters())


def _batches(examples: list, lengths: list[int], size: int, rank: int, world: int, rng: random.Random):
    """Shuffled batches of similar length (less padding); every rank draws the same order, takes its slice."""
    order = list(range(len(examples)))
    rng.shuffle(order)
    per_step = size * world
    pool = per_step * 16  # sort within pools of 16 steps: lengths even out, order stays random
    steps = []
    for i in range(0, len(order), pool):
        part = sorted(order[i : i + pool], key=lambda j: lengths[j])
        steps.extend(part[k : k + per_step] for k in range(0, len(part), per_step))
    rng.shuffle(steps)
    for step in steps:
        mine = step[rank::world]
        if mine:
            yield mine


def _lr(step: int, cfg: TrainConfig, total: int) -> float:
    if step < cfg.warmup:
        return cfg.lr * (step + 1) / cfg.warmup
    frac = min(1.0, (step - cfg.warmup) / max(1, total - cfg.warmup))
    return cfg.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * frac)))


def save_checkpoint(path: Path, recipe, model, optimizer, cfg: TrainConfig, iteration: int, best: float, metrics: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = model.module if hasattr(model, "module") else model
    ckpt = {
        "generator": recipe.name,
        "model_args": recipe.model_args,
        "codec": recipe.codec_json(),
        "model": {k: v.detach().cpu() for k, v in raw.state_dict().items()},
        "optimizer": optimizer.state_dict() if optimizer is not None and cfg.save_optimizer else None,
        "iteration": iteration,
        "best_metric": best,
        "metrics": json.dumps(metrics),
        "config": json.dumps(asdict(cfg)),
    }
    tmp = path.with_suffix(".tmp")
    torch.save(ckpt, tmp)
    tmp.replace(path)


def train(
    cfg: TrainConfig,
    console: Console | None = None,
    train_items: list[Item] | None = None,
    valid_items: list[Item] | None = None,
    on_end: Callable[[torch.nn.Module], None] | None = None,
) -> dict:
    """Train one generator; returns the metrics written next to the checkpoint.

    `on_end` receives the trained (unwrapped) model, e.g. to compare DDP ranks."""
    console = console or Console(stderr=True)
    rank, world = _ddp()
    random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    device = _device(cfg.device)
    if device.type == "cpu" and cfg.threads > 0:
        torch.set_num_threads(cfg.threads)
    if train_items is None:
        train_items, skipped = load_items(cfg.suite, cfg.english_views, cfg.seed)
        if skipped and rank == 0:
            console.print(f"[yellow]skipped {len(skipped)} training problems[/] (first: {skipped[0]})")
    if cfg.variants:
        train_items = with_variants(train_items)
    if valid_items is None and cfg.valid:
        valid_items, _ = load_items(cfg.valid.split(","))
    if not train_items:
        raise TrainError(f"no usable training problems in {cfg.suite}")
    valid_items = valid_items or []
    if len(valid_items) > cfg.valid_limit:  # an even spread: suites are sorted by family
        stride = len(valid_items) / cfg.valid_limit
        valid_items = [valid_items[int(i * stride)] for i in range(cfg.valid_limit)]

    if not 0.0 <= cfg.shuffle_facts <= 1.0:
        raise TrainError(f"--shuffle-facts is a share between 0 and 1, got {cfg.shuffle_facts}")
    R = recipe_class(cfg.generator)
    size = cfg.size()
    if cfg.generator == "seq":
        target = cfg.match_params or _graph_params(train_items, size)  # same budget as the graph model
        recipe = R.fit(train_items, size, match_params=target)
    else:
        recipe = R.fit(train_items, size, lexical=cfg.lexical)
    examples, skipped = recipe.examples(train_items)
    if not examples:
        raise TrainError(f"none of the {len(train_items)} training problems can be written by the {cfg.generator} model")
    model = recipe.new_model().to(device)
    n_params = sum(p.numel() for p in model.parameters())
    if rank == 0:
        console.print(f"{cfg.generator}: {n_params:,} parameters, {len(examples)} examples ({len(skipped)} skipped), device {device}")
    if world > 1:
        model = torch.nn.parallel.DistributedDataParallel(model)
    lengths = [recipe.length(e) for e in examples]
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    rng = random.Random(cfg.seed)
    steps_per_epoch = math.ceil(len(examples) / (cfg.batch_size * world))
    total = cfg.max_steps or steps_per_epoch * cfg.epochs
    out = Path(cfg.out)
    best, bad, step, history = -math.inf, 0, 0, []
    t_start = time.perf_counter()
    seen = 0
    amp = device.type == "cuda"
    raw = model.module if hasattr(model, "module") else model
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.fields[info]}"), console=console, disable=rank != 0)
    with progress:
        task = progress.add_task(f"train {cfg.generator}", total=total, info="")
        for epoch in range(cfg.epochs):
            model.train()
            if cfg.shuffle_facts:
                examples, _ = recipe.examples(shuffled_items(train_items, cfg.shuffle_facts, rng, cfg.generator))
                lengths = [recipe.length(e) for e in examples]
            for chunk in _batches(examples, lengths, cfg.batch_size, rank, world, rng):
                batch = recipe.batch([examples[j] for j in chunk], rng, cfg.infill_prob)
                batch = {k: v.to(device) for k, v in batch.items()}
                for g in opt.param_groups:
                    g["lr"] = _lr(step, cfg, total)
                with torch.autocast(device.type, dtype=torch.bfloat16, enabled=amp):
                    loss, stats = model(batch)
                opt.zero_grad(set_to_none=True)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.clip)
                opt.step()
                step += 1
                seen += len(chunk) * world
                progress.update(task, advance=1, info=f"epoch {epoch} loss {stats['loss']:.3f} acc {stats['step_acc']:.3f}")
                if cfg.max_steps and step >= cfg.max_steps:
                    break
                if cfg.time_budget_s and time.perf_counter() - t_start > cfg.time_budget_s:
                    break
            train_s = time.perf_counter() - t_start
            metrics = {"epoch": epoch, "step": step, "train_loss": stats["loss"], "examples_per_s": seen / max(train_s, 1e-9)}
            last_epoch = epoch == cfg.epochs - 1 or bool(cfg.max_steps and step >= cfg.max_steps) or bool(cfg.time_budget_s and time.perf_counter() - t_start > cfg.time_budget_s)
            if rank == 0 and valid_items and (epoch % cfg.valid_every == cfg.valid_every - 1 or last_epoch):
                metrics["valid"] = evaluate(recipe, raw, valid_items, device)
                score = metrics["valid"]["answer"] + 1e-3 * metrics["valid"]["exact"]
                console.print(f"epoch {epoch}: loss {stats['loss']:.3f}  valid answer {metrics['valid']['answer']:.3f}  exact {metrics['valid']['exact']:.3f}")
            elif valid_items:
                score = best - 1.0  # not validated this epoch: neither best nor a strike
            else:
                score = -stats["loss"]
            history.append(metrics)
            if rank == 0:
                if score > best:
                    best, bad = score, 0
                    save_checkpoint(out, recipe, model, opt, cfg, step, best, {"history": history, "parameters": n_params})
                elif score > best - 1.0:
                    bad += 1
            stop = bad >= cfg.patience or bool(cfg.max_steps and step >= cfg.max_steps) or bool(cfg.time_budget_s and time.perf_counter() - t_start > cfg.time_budget_s)
            if world > 1:
                flag = torch.tensor([int(stop)])
                dist.broadcast(flag, 0)
                stop = bool(flag.item())
            if stop:
                break
    if on_end is not None:
        on_end(raw)
    result = {"generator": cfg.generator, "parameters": n_params, "best_metric": best, "steps": step, "train_seconds": time.perf_counter() - t_start, "examples": len(examples), "history": history, "config": asdict(cfg)}
    if rank == 0:
        out.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n")
    return result
