"""Dyad tables and plots from any predict output: counts, bootstrap intervals, dates, the min-dyad filter."""

import json

from quotestance.dyads import dyad_series, dyad_table, iso_date, write_dyads


def row(source, target, score, label, published="2025-03-03", **extra):
    return {"speaker_affiliation": source, "target": target, "score": score, "label": label, "published": published, **extra}


ROWS = (
    [row("Russia", "United States", 0.8, "hostile", f"2025-03-{d:02d}") for d in range(1, 11)]
    + [row("Russia", "United States", -0.6, "conciliatory", "2025-05-02")]
    + [row("United States", "Russia", -0.5, "conciliatory")] * 6
    + [row("Russia", None, 0.1, "neutral"), row(None, "Russia", 0.9, "hostile")]
    + [row("Russia", "United States", 0.9, "hostile", part_of=3)]  # a partial quote inside a reported statement
)


def test_dyad_table_counts_means_intervals_and_dates():
    table = {(r["speaker_affiliation"], r["target"]): r for r in dyad_table(ROWS)}
    assert set(table) == {("Russia", "United States"), ("United States", "Russia")}  # no dyad without both parties
    ru = table[("Russia", "United States")]
    assert ru["statements"] == 11 and ru["hostile"] == 10 and ru["conciliatory"] == 1 and ru["neutral"] == 0
    assert ru["mean_score"] == round((8.0 - 0.6) / 11, 4)
    assert ru["ci_low"] < ru["mean_score"] < ru["ci_high"] <= 0.8
    assert (ru["first_date"], ru["last_date"]) == ("2025-03-01", "2025-05-02")
    us = table[("United States", "Russia")]
    assert us["ci_low"] == us["ci_high"] == us["mean_score"] == -0.5


def test_series_by_period_keeps_busy_dyads():
    series = dyad_series(ROWS, min_dyad=7, period="month")
    assert list(series) == ["Russia → United States"]
    (march, may) = series["Russia → United States"]
    assert march[0] == "2025-03-01" and march[4] == 10 and may[0] == "2025-05-01" and may[1] == -0.6


def test_write_dyads_beside_an_output(tmp_path):
    out = tmp_path / "q.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    files = write_dyads(out, min_dyad=5)
    assert set(files) == {"dyads", "dyads_heatmap", "dyads_over_time"} and (tmp_path / "q.dyads.png").stat().st_size > 1000
    assert (tmp_path / "q.dyads_over_time.png").exists()
    files = write_dyads(out, min_dyad=50)  # no dyad is busy enough: no plots, and no stale ones
    assert set(files) == {"dyads"} and not (tmp_path / "q.dyads.png").exists()


def test_iso_dates_only():
    assert iso_date("2024-02-29T10:00") == "2024-02-29" and iso_date("2024-02-30") is None and iso_date(None) is None
