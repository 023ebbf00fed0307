"""The graphs of the suites' canonical ACE are exactly those the shipped checkpoints read.

graphmodel/checkpoints/*.pt were trained on these graphs; a change to the ACE layer may make other
phrasings map onto them, never change them. tests/ace/graph_fingerprints.json was written by
`python -m tasks.ace.fingerprint tasks/suites/*.jsonl` before the session-2 normalizations.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from suite_graphs import SUITES, parsed_suite

from tasks.ace import SemanticGraph, parse_ace, same_meaning
from tasks.ace.fingerprint import CHUNK, fingerprint

STORED = json.loads(Path(__file__).with_name("graph_fingerprints.json").read_text())


@pytest.mark.parametrize("suite", SUITES, ids=[p.stem for p in SUITES])
def test_canonical_graphs_are_unchanged(suite: Path):
    stored = STORED["suites"].get(suite.stem)
    assert stored is not None, f"no stored fingerprint for {suite.name}"
    graphs = [g for _, g in parsed_suite(suite)]
    assert all(isinstance(g, SemanticGraph) for g in graphs), f"{suite.name}: some ACE fails to parse"
    got = fingerprint(graphs)
    assert got.count == stored["count"], f"{suite.name}: {got.count} graphs, {stored['count']} stored"
    changed = [k for k, (a, b) in enumerate(zip(got.chunks, stored["chunks"], strict=True)) if a != b]
    problems = [p.id for p, _ in parsed_suite(suite)]
    where = [f"{problems[k * CHUNK]}..{problems[min(len(problems), (k + 1) * CHUNK) - 1]}"
             for k in changed]
    assert got.sha256 == stored["sha256"], (
        f"{suite.name}: the canonical graphs changed (problems {', '.join(where)}); the shipped "
        "checkpoints read these graphs, so the change must map other phrasings onto them instead")


def test_fingerprint_sees_node_order_and_to_pyg():
    # Same meaning (canonical() equal), different node order: the models see a different graph.
    a = parse_ace("A crate has a mass of 40 kilograms. A drum has a mass of 9 kilograms.")
    b = parse_ace("A drum has a mass of 9 kilograms. A crate has a mass of 40 kilograms.")
    assert same_meaning(a, b), "independent facts in either order mean the same"
    assert fingerprint([a]).sha256 != fingerprint([b]).sha256, "node order must count"
    c = a.model_copy(update={"text": b.text})
    assert fingerprint([c]).sha256 != fingerprint([a]).sha256, "the text is part of the record"
