"""The seeds ensemble: beams pooled by mean probability, members found beside a checkpoint."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

from typer.testing import CliRunner

from evals.cli import app
from graphmodel.ensemble import Ensemble, members_of, pool
from graphmodel.generation import Candidate
from graphmodel.generators import load_generator
from graphmodel.trees import parse_program
from tasks import dump_suite
from tasks.english import parse_english
from tasks.schema import Problem


def _cand(source: str, logp: float) -> Candidate:
    return Candidate(tree=parse_program(source), source=source, score=logp)


def test_pool_ranks_by_mean_probability_over_members() -> None:
    add, sub = "answer = 8 + 5\n", "answer = 8 - 5\n"
    # one member is sure of the subtraction; two put the addition first
    beams = [
        [_cand(sub, math.log(0.9)), _cand(add, math.log(0.1))],
        [_cand(add, math.log(0.6)), _cand(sub, math.log(0.3))],
        [_cand(add, math.log(0.7))],
    ]
    pooled = pool(beams, k=4)
    assert [c.source for c in pooled] == [add, sub]
    assert math.isclose(math.exp(pooled[0].score), (0.1 + 0.6 + 0.7) / 3)
    assert math.isclose(math.exp(pooled[1].score), (0.9 + 0.3 + 0.0) / 3)  # absent from a beam: 0 there
    assert len(pool(beams, k=1)) == 1 and pool([], k=3) == []


def test_members_are_the_checkpoint_and_its_numbered_siblings(tmp_path: Path) -> None:
    base = tmp_path / "graph-english.pt"
    base.write_bytes(b"x")
    assert members_of(base) == [base]
    for name in ("graph-english.s1.pt", "graph-english.s2.pt", "graph-english.s4.pt"):  # s3 missing: s4 is not read
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in members_of(base)] == ["graph-english.pt", "graph-english.s1.pt", "graph-english.s2.pt"]


def test_load_generator_builds_an_ensemble_from_trained_siblings(tmp_path: Path) -> None:
    stories = [Problem(id=f"s{a}", prompt=f"Tom has {a} apples. He buys 3 more apples. How many apples does Tom have now?",
                       answer=str(a + 3), answer_kind="integer", program=f"answer = {a} + 3\n", family="story",
                       split="train", meta={"front_end": "english"}) for a in (4, 7, 9, 12)]
    suite = tmp_path / "stories.jsonl"
    dump_suite(stories, suite)
    one = tmp_path / "one.pt"
    result = CliRunner().invoke(app, ["train", "--quick", "--suite", str(suite), "--valid", str(suite),
                                      "--max-steps", "2", "--out", str(one)])
    assert result.exit_code == 0, result.output
    assert not isinstance(load_generator("graph", str(one)), Ensemble)
    shutil.copy(one, tmp_path / "one.s1.pt")
    gen = load_generator("graph", str(one))
    assert isinstance(gen, Ensemble) and len(gen.members) == 2
    graph = parse_english(stories[0].prompt)
    single = gen.members[0].generate(graph, k=3)
    pooled = gen.generate(graph, k=3)
    # two copies of one model: the same programs, the same probabilities
    assert [c.source for c in pooled] == [c.source for c in single]
    assert all(math.isclose(a.score, b.score, abs_tol=1e-5) for a, b in zip(pooled, single, strict=True))
