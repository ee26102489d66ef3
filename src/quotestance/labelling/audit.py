"""Which labels are probably wrong: out-of-fold probabilities ranked by cleanlab.

A row is never scored by a model trained on it: folds are grouped by scenario (`group`), so
paraphrases of a row are held out with it. By default the probabilities come from the frozen-embedding
baseline (the base model's mean-pooled sentence embeddings + logistic regression); with a model folder,
from K copies fine-tuned with that model's training config.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from ..baselines import mean_pooled_embeddings
from ..stance import ModelInfo, StanceClassifier, resolve_base_model
from ..training import TrainConfig, train


def out_of_fold_probs(
    rows: Sequence[dict[str, Any]],
    labels: Sequence[str],
    *,
    folds: int = 5,
    seed: int = 0,
    base_model: str = "default",
    model: str | Path | None = None,
) -> np.ndarray:
    """P(label) for every row from a model that did not see it (GroupKFold over `group`)."""
    y = np.array([labels.index(r["label"]) for r in rows])
    groups = [str(r.get("group") or r["id"]) for r in rows]
    splits = list(GroupKFold(n_splits=folds).split(np.zeros(len(rows)), y, groups))
    if model is not None:
        return _fine_tuned(rows, labels, splits, model)
    X = mean_pooled_embeddings(resolve_base_model(base_model), [r["text"] for r in rows])
    probs = np.zeros((len(rows), len(labels)))
    for train_idx, held in splits:
        clf = LogisticRegression(max_iter=3000, C=1.0, class_weight="balanced", random_state=seed).fit(X[train_idx], y[train_idx])
        probs[np.ix_(held, clf.classes_)] = clf.predict_proba(X[held])
    return probs


def _fine_tuned(rows: Sequence[dict[str, Any]], labels: Sequence[str], splits: list, model: str | Path) -> np.ndarray:
    info = ModelInfo.read(model)
    if not info.train_config:
        raise ValueError(f"{model}: no training config in quotestance.json, so no copies can be trained from it")
    probs = np.zeros((len(rows), len(labels)))
    with tempfile.TemporaryDirectory(prefix="quotestance-audit-") as tmp:
        for k, (train_idx, held) in enumerate(splits):
            data = Path(tmp) / f"fold{k}" / "quotes.jsonl"
            data.parent.mkdir(parents=True)
            data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _fold_rows(rows, train_idx)), encoding="utf-8")
            cfg = TrainConfig.load(
                None,
                {
                    **info.train_config,
                    "data": [str(data)],
                    "extra_data": [],
                    "output": str(Path(tmp) / f"m{k}"),
                    "baselines": [],
                    "bootstrap": 0,
                },
            )
            clf = StanceClassifier.from_pretrained(train(cfg, overwrite=True))
            p = clf.predict_proba([rows[i]["text"] for i in held])
            probs[np.ix_(held, [clf.labels.index(lab) for lab in labels])] = p[:, [clf.labels.index(lab) for lab in labels]]
    return probs


def _fold_rows(rows: Sequence[dict[str, Any]], train_idx: np.ndarray) -> list[dict[str, Any]]:
    """A fold's training rows with splits of their own: every tenth scenario (at least one) validates the copy and
    is its test split too (its test score is not used); the others train it. Stored splits are not used: a fold
    may hold no row of a stored split."""
    fold = [{k: v for k, v in rows[i].items() if not k.startswith("_")} for i in train_idx]
    groups = sorted({str(r.get("group") or r["id"]) for r in fold})
    held = set(groups[::10]) if len(groups) >= 10 else {groups[0]}
    out = []
    for r in fold:
        if str(r.get("group") or r["id"]) in held:
            out += [{**r, "split": "validation"}, {**r, "id": f"{r['id']}-test", "split": "test"}]
        else:
            out.append({**r, "split": "train"})
    return out


def find_label_issues(rows: Sequence[dict[str, Any]], probs: np.ndarray, labels: Sequence[str]) -> list[dict[str, Any]]:
    """Rows cleanlab finds likely mislabelled, most suspicious first: id, text, given and suggested label, self-confidence."""
    from cleanlab.filter import find_label_issues as cleanlab_issues

    y = np.array([labels.index(r["label"]) for r in rows])
    ranked = cleanlab_issues(labels=y, pred_probs=probs, return_indices_ranked_by="self_confidence")
    return [
        {
            "id": rows[i]["id"],
            "text": rows[i]["text"],
            "given_label": labels[y[i]],
            "suggested_label": labels[int(np.argmax(probs[i]))],
            "self_confidence": round(float(probs[i, y[i]]), 4),
            "split": rows[i].get("split"),
        }
        for i in ranked
    ]
