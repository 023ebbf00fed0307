"""Shared fixtures for the task-family tests: the built-in suites, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest
import sympy

from tasks import load_suite
from tasks.schema import Problem

SUITES_DIR = Path(__file__).resolve().parents[2] / "tasks" / "suites"
SUITE_NAMES = ["train", "valid", "test", "compositional", "smoke"]


@pytest.fixture(scope="session")
def suites_dir() -> Path:
    """Where the built-in suites live."""
    return SUITES_DIR


@pytest.fixture(scope="session")
def suites() -> dict[str, list[Problem]]:
    """Every built-in suite, by name."""
    return {name: load_suite(SUITES_DIR / f"{name}.jsonl") for name in SUITE_NAMES}


def _same_value(got: object, expected: str) -> bool:
    """Exact equality of a program's value and an answer string, as sympy numbers (or sets of them)."""
    want = sympy.sympify(expected)
    if isinstance(want, (set, frozenset)):
        if not isinstance(got, (set, frozenset)) or len(got) != len(want):
            return False
        return all(any(_same_value(g, sympy.sstr(w)) for w in want) for g in got)
    return sympy.simplify(sympy.sympify(got) - want) == 0


@pytest.fixture(scope="session")
def same_value():
    """The exact comparison every program check uses (sympy, never strings)."""
    return _same_value
