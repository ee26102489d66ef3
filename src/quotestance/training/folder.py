"""Writing a trained model's folder (the contract of `stance.model_folder`): calibrate, score, card, move into place."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np

from .._version import __version__
from ..corpus import corpus_fingerprint
from ..evaluation.report import evaluate_split
from ..io import check_overwrite
from ..labels import label2id
from ..metrics import fit_temperature, softmax
from ..stance.model_folder import ModelInfo
from .baseline_runs import run_baselines
from .config import TrainConfig
from .model_card import write_model_card

CHECKPOINTS_SUFFIX = ".checkpoints"


def write_model_folder(
    trainer: Any,
    tokenizer: Any,
    cfg: TrainConfig,
    base: str,
    labels: tuple[str, ...],
    splits: dict[str, list[dict[str, Any]]],
    val_logits: np.ndarray,
    test_logits: np.ndarray,
    train_seconds: float,
    overwrite: bool,
) -> Path:
    """Calibrate, score, and write the model folder in a temporary place, then move it into position."""
    output = Path(cfg.output)
    l2i = label2id(labels)
    y_val = np.array([l2i[r["label"]] for r in splits["validation"]])
    y_test = np.array([l2i[r["label"]] for r in splits["test"]])
    temperature = fit_temperature(val_logits, y_val)
    staging = output.with_name(f".{output.name}.staging-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    trainer.save_model(str(staging))
    tokenizer.save_pretrained(str(staging))
    (staging / "training_args.bin").unlink(missing_ok=True)  # a pickle: the folder holds safetensors and JSON only
    test_texts = [r["text"] for r in splits["test"]]
    fine_tuned = evaluate_split(
        y_test,
        softmax(test_logits, temperature),
        labels,
        test_texts,
        splits["test"],
        staging / "eval",
        n_boot=cfg.bootstrap,
        seed=cfg.seed,
        uncalibrated=softmax(test_logits),
        title="fine-tuned (test split)",
    )
    info = ModelInfo(
        quotestance_version=__version__,
        name=output.name,
        base_model=cfg.base_model,
        base_model_path=base,
        labels=list(labels),
        label_set=cfg.label_set,
        temperature=temperature,
        max_length=cfg.max_length,
        train_config=cfg.to_dict(),
        corpus_fingerprint=corpus_fingerprint(cfg.data),
        split_sizes={k: len(v) for k, v in splits.items()},
        train_seconds=round(train_seconds, 1),
        metrics={
            "test": fine_tuned["metrics"],
            "test_ci95": fine_tuned["ci95"],
            "ece_before": fine_tuned["ece_uncalibrated"],
            "ece_after": fine_tuned["ece"],
        },
        baselines=run_baselines(cfg, base, labels, splits["train"], test_texts, y_test),
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    )
    info.write(staging)
    with open(staging / "training_log.jsonl", "w", encoding="utf-8") as f:
        for entry in trainer.state.log_history:
            f.write(json.dumps(entry) + "\n")
    write_model_card(staging, info)
    check_overwrite(output, overwrite, what="output folder")
    if output.exists():
        shutil.rmtree(output)
    os.replace(staging, output)
    checkpoints = output.with_name(output.name + CHECKPOINTS_SUFFIX)
    if not cfg.keep_checkpoints and checkpoints.exists():
        shutil.rmtree(checkpoints)
    return output
