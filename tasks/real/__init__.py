"""Real word problems (MAWPS, ASDiv-A, GSM8K) as Problems with verified reference programs.

Loaders restore the English a user would type, turn each dataset's solution into a
program in the families' style, check it against the dataset's answer with a safe AST
evaluator (skipping, with the reason, rows it does not reproduce) and assign folds:
5-fold CV groups for MAWPS/ASDiv-A, a fixed dev tenth for GSM8K. See folds.py.
"""

from pathlib import Path

from tasks.real.evaluate import ProgramError, evaluate_program
from tasks.real.folds import fold_of, gsm8k_fold, held_out_rows, split_folds, train_dev
from tasks.real.gsm8k import import_gsm8k, load_gsm8k
from tasks.real.mwp import import_mwp, load_asdiv, load_mawps
from tasks.real.paths import data_file, default_data_dir
from tasks.real.records import Imported, RealDataError, Skipped

__all__ = [
    "Imported", "ProgramError", "RealDataError", "Skipped", "data_file", "default_data_dir", "evaluate_program",
    "fold_of", "gsm8k_fold", "held_out_rows", "import_dataset", "import_gsm8k", "import_mwp", "load_asdiv", "load_gsm8k", "load_mawps",
    "split_folds", "train_dev",
]


def import_dataset(dataset: str, path: Path | None = None) -> Imported:
    """One dataset by name ('mawps', 'asdiv-a', 'gsm8k'), from `path` or the data directory."""
    path = path or data_file(dataset)
    return import_gsm8k(path) if dataset == "gsm8k" else import_mwp(path, dataset)
