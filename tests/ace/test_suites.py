"""Every built-in suite's canonical ACE parses, each sentence to exactly one parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks import load_suite
from tasks.ace import AceError, parse_ace
from tasks.ace.ambiguity import count_ambiguities, sentence_terminals

SUITES = sorted(Path(__file__).resolve().parents[2].joinpath("tasks", "suites").glob("*.jsonl"))


@pytest.mark.parametrize("suite", SUITES, ids=[p.stem for p in SUITES])
def test_every_ace_field_parses_to_one_graph(suite: Path):
    problems = [p for p in load_suite(suite) if p.ace]
    assert problems, f"{suite.name} has no ace fields"
    failures: list[str] = []
    shapes: set[tuple[str, ...]] = set()
    for problem in problems:
        try:
            graph = parse_ace(problem.ace)
        except AceError as err:
            failures.append(f"{problem.id} ({problem.family}): {err}")
            continue
        assert graph.query is not None, f"{problem.id}: the last sentence asks nothing"
        shapes.update(sentence_terminals(problem.ace))
    print(f"\n{suite.name}: {len(problems) - len(failures)}/{len(problems)} ACE texts parse; "
          f"{len(shapes)} distinct sentence shapes")
    assert not failures, "\n".join(failures[:20])
    ambiguous = [s for s in shapes if count_ambiguities(s)]
    assert not ambiguous, f"sentence shapes with more than one parse: {ambiguous[:5]}"


def test_suites_exist():
    assert {p.stem for p in SUITES} >= {"train", "valid", "test"}, "built-in suites are missing"
