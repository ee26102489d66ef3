"""Metrics checked against small hand-computed cases."""

import numpy as np
import pytest

from quotestance.metrics import (
    bootstrap_ci,
    classification_report,
    expected_calibration_error,
    fit_temperature,
    mcnemar,
    point_metrics,
    softmax,
)

LABELS = ("conciliatory", "hostile")


def test_point_metrics_by_hand():
    y = np.array([0, 0, 1, 1])
    probs = np.array([[0.9, 0.1], [0.4, 0.6], [0.2, 0.8], [0.3, 0.7]])  # predictions 0, 1, 1, 1
    m = point_metrics(y, probs, LABELS)
    assert m["accuracy"] == 0.75
    assert m["precision_hostile"] == pytest.approx(2 / 3) and m["recall_hostile"] == 1.0
    assert m["precision_conciliatory"] == 1.0 and m["recall_conciliatory"] == 0.5
    f1_h, f1_c = 2 * (2 / 3) / (2 / 3 + 1), 2 * 0.5 / 1.5
    assert m["macro_f1"] == pytest.approx((f1_h + f1_c) / 2)
    assert m["roc_auc"] == 1.0  # every hostile row scores above every conciliatory row


def test_ece_by_hand():
    probs = np.array([[0.9, 0.1], [0.9, 0.1], [0.6, 0.4], [0.6, 0.4]])
    y = np.array([0, 1, 0, 0])
    # bin (0.8, 0.9]: confidence 0.9, accuracy 0.5; bin (0.5, 0.6]: confidence 0.6, accuracy 1.0
    assert expected_calibration_error(probs, y) == pytest.approx(0.5 * 0.4 + 0.5 * 0.4)


def test_temperature_recovers_a_known_temperature():
    rng = np.random.default_rng(0)
    true_logits = rng.normal(size=(4000, 2)) * 2
    y = np.array([rng.choice(2, p=p) for p in softmax(true_logits)])
    t = fit_temperature(true_logits * 3.0, y)  # over-confident by a factor 3
    assert t == pytest.approx(3.0, rel=0.1)


def test_bootstrap_is_seeded_and_brackets_the_estimate():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 200)
    probs = softmax(rng.normal(size=(200, 2)) + np.eye(2)[y] * 1.5)

    def metric(yy, pp):
        return point_metrics(yy, pp, LABELS)

    a, b = bootstrap_ci(y, probs, metric, n=200, seed=7), bootstrap_ci(y, probs, metric, n=200, seed=7)
    assert a == b
    acc = point_metrics(y, probs, LABELS)["accuracy"]
    assert a["accuracy"][0] < acc < a["accuracy"][1]
    assert a != bootstrap_ci(y, probs, metric, n=200, seed=8)


def test_mcnemar_counts_discordant_pairs():
    y = np.array([0, 0, 0, 0, 1, 1])
    a = np.array([0, 0, 0, 0, 1, 1])
    b = np.array([1, 1, 1, 0, 1, 1])
    r = mcnemar(y, a, b)
    assert (r["a_right_b_wrong"], r["a_wrong_b_right"]) == (3, 0)
    assert r["p_value"] == pytest.approx(0.25)  # two-sided exact binomial, 3 of 3


def test_report_has_confusion_matrix():
    y = np.array([0, 1, 1])
    probs = np.array([[0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])
    r = classification_report(y, probs, LABELS, n_boot=20)
    assert r["confusion_matrix"] == [[1, 0], [1, 1]] and r["n"] == 3
