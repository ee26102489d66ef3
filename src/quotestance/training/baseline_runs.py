"""Baselines trained on the same rows as a model, so that its gain over them is visible."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .. import baselines as bl
from ..labels import label2id
from ..metrics import point_metrics
from ..stance.base_models import resolve_base_model
from ..stance.model_folder import INFO_FILE, ModelInfo
from .config import BASELINES, TrainConfig
from .data import load_splits


def run_baselines(
    cfg: TrainConfig, base: str, labels: Sequence[str], train_rows: list[dict[str, Any]], test_texts: list[str], y_test: np.ndarray
) -> dict[str, dict[str, float]]:
    """Metrics of each configured baseline on the test texts, trained on the same train rows as the model."""
    l2i = label2id(labels)
    train_texts = [r["text"] for r in train_rows]
    train_y = [l2i[r["label"]] for r in train_rows]
    makers = {
        "majority": lambda: bl.majority(train_y, test_texts, len(labels)),
        "tfidf_logreg": lambda: bl.tfidf_logreg(train_texts, train_y, test_texts, len(labels), cfg.seed),
        "embedding_logreg": lambda: bl.embedding_logreg(base, train_texts, train_y, test_texts, len(labels), cfg.seed, cfg.max_length),
    }
    return {name: point_metrics(y_test, makers[name](), labels) for name in cfg.baselines}


def model_baselines(model_dir: str | Path, labels: Sequence[str], texts: list[str], y: np.ndarray) -> dict[str, dict[str, float]]:
    """A model's own training baselines (its stored config: data, seed, max_length), retrained and scored on these rows."""
    info = ModelInfo.read(model_dir)
    if not info.train_config:
        raise FileNotFoundError(f"{Path(model_dir) / INFO_FILE}: no training record, so no baselines to compare with")
    cfg = TrainConfig.load(None, {**info.train_config, "baselines": list(BASELINES)})
    return run_baselines(cfg, resolve_base_model(cfg.base_model), labels, load_splits(cfg)["train"], texts, y)
