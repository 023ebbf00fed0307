"""Canonical form of a semantic graph: colour refinement plus individualization.

Two graphs get the same string exactly when they are isomorphic as labelled multigraphs (node
kind, label, value, unit; edge kind, label, direction). Node ids, node order, sentence indices and
the source text do not matter. Colour refinement (1-WL) splits nodes by their neighbourhoods; ties
that remain are broken by trying each member of the first tied cell and keeping the smallest
result, which is exact. The search is capped (MAX_LEAVES) for highly symmetric graphs, where it
falls back to the refined colours alone: still equal for isomorphic graphs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tasks.ace.graph import SemanticGraph

MAX_LEAVES = 256  # individualization leaves explored before falling back to colours alone

Edge = tuple[int, str, str, int]  # (src, kind, label, dst)


def _node_signature(graph: SemanticGraph, i: int) -> str:
    n = graph.nodes[i]
    return f"{n.kind.value}|{n.label}|{n.value or ''}|{n.unit or ''}"


def _refine(colors: list[int], edges: list[Edge]) -> list[int]:
    """Split colour classes by neighbourhood until stable; new colours are ranks of signatures."""
    n = len(colors)
    while True:
        outs: list[list[tuple]] = [[] for _ in range(n)]
        ins: list[list[tuple]] = [[] for _ in range(n)]
        for s, k, lab, d in edges:
            outs[s].append((k, lab, colors[d]))
            ins[d].append((k, lab, colors[s]))
        sigs = [(colors[i], tuple(sorted(outs[i])), tuple(sorted(ins[i]))) for i in range(n)]
        rank = {sig: r for r, sig in enumerate(sorted(set(sigs)))}
        new = [rank[s] for s in sigs]
        if len(set(new)) == len(set(colors)):
            return new
        colors = new


def _render(base: list[str], colors: list[int], edges: list[Edge]) -> str:
    order = sorted(range(len(colors)), key=lambda i: colors[i])
    pos = {node: p for p, node in enumerate(order)}
    lines = [f"n{p} {base[node]}" for p, node in enumerate(order)]
    lines += sorted(f"n{pos[s]} -{k}[{lab}]-> n{pos[d]}" for s, k, lab, d in edges)
    return "\n".join(lines)


def _render_colors(base: list[str], colors: list[int], edges: list[Edge]) -> str:
    lines = sorted(f"c{c} {b}" for c, b in zip(colors, base, strict=True))
    lines += sorted(f"c{colors[s]} -{k}[{lab}]-> c{colors[d]}" for s, k, lab, d in edges)
    return "wl\n" + "\n".join(lines)


def canonical_string(graph: SemanticGraph) -> str:
    """The canonical string of `graph` (see the module docstring)."""
    base = [_node_signature(graph, i) for i in range(len(graph.nodes))]
    edges = [(e.src, e.kind.value, e.label or "", e.dst) for e in graph.edges]
    ranks = {sig: r for r, sig in enumerate(sorted(set(base)))}
    colors = _refine([ranks[b] for b in base], edges)
    budget = [MAX_LEAVES]
    best = _search(base, colors, edges, budget)
    return best if best is not None else _render_colors(base, colors, edges)


def _search(base: list[str], colors: list[int], edges: list[Edge], budget: list[int]) -> str | None:
    cells: dict[int, list[int]] = {}
    for i, c in enumerate(colors):
        cells.setdefault(c, []).append(i)
    tied = [members for _, members in sorted(cells.items()) if len(members) > 1]
    if not tied:
        budget[0] -= 1
        return _render(base, colors, edges)
    best: str | None = None
    for node in tied[0]:
        if budget[0] <= 0:
            return None
        # Individualize `node`: a colour just below its cell, then refine again.
        split = [2 * c + (0 if i == node else 1) for i, c in enumerate(colors)]
        result = _search(base, _refine(split, edges), edges, budget)
        if result is None:
            return None
        if best is None or result < best:
            best = result
    return best
