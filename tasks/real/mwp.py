"""MAWPS and ASDiv-A (the SVAMP repository's CSVs) -> Problems with one-statement programs.

Each row's prefix `Equation` over `number0..` becomes `answer = <expression>` over the
numbers as the restored prompt spells them; the program is evaluated safely and must
give the row's `Answer` (a float, so compared to 1e-6 relative), else the row is
skipped with the reason. The problem's answer is the program's exact value (`2/3`,
not `0.6666666666666666`).
"""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

from tasks.real.evaluate import ProgramError, evaluate_program
from tasks.real.folds import K, fold_of, group_keys
from tasks.real.numbers import Number, answer_string, dataset_number, parse_decimal
from tasks.real.programs import count_operations, leaves, parse_prefix, program
from tasks.real.records import Imported, RealDataError, Skipped, source_name
from tasks.real.text import normalise, restore
from tasks.schema import AnswerKind, Problem, Split

REQUIRED = ("Question", "Numbers", "Equation", "Answer")
REL_TOL = Fraction(1, 10**6)


def matches(value: Fraction, stored: Fraction) -> bool:
    """The exact value against the CSV's float answer, to float precision."""
    return abs(value - stored) <= REL_TOL * max(1, abs(stored))


def rounded_match(value: Fraction, text: str) -> bool:
    """The CSV rounded the answer (`3.33333` for 10/3): equal to half a unit in its last place.

    Only for answers with 2 to 5 places: `134.0` means 134, not anything within 0.05.
    """
    places = len(text.strip().partition(".")[2])
    return 2 <= places <= 5 and abs(value - parse_decimal(text)) <= Fraction(1, 2 * 10**places)


def _read_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise RealDataError(path, "no such file (set --data-dir or LADDER_DATA_DIR)")
    try:
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise RealDataError(path, f"missing column(s) {', '.join(missing)} in the header")
            rows = []
            for i, row in enumerate(reader):
                if None in row or any(row.get(c) is None for c in REQUIRED):
                    raise RealDataError(path, f"expected {len(reader.fieldnames or [])} fields", row=i)
                rows.append(row)
            return rows
    except (csv.Error, UnicodeDecodeError) as exc:
        raise RealDataError(path, f"not a readable CSV: {exc}") from None


def import_mwp(path: Path | str, dataset: str, k: int = K) -> Imported:
    """One MWP CSV (`dataset` is 'mawps' or 'asdiv-a') -> problems, skipped rows; folds of k."""
    path = Path(path)
    rows = _read_rows(path)
    keys = [[f"q:{normalise(r['Question'])}", f"b:{normalise(r.get('Body') or '')}" if (r.get("Body") or "").strip() else ""]
            for r in rows]
    groups = group_keys(keys)
    problems: list[Problem] = []
    skipped: list[Skipped] = []
    for i, row in enumerate(rows):
        try:
            problem = _problem(row, i, dataset, groups[i], k, source_name(path))
        except _Skip as skip:
            skipped.append(Skipped(row=i, reason=skip.reason, detail=skip.detail))
            continue
        except ValueError as exc:
            raise RealDataError(path, str(exc), row=i) from None
        problems.append(problem)
    return Imported(dataset=dataset, path=str(path), problems=problems, skipped=skipped)


class _Skip(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def _problem(row: dict[str, str], i: int, dataset: str, group: str, k: int, source: str) -> Problem:
    try:
        numbers: list[Number] = [dataset_number(t) for t in row["Numbers"].split()]
    except ValueError as exc:
        raise _Skip("unreadable Numbers", str(exc)) from None
    try:
        prompt = restore(row["Question"], numbers)
    except ValueError as exc:
        raise _Skip("question masks a number that is not listed", str(exc)) from None
    try:
        tree = parse_prefix(row["Equation"], numbers)
    except ValueError as exc:
        raise _Skip("unreadable equation", str(exc)) from None
    source_code = program([("answer", tree)])
    try:
        value = evaluate_program(source_code)
    except ProgramError as exc:
        raise _Skip("program fails", str(exc)) from None
    try:
        stored = parse_decimal(row["Answer"])
    except ValueError:
        raise _Skip("unreadable Answer", row["Answer"]) from None
    rounded = not matches(value, stored)
    if rounded and not rounded_match(value, row["Answer"]):
        raise _Skip("program does not give the answer", f"{answer_string(value)} != {row['Answer']}")
    meta = {
        "source": source,
        "row": i,
        "fold": fold_of(group, k),
        "group": group,
        "numbers": [n.text for n in numbers],
        "equation": row["Equation"],
        "masked": row["Question"],
        "constants": sorted({n.number.text for n in leaves(tree) if n.index is None}),
        "front_end": "english",
    }
    if rounded:
        meta["answer_rounded_in_data"] = row["Answer"]
    for extra in ("Grade", "Type"):
        if row.get(extra):
            meta[extra.lower()] = row[extra]
    return Problem(
        id=f"{dataset}-{i:05d}",
        prompt=prompt,
        answer=answer_string(value),
        answer_kind=AnswerKind.integer if value.denominator == 1 else AnswerKind.rational,
        program=source_code,
        family=dataset,
        split=Split.external,
        difficulty=max(1, min(10, count_operations(tree))),
        meta=meta,
    )


def load_mawps(path: Path | str) -> list[Problem]:
    """MAWPS problems (rows whose program does not reproduce the answer are left out)."""
    return import_mwp(path, "mawps").problems


def load_asdiv(path: Path | str) -> list[Problem]:
    """ASDiv-A problems (rows whose program does not reproduce the answer are left out)."""
    return import_mwp(path, "asdiv-a").problems
