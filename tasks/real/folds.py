"""Deterministic folds: cross-validation folds for MAWPS/ASDiv-A, a fixed dev tenth of GSM8K.

Folds are by problem group, not by row: MAWPS and ASDiv-A hold many near-duplicates
(the same story with other numbers, or the same story asked another way), and a model
that saw one of them in training would be measured on a copy. Rows are grouped when
their masked question, normalised, is equal, or when their masked story (`Body`) is;
a group's fold is a seeded hash of its smallest key, so it never depends on row order.
GSM8K's dev tenth: the rows whose normalised question hashes to 0 mod 10.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from tasks.schema import Problem

SEED = "ladder-real-v1"
K = 5
GSM8K_DEV_MODULUS = 10


def stable_hash(text: str, seed: str = SEED) -> int:
    """A hash that is the same on every machine and Python run (unlike `hash`)."""
    return int.from_bytes(hashlib.sha256(f"{seed}\x00{text}".encode()).digest()[:8], "big")


def fold_of(group: str, k: int = K, seed: str = SEED) -> int:
    """The fold (0..k-1) of a problem group key."""
    if k < 2:
        raise ValueError("k must be at least 2")
    return stable_hash(group, seed) % k


def gsm8k_fold(question_key: str, seed: str = SEED) -> str:
    """'dev' for the fixed tenth of GSM8K train held out, else 'train'."""
    return "dev" if stable_hash(question_key, seed) % GSM8K_DEV_MODULUS == 0 else "train"


def group_keys(keys: Sequence[Iterable[str]]) -> list[str]:
    """Rows sharing any key form one group (union-find); returns each row's group key.

    The group key is the smallest key in the group, so it is independent of row order.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    rows = [[k for k in ks if k] for ks in keys]
    for ks in rows:
        for a, b in zip(ks, ks[1:], strict=False):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)  # the root is always the smallest key
        for key in ks:
            find(key)
    return [find(ks[0]) if ks else "" for ks in rows]


def split_folds(problems: Iterable[Problem], k: int = K) -> list[list[Problem]]:
    """Problems by fold 0..k-1, from their `meta.group` (k may differ from the loaded folds)."""
    folds: list[list[Problem]] = [[] for _ in range(k)]
    for p in problems:
        group = p.meta.get("group")
        if not isinstance(group, str):
            raise ValueError(f"{p.id}: no meta.group to fold by (GSM8K has a fixed dev split instead)")
        folds[fold_of(group, k)].append(p)
    return folds


def train_dev(problems: Iterable[Problem], dev_fold: int | str) -> tuple[list[Problem], list[Problem]]:
    """(train, dev): dev holds the problems whose `meta.fold` is `dev_fold` (an int or 'dev')."""
    train: list[Problem] = []
    dev: list[Problem] = []
    for p in problems:
        (dev if p.meta.get("fold") == dev_fold else train).append(p)
    return train, dev


def held_out_rows(problems: Iterable[Problem]) -> dict[str, list[int]]:
    """Data rows by fold ('0'..'4', or 'dev'/'train'): the record of which rows each split holds out."""
    rows: dict[str, list[int]] = {}
    for p in problems:
        rows.setdefault(str(p.meta["fold"]), []).append(int(p.meta["row"]))
    return {fold: sorted(r) for fold, r in sorted(rows.items())}
