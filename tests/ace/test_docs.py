"""docs/ace.md stays true: its accepted examples parse and its rejected ones are rejected as
the page says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tasks.ace import AceError, parse_ace

DOC = Path(__file__).resolve().parents[2] / "docs" / "ace.md"


def section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(title)
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def accepted_examples() -> list[str]:
    rows = [line for line in section("## 2. Sentences").splitlines() if line.startswith("| ")]
    return [s for row in rows for s in re.findall(r"`([A-Z][^`]*[.?])`", row.split("|")[3])]


def rejected_examples() -> list[tuple[str, str]]:
    rows = [line.split("|") for line in section("## 5. Rejected").splitlines()
            if line.startswith("| `")]
    return [(cells[1].strip().strip("`"), cells[2].strip()) for cells in rows]


def test_the_page_has_twenty_examples_or_more():
    assert len(accepted_examples()) + len(rejected_examples()) >= 20


@pytest.mark.parametrize("text", accepted_examples())
def test_accepted_example_parses(text):
    assert parse_ace(text).nodes


@pytest.mark.parametrize(("text", "message"), rejected_examples())
def test_rejected_example_is_rejected_as_documented(text, message):
    if "..." in text:
        pytest.skip("abridged example")
    with pytest.raises(AceError) as info:
        parse_ace(text)
    quoted = re.findall(r"'([^']*)'", message)
    assert quoted and quoted[0] in str(info.value), f"{info.value} vs documented {message!r}"
    assert message.split(" '")[0] in str(info.value)
