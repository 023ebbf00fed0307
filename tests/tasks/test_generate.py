"""Generation: determinism, family coverage, phrasings, and split disjointness."""

from __future__ import annotations

import random
import re
from collections import defaultdict

import pytest

from tasks import dump_suite
from tasks.families import COMPOSITIONAL, FAMILIES, FamilyError, stable_seed
from tasks.families.text import PEOPLE
from tasks.generate import MAX_ATTEMPTS, generate, to_problem
from tasks.schema import Problem, Split
from tasks.splits import BUCKETS, split_of


def _key(problem: Problem) -> str:
    """The identity a split is decided on: family, subtype and the sampled parameters."""
    return f"{problem.family}|{problem.meta['subtype']}|{sorted(problem.meta['params'].items())}"


def test_stable_seed_is_fixed_across_processes():
    # A literal expected value: the built-in hash() would change from run to run.
    assert stable_seed(0, "train", "motion", 7, 0) == 12153828407020957747
    assert stable_seed(0, "train", "motion", 7, 0) != stable_seed(1, "train", "motion", 7, 0)


def test_same_seed_gives_identical_bytes(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    dump_suite(generate(None, 20, 123, "train"), a)
    dump_suite(generate(None, 20, 123, "train"), b)
    assert a.read_bytes() == b.read_bytes(), "one seed must give one byte stream"


def test_different_seeds_give_different_problems():
    first = [p.prompt for p in generate(["motion"], 20, 1, "test")]
    second = [p.prompt for p in generate(["motion"], 20, 2, "test")]
    assert first != second


def test_at_least_18_families_and_6_compositional():
    assert len(FAMILIES) >= 18, sorted(FAMILIES)
    assert len(COMPOSITIONAL) >= 8, sorted(COMPOSITIONAL)
    assert not set(FAMILIES) & set(COMPOSITIONAL)


@pytest.mark.parametrize("name", sorted(FAMILIES) + sorted(COMPOSITIONAL))
def test_every_draft_has_at_least_four_distinct_phrasings(name):
    family = {**FAMILIES, **COMPOSITIONAL}[name]
    for i in range(50):
        draft = family.sample(random.Random(i))
        assert len(set(draft.prompts)) >= 4, f"{name} draw {i}: {len(set(draft.prompts))} distinct prompts"
        verbatim = sum(p == draft.ace for p in draft.prompts)
        assert verbatim <= 1, f"{name} draw {i}: {verbatim} prompts are the ACE itself"


def test_each_family_uses_at_least_four_templates_in_train(suites):
    templates = defaultdict(set)
    for problem in suites["train"]:
        templates[problem.family].add(problem.meta["template"])
    few = {f: len(t) for f, t in templates.items() if len(t) < 4}
    assert not few, f"families with fewer than 4 templates in train: {few}"
    assert set(templates) == set(FAMILIES)


def test_ace_is_one_form_per_problem_whatever_the_template():
    family = FAMILIES["right_triangle"]
    rng_a, rng_b = random.Random(5), random.Random(5)
    draft_a, draft_b = family.sample(rng_a), family.sample(rng_b)
    one = to_problem(draft_a, family, Split.test, 0, template=0)
    other = to_problem(draft_b, family, Split.test, 0, template=3)
    assert one.prompt != other.prompt
    assert one.ace == other.ace and one.program == other.program and one.answer == other.answer


def test_random_splits_are_disjoint_by_parameters(suites):
    keys = {name: {_key(p) for p in suites[name]} for name in ("train", "valid", "test")}
    assert not keys["train"] & keys["test"], "a test problem appears in train"
    assert not keys["train"] & keys["valid"], "a valid problem appears in train"
    assert not keys["valid"] & keys["test"], "a test problem appears in valid"


def test_split_buckets_cover_every_bucket_once():
    covered = [b for split in (Split.train, Split.valid, Split.test) for b in range(*BUCKETS[split])]
    assert sorted(covered) == list(range(100))
    assert split_of("anything") in (Split.train, Split.valid, Split.test)


def test_compositional_problems_never_appear_in_train(suites):
    train_families = {p.family for p in suites["train"]}
    comp = suites["compositional"]
    assert len(comp) >= 250
    assert not {p.family for p in comp} & train_families, "a compositional family feeds train"
    train_prompts = {p.prompt for p in suites["train"]}
    train_aces = {p.ace for p in suites["train"]}
    assert not any(p.prompt in train_prompts or p.ace in train_aces for p in comp)


def test_suites_have_the_documented_sizes(suites):
    n = len(FAMILIES)
    assert len(suites["train"]) == 250 * n
    assert len(suites["valid"]) == 30 * n
    assert len(suites["test"]) == 50 * n
    assert len(suites["smoke"]) == 2 * n
    assert len(suites["compositional"]) == 40 * len(COMPOSITIONAL)


@pytest.mark.parametrize(
    ("name", "per_family"), [("train", 250), ("valid", 30), ("test", 50), ("compositional", 40), ("smoke", 2)]
)
def test_checked_in_suites_match_their_generation_command(tmp_path, suites_dir, name, per_family):
    """The frozen files are exactly what `make suites` writes (so they are never stale)."""
    out = tmp_path / f"{name}.jsonl"
    dump_suite(generate(None, per_family, 0, name), out)
    assert out.read_bytes() == (suites_dir / f"{name}.jsonl").read_bytes(), f"run `make suites`: {name} is stale"


def test_unknown_family_is_a_clear_error():
    with pytest.raises(FamilyError, match="unknown family 'pythagoras'"):
        generate(["pythagoras"], 1, 0, "train")
    with pytest.raises(FamilyError, match="is a compositional family"):
        generate(["floor_cost"], 1, 0, "train")
    with pytest.raises(FamilyError, match="is a random-split family"):
        generate(["motion"], 1, 0, "compositional")


def test_exhausted_parameter_space_is_reported_not_looped():
    with pytest.raises(FamilyError, match=f"after {MAX_ATTEMPTS} attempts"):
        generate(["pipes_minutes"], 500, 0, "compositional")


def test_meta_keeps_template_and_parameters(suites):
    for problem in suites["smoke"]:
        assert problem.meta["template"].startswith(problem.meta["subtype"] + ".")
        assert problem.meta["params"], problem.id
        assert 1 <= problem.difficulty <= 10


def test_every_person_in_the_ace_is_named_in_the_prompt(suites):
    """A rewriter can restate the English, not invent people: the ACE names only who the prompt names."""
    names = re.compile(r"\b(" + "|".join(PEOPLE) + r")\b")
    invented = [
        f"{p.id} ({p.meta['template']}): {name} not in {p.prompt!r}"
        for name_ in ("train", "test", "compositional")
        for p in suites[name_]
        for name in set(names.findall(p.ace))
        if name not in p.prompt
    ]
    assert not invented, "\n".join(invented[:10])
