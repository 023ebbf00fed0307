"""The seeds of `ladder evidence`: each generator trained per seed at equal parameters, or loaded.

Training uses the shipped recipe (the config recorded in graphmodel/checkpoints/NAME.json,
with the seed changed), or with `--quick` TrainConfig.quick_config on a slice of the
training suite; the seq twin of a seed is sized to that seed's graph model
(`match_params`), so every comparison is at equal parameters. A seed already trained into
OUT (its metrics JSON written, i.e. training finished) is loaded, not trained again.
With `--checkpoint-dir` nothing is trained: DIR/seed{S}/NAME.pt, or DIR/NAME.pt when the
seed recorded in it is S (the shipped graph.pt and seq.pt are seed 0).
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from rich.console import Console

from evals.evidence_records import EvidenceError, EvidenceSpec, SeedModel, TrainingFailed
from tasks import dump_suite, load_suite
from tasks.subsets import first_per_family

PARAMS_TOLERANCE = 0.10  # seq is sized to the graph model within +-10% (graphmodel/seq_recipe.py)


def seed_models(spec: EvidenceSpec, out: Path, console: Console) -> list[SeedModel]:
    """Both generators for every seed, graph first (seq is sized to it)."""
    models = []
    for seed in spec.seeds:
        graph = obtain(spec, out, "graph", seed, console)
        seq = obtain(spec, out, "seq", seed, console, match_params=graph.parameters)
        gap = abs(seq.parameters - graph.parameters) / graph.parameters
        if gap > PARAMS_TOLERANCE:
            console.print(f"[yellow]warning:[/] seed {seed}: seq has {seq.parameters:,} parameters, graph "
                          f"{graph.parameters:,} ({gap:.0%} apart): not an equal-parameter comparison")
        if graph.readers != seq.readers:
            console.print(f"[yellow]note:[/] seed {seed}: reader checkpoints beside graph: {', '.join(graph.readers) or 'none'}, "
                          f"beside seq: {', '.join(seq.readers) or 'none'}; questions those readers take (the dev folds: English) "
                          "are answered by unequal models")
        models += [graph, seq]
    return models


def obtain(spec: EvidenceSpec, out: Path, generator: str, seed: int, console: Console,
           match_params: int | None = None) -> SeedModel:
    """Load the seed's checkpoint (from --checkpoint-dir, or one this OUT finished), else train it."""
    if spec.checkpoint_dir is not None:
        return describe(generator, seed, find_checkpoint(Path(spec.checkpoint_dir), generator, seed), "loaded")
    path = out / "checkpoints" / f"seed{seed}" / f"{generator}.pt"
    if path.is_file() and path.with_suffix(".json").is_file():
        return describe(generator, seed, path, "loaded")
    train_seed(spec, out, generator, seed, path, console, match_params)
    return describe(generator, seed, path, "trained")


def find_checkpoint(directory: Path, generator: str, seed: int) -> Path:
    """DIR/seed{S}/NAME.pt, else DIR/NAME.pt if it records seed S; an EvidenceError naming both places otherwise."""
    looked = []
    for path in (directory / f"seed{seed}" / f"{generator}.pt", directory / f"{generator}.pt"):
        if not path.is_file():
            looked.append(f"{path} (absent)")
            continue
        recorded = _config(path).get("seed")
        if recorded == seed:
            return path
        looked.append(f"{path} (records seed {recorded})")
    raise EvidenceError(f"no {generator} checkpoint of seed {seed} in {directory}: looked at {'; '.join(looked)}")


def _checkpoint(path: Path) -> dict[str, Any]:
    from agent.training import GeneratorError, load_checkpoint

    try:
        return load_checkpoint(path)
    except GeneratorError as exc:
        raise EvidenceError(str(exc)) from None


def _config(path: Path) -> dict[str, Any]:
    """The training config a checkpoint recorded (its seed, recipe)."""
    return json.loads(_checkpoint(path).get("config") or "{}")


def describe(generator: str, seed: int, path: Path, source: str) -> SeedModel:
    """A SeedModel from the checkpoint and the metrics JSON that training writes beside it."""
    from agent.training import READERS, reader_checkpoint

    ckpt = _checkpoint(path)
    if ckpt["generator"] != generator:
        raise EvidenceError(f"{path} holds a {ckpt['generator']!r} model, not {generator!r}")
    metrics = json.loads(ckpt.get("metrics") or "{}")
    beside = path.with_suffix(".json")
    summary = json.loads(beside.read_text(encoding="utf-8")) if beside.is_file() else {}
    history = summary.get("history") or metrics.get("history") or []
    answers = [h["valid"]["answer"] for h in history if "valid" in h]
    parameters = summary.get("parameters") or metrics.get("parameters")
    if parameters is None:  # an older checkpoint: count its weights
        parameters = sum(t.numel() for t in ckpt["model"].values())
    return SeedModel(
        generator=generator, seed=seed, checkpoint=str(path.resolve()), source=source, parameters=int(parameters),
        train_seconds=summary.get("train_seconds"), best_valid_answer=max(answers) if answers else None,
        readers=[r for r in READERS if reader_checkpoint(path, r).is_file()],
    )


def train_seed(spec: EvidenceSpec, out: Path, generator: str, seed: int, path: Path, console: Console,
               match_params: int | None) -> None:
    """Train one generator of one seed into `path` (metrics JSON beside it)."""
    from agent.training import PrepareError, TrainError, train_checked

    cfg = train_config(spec, out, generator, seed, path, match_params)
    console.print(f"training {generator} seed {seed} -> {path}")
    try:
        train_checked(cfg, console)
    except (TrainError, PrepareError) as exc:
        raise TrainingFailed(f"training {generator} seed {seed} failed: {exc}") from None


def train_config(spec: EvidenceSpec, out: Path, generator: str, seed: int, path: Path, match_params: int | None) -> Any:
    """The recipe: --quick's tiny model, or the shipped checkpoint's own config; the seed and paths changed."""
    from agent.training import CHECKPOINT_DIR, TrainConfig

    train_suite, valid_suite = _slices(spec, out)
    over: dict[str, Any] = {"generator": generator, "seed": seed, "out": str(path), "suite": [train_suite],
                            "valid": valid_suite, "device": spec.device, "save_optimizer": False, "resume": None}
    if generator == "seq":
        over["match_params"] = match_params
    if spec.epochs is not None:
        over["epochs"] = spec.epochs
    if spec.max_steps is not None:
        over["max_steps"] = spec.max_steps
    if spec.quick:
        return TrainConfig.quick_config(**over)
    shipped = CHECKPOINT_DIR / f"{generator}.json"
    recipe = json.loads(shipped.read_text(encoding="utf-8")).get("config", {}) if shipped.is_file() else {}
    known = {f.name for f in fields(TrainConfig)}
    return replace(TrainConfig(**{k: v for k, v in recipe.items() if k in known}), **over)


def _slices(spec: EvidenceSpec, out: Path) -> tuple[str, str]:
    """The training and validation suites, cut to the first N problems per family when asked."""
    for name in (spec.train_suite, spec.valid_suite):
        if not Path(name).is_file():
            raise EvidenceError(f"training suite {name} does not exist (make it with `make suites`)")
    if spec.train_per_family is None:
        return spec.train_suite, spec.valid_suite
    cut = []
    for name, role in ((spec.train_suite, "train"), (spec.valid_suite, "valid")):
        target = out / "train_slice" / f"{role}.jsonl"
        if not target.is_file():  # written once: a resumed run trains on the same bytes
            dump_suite(first_per_family(load_suite(name), spec.train_per_family), target)
        cut.append(str(target))
    return cut[0], cut[1]

