"""The evidence table (terminal), OUT/evidence.md and its plots, derived from the EvidenceResult.

Every bar carries its 95% bootstrap interval as an error bar, and each seed's own value is
drawn on it as a dot, so the spread over seeds and over problems both show.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; never a display
import matplotlib.pyplot as plt  # noqa: E402
from rich.table import Table  # noqa: E402

from evals.evidence_records import REPORT_FILE, Estimate, EvidenceResult, Figure  # noqa: E402
from evals.report import _legend_outside, _save  # noqa: E402

PLOTS = {
    "accuracy": "evidence_accuracy.png",
    "differences": "evidence_differences.png",
    "repair": "evidence_repair.png",
    "speed": "evidence_speed.png",
}
TITLES = {
    "accuracy": "accuracy",
    "graph_minus_seq": "graph - seq (points)",
    "tool_minus_structural": "tool - structural (points)",
    "repair_fixed": "fixed, of attempts whose first tree failed",
    "subtree_minus_regenerate": "subtree - regenerate (points)",
    "problems_per_s": "problems/s (one worker)",
}


def _value(value: float | None, metric: str) -> str:
    """Shares in %, differences in signed points, rates as they are."""
    if value is None:
        return "-"
    if metric == "problems_per_s":
        return f"{value:.2f}"
    return f"{100 * value:+.1f}" if "minus" in metric else f"{100 * value:.1f}%"


def fmt(estimate: Estimate, metric: str) -> tuple[str, str, str]:
    """(mean ± sd, per seed, [low, high]) as text; the sd in the mean's units (points for shares)."""
    mean = _value(estimate.mean, metric)
    if estimate.sd is not None:
        mean += f" ± {estimate.sd:.2f}" if metric == "problems_per_s" else f" ± {100 * estimate.sd:.1f}"
    seeds = ", ".join(_value(v, metric) for v in estimate.per_seed.values())
    interval = "-" if estimate.low is None else f"[{_value(estimate.low, metric)}, {_value(estimate.high, metric)}]"
    return mean, seeds, interval


def _n(figure: Figure) -> str:
    e = figure.estimate
    if figure.metric in ("repair_fixed", "subtree_minus_regenerate"):
        return f"{e.denominator:.0f} att."
    if figure.metric == "problems_per_s":
        return f"{e.problems} pr."
    return str(e.problems)


def table(result: EvidenceResult) -> Table:
    """The terminal table: one row per figure."""
    seeds = ",".join(str(s) for s in result.spec.seeds)
    out = Table(title=f"ladder evidence: seeds {seeds}" + (" (quick)" if result.spec.quick else ""),
                caption="mean ± sd over seeds; 95% CI: percentile bootstrap over problems (all seeds pooled); "
                "n: problems (repair: attempts that needed one, all seeds)")
    for column in ("figure", "suite", "generator", "arm", "mean ± sd", "per seed", "95% CI", "n"):
        out.add_column(column, no_wrap=column in ("figure", "95% CI"))
    for f in result.figures:
        out.add_row(TITLES[f.metric], f.suite, f.generator, f.arm, *fmt(f.estimate, f.metric), _n(f))
    return out


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows])


def _rows(figures: list[Figure], metrics: tuple[str, ...]) -> list[list[str]]:
    return [[f.suite, f.generator, f.arm, *fmt(f.estimate, f.metric), _n(f)] for f in figures if f.metric in metrics]


HEADER = ["suite", "generator", "arm", "mean ± sd", "per seed", "95% CI", "n"]


def _bars(figures: list[Figure], path: Path, title: str, ylabel: str, scale: float = 100.0) -> bool:
    """Grouped bars (groups: suite; series: generator/arm), the bootstrap interval as the error bar,
    each seed a dot. False (and no file) when no figure has a value."""
    figures = [f for f in figures if f.estimate.pooled is not None]
    if not figures:
        path.unlink(missing_ok=True)  # a stale plot from an earlier report would mislead
        return False
    groups = list(dict.fromkeys(f.suite for f in figures))
    series = list(dict.fromkeys(f"{f.generator}/{f.arm}" for f in figures))
    width = 0.8 / len(series)
    fig, ax = plt.subplots(figsize=(max(6.0, 1.2 + 1.1 * len(groups) * max(1, len(series)) / 2), 4.2))
    for i, name in enumerate(series):
        xs, ys, lo, hi, dots = [], [], [], [], []
        for g, group in enumerate(groups):
            f = next((f for f in figures if f.suite == group and f"{f.generator}/{f.arm}" == name), None)
            if f is None:
                continue
            x = g + i * width - 0.4 + width / 2
            e = f.estimate
            xs.append(x)
            ys.append(scale * e.pooled)
            low, high = (e.low, e.high) if e.low is not None and e.high is not None else (e.pooled, e.pooled)
            lo.append(scale * (e.pooled - low))
            hi.append(scale * (high - e.pooled))
            dots += [(x, scale * v) for v in e.per_seed.values() if v is not None]
        ax.bar(xs, ys, width=width, label=name, yerr=[lo, hi], capsize=3)
        if dots:
            ax.scatter([d[0] for d in dots], [d[1] for d in dots], s=10, color="black", zorder=3,
                       label="seeds" if i == 0 else None)
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xticks(range(len(groups)), groups, rotation=20, ha="right")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    _legend_outside(ax)
    _save(fig, path)
    return True


def plots(result: EvidenceResult, out: Path) -> dict[str, bool]:
    f = result.figures

    def pick(*metrics: str) -> list[Figure]:
        return [x for x in f if x.metric in metrics]

    return {
        "accuracy": _bars(pick("accuracy"), out / PLOTS["accuracy"],
                          "Accuracy by suite (pooled over seeds; 95% bootstrap CI; dots: seeds)", "correct (%)"),
        "differences": _bars(pick("graph_minus_seq", "tool_minus_structural"), out / PLOTS["differences"],
                             "Paired differences on the same problems (95% bootstrap CI)", "difference (points)"),
        "repair": _bars(pick("repair_fixed"), out / PLOTS["repair"],
                        "Repair at equal budget: share of failed first trees fixed", "fixed (%)"),
        "speed": _bars(pick("problems_per_s"), out / PLOTS["speed"],
                       "Problems per second of one worker (95% bootstrap CI)", "problems/s", scale=1.0),
    }


def write_markdown(result: EvidenceResult, out: Path, command: str) -> Path:
    """OUT/evidence.md: models, then each comparison with its table and plot."""
    drawn = plots(result, out)
    spec = result.spec

    def image(key: str) -> str:
        return f"![{key}]({PLOTS[key]})\n\n" if drawn[key] else "_nothing to plot_\n\n"

    models = _md_table(
        ["generator", "seed", "parameters", "source", "train s", "best valid answer", "reader checkpoints", "checkpoint"],
        [[m.generator, str(m.seed), f"{m.parameters:,}", m.source,
          "-" if m.train_seconds is None else f"{m.train_seconds:.0f}",
          "-" if m.best_valid_answer is None else f"{100 * m.best_valid_answer:.1f}%",
          ", ".join(m.readers) or "-", Path(m.checkpoint).name] for m in result.models])
    unequal = [f"* seed {g.seed}: reader checkpoints beside graph: {', '.join(g.readers) or 'none'}; beside seq: "
               f"{', '.join(q.readers) or 'none'}. Questions those readers take (the dev folds are read by the English "
               "front end) are answered by models trained on other data for one generator than for the other, so "
               "graph - seq there is not the generators alone.\n"
               for g in result.models for q in result.models
               if (g.generator, q.generator) == ("graph", "seq") and g.seed == q.seed and g.readers != q.readers]
    skipped = "".join(f"* `{name}` skipped: {why}\n" for name, why in spec.skipped_suites.items())
    sandbox = "" if result.sandbox_runs_per_s is None else (
        f"The sandbox ran {result.sandbox_runs_per_s:.1f} trivial programs/s in the same run "
        "(one warm fork server; evals/bench_speed.py): the machine's speed at the time.\n\n")
    sections = [
        f"# ladder evidence: seeds {', '.join(map(str, spec.seeds))}" + (" (quick)" if spec.quick else ""),
        f"`{command}`\n\nDerived from the records under this directory (figures.jsonl, models.jsonl, "
        "seed*/eval/records.jsonl, seed*/regenerate-*/records.jsonl). mean ± sd: over seeds; 95% CI: percentile "
        f"bootstrap over problems ({spec.bootstrap} resamples; each drawn problem keeps every seed's outcome, so "
        "differences are paired). Prompts are English; repair budget "
        f"{spec.max_repairs} programs after the first in both arms.",
        "## Models\n\n" + models + ("\n\n" + "".join(unequal) if unequal else ""),
        (skipped or "") + "## Graph vs seq, tool vs structural\n\n" + image("accuracy")
        + _md_table(HEADER, _rows(result.figures, ("accuracy",))),
        "### Paired differences\n\n" + image("differences")
        + _md_table(HEADER, _rows(result.figures, ("graph_minus_seq", "tool_minus_structural"))),
        "## Subtree repair vs regeneration at equal budget\n\nOn the tool-mode attempts whose first search gave no "
        "accepted program; the regeneration arm solves the same problems again with `repair=regenerate`. Fixed: a "
        "repair round's program passed the checks and the answer is correct (an answer of the declarative fallback "
        "after failed repairs does not count).\n\n"
        + image("repair") + _md_table(HEADER, _rows(result.figures, ("repair_fixed", "subtree_minus_regenerate"))),
        "## Problems per second\n\n1 / mean wall time of an attempt (solve and check) in one worker process; the "
        "first attempt of each cell and seed (agent built, checkpoints loaded) is left out.\n\n"
        + sandbox + image("speed") + _md_table(HEADER, _rows(result.figures, ("problems_per_s",))),
    ]
    path = out / REPORT_FILE
    path.write_text("\n\n".join(sections) + "\n", encoding="utf-8")
    return path
