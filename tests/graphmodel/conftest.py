"""Shared fixtures: the grammar and a tiny corpus from the built-in suites."""

from __future__ import annotations

import pytest

from graphmodel.trees import parse_program
from tasks import load_suite


@pytest.fixture(scope="session")
def train_problems():
    return load_suite("tasks/suites/train.jsonl")


@pytest.fixture(scope="session")
def train_trees(train_problems):
    return [parse_program(p.program) for p in train_problems if p.program]
