"""Fine-tuning: configs from TOML, the corpus's splits, the Trainer run, and the model folder it writes."""

from __future__ import annotations

from .baseline_runs import model_baselines, run_baselines
from .config import BASELINES, ExtraData, TrainConfig
from .data import load_splits
from .trainer import train

__all__ = ["BASELINES", "ExtraData", "TrainConfig", "load_splits", "model_baselines", "run_baselines", "train"]
