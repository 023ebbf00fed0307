"""The training loop shared by both generators: seeded, validated per epoch, early-stopped.

Checkpoints (nanoGPT style) hold the model, the optimizer, the model arguments (the
architecture is rebuilt from them on load, never from flags), the recipe's vocabularies,
the iteration and epoch, the best validation metric and the whole training config; with
`save_optimizer`, `resume` continues from one (weights, AdamW state, step, best score and
history; the architecture and vocabularies from the checkpoint). Under `torchrun` the loop
runs DistributedDataParallel (gloo on CPU, nccl on GPU, each rank on the GPU of its
LOCAL_RANK, collectives on that device); on CUDA it uses bf16 autocast.

`train` reads as its steps: `_items` (suites -> items), `_setup` (recipe, model, optimizer,
or a resumed run), then per epoch `_train_epoch` (`_train_step` per batch), `_validate`,
`_keep_best` and `_all_agree` (rank 0's stop decision on every rank).
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
from typing import Any

import torch
import torch.distributed as dist
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graphmodel.execution import AnswerChecker, check_answers
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
    resume: str | None = None  # a checkpoint written with save_optimizer: continue from its step, best and weights

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
    """The device of this process: under torchrun each rank takes the GPU of its LOCAL_RANK
    (NCCL refuses two ranks on one GPU, and every collective must use that rank's GPU)."""
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    device = torch.device(name)
    if device.type == "cuda" and device.index is None:
        device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
    if device.type == "cuda":
        torch.cuda.set_device(device)
    return device


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


def evaluate(recipe, model, items: list[Item], device: torch.device, checker: AnswerChecker = check_answers) -> dict:
    """Greedy decoding: exact tree match and answer match (programs run and compared by `checker`)."""
    was = model.training
    model.eval()
    t0 = time.perf_counter()
    trees = recipe.decode(model, items, device)
    secs = time.perf_counter() - t0
    model.train(was)
    exact = sum(1 for t, it in zip(trees, items, strict=True) if t is not None and t == it.tree)
    programs = [print_tree(t) if t is not None else "raise SyntaxError('no tree')" for t in trees]
    checks = checker(programs, [it.answer for it in items])
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


def save_checkpoint(path: Path, recipe, model, optimizer, cfg: TrainConfig, iteration: int, best: float, metrics: dict,
                    epoch: int = 0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = model.module if hasattr(model, "module") else model
    ckpt = {
        "generator": recipe.name,
        "model_args": recipe.model_args,
        "codec": recipe.codec_json(),
        "model": {k: v.detach().cpu() for k, v in raw.state_dict().items()},
        "optimizer": optimizer.state_dict() if optimizer is not None and cfg.save_optimizer else None,
        "iteration": iteration,
        "epoch": epoch,
        "best_metric": best,
        "metrics": json.dumps(metrics),
        "config": json.dumps(asdict(cfg)),
    }
    tmp = path.with_suffix(".tmp")
    torch.save(ckpt, tmp)
    tmp.replace(path)


@dataclass
class _Run:
    """What one training run carries from step to step (and what a checkpoint restores)."""

    recipe: Any
    model: torch.nn.Module  # DDP-wrapped under torchrun
    raw: torch.nn.Module  # the model itself
    opt: torch.optim.Optimizer
    examples: list
    lengths: list[int]
    n_params: int
    total: int  # optimizer steps planned (the learning-rate schedule's length)
    step: int = 0
    first_epoch: int = 0
    best: float = -math.inf
    bad: int = 0  # validated epochs since the last improvement
    seen: int = 0  # training sequences, all ranks together
    history: list[dict] = field(default_factory=list)
    t_start: float = field(default_factory=time.perf_counter)

    def out_of_time(self, cfg: TrainConfig) -> bool:
        return bool(cfg.time_budget_s and time.perf_counter() - self.t_start > cfg.time_budget_s)

    def out_of_steps(self, cfg: TrainConfig) -> bool:
        return bool(cfg.max_steps and self.step >= cfg.max_steps)


def _items(cfg: TrainConfig, console: Console, rank: int, train_items: list[Item] | None,
           valid_items: list[Item] | None) -> tuple[list[Item], list[Item]]:
    """The training items (read from the suites unless given) and the validation subset."""
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
    return train_items, valid_items


def _resumed(cfg: TrainConfig) -> dict | None:
    """The checkpoint to resume from (`cfg.resume`), checked: same generator, optimizer state kept."""
    if cfg.resume is None:
        return None
    from graphmodel.generators import GeneratorError, load_checkpoint

    try:
        ckpt = load_checkpoint(cfg.resume)
    except GeneratorError as exc:
        raise TrainError(f"cannot resume: {exc}") from exc
    if ckpt["generator"] != cfg.generator:
        raise TrainError(f"cannot resume: {cfg.resume} holds a {ckpt['generator']!r} model, not {cfg.generator!r}")
    if ckpt.get("optimizer") is None:
        raise TrainError(f"cannot resume: {cfg.resume} has no optimizer state (train with --save-optimizer)")
    return ckpt


def _setup(cfg: TrainConfig, console: Console, train_items: list[Item], rank: int, world: int,
           device: torch.device) -> _Run:
    """Recipe, model and optimizer: new ones fitted to the items, or rebuilt from `cfg.resume`
    (the architecture and vocabularies from the checkpoint, never from flags)."""
    R = recipe_class(cfg.generator)
    ckpt = _resumed(cfg)
    if ckpt is not None:
        recipe = R.from_checkpoint(ckpt)
    elif cfg.generator == "seq":
        target = cfg.match_params or _graph_params(train_items, cfg.size())  # same budget as the graph model
        recipe = R.fit(train_items, cfg.size(), match_params=target)
    else:
        recipe = R.fit(train_items, cfg.size(), lexical=cfg.lexical)
    examples, skipped = recipe.examples(train_items)
    if not examples:
        raise TrainError(f"none of the {len(train_items)} training problems can be written by the {cfg.generator} model")
    raw = recipe.new_model()
    if ckpt is not None:
        raw.load_state_dict(ckpt["model"])
    raw = raw.to(device)
    n_params = sum(p.numel() for p in raw.parameters())
    if rank == 0:
        console.print(f"{cfg.generator}: {n_params:,} parameters, {len(examples)} examples ({len(skipped)} skipped), device {device}")
    if world > 1:
        ids = [device.index] if device.type == "cuda" else None  # CPU modules take no device ids
        model = torch.nn.parallel.DistributedDataParallel(raw, device_ids=ids)
    else:
        model = raw
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    steps_per_epoch = math.ceil(len(examples) / (cfg.batch_size * world))
    run = _Run(recipe, model, raw, opt, examples, [recipe.length(e) for e in examples], n_params,
               total=cfg.max_steps or steps_per_epoch * cfg.epochs)
    if ckpt is not None:
        opt.load_state_dict(ckpt["optimizer"])  # moments land on the parameters' device
        run.step, run.best, run.first_epoch = int(ckpt["iteration"]), float(ckpt["best_metric"]), int(ckpt.get("epoch", 0)) + 1
        run.history = json.loads(ckpt["metrics"]).get("history", [])
        if rank == 0:
            console.print(f"resumed from {cfg.resume}: step {run.step}, epoch {run.first_epoch}, best {run.best:.4f}")
    return run


def _to_device(batch: Any, device: torch.device) -> Any:
    """A recipe's batch on `device`: the graph recipe's GraphBatch, or the seq recipe's dict of tensors."""
    return batch.to(device) if hasattr(batch, "to") else {k: v.to(device) for k, v in batch.items()}


def _train_step(run: _Run, cfg: TrainConfig, batch: Any, amp: bool, device: torch.device) -> dict[str, float]:
    """One optimizer step: learning rate from the schedule, loss, clipped gradients."""
    for g in run.opt.param_groups:
        g["lr"] = _lr(run.step, cfg, run.total)
    with torch.autocast(device.type, dtype=torch.bfloat16, enabled=amp):
        loss, stats = run.model(batch)
    run.opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(run.model.parameters(), cfg.clip)
    run.opt.step()
    run.step += 1
    return stats


def _train_epoch(run: _Run, cfg: TrainConfig, epoch: int, train_items: list[Item], rng: random.Random,
                 rank: int, world: int, device: torch.device, progress: Progress, task: Any) -> dict[str, float]:
    """One pass over the examples (fewer steps if the step or time budget ends first)."""
    run.model.train()
    if cfg.shuffle_facts:
        run.examples, _ = run.recipe.examples(shuffled_items(train_items, cfg.shuffle_facts, rng, cfg.generator))
        run.lengths = [run.recipe.length(e) for e in run.examples]
    stats: dict[str, float] = {"loss": math.nan, "step_acc": math.nan}
    for chunk in _batches(run.examples, run.lengths, cfg.batch_size, rank, world, rng):
        batch = _to_device(run.recipe.batch([run.examples[j] for j in chunk], rng, cfg.infill_prob), device)
        stats = _train_step(run, cfg, batch, device.type == "cuda", device)
        run.seen += len(chunk) * world
        progress.update(task, advance=1, info=f"epoch {epoch} loss {stats['loss']:.3f} acc {stats['step_acc']:.3f}")
        if run.out_of_steps(cfg) or run.out_of_time(cfg):
            break
    return stats


def _validate(run: _Run, cfg: TrainConfig, epoch: int, stats: dict[str, float], valid_items: list[Item],
              rank: int, device: torch.device, console: Console, checker: AnswerChecker) -> tuple[dict, float]:
    """This epoch's metrics and its score (higher is better): validation answer accuracy (exact
    tree match breaks ties), or -loss without a validation suite. An epoch that is not validated
    scores below the best, so it is neither kept nor counted against patience."""
    train_s = time.perf_counter() - run.t_start
    metrics = {"epoch": epoch, "step": run.step, "train_loss": stats["loss"], "examples_per_s": run.seen / max(train_s, 1e-9)}
    last_epoch = epoch == cfg.epochs - 1 or run.out_of_steps(cfg) or run.out_of_time(cfg)
    if rank == 0 and valid_items and (epoch % cfg.valid_every == cfg.valid_every - 1 or last_epoch):
        metrics["valid"] = evaluate(run.recipe, run.raw, valid_items, device, checker)
        console.print(f"epoch {epoch}: loss {stats['loss']:.3f}  valid answer {metrics['valid']['answer']:.3f}  exact {metrics['valid']['exact']:.3f}")
        return metrics, metrics["valid"]["answer"] + 1e-3 * metrics["valid"]["exact"]
    if valid_items:
        return metrics, run.best - 1.0
    return metrics, -stats["loss"]


def _keep_best(run: _Run, cfg: TrainConfig, epoch: int, score: float) -> None:
    """Rank 0: save the checkpoint when the score improves, else count a strike."""
    if score > run.best:
        run.best, run.bad = score, 0
        save_checkpoint(Path(cfg.out), run.recipe, run.model, run.opt, cfg, run.step, run.best,
                        {"history": run.history, "parameters": run.n_params}, epoch=epoch)
    elif score > run.best - 1.0:
        run.bad += 1


def _all_agree(stop: bool, world: int, device: torch.device) -> bool:
    """Rank 0's decision, on every rank. The flag lives on the model's device: NCCL moves CUDA
    tensors only, gloo CPU ones."""
    if world == 1:
        return stop
    flag = torch.tensor([int(stop)], device=device)
    dist.broadcast(flag, 0)
    return bool(flag.item())


def train(
    cfg: TrainConfig,
    console: Console | None = None,
    train_items: list[Item] | None = None,
    valid_items: list[Item] | None = None,
    on_end: Callable[[torch.nn.Module], None] | None = None,
    checker: AnswerChecker | None = None,
) -> dict:
    """Train one generator; returns the metrics written next to the checkpoint.

    `on_end` receives the trained (unwrapped) model, e.g. to compare DDP ranks. `checker`
    runs and judges the validation programs (`ladder train` passes the sandbox's,
    agent.training.sandbox_checker); without one, graphmodel's fallback (execution.py)."""
    console = console or Console(stderr=True)
    device = _device(cfg.device)  # before the process group: NCCL binds each rank to its GPU
    rank, world = _ddp()
    random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    if device.type == "cpu" and cfg.threads > 0:
        torch.set_num_threads(cfg.threads)
    train_items, valid_items = _items(cfg, console, rank, train_items, valid_items)
    run = _setup(cfg, console, train_items, rank, world, device)
    rng = random.Random(cfg.seed + run.first_epoch)  # a resumed run draws a new order, not the first epochs' again
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.fields[info]}"), console=console, disable=rank != 0)
    with progress:
        task = progress.add_task(f"train {cfg.generator}", total=run.total, completed=run.step, info="")
        for epoch in range(run.first_epoch, cfg.epochs):
            stats = _train_epoch(run, cfg, epoch, train_items, rng, rank, world, device, progress, task)
            metrics, score = _validate(run, cfg, epoch, stats, valid_items, rank, device, console, checker or check_answers)
            run.history.append(metrics)
            if rank == 0:
                _keep_best(run, cfg, epoch, score)
            stop = run.bad >= cfg.patience or run.out_of_steps(cfg) or run.out_of_time(cfg)
            if _all_agree(stop, world, device):
                break
    if on_end is not None:
        on_end(run.raw)
    result = {"generator": cfg.generator, "parameters": run.n_params, "best_metric": run.best, "steps": run.step,
              "train_seconds": time.perf_counter() - run.t_start, "examples": len(run.examples),
              "history": run.history, "config": asdict(cfg)}
    if rank == 0:
        Path(cfg.out).with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n")
    return result
