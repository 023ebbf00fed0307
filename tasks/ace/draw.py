"""Draw a semantic graph as a PNG (networkx layout, matplotlib's Agg backend: no display needed)."""

from __future__ import annotations

from pathlib import Path

from tasks.ace.graph import NodeKind, SemanticGraph

# One colour per node kind, so entities, quantities and operations stand apart at a glance.
KIND_COLORS = {
    NodeKind.ENTITY: "#8ecae6", NodeKind.ATTRIBUTE: "#bde0fe", NodeKind.QUANTITY: "#ffb703",
    NodeKind.NUMBER: "#ffd166", NodeKind.UNIT: "#e9c46a", NodeKind.VARIABLE: "#f4a261",
    NodeKind.OPERATION: "#e76f51", NodeKind.RELATION: "#90be6d", NodeKind.QUERY: "#d62828",
    NodeKind.CONDITION: "#b388eb",
}


def node_text(graph: SemanticGraph, node_id: int) -> str:
    """`13 foot`, `ladder`, `lean`: what a node shows in tables and drawings."""
    node = graph.nodes[node_id]
    if node.kind == NodeKind.QUANTITY:
        return f"{node.value if node.value is not None else node.label} {node.unit}"
    return node.label


def draw_png(graph: SemanticGraph, path: str | Path, dpi: int = 120) -> Path:
    """Write the graph to `path` as a PNG and return the path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    g = graph.to_networkx()
    simple = nx.DiGraph(g)  # layout and drawing work on a simple graph; labels come from `g`
    pos = nx.spring_layout(simple, seed=0, k=2.5 / max(len(simple), 1) ** 0.5) if len(simple) else {}
    size = max(6.0, 1.2 * len(simple) ** 0.5 * 3)
    fig, ax = plt.subplots(figsize=(size, size * 0.75))
    colors = [KIND_COLORS[NodeKind(g.nodes[n]["kind"])] for n in simple.nodes]
    nx.draw_networkx_nodes(simple, pos, node_color=colors, node_size=1400, ax=ax)
    nx.draw_networkx_labels(simple, pos, {n: node_text(graph, n) for n in simple.nodes},
                            font_size=8, ax=ax)
    nx.draw_networkx_edges(simple, pos, arrows=True, arrowsize=14, node_size=1400, ax=ax)
    edge_labels = {(e.src, e.dst): e.kind.value + (f":{e.label}" if e.label else "")
                   for e in graph.edges}
    nx.draw_networkx_edge_labels(simple, pos, edge_labels, font_size=7, ax=ax)
    ax.set_title(graph.text, fontsize=9, wrap=True)
    ax.axis("off")
    out = Path(path)
    fig.savefig(out, dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return out
