"""tasks: the Problem schema, suites (JSONL) and the problem families that generate them."""

from tasks.schema import AnswerKind, Problem, Split
from tasks.suites_io import SuiteError, dump_suite, load_suite, validate_suite

__all__ = ["AnswerKind", "Problem", "Split", "SuiteError", "dump_suite", "load_suite", "validate_suite"]
