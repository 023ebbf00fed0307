"""Fixtures for the eval harness tests; the helpers live in eval_suites.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_suites import quarters_suite_at, status_suite_at


@pytest.fixture
def status_suite(tmp_path: Path) -> Path:
    return status_suite_at(tmp_path)


@pytest.fixture
def quarters_suite(tmp_path: Path) -> Path:
    return quarters_suite_at(tmp_path)
