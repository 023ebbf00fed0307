"""Every built-in suite's canonical ACE parses, each sentence to exactly one parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from suite_graphs import SUITES, parsed_suite

from tasks import load_suite
from tasks.ace import AceError
from tasks.ace.ambiguity import count_ambiguities, sentence_terminals


@pytest.mark.parametrize("suite", SUITES, ids=[p.stem for p in SUITES])
def test_every_ace_field_parses_to_one_graph(suite: Path):
    problems = parsed_suite(suite)
    assert problems, f"{suite.name} has no ace fields"
    failures: list[str] = []
    shapes: set[tuple[str, ...]] = set()
    for problem, graph in problems:
        if isinstance(graph, AceError):
            failures.append(f"{problem.id} ({problem.family}): {graph}")
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


# The documented preferences (docs/ace.md, section 3, rules 4 and 5): when two readings of a
# word both let the sentence parse, the first listed here wins.
PREFERENCES = [("_ANDOF", "_AND"), ("_ANDOF", "_ANDNP"), ("_AND", "_ANDNP"), ("ADJ", "NOUN"), ("NOUN", "VERB"), ("NOUN", "PROPER"),
               ("PROPER", "NOUN"), ("NUMBER", "NUMAPP"), ("NOUN", "_TIMES")]


def test_lexical_choices_follow_the_documented_preferences():
    from tasks.ace.parser import parse_words

    suite = next((p for p in SUITES if p.stem == "test"), None)
    if suite is None:
        pytest.skip("no test suite")
    undocumented: set[tuple[str, tuple[str, ...]]] = set()
    for problem in load_suite(suite):
        choices: list = []
        _tree, words = parse_words(problem.ace, choices)
        for word, complete in choices:
            if len(complete) > 1:
                pair = tuple(complete[:2])
                if pair not in PREFERENCES or word.type != pair[0]:
                    undocumented.add((str(word), tuple(complete)))
    assert not undocumented, f"choices outside the documented preferences: {sorted(undocumented)}"
