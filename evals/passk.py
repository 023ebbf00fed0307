"""pass@k: the unbiased estimator of Chen et al. (2021), computed per problem and averaged."""

from __future__ import annotations

from math import comb


def pass_at_k(n: int, c: int, k: int) -> float:
    """Probability that at least one of k attempts drawn from n (c of them correct) is correct.

    1 - C(n-c, k) / C(n, k), computed exactly with integers. Raises ValueError when k > n,
    because the estimator is undefined there (reporting it would overstate the cell).
    """
    if not 0 <= c <= n:
        raise ValueError(f"pass_at_k: correct count c={c} must lie in 0..n={n}")
    if not 1 <= k <= n:
        raise ValueError(f"pass_at_k: k={k} must lie in 1..n={n} (n attempts were recorded)")
    if n - c < k:
        return 1.0
    return 1.0 - comb(n - c, k) / comb(n, k)


def mean_pass_at_k(counts: list[tuple[int, int]], k: int) -> float | None:
    """Average pass@k over problems given (n, c) per problem; None when no problem has n >= k."""
    usable = [(n, c) for n, c in counts if n >= k]
    if not usable:
        return None
    return sum(pass_at_k(n, c, k) for n, c in usable) / len(usable)
