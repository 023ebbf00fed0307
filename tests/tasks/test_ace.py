"""The canonical ACE of every built-in problem is accepted by ladder's ACE parser."""

from __future__ import annotations

import pytest

from tasks.ace import AceError, parse_ace


@pytest.mark.parametrize("name", ["train", "valid", "test", "compositional", "smoke"])
def test_every_canonical_ace_parses(suites, name):
    rejected = []
    for problem in suites[name]:
        try:
            graph = parse_ace(problem.ace)
        except AceError as exc:
            rejected.append(f"{problem.id}: {exc}\n    {problem.ace}")
            continue
        assert graph.query is not None, f"{problem.id}: the ACE has no query: {problem.ace}"
    assert not rejected, f"{len(rejected)} rejected:\n" + "\n".join(rejected[:10])

