"""Wilson intervals on pass@1 and comparisons; throughput over the time attempts ran."""

from __future__ import annotations

import pytest

from agent.intervals import share_with_interval, wilson
from evals.summary import busy_seconds


def test_wilson_matches_the_textbook_values() -> None:
    low, high = wilson(8, 10)  # Brown, Cai & DasGupta's example size; Wilson (1927) formula
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)


@pytest.mark.parametrize(("k", "n"), [(0, 5), (5, 5), (1, 1)])
def test_wilson_stays_inside_0_1_at_the_edges(k: int, n: int) -> None:
    low, high = wilson(k, n)
    assert 0.0 <= low < high <= 1.0
    assert low <= k / n <= high


def test_no_attempts_has_no_interval() -> None:
    assert wilson(0, 0) is None and share_with_interval(0, 0) == "-"
    with pytest.raises(ValueError, match="outside"):
        wilson(3, 2)


def test_share_prints_the_interval() -> None:
    assert share_with_interval(8, 10) == "80.0% [49.0, 94.3]"


def test_busy_time_leaves_out_the_pause_before_a_resume() -> None:
    first_run = [(0.0, 2.0), (1.0, 3.0)]  # two workers, overlapping
    resumed = [(100.0, 101.0), (100.5, 102.0)]  # an hour... or 97 s later
    assert busy_seconds(first_run + resumed) == pytest.approx(3.0 + 2.0)


def test_plot_legend_sits_beside_the_bars_not_on_them() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from evals.report import _bars

    fig, ax = plt.subplots(figsize=(6, 4))
    _bars(ax, ["graph", "seq"], {"tool": [100.0, 90.0], "structural": [95.0, 100.0]}, "correct (%)")
    fig.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    axes = ax.get_window_extent()
    plt.close(fig)
    assert legend.x0 >= axes.x1, "the legend must not cover bars that reach the top of the axes"
