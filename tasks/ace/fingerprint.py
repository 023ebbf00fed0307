"""Fingerprints of the semantic graphs of a suite's canonical ACE, to protect trained models.

The shipped checkpoints (graphmodel/checkpoints/) read the graphs that `parse_ace` gives for the
canonical ACE of the built-in suites. A change to the ACE layer that alters any of those graphs
(a node, its order, an edge, a field of graphmodel's `to_pyg`) silently changes what the models see, so the
graphs are hashed in suite order and the hashes are committed (tests/ace/graph_fingerprints.json).
Hashes are kept per chunk of CHUNK problems as well, so a failing check says where to look.

    python -m tasks.ace.fingerprint tasks/suites/*.jsonl > tests/ace/graph_fingerprints.json

Regenerate the file only together with retrained checkpoints.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from tasks.ace.graph import EdgeKind, NodeKind, SemanticGraph

CHUNK = 100  # problems per partial hash: small file, yet a mismatch points at 100 problems
FORMAT = 1


class SuiteFingerprint(BaseModel):
    """The hash of one suite's graphs, in suite order, and of each chunk of CHUNK graphs."""

    count: int
    sha256: str
    chunks: list[str]


def graph_digest(graph: SemanticGraph) -> bytes:
    """The bytes that identify one graph: its JSON (text, nodes in order, edges in order, query)
    and the fields of its torch_geometric view (graphmodel's `to_pyg`), which the models read,
    written here as plain lists so that tasks needs no torch."""
    node_kinds, edge_kinds = list(NodeKind), list(EdgeKind)
    pyg = {"node_kind": [node_kinds.index(n.kind) for n in graph.nodes],
           "edge_index": [[e.src for e in graph.edges], [e.dst for e in graph.edges]],
           "edge_kind": [edge_kinds.index(e.kind) for e in graph.edges],
           "labels": [n.label for n in graph.nodes],
           "values": [n.value for n in graph.nodes], "num_nodes": len(graph.nodes)}
    # `front_end` names the reader; no model reads it, so it is not part of what is pinned here
    text = graph.model_dump_json(exclude={"front_end"})
    return hashlib.sha256(text.encode() + json.dumps(pyg).encode()).digest()


def fingerprint(graphs: Iterable[SemanticGraph]) -> SuiteFingerprint:
    """Hash graphs in order: one digest for all, one per CHUNK."""
    whole = hashlib.sha256()
    chunks: list[str] = []
    part = hashlib.sha256()
    count = 0
    for graph in graphs:
        digest = graph_digest(graph)
        whole.update(digest)
        part.update(digest)
        count += 1
        if count % CHUNK == 0:
            chunks.append(part.hexdigest())
            part = hashlib.sha256()
    if count % CHUNK:
        chunks.append(part.hexdigest())
    return SuiteFingerprint(count=count, sha256=whole.hexdigest(), chunks=chunks)


def suite_graphs(path: Path) -> list[SemanticGraph]:
    """The graphs of every canonical ACE in a suite, in suite order."""
    from tasks import load_suite
    from tasks.ace import parse_ace

    return [parse_ace(p.ace) for p in load_suite(path) if p.ace]


def main(argv: list[str] | None = None) -> int:
    paths = [Path(a) for a in (sys.argv[1:] if argv is None else argv)]
    if not paths:
        print("usage: python -m tasks.ace.fingerprint SUITE.jsonl ...", file=sys.stderr)
        return 2
    suites = {p.stem: fingerprint(suite_graphs(p)).model_dump() for p in sorted(paths)}
    print(json.dumps({"format": FORMAT, "chunk": CHUNK, "suites": suites}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
