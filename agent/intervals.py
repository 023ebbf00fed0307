"""Confidence intervals for the shares the reports print (pass@1, accuracy, repairs fixed).

Here, not in evals, because both `ladder compare` (agent/compare.py) and the eval reports
print them, and agent may not import evals (DESIGN.md's layering).

The Wilson score interval: unlike the normal approximation it stays inside [0, 1] and is
honest at 0/n and n/n, which small suites and near-perfect cells hit all the time (Brown,
Cai & DasGupta 2001 recommend it for n < 40 and beyond). Attempts are treated as independent
trials; with several attempts per problem the interval is somewhat too narrow.
"""

from __future__ import annotations

from math import sqrt

Z95 = 1.959963984540054  # the 97.5% quantile of the standard normal: a two-sided 95% interval


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """(low, high) of the Wilson interval for successes/n; None when n is 0."""
    if n <= 0:
        return None
    if not 0 <= successes <= n:
        raise ValueError(f"successes={successes} outside 0..n={n}")
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def share_with_interval(successes: int, n: int) -> str:
    """'63.2% [55.1, 70.6]' (a 95% Wilson interval), or '-' when n is 0."""
    bounds = wilson(successes, n)
    if bounds is None:
        return "-"
    low, high = bounds
    return f"{100 * successes / n:.1f}% [{100 * low:.1f}, {100 * high:.1f}]"
