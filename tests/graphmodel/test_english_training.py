"""Training on word problems read by the English front end, and one generator per reader."""

from __future__ import annotations

import operator
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphmodel.generators import load_generator
from graphmodel.recipes import prepare
from graphmodel.routing import ReaderRouted, reader_checkpoint
from ladder.cli import app
from tasks import dump_suite, load_suite
from tasks.english import parse_english
from tasks.schema import Problem

STORIES = [
    ("Tom has {a} apples. He buys {b} more apples. How many apples does Tom have now?", "+", operator.add),
    ("Sara had {a} pencils. She gave {b} pencils to her friend. How many pencils does Sara have left?", "-", operator.sub),
    ("A box holds {a} cookies. How many cookies are in {b} boxes?", "*", operator.mul),
]


def _problems() -> list[Problem]:
    out = []
    for i, (a, b) in enumerate([(12, 5), (30, 7), (9, 4), (25, 13)]):
        for j, (text, symbol, op) in enumerate(STORIES):
            program = f"answer = {a} {symbol} {b}\n"
            answer = str(op(a, b))
            out.append(Problem(id=f"story-{i}-{j}", prompt=text.format(a=a, b=b), answer=answer, answer_kind="integer",
                               program=program, family=f"story{j}", split="train", meta={"front_end": "english"}))
    return out


@pytest.fixture(scope="module")
def english_suite(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("english") / "stories.jsonl"
    dump_suite(_problems(), path)
    return path


def test_prepare_reads_problems_without_ace_through_their_front_end(english_suite: Path) -> None:
    items, skipped = prepare(load_suite(english_suite))
    assert not skipped and len(items) == 12
    assert all(item.graph.front_end == "english" for item in items)
    assert [n.value for n in items[0].graph.nodes if n.value] == ["12", "5"]


def test_one_training_run_and_routing_by_reader(english_suite: Path, tmp_path: Path) -> None:
    english = tmp_path / "english.pt"
    result = CliRunner().invoke(app, ["train", "--quick", "--suite", str(english_suite), "--valid", str(english_suite),
                                      "--max-steps", "3", "--out", str(english)])
    assert result.exit_code == 0, result.output
    base = tmp_path / "graph.pt"
    shutil.copy(english, base)  # any graph checkpoint will do as the ACE reader's
    assert not isinstance(load_generator("graph", str(base)), ReaderRouted)
    shutil.copy(english, reader_checkpoint(base, "english"))
    routed = load_generator("graph", str(base))
    assert isinstance(routed, ReaderRouted) and routed.readers() == ["english"]
    graph = parse_english(_problems()[0].prompt)
    assert routed.for_graph(graph) is not routed.default
    assert routed.for_graph(graph.model_copy(update={"front_end": "ace"})) is routed.default
    assert isinstance(routed.generate(graph, k=2), list)
