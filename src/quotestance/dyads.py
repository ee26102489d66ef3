"""Who → whom: stance per dyad (speaker affiliation → target) from any predict output.

    from quotestance.dyads import dyad_table, write_dyads
    rows = dyad_table(read_output("runs/2025.parquet"))      # one dict per dyad
    write_dyads("runs/2025.parquet")                          # .dyads.csv, .dyads.png, .dyads_over_time.png

A dyad row counts statements with both a speaker affiliation and a target (a partial quote inside a
reported statement is the same utterance, counted once with it), by label, with the mean stance
score and its 95% bootstrap interval, and the first and last article dates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .io import read_output, write_records
from .labels import CONCILIATORY, HOSTILE, NEUTRAL
from .metrics import mean_ci
from .plots import dyad_heatmap, dyads_over_time

MIN_DYAD = 5  # a dyad needs this many statements to be drawn


def iso_date(value: Any) -> str | None:
    """A real calendar date in ISO form, else None ("2024-02-30" is not one)."""
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None


def _dyad_scores(rows: Iterable[dict[str, Any]]) -> dict[tuple[str, str], list[tuple[str | None, float, str]]]:
    out: dict[tuple[str, str], list[tuple[str | None, float, str]]] = defaultdict(list)
    for r in rows:
        if r.get("part_of") is not None or r.get("score") is None:
            continue
        source, target = r.get("speaker_affiliation"), r.get("target")
        if source and target:
            out[(source, target)].append((iso_date(r.get("published")), float(r["score"]), str(r.get("label"))))
    return out


def dyad_table(rows: Iterable[dict[str, Any]], n_boot: int = 1000) -> list[dict[str, Any]]:
    """One row per (speaker affiliation → target), the busiest first."""
    return _table(_dyad_scores(rows), n_boot)


def _table(scores: dict[tuple[str, str], list[tuple[str | None, float, str]]], n_boot: int = 1000) -> list[dict[str, Any]]:
    table = []
    for (source, target), items in scores.items():
        scores = [s for _, s, _ in items]
        low, high = mean_ci(scores, n=n_boot)
        dates = sorted(d for d, _, _ in items if d)
        labels = [lab for _, _, lab in items]
        table.append(
            {
                "speaker_affiliation": source,
                "target": target,
                "statements": len(items),
                CONCILIATORY: labels.count(CONCILIATORY),
                NEUTRAL: labels.count(NEUTRAL),
                HOSTILE: labels.count(HOSTILE),
                "mean_score": round(sum(scores) / len(scores), 4),
                "ci_low": round(low, 4),
                "ci_high": round(high, 4),
                "first_date": dates[0] if dates else None,
                "last_date": dates[-1] if dates else None,
            }
        )
    return sorted(table, key=lambda r: (-r["statements"], r["speaker_affiliation"], r["target"]))


def dyad_series(
    rows: Iterable[dict[str, Any]], top: int = 6, period: str = "auto", min_dyad: int = MIN_DYAD
) -> dict[str, list[tuple[str, float, float, float, int]]]:
    """Mean score per week or month, with its bootstrap interval, for the `top` busiest dyads of `min_dyad`+
    dated statements: {"Russia → United States": [(period start, mean, low, high, n)]}."""
    return _series(_dyad_scores(rows), top, period, min_dyad)


def _series(
    scores: dict[tuple[str, str], list[tuple[str | None, float, str]]], top: int = 6, period: str = "auto", min_dyad: int = MIN_DYAD
) -> dict[str, list[tuple[str, float, float, float, int]]]:
    by_dyad = {k: [(d, s) for d, s, _ in v if d] for k, v in scores.items()}
    by_dyad = {k: v for k, v in by_dyad.items() if len(v) >= min_dyad}
    if not by_dyad:
        return {}
    dates = [d for v in by_dyad.values() for d, _ in v]
    if period == "auto":
        period = "week" if (dt.date.fromisoformat(max(dates)) - dt.date.fromisoformat(min(dates))).days <= 120 else "month"

    def start(d: str) -> str:
        day = dt.date.fromisoformat(d)
        return (day - dt.timedelta(days=day.weekday())).isoformat() if period == "week" else day.replace(day=1).isoformat()

    out = {}
    for (source, target), items in sorted(by_dyad.items(), key=lambda kv: -len(kv[1]))[:top]:
        buckets: dict[str, list[float]] = defaultdict(list)
        for d, s in items:
            buckets[start(d)].append(s)
        out[f"{source} → {target}"] = [(p, sum(v) / len(v), *mean_ci(v, n=500), len(v)) for p, v in sorted(buckets.items())]
    return out


def write_dyads(output: str | Path, min_dyad: int = MIN_DYAD, stem: str | Path | None = None) -> dict[str, str]:
    """Write <stem>.dyads.csv, .dyads.png (heatmap) and .dyads_over_time.png beside a predict output.

    `stem` defaults to the output's path without its suffix. Plots that would be empty are not written
    (and stale ones removed)."""
    scores = _dyad_scores(read_output(output))  # streamed: only each dyad's (date, score, label) is kept
    base = Path(stem) if stem is not None else Path(output).with_suffix("")
    paths = {k: base.with_name(f"{base.name}.{k}") for k in ("dyads.csv", "dyads.png", "dyads_over_time.png")}
    table = _table(scores)
    write_records(paths["dyads.csv"], table)
    files = {"dyads": str(paths["dyads.csv"])}
    heat = dyad_heatmap(
        [r for r in table if r["statements"] >= min_dyad], paths["dyads.png"], f"Mean stance by dyad (≥ {min_dyad} statements)"
    )
    series = _series(scores, min_dyad=min_dyad)
    over = dyads_over_time(series, paths["dyads_over_time.png"], "Stance over time, busiest dyads (95% CI)") if series else None
    for key, name, made in (("dyads.png", "dyads_heatmap", heat), ("dyads_over_time.png", "dyads_over_time", over)):
        if made:
            files[name] = str(made)
        else:
            paths[key].unlink(missing_ok=True)
    return files
