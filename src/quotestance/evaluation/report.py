"""Scoring a stance model: metrics with 95% intervals, calibration, breakdowns, mistakes and a report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..corpus import length_bucket
from ..io import write_json, write_text
from ..metrics import classification_report, expected_calibration_error, point_metrics, reliability_bins
from ..plots import confusion_matrix_plot, reliability_plot


def breakdowns(
    y: np.ndarray, probs: np.ndarray, labels: Sequence[str], rows: Sequence[dict[str, Any]], min_n: int = 5
) -> dict[str, dict[str, dict[str, float]]]:
    """Accuracy and macro-F1 by phenomenon, country and length bucket (groups of at least `min_n` rows)."""
    keys: dict[str, dict[str, list[int]]] = {"phenomena": defaultdict(list), "country": defaultdict(list), "length": defaultdict(list)}
    for i, r in enumerate(rows):
        for tag in r.get("phenomena") or ["(none)"]:
            keys["phenomena"][tag].append(i)
        if r.get("country"):
            keys["country"][r["country"]].append(i)
        keys["length"][length_bucket(r.get("text", ""))].append(i)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for key, groups in keys.items():
        table = {}
        for name, idx in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            if len(idx) >= min_n:
                m = point_metrics(y[idx], probs[idx], labels)
                table[name] = {"n": len(idx), "accuracy": m["accuracy"], "macro_f1": m["macro_f1"]}
        if table:
            out[key] = table
    return out


def confident_mistakes(y: np.ndarray, probs: np.ndarray, labels: Sequence[str], texts: Sequence[str], k: int = 15) -> list[dict[str, Any]]:
    pred = probs.argmax(1)
    wrong = np.where(pred != y)[0]
    order = wrong[np.argsort(-probs[wrong, pred[wrong]])][:k]
    return [
        {
            "text": texts[i],
            "true": labels[y[i]],
            "predicted": labels[pred[i]],
            "probs": {lab: round(float(p), 3) for lab, p in zip(labels, probs[i])},
        }
        for i in order
    ]


def evaluate_split(
    y: np.ndarray,
    probs: np.ndarray,
    labels: Sequence[str],
    texts: Sequence[str],
    rows: Sequence[dict[str, Any]],
    out_dir: str | Path | None,
    n_boot: int = 1000,
    seed: int = 0,
    uncalibrated: np.ndarray | None = None,
    title: str = "test split",
) -> dict[str, Any]:
    """Everything about one scored split, written to `out_dir` (metrics.json, confusion and reliability plots)."""
    y, probs = np.asarray(y), np.asarray(probs)
    report = classification_report(y, probs, labels, n_boot=n_boot, seed=seed)
    report["ece_uncalibrated"] = expected_calibration_error(uncalibrated, y) if uncalibrated is not None else None
    report["breakdowns"] = breakdowns(y, probs, labels, rows)
    report["confident_mistakes"] = confident_mistakes(y, probs, labels, texts)
    curves = {"after temperature scaling": reliability_bins(probs, y)}
    if uncalibrated is not None:
        curves = {"before temperature scaling": reliability_bins(uncalibrated, y), **curves}
    report["reliability"] = curves
    if out_dir is not None:
        out_dir = Path(out_dir)
        confusion_matrix_plot(report["confusion_matrix"], labels, out_dir / "confusion_matrix.png", f"Confusion matrix: {title}")
        reliability_plot(curves, out_dir / "reliability.png", f"Reliability: {title}")
        write_json(out_dir / "metrics.json", report)
    return report


def fmt_ci(report: dict[str, Any], key: str) -> str:
    value = report["metrics"][key]
    lo, hi = report.get("ci95", {}).get(key, (float("nan"), float("nan")))
    return f"{value:.3f} [{lo:.3f}, {hi:.3f}]"


def markdown_report(
    report: dict[str, Any], title: str, baselines: dict[str, dict[str, float]] | None = None, compare: dict[str, Any] | None = None
) -> str:
    """A readable report with the plots embedded (they sit beside it)."""
    labels = report["labels"]
    lines = [
        f"# {title}",
        "",
        f"Rows scored: {report['n']}. Intervals are 95% percentile bootstrap.",
        "",
        "| metric | value [95% CI] |",
        "|---|---|",
    ]
    for key in ["accuracy", "macro_f1", "roc_auc"] + [f"{m}_{lab}" for lab in labels for m in ("precision", "recall", "f1")]:
        lines.append(f"| {key} | {fmt_ci(report, key)} |")
    ece_before = report.get("ece_uncalibrated")
    lines += [
        "",
        f"Expected calibration error: {report['ece']:.3f}"
        + (f" (before temperature scaling: {ece_before:.3f})" if ece_before is not None else ""),
        "",
        "![confusion matrix](confusion_matrix.png)",
        "",
        "![reliability diagram](reliability.png)",
        "",
    ]
    if baselines:
        lines += [
            "## Baselines (same rows)",
            "",
            "| model | accuracy | macro-F1 |",
            "|---|---:|---:|",
            f"| **this model** | {report['metrics']['accuracy']:.3f} | {report['metrics']['macro_f1']:.3f} |",
        ]
        lines += [f"| {name} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} |" for name, m in baselines.items()] + [""]
    if compare:
        lines += ["## Comparison", "", "| model | accuracy | macro-F1 |", "|---|---:|---:|"]
        lines += [f"| {name} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} |" for name, m in compare["models"].items()]
        t = compare["mcnemar"]
        lines += [
            "",
            f"McNemar exact test: first right / second wrong {t['a_right_b_wrong']}, first wrong / second right "
            f"{t['a_wrong_b_right']}, p = {t['p_value']:.4f}.",
            "",
        ]
    for key, table in report.get("breakdowns", {}).items():
        lines += [f"## By {key}", "", "| group | n | accuracy | macro-F1 |", "|---|---:|---:|---:|"]
        lines += [f"| {name} | {v['n']} | {v['accuracy']:.3f} | {v['macro_f1']:.3f} |" for name, v in table.items()] + [""]
    if report.get("confident_mistakes"):
        lines += ["## Most confident mistakes", "", "| quote | true | predicted | probabilities |", "|---|---|---|---|"]
        for m in report["confident_mistakes"]:
            text = m["text"].replace("|", "\\|")
            probs = ", ".join(f"{k} {v:.2f}" for k, v in m["probs"].items())
            lines.append(f"| {text} | {m['true']} | {m['predicted']} | {probs} |")
        lines.append("")
    return "\n".join(lines)


def write_report(report_dir: str | Path, report: dict[str, Any], title: str, **kwargs: Any) -> Path:
    path = Path(report_dir) / "README.md"
    write_text(path, markdown_report(report, title, **kwargs))
    return path
