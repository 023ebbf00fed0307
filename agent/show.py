"""Pictures of a solve: the semantic graph and the program tree, repaired subtrees highlighted."""

from __future__ import annotations

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
TREE_COLOR, REPAIRED_COLOR = "#dfe7fd", "#ef476f"


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
    return [tuple(r.path) for r in solution.repairs if r.strategy is RepairStrategy.subtree and r.path is not None]


def draw_program_tree(program: str, highlight: list[Path], out: FilePath) -> FilePath:
    """The program's tree as a PNG; every node inside a `highlight` subtree is drawn red."""
    tree = parse_program(program)
    g = nx.DiGraph()
    labels: dict[Path, str] = {}
    for path, node in iter_paths(tree):
        g.add_node(path)
        labels[path] = node.text if node.text is not None else node.type
        if path:
            g.add_edge(path[:-1], path)
    marked = {p for p in g if any(p[: len(h)] == h for h in highlight)}
    pos = _tree_layout(tree)
    width = max(8.0, 0.55 * sum(1 for p in g if g.out_degree(p) == 0))
    depth = max(-y for _, y in pos.values()) + 1
    fig, ax = plt.subplots(figsize=(min(width, 60.0), max(4.0, 0.9 * depth)))
    colors = [REPAIRED_COLOR if p in marked else TREE_COLOR for p in g]
    nx.draw_networkx_edges(g, pos, ax=ax, arrows=False)
    nx.draw_networkx_nodes(g, pos, node_color=colors, node_size=700, ax=ax)
    nx.draw_networkx_labels(g, pos, labels=labels, font_size=6, ax=ax)
    ax.set_title("program tree" + (" (repaired subtrees in red)" if marked else ""), fontsize=9)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return out


def write_pictures(solution: Solution, directory: FilePath) -> list[FilePath]:
    """semantic_graph.png and program_tree.png for what the solve got to; returns the files."""
    directory.mkdir(parents=True, exist_ok=True)
    written: list[FilePath] = []
    if solution.semantic_graph:
        written.append(draw_semantic_graph(solution.semantic_graph, directory / "semantic_graph.png"))
    if solution.program:
        written.append(draw_program_tree(solution.program, repaired_paths(solution), directory / "program_tree.png"))
    return written
