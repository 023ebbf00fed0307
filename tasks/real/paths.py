"""Where the real data lives: `../shared/data` beside the repository, or `LADDER_DATA_DIR`."""

from __future__ import annotations

import os
from pathlib import Path

ENV = "LADDER_DATA_DIR"
FILES = {
    "mawps": Path("mwp/mawps_train.csv"),
    "asdiv-a": Path("mwp/asdiv-a_train.csv"),
    "gsm8k": Path("gsm8k/train.jsonl"),
}


def default_data_dir() -> Path:
    """`$LADDER_DATA_DIR` if set, else `<repo root>/../shared/data`."""
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


def data_file(dataset: str, data_dir: Path | None = None) -> Path:
    """The file of one dataset ('mawps', 'asdiv-a', 'gsm8k') under the data directory."""
    if dataset not in FILES:
        raise ValueError(f"unknown dataset {dataset!r} (known: {', '.join(FILES)})")
    return (data_dir or default_data_dir()) / FILES[dataset]
