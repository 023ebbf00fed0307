"""Building the encoder leaves nothing in TMPDIR (issue 14, item 7: PyG's template files)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BUILD = (
    "from graphmodel.model import GraphEncoder, GraphModelConfig\n"
    "GraphEncoder(GraphModelConfig(n_kinds=2, n_labels=2, n_units=2, n_edge_kinds=2, n_edge_labels=2))\n"
    "import sys; print(sorted(m for m in sys.modules if m.endswith('_propagate')))\n"
)


def test_encoder_construction_leaves_no_generated_module_files(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    done = subprocess.run([sys.executable, "-c", BUILD], cwd=root, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": str(root)})
    assert done.returncode == 0, done.stderr
    assert "TransformerConv_propagate" in done.stdout  # PyG did generate its module
    assert not [p.name for p in scratch.rglob("*.py")]
