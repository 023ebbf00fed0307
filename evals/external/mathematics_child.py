"""Runs INSIDE the mathematics-dataset venv (numpy<2), never imported by ladder itself.

Samples questions from chosen modules of DeepMind's mathematics_dataset (2019) and prints
one JSON object per line: {"module", "index", "question", "answer"}. Two shims make the
2019 code run on current libraries: sympy moved `base_solution_linear` into
`sympy.solvers.diophantine.diophantine`, and numpy removed the `np.object` alias.
Usage: python mathematics_child.py SEED PER_MODULE REGIME MODULE [MODULE ...]
"""

import json
import random
import sys


def _shim() -> None:
    import importlib

    import numpy as np

    dio = importlib.import_module("sympy.solvers.diophantine")
    # the package re-exports a *function* named diophantine, so go through sys.modules
    dio_impl = importlib.import_module("sympy.solvers.diophantine.diophantine")

    if not hasattr(dio, "base_solution_linear"):
        dio.base_solution_linear = dio_impl.base_solution_linear
    if "object" not in np.__dict__:
        np.object = object  # removed in numpy 1.24; the 2019 code uses it as a dtype


def _flatten(tree, prefix=""):
    for key, value in tree.items():
        name = f"{prefix}__{key}" if prefix else key
        if isinstance(value, dict):
            yield from _flatten(value, name)
        else:
            yield name, value


def main(argv):
    seed, per_module, regime, wanted = int(argv[1]), int(argv[2]), argv[3], argv[4:]
    _shim()
    import numpy as np
    from mathematics_dataset import generate_settings
    from mathematics_dataset.modules import modules

    random.seed(seed)
    np.random.seed(seed)
    if regime == "train":
        tree = modules.train(lambda range_: range_)
    elif regime == "interpolate":
        tree = modules.test()
    elif regime == "extrapolate":
        tree = modules.test_extra()
    else:
        raise SystemExit(f"unknown regime {regime!r}: expected train, interpolate or extrapolate")
    flat = dict(_flatten(tree))
    missing = [m for m in wanted if m not in flat]
    if missing:
        raise SystemExit(f"unknown module(s) {', '.join(missing)}; known: {', '.join(sorted(flat))}")
    for name in wanted:
        module = flat[name]
        index = 0
        while index < per_module:
            problem = module()
            question, answer = str(problem.question), str(problem.answer)
            if len(question) > generate_settings.MAX_QUESTION_LENGTH or len(answer) > generate_settings.MAX_ANSWER_LENGTH:
                continue  # the dataset's own rule: overlong samples are dropped
            print(json.dumps({"module": name, "index": index, "question": question, "answer": answer}), flush=True)
            index += 1


if __name__ == "__main__":
    main(sys.argv)
