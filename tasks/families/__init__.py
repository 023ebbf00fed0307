"""The problem families: a registry of seeded generators, by name.

FAMILIES feed the random splits (train/valid/test/smoke); COMPOSITIONAL families combine
operations of several families and only ever feed the `compositional` split.
"""

from __future__ import annotations

from tasks.families import (
    arithmetic_story,
    combinatorics,
    compositional,
    gcd_lcm,
    geometry_area,
    geometry_right_triangle,
    geometry_volume,
    interest,
    linear_equation,
    linear_system,
    motion,
    multi_step_story,
    number_theory,
    percentage,
    probability,
    quadratic,
    series,
    unit_conversion,
    work_rate,
)
from tasks.families.base import Draft, Family, FamilyError, exact_answer, stable_seed

_MODULES = [
    geometry_right_triangle, geometry_area, geometry_volume, motion, work_rate, percentage, interest,
    linear_equation, linear_system, gcd_lcm, combinatorics, series, probability, unit_conversion,
    number_theory, quadratic, arithmetic_story, multi_step_story,
]

FAMILIES: dict[str, Family] = {m.FAMILY.name: m.FAMILY for m in _MODULES}
COMPOSITIONAL: dict[str, Family] = {f.name: f for f in compositional.FAMILIES}

__all__ = ["COMPOSITIONAL", "FAMILIES", "Draft", "Family", "FamilyError", "exact_answer", "stable_seed"]
