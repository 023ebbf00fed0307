"""Training: a --quick run learns a tiny suite; checkpoints save and load; DDP ranks agree."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
import torch
import torch.multiprocessing as mp
from typer.testing import CliRunner

from graphmodel.generators import GeneratorError, load_checkpoint, load_generator
from graphmodel.trees import parse_program
from ladder.cli import app
from tasks import dump_suite, load_suite

TINY_FAMILIES = ("area_perimeter", "gcd_lcm")


@pytest.fixture(scope="module")
def tiny_suite(tmp_path_factory) -> Path:
    problems = [p for p in load_suite("tasks/suites/train.jsonl") if p.family in TINY_FAMILIES]
    per = {f: [p for p in problems if p.family == f][:12] for f in TINY_FAMILIES}
    path = tmp_path_factory.mktemp("suite") / "tiny.jsonl"
    dump_suite([p for f in TINY_FAMILIES for p in per[f]], path)
    return path


@pytest.fixture(scope="module")
def quick_run(tiny_suite: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ckpt") / "graph.pt"
    result = CliRunner().invoke(
        app, ["train", "--generator", "graph", "--quick", "--suite", str(tiny_suite), "--valid", str(tiny_suite), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


def test_quick_run_learns_the_tiny_suite(quick_run: Path) -> None:
    metrics = json.loads(quick_run.with_suffix(".json").read_text())
    best = max(h["valid"]["answer"] for h in metrics["history"] if "valid" in h)
    assert best >= 0.6, f"the quick model answers only {best:.2f} of the 24 problems it was trained on"
    assert metrics["history"][0]["train_loss"] > metrics["history"][-1]["train_loss"]


def test_checkpoint_loads_and_decodes_the_same(quick_run: Path, tiny_suite: Path) -> None:
    from tasks.ace import parse_ace

    ckpt = load_checkpoint(quick_run)
    assert ckpt["generator"] == "graph" and "model_args" in ckpt and ckpt["iteration"] > 0
    problem = load_suite(tiny_suite)[0]
    graph = parse_ace(problem.ace)
    a = load_generator("graph", str(quick_run)).generate(graph, k=2)
    b = load_generator("graph", str(quick_run)).generate(graph, k=2)
    assert a and [c.source for c in a] == [c.source for c in b]
    assert [c.score for c in a] == pytest.approx([c.score for c in b])
    for cand in a:
        assert parse_program(cand.source) == cand.tree, "a candidate must print to its own tree"
    assert a[0].score >= a[-1].score


def test_infill_returns_valid_trees(quick_run: Path, tiny_suite: Path) -> None:
    from tasks.ace import parse_ace

    gen = load_generator("graph", str(quick_run))
    problem = load_suite(tiny_suite)[0]
    tree = parse_program(problem.program)
    hole = (len(tree.children) - 1, 0, 1)  # the right side of the last assignment
    cands = gen.infill(parse_ace(problem.ace), tree, hole, k=2)
    assert cands, "infilling returned nothing"
    for cand in cands:
        assert parse_program(cand.source) == cand.tree
        assert cand.tree.children[:-1] == tree.children[:-1], "infilling must keep everything outside the hole"


def test_bad_checkpoint_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError, match="does not exist"):
        load_generator("graph", str(tmp_path / "missing.pt"))
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"not a checkpoint")
    with pytest.raises(GeneratorError, match="cannot be read"):
        load_generator("graph", str(junk))
    with pytest.raises(GeneratorError, match="unknown generator"):
        load_generator("tree")


def test_cli_rejects_bad_arguments(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["train", "--help"]).exit_code == 0
    result = runner.invoke(app, ["train", "--generator", "rnn"])
    assert result.exit_code == 2 and "graph" in result.output
    result = runner.invoke(app, ["train", "--suite", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "does not exist" in " ".join(result.output.split())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ddp_worker(rank: int, world: int, port: int, suite: str, out_dir: str) -> None:
    os.environ.update({"MASTER_ADDR": "127.0.0.1", "MASTER_PORT": str(port), "RANK": str(rank), "WORLD_SIZE": str(world)})
    torch.distributed.init_process_group("gloo", rank=rank, world_size=world)
    from graphmodel.train import TrainConfig, train

    captured = {}

    def keep(model):
        captured["state"] = {k: v.detach().clone() for k, v in model.state_dict().items()}

    cfg = TrainConfig.quick_config(suite=[suite], valid=None, out=f"{out_dir}/ddp.pt", max_steps=2, epochs=5, device="cpu")
    result = train(cfg, on_end=keep)
    torch.save({"state": captured["state"], "steps": result["steps"]}, f"{out_dir}/rank{rank}.pt")
    torch.distributed.destroy_process_group()


def test_ddp_two_ranks_end_with_identical_weights(tiny_suite: Path, tmp_path: Path) -> None:
    mp.spawn(_ddp_worker, args=(2, _free_port(), str(tiny_suite), str(tmp_path)), nprocs=2, join=True)
    ra, rb = torch.load(tmp_path / "rank0.pt"), torch.load(tmp_path / "rank1.pt")
    assert ra["steps"] == rb["steps"] == 2, "both ranks must take exactly the two optimizer steps asked for"
    a, b = ra["state"], rb["state"]
    assert a.keys() == b.keys()
    for key in a:
        assert torch.equal(a[key], b[key]), f"rank weights differ at {key}"


def test_search_scores_equal_teacher_forced_scores(quick_run: Path, tiny_suite: Path) -> None:
    from graphmodel.linearize import build_tree, linearize
    from graphmodel.search import beam_search, score_steps
    from tasks.ace import parse_ace

    gen = load_generator("graph", str(quick_run))
    codec = gen.codec
    datas = [codec.graph_vocab.encode(parse_ace(p.ace)) for p in load_suite(tiny_suite)[:6]]
    for data, beams in zip(datas, beam_search(gen.model, codec, datas, k=2, max_steps=codec.max_steps), strict=True):
        for hyp in beams:
            steps = linearize(codec.decoding, build_tree(codec.decoding, hyp.actions))
            assert score_steps(gen.model, codec, data, steps) == pytest.approx(hyp.score, abs=1e-3), "cached decoding disagrees with the full forward pass"
