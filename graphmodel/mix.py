"""The training mixture of the shipped generators: the families plus real word problems.

`python -m graphmodel.mix --dev-fold 0 --out-dir runs/mix` writes train/valid/dev JSONL
suites for one cross-validation fold: the families' train suite; MAWPS and ASDiv-A without
their dev fold (tasks/real/folds.py keeps near-duplicate texts in one fold); GSM8K's train
part (its fixed dev tenth is never in training). Real problems carry `meta.front_end =
english`, so training reads them as the agent will, through the English front end. The
validation suite (model selection) takes a seeded 5% of the real training rows, which then
leave training; the dev folds are written apart, for `ladder eval` only. Files derived from
../shared/data are build outputs, not committed.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from tasks import load_suite
from tasks.real import import_dataset, train_dev
from tasks.real.augment import number_views, stored_number
from tasks.real.programs import canonical, parse_prefix, program
from tasks.schema import Problem
from tasks.suites_io import dump_suite

DATASETS = ("mawps", "asdiv-a", "gsm8k")


def _english(p: Problem) -> Problem:
    return p.model_copy(update={"meta": {**p.meta, "front_end": "english"}})


def canonical_view(p: Problem) -> Problem:
    """A MAWPS/ASDiv-A problem whose program is its equation in canonical order
    (tasks.real.programs.canonical): one spelling per equation for the generator to learn.
    The answer does not change; a row without a prefix equation is returned as it is."""
    equation, numbers = p.meta.get("equation"), p.meta.get("numbers")
    if not equation or numbers is None:
        return p
    tree = canonical(parse_prefix(equation, [stored_number(t) for t in numbers]))
    return p.model_copy(update={"program": program([("answer", tree)])})


def _english_view(p: Problem) -> Problem:
    """A family problem as the English front end reads it: its prompt, without its ACE."""
    return p.model_copy(update={"ace": None, "meta": {**p.meta, "front_end": "english"}})


def build(dev_fold: int, out_dir: Path, seed: int = 0, valid_share: float = 0.05,
          families: Path = Path("tasks/suites/train.jsonl"), family_valid: Path = Path("tasks/suites/valid.jsonl"),
          gsm8k_share: float = 1.0, family_share: float = 0.3, canonical_order: bool = False,
          number_copies: int = 0) -> dict[str, int]:
    """Write the suites; returns the row count of each file written.

    train/valid.jsonl: everything (families as ACE); english_train/valid.jsonl: what the
    English reader's generator learns from, the real rows plus a `family_share` of the
    families read from their English prompts. `canonical_order`: the MAWPS/ASDiv-A rows
    of training and validation carry their equations in canonical order (`canonical_view`);
    the dev rows stay as imported. `number_copies`: that many number views
    (tasks.real.augment) of each MAWPS/ASDiv-A training row join training (not validation)."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    train: list[Problem] = list(load_suite(families))
    valid: list[Problem] = list(load_suite(family_valid))
    counts: dict[str, int] = {"families": len(train)}
    for name in DATASETS:
        imported = import_dataset(name).problems
        part, dev = train_dev(imported, "dev" if name == "gsm8k" else dev_fold)
        if name == "gsm8k" and gsm8k_share < 1.0:
            part = [p for p in part if rng.random() < gsm8k_share]
        held = [p for p in part if rng.random() < valid_share]
        held_ids = {p.id for p in held}
        if canonical_order and name != "gsm8k":
            part, held = [canonical_view(p) for p in part], [canonical_view(p) for p in held]
        train += [_english(p) for p in part if p.id not in held_ids]
        if number_copies and name != "gsm8k":
            extra = number_views([p for p in part if p.id not in held_ids], number_copies, seed, canonical_order)
            train += [_english(p) for p in extra]
            counts[f"{name}_number_views"] = len(extra)
        valid += [_english(p) for p in held]
        dump_suite([_english(p) for p in dev], out_dir / f"{name}_dev.jsonl")
        counts[f"{name}_train"] = len(part) - len(held)
        counts[f"{name}_valid"] = len(held)
        counts[f"{name}_dev"] = len(dev)
    dump_suite(train, out_dir / "train.jsonl")
    dump_suite(valid, out_dir / "valid.jsonl")
    real_train = [p for p in train if p.meta.get("front_end") == "english"]
    real_valid = [p for p in valid if p.meta.get("front_end") == "english"]
    views = [_english_view(p) for p in load_suite(families) if rng.random() < family_share]
    dump_suite(real_train + views, out_dir / "english_train.jsonl")
    dump_suite(real_valid, out_dir / "english_valid.jsonl")
    counts["family_english_views"] = len(views)
    mwp = ("mawps", "asdiv-a")  # the shipped English model: grade-school stories alone (graphmodel/README.md)
    dump_suite([p for p in real_train if p.family in mwp], out_dir / "mwp_train.jsonl")
    dump_suite([p for p in real_valid if p.family in mwp], out_dir / "mwp_valid.jsonl")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev-fold", type=int, default=0, help="MAWPS/ASDiv-A fold held out (0-4)")
    ap.add_argument("--out-dir", type=Path, default=Path("runs/mix"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--gsm8k-share", type=float, default=1.0, help="share of GSM8K's train part used")
    ap.add_argument("--family-share", type=float, default=0.3, help="share of the families also read in English")
    ap.add_argument("--canonical", action="store_true", help="MAWPS/ASDiv-A training equations in canonical order")
    ap.add_argument("--number-views", type=int, default=0, help="number views (tasks.real.augment) per MAWPS/ASDiv-A training row")
    args = ap.parse_args()
    counts = build(args.dev_fold, args.out_dir, args.seed, gsm8k_share=args.gsm8k_share, family_share=args.family_share,
                   canonical_order=args.canonical, number_copies=args.number_views)
    for k, v in counts.items():
        print(f"{k:>16}: {v}")


if __name__ == "__main__":
    main()
