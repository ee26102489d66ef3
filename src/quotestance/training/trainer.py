"""Fine-tuning a stance classifier with `transformers.Trainer` on the corpus's stored splits.

`train(config)` checks everything it can before the first step (config, labels, splits, base model,
output folder), fine-tunes with early stopping on validation macro-F1, then hands the logits to
`folder.write_model_folder`, which calibrates, scores and writes the model folder.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from transformers import Trainer, TrainerCallback
from transformers.trainer_callback import ProgressCallback

from ..hf import quiet
from ..io import check_overwrite
from ..labels import id2label, is_hard, label2id, label_set
from ..stance.base_models import resolve_base_model
from .config import TrainConfig
from .data import load_splits
from .distil import SoftLabels, distil_loss
from .folder import CHECKPOINTS_SUFFIX, write_model_folder

if TYPE_CHECKING:
    from datasets import Dataset
    from transformers import PreTrainedTokenizerBase, TrainingArguments


def train(cfg: TrainConfig, overwrite: bool = False, resume: bool = False) -> Path:
    """Fine-tune, calibrate, evaluate and write the model folder; returns its path."""
    from transformers import set_seed

    output = Path(cfg.output)
    check_overwrite(output, overwrite or resume, exists=output.exists() and any(output.iterdir()), what="output folder")
    labels = label_set(cfg.label_set)
    splits = load_splits(cfg)
    base = resolve_base_model(cfg.base_model)
    last = _checkpoint_to_resume(output, resume)
    set_seed(cfg.seed)
    trainer, tokenizer, data = _make_trainer(cfg, base, labels, splits)
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
    return write_model_folder(
        trainer,
        tokenizer,
        cfg,
        base,
        labels,
        splits,
        np.asarray(val_logits),
        np.asarray(test_logits),
        train_seconds,
        overwrite=overwrite or resume,
    )


def _checkpoint_to_resume(output: Path, resume: bool) -> str | None:
    """The last checkpoint when resuming (an error when there is none); else clear stale checkpoints."""
    from transformers.trainer_utils import get_last_checkpoint

    checkpoints = output.with_name(output.name + CHECKPOINTS_SUFFIX)
    last = get_last_checkpoint(str(checkpoints)) if resume and checkpoints.is_dir() else None
    if resume and last is None:
        raise FileNotFoundError(f"--resume: no checkpoint under {checkpoints}")
    if not resume and checkpoints.exists() and int(os.environ.get("RANK", "0")) == 0:
        shutil.rmtree(checkpoints, ignore_errors=True)
    return last


def _tokenized(
    splits: dict[str, list[dict[str, Any]]],
    tokenizer: PreTrainedTokenizerBase,
    labels: tuple[str, ...],
    max_length: int,
    soft: SoftLabels | None = None,
    hard_weight: float = 1.0,
) -> dict[str, Dataset]:
    """Tokenized splits; with soft labels, train rows carry a `soft` column (NaN where the teacher has none)
    and pool rows (label None) get label -100, so they learn from the teacher alone. With a `hard_weight`,
    train rows carry a `weight` column: that weight for rows with a hard-phenomenon tag, else 1."""
    from datasets import Dataset

    l2i = label2id(labels)

    def to_dataset(rows: list[dict[str, Any]], with_soft: bool) -> Dataset:
        texts = [r["text"] for r in rows]
        columns: dict[str, Any] = {"text": texts, "label": [l2i[r["label"]] if r["label"] is not None else -100 for r in rows]}
        if with_soft and soft is not None:
            columns["soft"] = soft.for_texts(texts, labels).tolist()
        if with_soft and hard_weight != 1.0:
            columns["weight"] = [hard_weight if is_hard(r) else 1.0 for r in rows]
        ds = Dataset.from_dict(columns)
        return ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=max_length), batched=True, remove_columns=["text"])

    return {name: to_dataset(rows, name == "train") for name, rows in splits.items()}


def class_weights(train_labels: list[int], n_labels: int, mode: str) -> list[float] | None:
    """Inverse-frequency loss weights, or None: `auto` weights only when one class is 1.5x another."""
    counts = Counter(y for y in train_labels if y >= 0)
    sizes = [counts.get(i, 0) for i in range(n_labels)]
    if mode == "off" or (mode == "auto" and max(sizes) <= 1.5 * max(1, min(sizes))):
        return None
    total = sum(sizes)
    return [total / (n_labels * max(1, s)) for s in sizes]


def _compute_metrics(pred: Any) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    y_pred = np.asarray(pred.predictions).argmax(-1)
    return {"macro_f1": f1_score(pred.label_ids, y_pred, average="macro"), "accuracy": accuracy_score(pred.label_ids, y_pred)}


def _training_args(cfg: TrainConfig, output: Path, n_train: int) -> TrainingArguments:
    """Trainer arguments: early stopping on validation macro-F1, bf16 on a GPU, gloo DDP on CPUs under torchrun."""
    import torch
    from transformers import TrainingArguments

    steps_per_epoch = max(1, -(-n_train // cfg.batch_size))
    total_steps = cfg.max_steps if cfg.max_steps > 0 else int(steps_per_epoch * cfg.epochs)
    use_bf16 = torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    # Under torchrun without GPUs the Trainer stays single-process unless told to use gloo on the CPU.
    cpu_ddp = (
        {"ddp_backend": "gloo", "use_cpu": True} if int(os.environ.get("WORLD_SIZE", "1")) > 1 and not torch.cuda.is_available() else {}
    )
    return TrainingArguments(
        output_dir=str(output.with_name(output.name + CHECKPOINTS_SUFFIX)),
        per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=cfg.eval_batch_size,
        learning_rate=cfg.learning_rate,
        lr_scheduler_type=cfg.lr_scheduler,
        weight_decay=cfg.weight_decay,
        warmup_steps=int(cfg.warmup_ratio * total_steps),
        num_train_epochs=cfg.epochs,
        max_steps=cfg.max_steps,
        train_sampling_strategy="group_by_length" if cfg.group_by_length else "random",
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=cfg.keep_best_epoch,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        save_total_limit=2,
        seed=cfg.seed,
        data_seed=cfg.seed,
        logging_steps=cfg.logging_steps,
        report_to="none",
        bf16=use_bf16,
        dataloader_num_workers=0,
        remove_unused_columns=False,  # keeps the `soft` column; the tokenized splits hold only model inputs and labels
        dataloader_pin_memory=torch.cuda.is_available(),
        disable_tqdm=False,
        log_level="warning",
        **cpu_ddp,
    )


def _make_trainer(
    cfg: TrainConfig, base: str, labels: tuple[str, ...], splits: dict[str, list[dict[str, Any]]]
) -> tuple[Trainer, PreTrainedTokenizerBase, dict[str, Dataset]]:
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding, EarlyStoppingCallback

    tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)  # never the network
    soft = SoftLabels.read(cfg.soft_labels) if cfg.soft_labels else None
    if soft is not None:
        if sorted(soft.labels) != sorted(labels):
            raise ValueError(f"{cfg.soft_labels}: soft labels for {', '.join(soft.labels)}, but this run trains {', '.join(labels)}")
        splits = {**splits, "train": splits["train"] + soft.pool_rows(cfg.distil_pool)}
    data = _tokenized(splits, tokenizer, labels, cfg.max_length, soft, cfg.hard_weight)
    l2i = label2id(labels)
    with quiet():  # the new classification head is reported as missing from the base: expected, not news
        model = AutoModelForSequenceClassification.from_pretrained(
            base, num_labels=len(labels), id2label=id2label(labels), label2id=l2i, use_safetensors=True, local_files_only=True
        )
    if cfg.freeze_embeddings:  # half of MiniLM-L6's weights: their dense gradient and AdamW update are ~8% of a CPU step
        model.get_input_embeddings().weight.requires_grad_(False)
    weights = class_weights([l2i.get(r["label"], -100) for r in splits["train"]], len(labels), cfg.class_weights)
    trainer = StanceTrainer(
        loss=distil_loss(cfg.distil_alpha, cfg.distil_temperature, weights, cfg.label_smoothing),
        model=model,
        args=_training_args(cfg, Path(cfg.output), len(data["train"])),
        train_dataset=data["train"],
        eval_dataset=data["validation"],
        processing_class=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=_compute_metrics,
        callbacks=[EpochLine()],
    )
    if cfg.keep_best_epoch:  # early stopping needs the best checkpoint loaded at the end
        trainer.add_callback(EarlyStoppingCallback(early_stopping_patience=cfg.early_stopping_patience))
    trainer.remove_callback(ProgressCallback)
    trainer.add_callback(QuietProgress())
    return trainer, tokenizer, data


class StanceTrainer(Trainer):
    """A Trainer whose loss is `distil_loss`: class-weighted CE, plus the teacher's soft labels when given."""

    def __init__(self, *args: Any, loss: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stance_loss = loss

    def compute_loss(self, model: Any, inputs: dict[str, Any], return_outputs: bool = False, num_items_in_batch: Any = None) -> Any:
        labels = inputs.pop("labels")
        soft = inputs.pop("soft", None)
        weight = inputs.pop("weight", None)
        outputs = model(**inputs)
        loss = self.stance_loss(outputs.logits, labels, soft, weight)
        return (loss, outputs) if return_outputs else loss


class QuietProgress(ProgressCallback):
    """The progress bars without the raw log dictionaries (EpochLine prints a readable line instead)."""

    def on_log(self, args: Any, state: Any, control: Any, logs: dict[str, float] | None = None, **kwargs: Any) -> None:
        pass


class EpochLine(TrainerCallback):
    """One readable metrics line per epoch, under the progress bar."""

    def on_evaluate(self, args: Any, state: Any, control: Any, metrics: dict[str, float] | None = None, **kwargs: Any) -> None:
        if state.is_world_process_zero and metrics:
            from tqdm.auto import tqdm

            loss = next((h["loss"] for h in reversed(state.log_history) if "loss" in h), float("nan"))
            tqdm.write(
                f"epoch {state.epoch:.1f}  train loss {loss:.4f}  val loss {metrics.get('eval_loss', float('nan')):.4f}  "
                f"val macro-F1 {metrics.get('eval_macro_f1', float('nan')):.4f}  "
                f"val accuracy {metrics.get('eval_accuracy', float('nan')):.4f}"
            )
