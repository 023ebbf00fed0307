"""Each package README's module table names exactly the package's files (issue 20)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("agent", "agent/rewrite", "graphmodel", "verifiers", "tasks", "tasks/real", "evals")


def table_names(readme: Path) -> set[str]:
    """The `*.py` names in the README's table rows (lines starting with `|`), not paths into other folders."""
    rows = [line for line in readme.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    return set(re.findall(r"(?<![/\w])(\w+\.py)\b", "\n".join(rows)))  # `agent/chat.py` is another folder's


@pytest.mark.parametrize("package", PACKAGES)
def test_module_table_matches_the_files(package: str) -> None:
    folder = ROOT / package
    readme = folder / "README.md"
    assert readme.is_file(), f"{package}/ has no README.md"
    files = {p.name for p in folder.glob("*.py")} - {"__init__.py"}
    named = table_names(readme)
    assert not files - named, f"{package}/README.md has no table row for {sorted(files - named)}"
    assert not named - files - {"__init__.py"}, f"{package}/README.md names missing files {sorted(named - files)}"
