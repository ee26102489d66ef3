"""Fine-tuning a stance classifier with `transformers.Trainer` on the corpus's stored splits.

`train(config)` checks everything it can before the first step (config, labels, splits, base model,
output folder), fine-tunes with early stopping on validation macro-F1, fits a calibration temperature
on validation, scores the test split beside the baselines and writes the model folder of DESIGN.md.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from transformers import TrainerCallback
from transformers.trainer_callback import ProgressCallback

from . import __version__
from .config import TrainConfig
from .corpus import load_corpus
from .labels import id2label, label2id, label_set

CHECKPOINTS_SUFFIX = ".checkpoints"


def load_splits(cfg: TrainConfig) -> dict[str, list[dict[str, Any]]]:
    """train / validation / test rows for the config's label set; extra data joins train only."""
    from .importers import IMPORTERS

    labels = set(label_set(cfg.label_set))
    rows = [r for r in load_corpus(cfg.data) if r["label"] in labels]
    splits = {s: [r for r in rows if r["split"] == s] for s in ("train", "validation", "test")}
    rng = random.Random(cfg.seed)
    for extra in cfg.extra_data:
        if extra.format == "corpus":
            found = load_corpus(extra.path)
        elif extra.format in ("keep_it_local", "cameo"):
            found = list(IMPORTERS[extra.format](extra.path, neutral=extra.neutral))
        elif extra.format in IMPORTERS:
            found = list(IMPORTERS[extra.format](extra.path))
        else:
            raise ValueError(f"extra_data {extra.path}: unknown format {extra.format!r} (use one of corpus, {', '.join(IMPORTERS)})")
        found = [r for r in found if r["label"] in labels]
        whole, part = divmod(extra.weight, 1.0)  # weight 2.5: every row twice, plus half of them once more
        splits["train"] += found * int(whole) + rng.sample(found, int(round(part * len(found))))
    for name, part in splits.items():
        if not part:
            raise ValueError(f"the {name} split is empty for label set {cfg.label_set!r} in {', '.join(cfg.data)}")
        missing = labels - {r["label"] for r in part}
        if name == "train" and missing:
            raise ValueError(f"the train split has no rows labelled {', '.join(sorted(missing))}")
    return splits


def _class_weights(train_labels: list[int], n_labels: int, mode: str) -> list[float] | None:
    counts = Counter(train_labels)
    sizes = [counts.get(i, 0) for i in range(n_labels)]
    if mode == "off" or (mode == "auto" and max(sizes) <= 1.5 * max(1, min(sizes))):
        return None
    total = sum(sizes)
    return [total / (n_labels * max(1, s)) for s in sizes]


def check_output(output: Path, overwrite: bool, resume: bool) -> None:
    if output.exists() and any(output.iterdir()) and not (overwrite or resume):
        raise FileExistsError(f"{output}: output folder exists; pass --overwrite to replace it")


def train(cfg: TrainConfig, overwrite: bool = False, resume: bool = False) -> Path:
    """Fine-tune, calibrate, evaluate and write the model folder; returns its path."""
    import torch
    from datasets import Dataset
    from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                              EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)
    from transformers.trainer_utils import get_last_checkpoint

    from .base_models import resolve_base_model

    output = Path(cfg.output)
    check_output(output, overwrite, resume)
    labels = label_set(cfg.label_set)
    splits = load_splits(cfg)
    base = resolve_base_model(cfg.base_model)
    checkpoints = output.with_name(output.name + CHECKPOINTS_SUFFIX)
    last = get_last_checkpoint(str(checkpoints)) if resume and checkpoints.is_dir() else None
    if resume and last is None:
        raise FileNotFoundError(f"--resume: no checkpoint under {checkpoints}")
    if not resume and checkpoints.exists() and int(os.environ.get("RANK", "0")) == 0:
        shutil.rmtree(checkpoints, ignore_errors=True)

    set_seed(cfg.seed)
    tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)  # never the network
    l2i = label2id(labels)

    def to_dataset(rows: list[dict[str, Any]]) -> Dataset:
        ds = Dataset.from_dict({"text": [r["text"] for r in rows], "label": [l2i[r["label"]] for r in rows]})
        return ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=cfg.max_length), batched=True, remove_columns=["text"])

    data = {name: to_dataset(rows) for name, rows in splits.items()}
    model = AutoModelForSequenceClassification.from_pretrained(
        base, num_labels=len(labels), id2label=id2label(labels), label2id=l2i, use_safetensors=True, local_files_only=True)
    weights = _class_weights([l2i[r["label"]] for r in splits["train"]], len(labels), cfg.class_weights)
    loss_fn = None
    if weights is not None:
        weight_t = torch.tensor(weights, dtype=torch.float32)

        def loss_fn(outputs, labels_t, num_items_in_batch=None):  # noqa: ANN001 - Trainer's signature
            logits = outputs["logits"] if isinstance(outputs, dict) else outputs[0]
            return torch.nn.functional.cross_entropy(logits.float(), labels_t, weight=weight_t.to(logits.device))

    def compute_metrics(pred) -> dict[str, float]:  # noqa: ANN001
        from sklearn.metrics import accuracy_score, f1_score

        y_pred = np.asarray(pred.predictions).argmax(-1)
        return {"macro_f1": f1_score(pred.label_ids, y_pred, average="macro"), "accuracy": accuracy_score(pred.label_ids, y_pred)}

    steps_per_epoch = max(1, -(-len(data["train"]) // cfg.batch_size))
    total_steps = cfg.max_steps if cfg.max_steps > 0 else int(steps_per_epoch * cfg.epochs)
    use_bf16 = torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    # Under torchrun without GPUs the Trainer stays single-process unless told to use gloo on the CPU.
    cpu_ddp = {"ddp_backend": "gloo", "use_cpu": True} if int(os.environ.get("WORLD_SIZE", "1")) > 1 and not torch.cuda.is_available() else {}
    args = TrainingArguments(
        output_dir=str(checkpoints), per_device_train_batch_size=cfg.batch_size, per_device_eval_batch_size=cfg.eval_batch_size,
        learning_rate=cfg.learning_rate, weight_decay=cfg.weight_decay, warmup_steps=int(cfg.warmup_ratio * total_steps),
        num_train_epochs=cfg.epochs, max_steps=cfg.max_steps,
        train_sampling_strategy="group_by_length" if cfg.group_by_length else "random", eval_strategy="epoch", save_strategy="epoch",
        load_best_model_at_end=True, metric_for_best_model="macro_f1", greater_is_better=True, save_total_limit=2,
        seed=cfg.seed, data_seed=cfg.seed, logging_steps=cfg.logging_steps, report_to="none", bf16=use_bf16,
        dataloader_num_workers=0, dataloader_pin_memory=torch.cuda.is_available(), disable_tqdm=False, log_level="warning",
        **cpu_ddp,
    )
    callbacks = [EarlyStoppingCallback(early_stopping_patience=cfg.early_stopping_patience), EpochLine()]
    trainer = Trainer(model=model, args=args, train_dataset=data["train"], eval_dataset=data["validation"],
                      processing_class=tokenizer, data_collator=DataCollatorWithPadding(tokenizer),
                      compute_loss_func=loss_fn, compute_metrics=compute_metrics, callbacks=callbacks)
    trainer.remove_callback(ProgressCallback)
    trainer.add_callback(QuietProgress())
    started = time.perf_counter()
    trainer.train(resume_from_checkpoint=last)
    train_seconds = time.perf_counter() - started
    # transformers length-groups evaluation batches too when training does; the logits below must come
    # back in split order, to line up with the labels, texts and rows they are scored against
    trainer.args.train_sampling_strategy = "random"
    val_logits = trainer.predict(data["validation"]).predictions
    test_logits = trainer.predict(data["test"]).predictions
    if not trainer.is_world_process_zero():
        return output
    return finish_model_folder(trainer, tokenizer, cfg, base, labels, splits, np.asarray(val_logits), np.asarray(test_logits),
                               train_seconds, overwrite=overwrite or resume)


def finish_model_folder(trainer, tokenizer, cfg: TrainConfig, base: str, labels: tuple[str, ...],  # noqa: ANN001
                        splits: dict[str, list[dict[str, Any]]], val_logits: np.ndarray, test_logits: np.ndarray,
                        train_seconds: float, overwrite: bool) -> Path:
    """Calibrate, score, and write the model folder in a temporary place, then move it into position."""
    from .corpus import corpus_fingerprint
    from .metrics import fit_temperature, softmax
    from .model_card import write_model_card
    from .evaluation import evaluate_split

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
    fine_tuned = evaluate_split(y_test, softmax(test_logits, temperature), labels, test_texts, splits["test"],
                                staging / "eval", n_boot=cfg.bootstrap, seed=cfg.seed,
                                uncalibrated=softmax(test_logits), title="fine-tuned (test split)")
    baselines = run_baselines(cfg, base, labels, splits["train"], test_texts, y_test)
    info = {
        "quotestance_version": __version__, "name": output.name, "base_model": cfg.base_model, "base_model_path": base,
        "labels": list(labels), "label_set": cfg.label_set, "temperature": temperature, "max_length": cfg.max_length,
        "train_config": cfg.to_dict(), "corpus_fingerprint": corpus_fingerprint(cfg.data),
        "split_sizes": {k: len(v) for k, v in splits.items()}, "train_seconds": round(train_seconds, 1),
        "metrics": {"test": fine_tuned["metrics"], "test_ci95": fine_tuned["ci95"], "ece_before": fine_tuned["ece_uncalibrated"],
                    "ece_after": fine_tuned["ece"]},
        "baselines": baselines, "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    (staging / "quotestance.json").write_text(json.dumps(info, indent=2, default=str) + "\n", encoding="utf-8")
    with open(staging / "training_log.jsonl", "w", encoding="utf-8") as f:
        for entry in trainer.state.log_history:
            f.write(json.dumps(entry) + "\n")
    write_model_card(staging, info)
    if output.exists():
        if not overwrite:
            raise FileExistsError(f"{output}: output folder exists; pass --overwrite to replace it")
        shutil.rmtree(output)
    os.replace(staging, output)
    checkpoints = output.with_name(output.name + CHECKPOINTS_SUFFIX)
    if not cfg.keep_checkpoints and checkpoints.exists():
        shutil.rmtree(checkpoints)
    return output


def run_baselines(cfg: TrainConfig, base: str, labels: Sequence[str], train_rows: list[dict[str, Any]], test_texts: list[str],
                  y_test: np.ndarray) -> dict[str, dict[str, float]]:
    """Metrics of each configured baseline on the test texts, trained on the same train rows as the model."""
    from . import baselines as bl
    from .metrics import point_metrics

    l2i = label2id(labels)
    train_texts = [r["text"] for r in train_rows]
    train_y = [l2i[r["label"]] for r in train_rows]
    makers = {
        "majority": lambda: bl.majority(train_y, test_texts, len(labels)),
        "tfidf_logreg": lambda: bl.tfidf_logreg(train_texts, train_y, test_texts, len(labels), cfg.seed),
        "embedding_logreg": lambda: bl.embedding_logreg(base, train_texts, train_y, test_texts, len(labels), cfg.seed, cfg.max_length),
    }
    return {name: point_metrics(y_test, makers[name](), labels) for name in cfg.baselines}


class QuietProgress(ProgressCallback):
    """The progress bars without the raw log dictionaries (EpochLine prints a readable line instead)."""

    def on_log(self, args, state, control, logs=None, **kwargs):  # noqa: ANN001
        pass


class EpochLine(TrainerCallback):
    """One readable metrics line per epoch, under the progress bar."""

    def on_evaluate(self, args, state, control, metrics=None, **kwargs):  # noqa: ANN001 - Trainer's signature
        if state.is_world_process_zero and metrics:
            loss = next((h["loss"] for h in reversed(state.log_history) if "loss" in h), float("nan"))
            from tqdm.auto import tqdm

            tqdm.write(f"epoch {state.epoch:.1f}  train loss {loss:.4f}  val loss {metrics.get('eval_loss', float('nan')):.4f}  "
                       f"val macro-F1 {metrics.get('eval_macro_f1', float('nan')):.4f}  "
                       f"val accuracy {metrics.get('eval_accuracy', float('nan')):.4f}")
