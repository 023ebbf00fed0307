"""Shared fixtures for the task-family tests: the built-in suites, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

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
