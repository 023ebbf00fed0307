"""The seq baseline: Python tokens round trip, parameter matching, and the Generator interface."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from evals.cli import app
from graphmodel.generators import load_generator
from graphmodel.recipes import GraphRecipe, prepare
from graphmodel.seq_model import detokenize, program_tokens, source_words
from graphmodel.seq_recipe import SeqRecipe
from graphmodel.trees import parse_program
from tasks import dump_suite, load_suite


def test_source_words_keep_numbers_whole() -> None:
    assert source_words("A car travels 2.5 miles in 3/4 hours.") == ["a", "car", "travels", "2.5", "miles", "in", "3/4", "hours", "."]


@pytest.mark.parametrize("suite", ["train", "compositional"])
def test_program_tokens_round_trip(suite: str) -> None:
    for p in load_suite(f"tasks/suites/{suite}.jsonl")[::7]:
        tokens = program_tokens(p.program)
        assert parse_program(detokenize(tokens)) == parse_program(p.program), p.id


def test_partial_prefix_tokenizes() -> None:
    assert program_tokens("x = sqrt(", partial=True) == ["x", "=", "sqrt", "("]


def test_parameters_match_the_graph_model() -> None:
    items, _ = prepare(load_suite("tasks/suites/train.jsonl")[::30])
    size = {"d_model": 64, "heads": 4, "enc_layers": 2, "dec_layers": 2, "ffn": 128, "dropout": 0.0}
    graph = sum(p.numel() for p in GraphRecipe.fit(items, size).new_model().parameters())
    seq = sum(p.numel() for p in SeqRecipe.fit(items, size, match_params=graph).new_model().parameters())
    assert abs(seq - graph) / graph < 0.10, f"seq has {seq:,} parameters, graph {graph:,}"


def test_seq_trains_and_generates_valid_trees(tmp_path: Path) -> None:
    from tasks.ace import parse_ace

    problems = [p for p in load_suite("tasks/suites/train.jsonl") if p.family == "area_perimeter"][:16]
    suite = tmp_path / "tiny.jsonl"
    dump_suite(problems, suite)
    out = tmp_path / "seq.pt"
    result = CliRunner().invoke(
        app, ["train", "--generator", "seq", "--quick", "--epochs", "4", "--suite", str(suite), "--valid", str(suite), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    gen = load_generator("seq", str(out))
    graph = parse_ace(problems[0].ace)
    for cand in gen.generate(graph, k=2) + gen.infill(graph, parse_program(problems[0].program), (0, 0, 1), k=2):
        assert parse_program(cand.source) == cand.tree
