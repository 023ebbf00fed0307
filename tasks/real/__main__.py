"""`python -m tasks.real [DATA_DIR]`: print the held-out rows of every fold as JSON.

The folds are a pure function of the data (folds.py); this listing is what
`tasks/real/held_out.json` records, so that anyone can check which rows a figure held out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tasks.real import data_file, import_dataset
from tasks.real.folds import held_out_rows
from tasks.real.paths import FILES


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else None
    listing = {}
    for dataset in FILES:
        imported = import_dataset(dataset, data_file(dataset, data_dir))
        listing[dataset] = {
            "file": str(FILES[dataset]),
            "folds": held_out_rows(imported.problems),
            "skipped": {s.row: s.reason for s in imported.skipped},
        }
    json.dump(listing, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
