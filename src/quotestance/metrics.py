"""Classification metrics with uncertainty, and probability calibration.

scikit-learn computes the metrics; this module adds percentile-bootstrap confidence intervals,
expected calibration error and temperature scaling.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support, roc_auc_score


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = np.asarray(logits, dtype=np.float64) / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature T > 0 minimising the negative log-likelihood of softmax(logits / T) on held-out data."""
    from scipy.optimize import minimize_scalar

    logits, y = np.asarray(logits, dtype=np.float64), np.asarray(y)

    def nll(log_t: float) -> float:
        p = softmax(logits, float(np.exp(log_t)))
        return float(-np.log(np.clip(p[np.arange(len(y)), y], 1e-12, None)).mean())

    res = minimize_scalar(nll, bounds=(np.log(0.05), np.log(20.0)), method="bounded")
    return float(np.exp(res.x))


def expected_calibration_error(probs: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """ECE over equal-width confidence bins: sum_b |B|/n * |accuracy(B) - confidence(B)|."""
    n = len(y)
    return float(
        sum(b["count"] / n * abs(b["accuracy"] - b["confidence"]) for b in reliability_bins(np.asarray(probs), np.asarray(y), bins))
    )


def reliability_bins(probs: np.ndarray, y: np.ndarray, bins: int = 10) -> list[dict[str, float]]:
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == y
    edges = np.linspace(0.0, 1.0, bins + 1)
    out = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (conf > lo) & (conf <= hi) if lo > 0 else (conf >= lo) & (conf <= hi)
        if mask.any():
            out.append(
                {
                    "lo": float(lo),
                    "hi": float(hi),
                    "count": int(mask.sum()),
                    "confidence": float(conf[mask].mean()),
                    "accuracy": float(correct[mask].mean()),
                }
            )
    return out


def _auc(y: np.ndarray, probs: np.ndarray) -> float:
    present = np.unique(y)
    if len(present) < 2:
        return float("nan")
    if probs.shape[1] == 2:
        return float(roc_auc_score(y, probs[:, 1]))
    if len(present) < probs.shape[1]:
        return float("nan")
    return float(roc_auc_score(y, probs, multi_class="ovr", average="macro"))


def point_metrics(y: np.ndarray, probs: np.ndarray, labels: Sequence[str]) -> dict[str, float]:
    """accuracy, macro-F1, ROC-AUC and per-class precision / recall / F1."""
    y, probs = np.asarray(y), np.asarray(probs)
    pred = probs.argmax(axis=1)
    ids = list(range(len(labels)))
    out = {
        "accuracy": float(accuracy_score(y, pred)),
        "macro_f1": float(f1_score(y, pred, labels=ids, average="macro", zero_division=0)),
        "roc_auc": _auc(y, probs),
    }
    p, r, f, _ = precision_recall_fscore_support(y, pred, labels=ids, zero_division=0)
    for i, name in enumerate(labels):
        out[f"precision_{name}"], out[f"recall_{name}"], out[f"f1_{name}"] = float(p[i]), float(r[i]), float(f[i])
    return out


def bootstrap_ci(
    y: np.ndarray,
    probs: np.ndarray,
    metric: Callable[[np.ndarray, np.ndarray], dict[str, float]],
    n: int = 1000,
    seed: int = 0,
    alpha: float = 0.05,
) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap intervals for every value `metric` returns (resampling rows with replacement)."""
    rng = np.random.default_rng(seed)
    y, probs = np.asarray(y), np.asarray(probs)
    draws: dict[str, list[float]] = {}
    for _ in range(n):
        idx = rng.integers(0, len(y), len(y))
        for k, v in metric(y[idx], probs[idx]).items():
            draws.setdefault(k, []).append(v)
    out = {}
    for k, values in draws.items():
        arr = np.asarray(values, dtype=float)
        arr = arr[~np.isnan(arr)]
        out[k] = (float(np.quantile(arr, alpha / 2)), float(np.quantile(arr, 1 - alpha / 2))) if len(arr) else (float("nan"),) * 2
    return out


def mean_ci(values: Sequence[float], n: int = 1000, seed: int = 0, alpha: float = 0.05) -> tuple[float, float]:
    """Percentile bootstrap interval of a mean (one vectorised draw of n resamples)."""
    x = np.asarray(values, dtype=float)
    if len(x) == 0:
        return float("nan"), float("nan")
    means = x[np.random.default_rng(seed).integers(0, len(x), (n, len(x)))].mean(axis=1)
    return float(np.quantile(means, alpha / 2)), float(np.quantile(means, 1 - alpha / 2))


def classification_report(y: np.ndarray, probs: np.ndarray, labels: Sequence[str], n_boot: int = 1000, seed: int = 0) -> dict[str, Any]:
    """Point metrics, their 95% bootstrap intervals, the confusion matrix and the ECE."""
    y, probs = np.asarray(y), np.asarray(probs)

    def metric(yy: np.ndarray, pp: np.ndarray) -> dict[str, float]:
        return point_metrics(yy, pp, labels)

    return {
        "n": int(len(y)),
        "metrics": metric(y, probs),
        "ci95": bootstrap_ci(y, probs, metric, n_boot, seed) if n_boot else {},
        "confusion_matrix": confusion_matrix(y, probs.argmax(axis=1), labels=list(range(len(labels)))).tolist(),
        "ece": expected_calibration_error(probs, y),
        "labels": list(labels),
    }


def mcnemar(y: np.ndarray, pred_a: np.ndarray, pred_b: np.ndarray) -> dict[str, float]:
    """Exact McNemar test on the discordant pairs of two classifiers scored on the same rows."""
    from scipy.stats import binomtest

    a_right, b_right = np.asarray(pred_a) == y, np.asarray(pred_b) == y
    b01, b10 = int((a_right & ~b_right).sum()), int((~a_right & b_right).sum())
    p = 1.0 if b01 + b10 == 0 else float(binomtest(b01, b01 + b10, 0.5).pvalue)
    return {"a_right_b_wrong": b01, "a_wrong_b_right": b10, "p_value": p}
