"""Training configuration: a dataclass loaded from TOML, with `key=value` overrides from the CLI."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..labels import LABEL_SETS

BASELINES = ("majority", "tfidf_logreg", "embedding_logreg")


@dataclass
class ExtraData:
    """A public or user set mixed into the training split (never into validation or test)."""

    path: str
    format: str = "table"  # keep_it_local | cameo | table | label_studio | corpus
    weight: float = 1.0  # fraction of its rows sampled (>1 repeats rows)
    neutral: bool = False  # also map the importer's no-stance code to neutral
    hash_half: str | None = None  # "train": only rows whose text hashes into the train part (hash_split), so the rest tests


def _key(default: Any = dataclasses.MISSING, doc: str = "", *, factory: Any = dataclasses.MISSING) -> Any:
    """A config key with its documentation (shown by `quotestance train --help`)."""
    if factory is not dataclasses.MISSING:
        return field(default_factory=factory, metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})


@dataclass
class TrainConfig:
    """Everything a training run depends on; stored in the model folder's quotestance.json."""

    base_model: str = _key("default", "'default' (MiniLM, embedded), 'mpnet', a local folder or a cached Hugging Face id")
    label_set: str = _key("three_class", "labels to train: three_class (conciliatory, hostile, neutral) or binary")
    data: list[str] = _key(
        doc="corpus folders or files (stored splits); repeat --data to train on several", factory=lambda: ["data/quotes"]
    )
    extra_data: list[ExtraData] = _key(
        doc="sets mixed into the train split only, as TOML tables: {path=..., format=..., weight=..., neutral=...}", factory=list
    )
    soft_labels: str = _key("", "a teacher's soft-label file (`quotestance data soft-labels`): distil from it; '' trains on gold only")
    distil_pool: int = _key(-1, "pool rows of the soft-label file to add to train: -1 all, 0 none, N the first N")
    distil_alpha: float = _key(0.5, "weight of the teacher (KL) against the gold label (CE) on rows with both")
    distil_temperature: float = _key(2.0, "softening temperature for distillation")
    output: str = _key("models/default", "model folder to write")
    max_length: int = _key(64, "tokens per statement (longer ones are truncated)")
    batch_size: int = _key(16, "statements per training step")
    group_by_length: bool = _key(False, "batches of similar length: ~2x faster on CPU, but lower F1 for MiniLM here")
    eval_batch_size: int = _key(64, "statements per evaluation step")
    learning_rate: float = _key(5e-5, "peak learning rate (linear warm-up, then decay by lr_scheduler)")
    lr_scheduler: str = _key("linear", "decay after warm-up: linear | cosine")
    label_smoothing: float = _key(0.0, "label smoothing of the gold labels' cross-entropy (0 = none)")
    weight_decay: float = _key(0.01, "AdamW weight decay")
    freeze_embeddings: bool = _key(False, "keep the base model's word embeddings as pretrained (fewer weights to update: faster steps)")
    hard_weight: float = _key(1.0, "loss weight of train rows tagged with a hard phenomenon (labels.HARD_TAGS); 1 = none")
    warmup_ratio: float = _key(0.1, "share of steps spent warming up")
    epochs: float = _key(4.0, "training epochs (early stopping may end sooner)")
    max_steps: int = _key(-1, "stop after this many steps (overrides epochs when > 0)")
    early_stopping_patience: int = _key(2, "epochs without a better validation macro-F1 before stopping (with keep_best_epoch)")
    keep_best_epoch: bool = _key(True, "end on the epoch with the best validation macro-F1 (false: the last epoch, no early stopping)")
    class_weights: str = _key("auto", "auto | on | off: auto weights the loss when one class is 1.5x another")
    seed: int = _key(42, "random seed (data order, initialisation, baselines)")
    baselines: list[str] = _key(doc=f"baselines scored beside the model: {', '.join(BASELINES)}", factory=lambda: list(BASELINES))
    bootstrap: int = _key(1000, "bootstrap resamples for the 95% intervals")
    logging_steps: int = _key(10, "steps between training-loss log entries")
    keep_checkpoints: bool = _key(False, "keep the checkpoints folder after training")

    def __post_init__(self) -> None:
        if self.label_set not in LABEL_SETS:
            raise ValueError(f"label_set must be one of {sorted(LABEL_SETS)}, not {self.label_set!r}")
        if self.lr_scheduler not in {"linear", "cosine"}:
            raise ValueError(f"lr_scheduler must be linear or cosine, not {self.lr_scheduler!r}")
        if not 0.0 <= self.label_smoothing < 1.0:
            raise ValueError(f"label_smoothing must be in [0, 1), not {self.label_smoothing}")
        if self.class_weights not in {"auto", "on", "off"}:
            raise ValueError(f"class_weights must be auto, on or off, not {self.class_weights!r}")
        for name in ("data", "baselines"):
            value = getattr(self, name)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f'{name} must be a list of strings, e.g. {name}=["{value}"], not {value!r}')
        unknown = sorted(set(self.baselines) - set(BASELINES))
        if unknown:
            raise ValueError(f"unknown baseline {', '.join(unknown)} (known: {', '.join(BASELINES)})")
        if not isinstance(self.extra_data, list):
            raise ValueError(f"extra_data must be a list of tables, not {self.extra_data!r}")
        self.extra_data = [e if isinstance(e, ExtraData) else _build(ExtraData, e, "extra_data") for e in self.extra_data]
        for e in self.extra_data:
            if e.hash_half not in (None, "train", "test"):
                raise ValueError(f"extra_data {e.path}: hash_half must be train or test, not {e.hash_half!r}")

    @classmethod
    def load(cls, path: str | Path | None = None, overrides: list[str] | dict[str, Any] | None = None) -> TrainConfig:
        """Read a TOML file (keys at top level or under [train]) and apply overrides; unknown keys are errors."""
        values: dict[str, Any] = {}
        if path is not None:
            try:
                with open(path, "rb") as f:
                    values = tomllib.load(f)
            except FileNotFoundError:
                raise FileNotFoundError(f"{path}: config file not found") from None
            except tomllib.TOMLDecodeError as e:
                raise ValueError(f"{path}: invalid TOML: {e}") from None
            values = values.get("train", values)
        values.update(overrides if isinstance(overrides, dict) else parse_overrides(overrides or []))
        return _build(cls, values, str(path or "overrides"))

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """`key=value` strings (values read as TOML) as a dict."""
    values = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep:
            raise ValueError(f"override {item!r} is not key=value")
        values[key.strip()] = parse_value(raw.strip())
    return values


def parse_value(raw: str) -> Any:
    """A CLI override value read as TOML (numbers, booleans, lists, quoted strings), else a bare string."""
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def _build(cls: type, values: dict[str, Any], where: str) -> Any:
    """An instance of a config dataclass from plain values, with one clear error per wrong key or type."""
    known = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"{where}: unknown config key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} (known: {', '.join(known)})")
    for name, value in values.items():
        expected = known[name].type
        if expected in ("int", "float") and isinstance(value, bool) or expected == "int" and not isinstance(value, int):
            raise ValueError(f"{where}: {name} must be an integer, not {value!r}")
        if expected == "float" and not isinstance(value, (int, float)):
            raise ValueError(f"{where}: {name} must be a number, not {value!r}")
        if expected == "bool" and not isinstance(value, bool):
            raise ValueError(f"{where}: {name} must be true or false, not {value!r}")
    return cls(**values)
