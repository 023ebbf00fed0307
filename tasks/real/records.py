"""What an import returns: the problems it made, the rows it skipped and why, and its error.

Skipped rows are data, not failures: a row whose reference program cannot reproduce the
dataset's answer is kept out of training, and the reason is counted in the report.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from tasks.schema import Problem


class RealDataError(ValueError):
    """A data file that cannot be read as its dataset: names the file and, where known, the row."""

    def __init__(self, path: Path | str, message: str, row: int | None = None) -> None:
        where = f"{path}" if row is None else f"{path}, row {row}"
        super().__init__(f"{where}: {message}")
        self.path = Path(path)
        self.row = row


class Skipped(BaseModel):
    """One row left out, with the reason (short and stable, so reasons can be counted)."""

    model_config = ConfigDict(frozen=True)

    row: int = Field(ge=0, description="0-based data row (CSV: after the header; JSONL: line).")
    reason: str
    detail: str = ""


class Imported(BaseModel):
    """The problems of one data file and the rows that did not make a problem."""

    model_config = ConfigDict(frozen=True)

    dataset: str
    path: str
    problems: list[Problem]
    skipped: list[Skipped] = Field(default_factory=list)

    def reasons(self) -> Counter[str]:
        """Skip reasons by count, most common first when iterated with most_common()."""
        return Counter(s.reason for s in self.skipped)


def source_name(path: Path) -> str:
    """`mwp/mawps_train.csv`: the file as named under the data directory, not this machine's path."""
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name
