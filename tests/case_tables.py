"""Case tables for parametrized tests: one test serves many cases kept under headings, so a
new case is a row, not another copy of the test (ids are `heading-N`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest


def grouped(groups: dict[str, list[tuple]]) -> list:
    """`{heading: [case, ...]}` as pytest params, one per case."""
    return [pytest.param(*case, id=f"{heading}-{i}") for heading, cases in groups.items() for i, case in enumerate(cases)]


def per_function(table: dict[str, tuple[Callable, list[tuple]]]) -> list:
    """`{name: (function, [case, ...])}` as pytest params `(function, *case)`: one test checks
    that each function maps its cases as the table says."""
    return [pytest.param(function, *case, id=f"{name}-{i}")
            for name, (function, cases) in table.items() for i, case in enumerate(cases)]
