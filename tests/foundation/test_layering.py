"""Dependencies point one way (DESIGN.md): which of ladder's packages may import which.

    agent -> graphmodel, verifiers, tasks;  evals -> agent, tasks;  graphmodel -> tasks;
    verifiers and tasks import no other package of ours.

Imports are read with `ast` (tests/foundation/test_import_cycles.py), so deferred imports
inside functions count too. Benchmarks (`evals/bench_*.py`) measure one component alone
(the sandbox's trivial-run rate, the model's trees/s), so they may import the package they
measure; nothing else in evals may.
"""

from __future__ import annotations

from pathlib import Path

from test_import_cycles import imported_names, our_modules

ALLOWED: dict[str, set[str]] = {
    "agent": {"graphmodel", "verifiers", "tasks"},
    "evals": {"agent", "tasks"},
    "graphmodel": {"tasks"},
    "verifiers": set(),
    "tasks": set(),
}
BENCHMARK_PREFIX = "evals.bench_"


def forbidden_imports(modules: dict[str, Path] | None = None) -> list[str]:
    """`importer -> imported` for every import that crosses the layering the wrong way."""
    modules = our_modules() if modules is None else modules
    found = []
    for name, path in modules.items():
        package = name.split(".")[0]
        if name.startswith(BENCHMARK_PREFIX):
            continue
        for target in sorted(imported_names(path, name, modules)):
            other = target.split(".")[0]
            if other != package and other not in ALLOWED[package]:
                found.append(f"{name} -> {target}")
    return found


def test_every_package_is_in_the_table() -> None:
    assert {name.split(".")[0] for name in our_modules()} == set(ALLOWED)


def test_no_import_crosses_the_layering() -> None:
    assert forbidden_imports() == []


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    """A tasks module importing agent inside a function is reported (the check is not vacuous)."""
    leak = tmp_path / "leak.py"
    leak.write_text("def f():\n    from agent import Agent\n", encoding="utf-8")
    assert forbidden_imports({**our_modules(), "tasks.leak": leak}) == ["tasks.leak -> agent"]
