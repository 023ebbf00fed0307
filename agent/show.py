"""Pictures of a solve: the semantic graph and the program tree, with what repair changed marked.

The program tree is laid out by Graphviz's `dot` when it is installed (a tree layout that
never overlaps labels; the `.dot` text is written beside the PNG either way), else by a
plain tidy-tree layout in matplotlib. Subtrees infilled by a repair round are red; a
program that a regenerate round replaced whole is green, with the round in the title.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path as FilePath
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, never a window: this runs on servers and in CI

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402

from agent.state import RepairStrategy, Solution  # noqa: E402
from graphmodel.trees import Path, Tree, iter_paths, parse_program  # noqa: E402

KIND_COLORS = {
    "entity": "#8ecae6",
    "attribute": "#b8e0d2",
    "quantity": "#ffb703",
    "number": "#ffd166",
    "unit": "#f4e285",
    "variable": "#cdb4db",
    "operation": "#ffafcc",
    "relation": "#a3b18a",
    "query": "#e76f51",
    "condition": "#f4a261",
}
TREE_COLOR, REPAIRED_COLOR, REGENERATED_COLOR = "#dfe7fd", "#ef476f", "#95d5b2"
DOT_TIMEOUT_S = 30.0  # a tree of a few hundred nodes takes dot well under a second


def _node_label(node: dict[str, Any]) -> str:
    label = str(node.get("label", ""))
    value, unit = node.get("value"), node.get("unit")
    if value and value != label:
        label = f"{label}={value}"
    if unit:
        label = f"{label} {unit}"
    return f"{node.get('kind', '?')}\n{label}"


def _graph_layout(g: nx.MultiDiGraph, query: int | None) -> dict[Any, Any]:
    """Rows by distance from the query (the question at the bottom, the facts above), when the graph is
    connected; a seeded spring layout otherwise."""
    undirected = nx.Graph(g)
    if query is not None and query in g and len(g) > 1 and nx.is_connected(undirected):
        return nx.bfs_layout(undirected, start=query, align="horizontal")
    return nx.spring_layout(g, seed=0, k=3.0 / max(1, len(g)) ** 0.5, iterations=300)


def draw_semantic_graph(graph: dict[str, Any], out: FilePath) -> FilePath:
    """The semantic graph (SemanticGraph.model_dump()) as a PNG, nodes colored by kind."""
    g = nx.MultiDiGraph()
    for node in graph.get("nodes", []):
        g.add_node(node["id"], label=_node_label(node), kind=str(node.get("kind", "")))
    for edge in graph.get("edges", []):
        g.add_edge(edge["src"], edge["dst"], label=edge.get("label") or str(edge.get("kind", "")))
    size = max(6.0, 1.2 * len(g) ** 0.5 * 3)
    fig, ax = plt.subplots(figsize=(size, size * 0.75))
    pos = _graph_layout(g, graph.get("query"))
    colors = [KIND_COLORS.get(g.nodes[n]["kind"], "#dddddd") for n in g]
    nx.draw_networkx_nodes(g, pos, node_color=colors, node_size=1800, ax=ax)
    nx.draw_networkx_labels(g, pos, labels={n: g.nodes[n]["label"] for n in g}, font_size=7, ax=ax)
    nx.draw_networkx_edges(g, pos, ax=ax, arrows=True, node_size=1800)
    edge_labels = {(u, v): d["label"] for u, v, d in g.edges(data=True)}
    nx.draw_networkx_edge_labels(g, pos, edge_labels=edge_labels, font_size=6, ax=ax)
    ax.set_title(textwrap.fill(graph.get("text", ""), 140), fontsize=8)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return out


def _tree_layout(tree: Tree) -> dict[Path, tuple[float, float]]:
    """Leaves left to right in order, each parent centered over its children."""
    pos: dict[Path, tuple[float, float]] = {}
    next_x = [0.0]

    def place(node: Tree, path: Path, depth: int) -> float:
        if not node.children:
            x = next_x[0]
            next_x[0] += 1.0
        else:
            xs = [place(child, (*path, i), depth + 1) for i, child in enumerate(node.children)]
            x = sum(xs) / len(xs)
        pos[path] = (x, -float(depth))
        return x

    place(tree, (), 0)
    return pos


def repaired_paths(solution: Solution) -> list[Path]:
    """Subtrees of the final program that repair rounds infilled (rounds before a regeneration
    changed a program that is gone, so they do not count)."""
    return marks(solution)[0]


def marks(solution: Solution) -> tuple[list[Path], int | None]:
    """(infilled subtree paths of the final program, the round that regenerated it whole or None)."""
    paths: list[Path] = []
    regenerated: int | None = None
    for record in solution.repairs:
        if record.strategy is RepairStrategy.regenerate and record.replacement:
            paths, regenerated = [], record.round
        elif record.strategy is RepairStrategy.subtree and record.path is not None:
            paths.append(tuple(record.path))
    return paths, regenerated


def _tree_nodes(tree: Tree, highlight: list[Path]) -> tuple[dict[Path, str], set[Path]]:
    labels = {path: node.text if node.text is not None else node.type for path, node in iter_paths(tree)}
    marked = {p for p in labels if any(p[: len(h)] == h for h in highlight)}
    return labels, marked


def program_tree_dot(program: str, highlight: list[Path], regenerated: int | None = None) -> str:
    """The program tree in Graphviz's DOT language, children in source order."""
    tree = parse_program(program)
    labels, marked = _tree_nodes(tree, highlight)
    ids = {path: f"n{i}" for i, path in enumerate(labels)}
    lines = [
        "digraph program_tree {",
        f'  graph [ordering=out, label="{_title(marked, regenerated)}", labelloc=t, fontsize=11];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];',
    ]
    for path, label in labels.items():
        color = REPAIRED_COLOR if path in marked else REGENERATED_COLOR if regenerated else TREE_COLOR
        lines.append(f'  {ids[path]} [label="{_dot_escape(label)}", fillcolor="{color}"];')
    lines += [f"  {ids[path[:-1]]} -> {ids[path]};" for path in labels if path]
    return "\n".join([*lines, "}"]) + "\n"


def _dot_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _title(marked: set[Path], regenerated: int | None) -> str:
    title = "program tree"
    if regenerated:
        title += f" (regenerated whole in repair round {regenerated}: green)"
    if marked:
        title += " (repaired subtrees in red)"
    return title


def draw_program_tree(program: str, highlight: list[Path], out: FilePath, regenerated: int | None = None) -> FilePath:
    """The program's tree as a PNG (dot when installed; PROGRAM.dot beside it either way)."""
    dot_text = program_tree_dot(program, highlight, regenerated)
    out.with_suffix(".dot").write_text(dot_text, encoding="utf-8")
    dot = shutil.which("dot")
    if dot is not None:
        done = subprocess.run([dot, "-Tpng", "-o", str(out)], input=dot_text, text=True, capture_output=True, timeout=DOT_TIMEOUT_S)
        if done.returncode == 0:
            return out
    return _draw_with_matplotlib(program, highlight, out, regenerated)


def _draw_with_matplotlib(program: str, highlight: list[Path], out: FilePath, regenerated: int | None) -> FilePath:
    tree = parse_program(program)
    labels, marked = _tree_nodes(tree, highlight)
    g = nx.DiGraph()
    for path in labels:
        g.add_node(path)
        if path:
            g.add_edge(path[:-1], path)
    pos = _tree_layout(tree)
    width = max(8.0, 0.55 * sum(1 for p in g if g.out_degree(p) == 0))
    depth = max(-y for _, y in pos.values()) + 1
    fig, ax = plt.subplots(figsize=(min(width, 60.0), max(4.0, 0.9 * depth)))
    base = REGENERATED_COLOR if regenerated else TREE_COLOR
    colors = [REPAIRED_COLOR if p in marked else base for p in g]
    nx.draw_networkx_edges(g, pos, ax=ax, arrows=False)
    nx.draw_networkx_nodes(g, pos, node_color=colors, node_size=700, ax=ax)
    nx.draw_networkx_labels(g, pos, labels=labels, font_size=6, ax=ax)
    ax.set_title(_title(marked, regenerated), fontsize=9)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return out


def certificate_lines(solution: Solution) -> list[str]:
    """What was proved about the answer, one line each: the solver's verdict, each constraint
    with its numbers put in, the construct and the facts it came from, the independent answer;
    the checks that ran when the question gave no constraints."""
    verdict = solution.verdict
    if verdict is None:
        return [f"no verdict: {solution.status.value}"]
    lines = [f"answer {solution.answer} ({solution.status.value})"]
    proof = verdict.proof or {}
    if proof.get("verdict") not in (None, "none"):
        where = f"{proof.get('unknown')} in {proof.get('domain')}" if proof.get("domain") else str(proof.get("unknown"))
        lines.append(f"{proof.get('solver') or 'z3'}: {proof['verdict']} ({where})")
        for c in proof.get("constraints", []):
            facts = "; ".join(c.get("facts", []))
            lines.append(f"  {c.get('rule')}: {c.get('instance') or c.get('relation')}" + (f"  <- {facts}" if facts else ""))
        if proof.get("conflicting"):
            lines.append("  conflicting facts: " + " / ".join(proof["conflicting"]))
        if proof.get("independent") is not None:
            lines.append(f"  the constraints alone give {proof.get('unknown')} = {proof['independent']}")
    for note in proof.get("notes", []):
        lines.append(f"  not read: {note}")
    lines += [f"check {c.name}: {c.status.value}" + (f" ({c.detail})" if c.detail else "") for c in verdict.checks]
    return lines


def draw_certificate(solution: Solution, out: FilePath) -> FilePath:
    """The certificate as a picture beside the graph and the tree (and as text, out.txt)."""
    lines = certificate_lines(solution)
    out.with_suffix(".txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    wrapped = [w for line in lines for w in textwrap.wrap(line, 120, subsequent_indent="      ") or [""]]
    fig, ax = plt.subplots(figsize=(11, 0.6 + 0.22 * len(wrapped)))
    ax.text(0.0, 1.0, "\n".join(wrapped), family="monospace", fontsize=8, va="top", ha="left", transform=ax.transAxes)
    ax.set_title("certificate: what was proved", fontsize=9)
    ax.axis("off")
    fig.savefig(out, dpi=120, bbox_inches="tight")
    plt.close(fig)
    return out


def write_pictures(solution: Solution, directory: FilePath, agent_graph: Any = None) -> list[FilePath]:
    """semantic_graph.png, program_tree.png and certificate.png (with certificate.txt) for what
    the solve got to, and, given the compiled `Agent.graph`, agent_graph.mmd: LangGraph's own
    Mermaid drawing of the state machine."""
    directory.mkdir(parents=True, exist_ok=True)
    written: list[FilePath] = []
    if agent_graph is not None:
        mermaid = directory / "agent_graph.mmd"
        mermaid.write_text(agent_graph.get_graph().draw_mermaid(), encoding="utf-8")
        written.append(mermaid)
    if solution.semantic_graph:
        written.append(draw_semantic_graph(solution.semantic_graph, directory / "semantic_graph.png"))
    if solution.program:
        paths, regenerated = marks(solution)
        written.append(draw_program_tree(solution.program, paths, directory / "program_tree.png", regenerated))
    if solution.verdict is not None:
        written.append(draw_certificate(solution, directory / "certificate.png"))
    return written
