"""Reports derived from records: a terminal table, and DIR/report.md with PNG plots.

`write_report(DIR)` reads DIR/records.jsonl (and DIR/run.json when present) and nothing
else, so the report can always be rebuilt: `ladder report DIR`.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; never a display
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402
from rich.table import Table  # noqa: E402

from agent.intervals import share_with_interval  # noqa: E402
from evals.records import Cell, EvalRecord, Status, read_records  # noqa: E402
from evals.summary import (  # noqa: E402
    CellSummary,
    accuracy_by_family,
    by_cell,
    repair_figures,
    scored,
    summarize,
)

REPORT_FILE = "report.md"
PLOTS = {
    "family": "accuracy_by_family.png",
    "modes": "tool_vs_structural.png",
    "generators": "graph_vs_seq.png",
    "repair": "repair_by_round.png",
    "latency": "latency_by_stage.png",
}
MAX_EXAMPLES = 10  # wrong answers listed in the report, per cell


_SHORT = {"correct": "ok", "wrong": "wrong", "no_answer": "none", "timeout": "t/o", "error": "err", "unavailable": "llm-down"}


def summary_table(summaries: list[CellSummary], title: str = "ladder eval") -> Table:
    """The terminal table: one row per cell, short headers explained in the caption."""
    ks = sorted({k for s in summaries for k in s.pass_at})
    table = Table(
        title=title,
        caption="n problems, att attempts; ok/wrong/none/t-o/err: statuses; "
        "v&w: verified but wrong; 95% CI: Wilson interval of pass@1; llm-down: LLM server unavailable "
        "(not scored); /s: attempts per second while attempts ran",
    )
    table.add_column("cell", no_wrap=True)
    table.add_column("n", justify="right")
    table.add_column("att", justify="right")
    for k in ks:
        table.add_column(f"pass@{k}", justify="right", no_wrap=True)
    table.add_column("95% CI", justify="right", no_wrap=True)
    for status in Status:
        table.add_column(_SHORT[status.value], justify="right")
    table.add_column("v&w", justify="right")
    table.add_column("p50 ms", justify="right")
    table.add_column("/s", justify="right")
    for s in summaries:
        table.add_row(
            s.cell.name,
            str(s.problems),
            str(s.attempts),
            *[_pct(s.pass_at.get(k)) for k in ks],
            _interval(s.pass1_interval),
            *[str(s.statuses[st.value]) for st in Status],
            str(s.verified_wrong),
            f"{s.p50_ms:.0f}",
            f"{s.throughput:.1f}" if s.throughput else "-",
        )
    return table


def _interval(bounds: tuple[float, float] | None) -> str:
    return "-" if bounds is None else f"[{100 * bounds[0]:.1f}, {100 * bounds[1]:.1f}]"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


# ---------------------------------------------------------------------------------------------
# plots


def _bars(
    ax: plt.Axes,
    groups: list[str],
    series: dict[str, list[float]],
    ylabel: str,
    intervals: dict[str, list[tuple[float, float] | None]] | None = None,
) -> None:
    """Grouped bars; `intervals` (in the bars' units) are drawn as error bars."""
    width = 0.8 / max(1, len(series))
    for i, (name, values) in enumerate(series.items()):
        xs = [g + i * width - 0.4 + width / 2 for g in range(len(groups))]
        spans = (intervals or {}).get(name)
        yerr = None
        if spans:
            # clamped at 0: a Wilson bound computed in floats can sit a hair past a 0% or 100% bar
            yerr = [[max(0.0, v - (b or (v, v))[0]) for v, b in zip(values, spans, strict=True)],
                    [max(0.0, (b or (v, v))[1] - v) for v, b in zip(values, spans, strict=True)]]
        ax.bar(xs, values, width=width, label=name, yerr=yerr, capsize=3 if yerr else 0)
    ax.set_xticks(range(len(groups)), groups, rotation=30, ha="right")
    ax.set_ylabel(ylabel)
    _legend_outside(ax)


def _legend_outside(ax: plt.Axes, **options) -> None:
    """The legend to the right of the axes, where it cannot cover a bar or a line (none if nothing is drawn)."""
    if not ax.get_legend_handles_labels()[0]:
        return
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0, **options)


def _save(fig: plt.Figure, path: Path) -> None:
    fig.tight_layout()
    fig.savefig(path, dpi=100, bbox_inches="tight")  # keeps the outside legend in the picture
    plt.close(fig)


def plot_family(records: list[EvalRecord], path: Path) -> None:
    acc = accuracy_by_family(records)
    families = sorted({f for fams in acc.values() for f in fams})
    width = min(16.0, max(6.0, 2.0 + 0.25 * len(families) * max(1, len(acc))))  # inches; grouped bars stay legible
    fig, ax = plt.subplots(figsize=(width, 4.5))
    _bars(ax, families, {c.name: [100 * acc[c].get(f, 0.0) for f in families] for c in acc}, "correct (%)")
    ax.set_ylim(0, 100)
    ax.set_title("Accuracy by family (pass@1)")
    _save(fig, path)


def _pass1_grid(summaries: list[CellSummary]) -> dict[tuple[str, str], float]:
    return {(s.cell.generator, s.cell.mode): 100 * s.pass_at.get(1, 0.0) for s in summaries}


def _pass1_intervals(summaries: list[CellSummary]) -> dict[tuple[str, str], tuple[float, float] | None]:
    return {
        (s.cell.generator, s.cell.mode): (100 * s.pass1_interval[0], 100 * s.pass1_interval[1]) if s.pass1_interval else None
        for s in summaries
    }


def plot_pairs(summaries: list[CellSummary], path: Path, *, across: str) -> bool:
    """pass@1 grouped by one axis of the cell grid (`across` = 'mode' or 'generator'); False if < 2 values."""
    grid, bounds = _pass1_grid(summaries), _pass1_intervals(summaries)
    gens = list(dict.fromkeys(g for g, _ in grid))
    modes = list(dict.fromkeys(m for _, m in grid))
    if across == "mode":
        groups, series_keys = gens, modes
        series = {m: [grid.get((g, m), 0.0) for g in gens] for m in modes}
        spans = {m: [bounds.get((g, m)) for g in gens] for m in modes}
        title = "Tool use vs structural reasoning (pass@1, 95% Wilson intervals)"
    else:
        groups, series_keys = modes, gens
        series = {g: [grid.get((g, m), 0.0) for m in modes] for g in gens}
        spans = {g: [bounds.get((g, m)) for m in modes] for g in gens}
        title = "Graph (tree) vs flat-token generation (pass@1, 95% Wilson intervals)"
    if len(series_keys) < 2:
        return False
    fig, ax = plt.subplots(figsize=(6, 4))
    _bars(ax, groups, series, "correct (%)", spans)
    ax.set_ylim(0, 100)
    ax.set_title(title)
    _save(fig, path)
    return True


def plot_repair(records: list[EvalRecord], path: Path) -> bool:
    figures = [f for f in repair_figures(records) if f.needed]
    if not figures:
        return False
    fig, ax = plt.subplots(figsize=(6, 4))
    for f in figures:
        rounds = range(1, max(f.rounds, max(f.fixed_by_round, default=1)) + 1)
        cumulative, total = [], 0
        for r in rounds:
            total += f.fixed_by_round.get(r, 0)
            cumulative.append(100 * total / f.needed)
        ax.plot(list(rounds), cumulative, marker="o", label=f"{f.cell.name} (n={f.needed})")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("repair round")
    ax.set_ylabel("failing attempts fixed by this round (%)")
    ax.set_ylim(0, 100)
    ax.set_title("Repair success by round")
    _legend_outside(ax)
    _save(fig, path)
    return True


def plot_latency(summaries: list[CellSummary], path: Path) -> bool:
    stages = list(dict.fromkeys(st for s in summaries for st in s.stage_ms))
    if not stages:
        return False
    fig, ax = plt.subplots(figsize=(7, 1 + 0.5 * len(summaries)))
    left = [0.0] * len(summaries)
    names = [s.cell.name for s in summaries]
    for stage in stages:
        values = [s.stage_ms.get(stage, 0.0) for s in summaries]
        ax.barh(names, values, left=left, label=stage)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlabel("mean wall time per attempt (ms)")
    ax.set_title("Latency per stage")
    _legend_outside(ax)
    _save(fig, path)
    return True


# ---------------------------------------------------------------------------------------------
# markdown


def _markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _summary_md(summaries: list[CellSummary]) -> str:
    ks = sorted({k for s in summaries for k in s.pass_at})
    header = ["cell", "problems", "attempts", *[f"pass@{k}" for k in ks], "pass@1 95% CI (Wilson)"]
    header += [st.value for st in Status] + ["verified & wrong", "mean ms", "p50 ms", "attempts/s"]
    rows = []
    for s in summaries:
        rows.append(
            [
                s.cell.name,
                str(s.problems),
                str(s.attempts),
                *[_pct(s.pass_at.get(k)) for k in ks],
                _interval(s.pass1_interval),
                *[str(s.statuses[st.value]) for st in Status],
                str(s.verified_wrong),
                f"{s.mean_ms:.0f}",
                f"{s.p50_ms:.0f}",
                f"{s.throughput:.2f}" if s.throughput else "-",
            ]
        )
    return _markdown_table(header, rows)


def _suite_md(records: list[EvalRecord]) -> str:
    table: dict[tuple[str, Cell], list[int]] = defaultdict(lambda: [0, 0])
    for r in scored(records):
        entry = table[(r.suite, r.cell)]
        entry[0] += int(r.status is Status.correct)
        entry[1] += 1
    suites = list(dict.fromkeys(r.suite for r in records))
    cells = list(by_cell(records))
    rows = []
    for suite in suites:
        row = [suite]
        for cell in cells:
            c, n = table.get((suite, cell), (0, 0))
            row.append(f"{share_with_interval(c, n)} ({c}/{n})" if n else "-")
        rows.append(row)
    return _markdown_table(["suite", *[c.name for c in cells]], rows)


def _family_md(records: list[EvalRecord]) -> str:
    acc = accuracy_by_family(records)
    families = sorted({f for fams in acc.values() for f in fams})
    rows = [[f, *[_pct(acc[c].get(f)) for c in acc]] for f in families]
    return _markdown_table(["family", *[c.name for c in acc]], rows)


def _repair_md(records: list[EvalRecord]) -> str:
    rows = []
    for f in repair_figures(records):
        by_round = ", ".join(f"r{r}: {n}" for r, n in f.fixed_by_round.items()) or "-"
        rows.append([f.cell.name, str(f.needed), by_round, str(f.correct_after_repair)])
    return _markdown_table(["cell", "attempts repaired", "first passing after round", "correct after repair"], rows)


def _latency_md(summaries: list[CellSummary]) -> str:
    stages = list(dict.fromkeys(st for s in summaries for st in s.stage_ms))
    rows = [[s.cell.name, *[f"{s.stage_ms[st]:.1f}" if st in s.stage_ms else "-" for st in stages]] for s in summaries]
    return _markdown_table(["cell", *[f"{st} (ms)" for st in stages]], rows)


AGENT_STATUSES = ("verified", "answered", "no_answer", "rejected", "step_limit")


def _stops_md(records: list[EvalRecord]) -> str | None:
    """How the agent's runs ended, per cell and family; `rejected` = not brought into the ACE fragment."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in records:
        status = r.meta.get("agent_status")
        if status is None:
            status = "harness " + r.status.value if r.status in (Status.timeout, Status.error) else None
        if status is not None:
            counts[(r.cell.name, r.family)][status] += 1
    if not counts:
        return None
    extra = sorted({s for c in counts.values() for s in c} - set(AGENT_STATUSES))
    columns = [*AGENT_STATUSES, *extra]
    rows = [
        [cell, family, str(sum(c.values())), *[str(c.get(s, 0)) for s in columns]]
        for (cell, family), c in sorted(counts.items())
    ]
    return _markdown_table(["cell", "family", "attempts", *columns], rows)


REJECTED_EXAMPLES = 3  # per family: questions the rewriter could not bring into the fragment


def _rejected_md(records: list[EvalRecord]) -> str:
    by_family: dict[str, list[EvalRecord]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for r in records:
        if r.meta.get("agent_status") == "rejected" and (r.suite, r.problem_id) not in seen:
            seen.add((r.suite, r.problem_id))
            by_family[r.family].append(r)
    if not by_family:
        return ""
    rows = [
        [family, str(len(rs)), _clip(r.prompt, 100), _clip(r.why.removeprefix("no answer: "), 140)]
        for family, rs in sorted(by_family.items())
        for r in rs[:REJECTED_EXAMPLES]
    ]
    return "\n\nQuestions not brought into the fragment (first few per family):\n\n" + _markdown_table(
        ["family", "rejected", "question", "why"], rows
    )


def _examples_md(records: list[EvalRecord]) -> str:
    parts = []
    for cell, rs in by_cell(records).items():
        bad = [r for r in rs if r.status is not Status.correct][:MAX_EXAMPLES]
        if not bad:
            continue
        rows = [[r.suite, r.problem_id, r.status.value, _clip(r.answer or ""), _clip(r.gold), _clip(r.why)] for r in bad]
        parts.append(f"### {cell.name}\n\n" + _markdown_table(["suite", "problem", "status", "answer", "gold", "why"], rows))
    return "\n\n".join(parts) or "None: every attempt was correct."


def _clip(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def write_report(out_dir: str | Path) -> Path:
    """Build DIR/report.md and its plots from DIR/records.jsonl; returns the report's path."""
    out = Path(out_dir)
    records = read_records(out / "records.jsonl")
    if not records:
        raise ValueError(f"{out}: no records to report (records.jsonl is missing or empty)")
    summaries = summarize(records)
    plot_family(records, out / PLOTS["family"])
    drawn = {
        "modes": plot_pairs(summaries, out / PLOTS["modes"], across="mode"),
        "generators": plot_pairs(summaries, out / PLOTS["generators"], across="generator"),
        "repair": plot_repair(records, out / PLOTS["repair"]),
        "latency": plot_latency(summaries, out / PLOTS["latency"]),
    }
    for key, made in drawn.items():
        if not made:
            (out / PLOTS[key]).unlink(missing_ok=True)  # a stale plot from an earlier report would mislead

    def figure(key: str, caption: str, missing: str) -> str:
        return f"![{caption}]({PLOTS[key]})" if drawn.get(key, True) else f"_{missing}_"

    sections = [
        f"# ladder eval report: {out.name}",
        f"{len(records)} records; derived from `records.jsonl` by `ladder report {out}`.",
        "## Summary\n\n" + _summary_md(summaries),
        "pass@k is the unbiased estimator (Chen et al. 2021) averaged over problems. "
        "'verified & wrong' counts answers the solver certified that the checker rejected.",
        "## By suite (pass@1)\n\n" + _suite_md(records),
        "## Accuracy by family\n\n" + figure("family", "accuracy by family", "") + "\n\n" + _family_md(records),
        "## Tool use vs structural reasoning\n\n"
        + figure("modes", "tool vs structural", "Only one mode was run; nothing to compare."),
        "## Graph vs flat-token generation\n\n"
        + figure("generators", "graph vs seq", "Only one generator was run; nothing to compare."),
        "## Repair\n\n" + figure("repair", "repair by round", "No attempt needed repair.") + "\n\n" + _repair_md(records),
        "## Latency per stage\n\n"
        + figure("latency", "latency per stage", "No stage timings were recorded.")
        + "\n\n"
        + _latency_md(summaries),
        "## Attempts not scored correct (first few per cell)\n\n" + _examples_md(records),
    ]
    stops = _stops_md(records)
    if stops is not None:
        sections.insert(
            -1,
            "## Where the agent stopped\n\n'rejected': the question could not be brought into the ACE "
            "fragment (rewriter coverage); 'harness timeout/error': the attempt did not finish.\n\n"
            + stops
            + _rejected_md(records),
        )
    path = out / REPORT_FILE
    path.write_text("\n\n".join(sections) + "\n", encoding="utf-8")
    return path
