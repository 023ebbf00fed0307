"""Loaders for public suites that install from package registries: DeepMind's mathematics-dataset, CHAMP."""

from evals.external.champ import load_champ
from evals.external.mathematics import MathematicsDatasetError, generate_mathematics_suite

__all__ = ["MathematicsDatasetError", "generate_mathematics_suite", "load_champ"]
