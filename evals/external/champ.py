"""A hard, FrontierMath-style suite from CHAMP (PyPI `champ-dataset`, 270 competition problems, MIT).

CHAMP's answers are written for people ("0 is the only possible value", "n(n+1)/2",
"No"). A problem enters the suite only when its answer maps to an exact answer the
checker reads: an integer or fraction, yes/no, or an expression the whitelist parser
accepts after `^` -> `**`; the rest are listed as skipped, with the text that blocked them.
"""

from __future__ import annotations

import json
import re
from importlib import resources

from pydantic import BaseModel

from tasks import AnswerKind, Problem, Split

_NUMBER = re.compile(r"^-?\d+(/\d+)?$")
# "98 values", "0 (i.e., no such values)", "3 is the only possible value": a number, then words about it
_NUMBER_THEN_WORDS = re.compile(r"^(-?\d+(?:/\d+)?)(?:\s+\(i\.e\.,[^)]*\)|\s+values?|\s+numbers?|\s+is the only possible value)$")
_YES_NO = {"yes": "True", "no": "False"}


class ChampImport(BaseModel):
    """The problems that made it into the suite, and why the others did not."""

    problems: list[Problem]
    skipped: dict[str, str]  # CHAMP identifier -> its answer text


_ALTERNATIVES = re.compile(r",\s*or (?:equivalently|an equivalent form such as)\s+")


def _exact_answer(text: str) -> tuple[str, AnswerKind] | None:
    """The first of the answer's stated alternatives, last first, that maps to an exact answer."""
    for alternative in reversed(_ALTERNATIVES.split(text)):
        exact = _exact_form(alternative)
        if exact is not None:
            return exact
    return None


def _exact_form(text: str) -> tuple[str, AnswerKind] | None:
    from agent import parse_answer

    raw = " ".join(text.replace("−", "-").split())
    if raw.lower() in _YES_NO:
        return _YES_NO[raw.lower()], AnswerKind.boolean
    match = _NUMBER_THEN_WORDS.match(raw)
    if match:
        raw = match.group(1)
    if _NUMBER.match(raw):
        return raw, AnswerKind.integer if "/" not in raw else AnswerKind.rational
    candidate = raw.replace("^", "**")
    try:
        value = parse_answer(candidate)
    except ValueError:
        return None
    kind = AnswerKind.expression if getattr(value, "free_symbols", None) else AnswerKind.real
    return candidate, kind


def _load_raw() -> dict:
    try:
        files = resources.files("champ_dataset")
    except ModuleNotFoundError:
        raise RuntimeError("CHAMP needs its package: pip install 'ladder[external]' (champ-dataset)") from None
    return json.loads((files / "dataset_files" / "v0.json").read_text(encoding="utf-8"))


def load_champ() -> ChampImport:
    """CHAMP's problems as Problem records (family = CHAMP category, split = external)."""
    raw = _load_raw()["problems"]
    problems, skipped = [], {}
    for identifier, item in raw.items():
        answer_text = item.get("_answer") or ""
        exact = _exact_answer(answer_text)
        if exact is None:
            skipped[identifier] = answer_text
            continue
        answer, kind = exact
        problems.append(
            Problem(
                id=f"champ-{identifier}",
                prompt=item["_text"],
                answer=answer,
                answer_kind=kind,
                family=f"champ_{item['category'].lower().replace('-', '_')}",
                split=Split.external,
                difficulty=10,
                meta={"source": "champ", "identifier": identifier, "raw_answer": answer_text},
            )
        )
    return ChampImport(problems=problems, skipped=skipped)
