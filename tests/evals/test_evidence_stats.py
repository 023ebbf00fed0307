"""The estimator behind every `ladder evidence` figure: ratios of sums over (seeds, problems)."""

from __future__ import annotations

import statistics

import numpy as np
import pytest

from agent.intervals import wilson
from evals.evidence_stats import ratio_estimate


def test_per_seed_mean_sd_and_pooled_by_hand():
    num = np.array([[1, 0, 1], [1, 1, 1]])
    e = ratio_estimate(num, np.ones_like(num), [3, 8], resamples=500)
    assert e.per_seed == {3: pytest.approx(2 / 3), 8: 1.0}
    assert e.mean == pytest.approx(5 / 6)
    assert e.sd == pytest.approx(statistics.stdev([2 / 3, 1.0]))
    assert e.pooled == pytest.approx(5 / 6) and e.denominator == 6 and e.problems == 3
    assert 0.0 <= e.low <= e.pooled <= e.high <= 1.0


def test_a_seed_with_no_denominator_has_no_value_and_no_sd():
    num = np.array([[0, 1], [0, 0]])
    den = np.array([[1, 1], [0, 0]])  # seed 1: no attempt needed a repair
    e = ratio_estimate(num, den, [0, 1], resamples=500)
    assert e.per_seed == {0: 0.5, 1: None}
    assert e.mean == 0.5 and e.sd is None, "one seed with a value has a mean but no spread"


def test_nothing_to_estimate_gives_none_not_zero():
    e = ratio_estimate(np.zeros((2, 3)), np.zeros((2, 3)), [0, 1])
    assert (e.mean, e.pooled, e.low, e.high) == (None, None, None, None)


def test_identical_outcomes_give_a_zero_width_interval():
    e = ratio_estimate(np.ones((3, 5)), np.ones((3, 5)), [0, 1, 2])
    assert (e.low, e.high) == (1.0, 1.0) and e.sd == 0.0


def test_the_bootstrap_matches_wilson_on_a_large_coin():
    rng = np.random.default_rng(7)
    num = (rng.random((1, 400)) < 0.5).astype(float)
    e = ratio_estimate(num, np.ones_like(num), [0], resamples=4000)
    low, high = wilson(int(num.sum()), 400)
    assert e.low == pytest.approx(low, abs=0.012) and e.high == pytest.approx(high, abs=0.012), (e, low, high)


def test_resampling_whole_problems_pairs_the_seeds():
    """Two seeds that agree on every problem: the pooled ratio of a resample is one seed's, so the
    interval is the one-seed interval, not narrower (problems, not attempts, are the sample)."""
    one = np.array([[1, 0, 1, 0, 1, 1, 0, 1]], dtype=float)
    single = ratio_estimate(one, np.ones_like(one), [0], resamples=3000)
    double = ratio_estimate(np.vstack([one, one]), np.ones((2, 8)), [0, 1], resamples=3000)
    assert (double.low, double.high) == (single.low, single.high)


def test_shapes_must_agree_with_the_seeds():
    with pytest.raises(ValueError, match="seeds=3"):
        ratio_estimate(np.ones((2, 4)), np.ones((2, 4)), [0, 1, 2])
    with pytest.raises(ValueError, match="must both be"):
        ratio_estimate(np.ones((2, 4)), np.ones((2, 3)), [0, 1])
