"""Which split a problem belongs to, decided by its parameters alone.

train/valid/test are random splits of one distribution: each problem's identity (family,
subtype, parameters; never its wording or names) is hashed into 100 buckets, and the bucket
decides the split. So a problem in test can never reappear in train under another phrasing,
whatever seeds were used. `smoke` draws from the test buckets. `compositional` problems come
only from compositional families, which the random splits never use.
"""

from __future__ import annotations

from tasks.families.base import stable_seed
from tasks.schema import Split

# Bucket ranges [lo, hi) out of 100: 70% train, 10% valid, 20% test (test is the bigger
# held-out part because it is what results are reported on).
BUCKETS: dict[Split, tuple[int, int]] = {
    Split.train: (0, 70),
    Split.valid: (70, 80),
    Split.test: (80, 100),
    Split.smoke: (80, 100),
}
RANDOM_SPLITS = (Split.train, Split.valid, Split.test, Split.smoke)


def bucket(key: str) -> int:
    """The stable bucket 0..99 of a problem key."""
    return stable_seed("split-bucket", key) % 100


def split_of(key: str) -> Split:
    """The random split (train, valid or test) that owns a problem key."""
    b = bucket(key)
    for split in (Split.train, Split.valid, Split.test):
        lo, hi = BUCKETS[split]
        if lo <= b < hi:
            return split
    raise AssertionError(f"bucket {b} not covered")  # the ranges cover 0..99


def admits(split: Split, key: str, compositional: bool) -> bool:
    """Whether a problem with this key, from a (non-)compositional family, may enter `split`."""
    if split == Split.compositional:
        return compositional
    if compositional or split not in BUCKETS:
        return False
    lo, hi = BUCKETS[split]
    return lo <= bucket(key) < hi
