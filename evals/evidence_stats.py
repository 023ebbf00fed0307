"""Mean +- sd over seeds and a 95% percentile bootstrap over problems, for ratios of sums.

Every figure of `ladder evidence` is a ratio: accuracy is correct / attempts, the share a
repair fixed is fixed / needed-repair, problems/s is problems / seconds, and a difference
(graph - seq on the same problems) is a ratio with signed numerators. One estimator covers
them all: matrices `num[seed, problem]` and `den[seed, problem]`. Resampling whole problem
columns keeps the seeds' outcomes on a problem together (a paired bootstrap), which is what
makes graph - seq on the same problems narrower than the two intervals side by side.

numpy only: scipy is not a dependency, and the percentile bootstrap is a few lines.
"""

from __future__ import annotations

import numpy as np

from evals.evidence_records import Estimate

CONFIDENCE = 0.95


def ratio_estimate(num: np.ndarray, den: np.ndarray, seeds: list[int], *, resamples: int = 2000,
                   rng_seed: int = 0) -> Estimate:
    """The Estimate of sum(num) / sum(den); `num` and `den` are (seeds, problems)."""
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    if num.shape != den.shape or num.ndim != 2 or num.shape[0] != len(seeds):
        raise ValueError(f"num {num.shape} and den {den.shape} must both be (seeds={len(seeds)}, problems)")
    row_den = den.sum(axis=1)
    per_seed = {s: (float(n / d) if d > 0 else None) for s, n, d in zip(seeds, num.sum(axis=1), row_den, strict=True)}
    values = [v for v in per_seed.values() if v is not None]
    total = float(den.sum())
    pooled = float(num.sum() / total) if total > 0 else None
    low, high = _bootstrap(num, den, resamples, rng_seed) if pooled is not None else (None, None)
    return Estimate(
        per_seed=per_seed,
        mean=float(np.mean(values)) if values else None,
        sd=float(np.std(values, ddof=1)) if len(values) >= 2 else None,
        pooled=pooled,
        low=low,
        high=high,
        problems=int(num.shape[1]),
        denominator=total,
    )


def _bootstrap(num: np.ndarray, den: np.ndarray, resamples: int, rng_seed: int) -> tuple[float | None, float | None]:
    """Percentile interval of the pooled ratio over problem resamples; a resample with no
    denominator (every drawn problem had none) is dropped, not counted as 0."""
    rng = np.random.default_rng(rng_seed)
    col_num, col_den = num.sum(axis=0), den.sum(axis=0)  # (problems,): the seeds pooled per problem
    n = col_num.shape[0]
    draws = rng.integers(0, n, size=(resamples, n))  # (resamples, problems)
    sums_den = col_den[draws].sum(axis=1)
    keep = sums_den > 0
    if not keep.any():
        return None, None
    ratios = col_num[draws].sum(axis=1)[keep] / sums_den[keep]
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(ratios, [tail, 100 - tail])
    return float(low), float(high)
