"""Plots people would rather look at than read: confusion matrix, reliability diagram, stance over time."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure  # the object API: no global backend switch, so notebooks keep theirs

from .io import atomic_path


def _save(fig: Figure, path: str | Path) -> Path:
    path = Path(path)
    with atomic_path(path) as tmp:
        fig.savefig(tmp, dpi=120, bbox_inches="tight", format=path.suffix.lstrip(".") or "png")
    return path


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(width, height))
    return fig, fig.subplots()


def confusion_matrix_plot(matrix: Sequence[Sequence[int]], labels: Sequence[str], path: str | Path, title: str) -> Path:
    m = np.asarray(matrix)
    fig, ax = _figure(1.6 * len(labels) + 2, 1.4 * len(labels) + 1.5)
    ax.imshow(m, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels)
    ax.set_yticks(range(len(labels)), labels)
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            ax.text(j, i, str(m[i, j]), ha="center", va="center", color="white" if m[i, j] > m.max() / 2 else "black", fontsize=12)
    ax.set_xlabel("predicted label")
    ax.set_ylabel("true label")
    ax.set_title(f"{title}\n(n = {int(m.sum())})")
    return _save(fig, path)


def reliability_plot(curves: dict[str, list[dict[str, float]]], path: str | Path, title: str) -> Path:
    """Accuracy against confidence per bin, one line per curve (e.g. before / after temperature scaling)."""
    fig, ax = _figure(5.5, 5)
    ax.plot([0, 1], [0, 1], ls="--", color="grey", label="perfect calibration")
    for k, ((name, bins), marker) in enumerate(zip(curves.items(), "os^v")):
        if bins:
            line = ax.plot([b["confidence"] for b in bins], [b["accuracy"] for b in bins], marker=marker, label=name)[0]
            for b in bins:  # counts below the first curve's points, above the second's, in the curve's colour
                ax.annotate(
                    str(b["count"]),
                    (b["confidence"], b["accuracy"]),
                    fontsize=7,
                    color=line.get_color(),
                    xytext=(-4, -11) if k % 2 == 0 else (-4, 6),
                    textcoords="offset points",
                )
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("confidence (mean predicted probability in bin)")
    ax.set_ylabel("accuracy in bin")
    ax.set_title(f"{title}\n(numbers: quotes per bin)")
    ax.legend(loc="upper left", fontsize=8)
    return _save(fig, path)


def _save_score_axes(fig: Figure, ax: Axes, path: str | Path, title: str, xlabel: str) -> Path:
    """The shared frame of the stance-over-time plots: the score axis, a zero line, dates, the legend outside."""
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("mean stance score\n(−1 conciliatory … +1 hostile)")
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.0, 0.5))
    for label in ax.get_xticklabels():
        label.set_rotation(30)
        label.set_ha("right")
    return _save(fig, path)


def score_over_time(series: dict[str, list[tuple[str, float, int]]], path: str | Path, title: str) -> Path | None:
    """Mean stance score per date for each speaker or country: [(date, mean score, n quotes)]."""
    series = {k: sorted(v) for k, v in series.items() if v}
    if not series:
        return None
    import datetime as dt

    fig, ax = _figure(9, 4.8)
    for name, points in series.items():
        dates = [dt.date.fromisoformat(d[:10]) for d, _, _ in points]
        ax.plot(dates, [s for _, s, _ in points], marker="o", label=name)
    return _save_score_axes(fig, ax, path, title, "article date")


def dyad_heatmap(rows: Sequence[dict], path: str | Path, title: str) -> Path | None:
    """Mean stance score per speaker affiliation (rows) → target (columns), diverging colours, counts in cells."""
    if not rows:
        return None
    sources = sorted({r["speaker_affiliation"] for r in rows})
    targets = sorted({r["target"] for r in rows})
    grid = np.full((len(sources), len(targets)), np.nan)
    counts = {}
    for r in rows:
        i, j = sources.index(r["speaker_affiliation"]), targets.index(r["target"])
        grid[i, j] = r["mean_score"]
        counts[i, j] = r["statements"]
    fig, ax = _figure(max(5.0, 1.0 + 0.75 * len(targets)), max(3.5, 1.2 + 0.5 * len(sources)))
    image = ax.imshow(np.ma.masked_invalid(grid), cmap="RdBu_r", vmin=-1, vmax=1, aspect="auto")
    for (i, j), n in counts.items():
        ax.text(
            j, i, f"{grid[i, j]:+.2f}\nn={n}", ha="center", va="center", fontsize=7, color="white" if abs(grid[i, j]) > 0.6 else "black"
        )
    ax.set_xticks(range(len(targets)), targets, rotation=30, ha="right")
    ax.set_yticks(range(len(sources)), sources)
    ax.set_xlabel("target (toward whom)")
    ax.set_ylabel("speaker affiliation (who)")
    ax.set_title(title)
    fig.colorbar(image, ax=ax, label="mean stance score\n(−1 conciliatory … +1 hostile)")
    return _save(fig, path)


def dyads_over_time(series: dict[str, list[tuple[str, float, float, float, int]]], path: str | Path, title: str) -> Path | None:
    """Mean stance score per period for each dyad, its 95% interval as a band: [(start, mean, low, high, n)]."""
    series = {k: sorted(v) for k, v in series.items() if v}
    if not series:
        return None
    import datetime as dt

    fig, ax = _figure(9, 4.8)
    for name, points in series.items():
        dates = [dt.date.fromisoformat(p[0]) for p in points]
        (line,) = ax.plot(dates, [p[1] for p in points], marker="o", label=f"{name} (n={sum(p[4] for p in points)})")
        ax.fill_between(dates, [p[2] for p in points], [p[3] for p in points], color=line.get_color(), alpha=0.15, lw=0)
    return _save_score_axes(fig, ax, path, title, "period start")
