"""Which problems of a suite a quick run takes: `--limit N` and `--per-family N`, one meaning everywhere.

`ladder eval` and `ladder compare` both take these two options, and both mean the same:
`per_family` keeps the first N problems of each family (a small run that still covers every
family; suites are grouped by family, so the first N alone would be one family), then
`limit` keeps the first N of what is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from tasks.schema import Problem

P = TypeVar("P", bound=Problem)


def first_per_family(problems: Sequence[P], n: int) -> list[P]:
    """The first n problems of each family, in suite order."""
    seen: dict[str, int] = {}
    kept = []
    for problem in problems:
        seen[problem.family] = seen.get(problem.family, 0) + 1
        if seen[problem.family] <= n:
            kept.append(problem)
    return kept


def subset(problems: Sequence[P], limit: int | None = None, per_family: int | None = None) -> list[P]:
    """`per_family` first (when given), then the first `limit` (when given), in suite order."""
    kept = first_per_family(problems, per_family) if per_family is not None else list(problems)
    return kept[:limit] if limit is not None else kept
