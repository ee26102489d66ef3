"""Training configuration: a dataclass loaded from TOML, with `key=value` overrides from the CLI."""
from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .labels import LABEL_SETS

BASELINES = ("majority", "tfidf_logreg", "embedding_logreg")


@dataclass
class ExtraData:
    """A public or user set mixed into the training split (never into validation or test)."""

    path: str
    format: str = "table"  # keep_it_local | cameo | table | label_studio | corpus
    weight: float = 1.0  # fraction of its rows sampled (>1 repeats rows)
    neutral: bool = False  # also map the importer's no-stance code to neutral


@dataclass
class TrainConfig:
    """Everything a training run depends on; stored in the model folder's quotestance.json."""

    base_model: str = "default"
    label_set: str = "binary"
    data: list[str] = field(default_factory=lambda: ["data/quotes"])
    extra_data: list[ExtraData] = field(default_factory=list)
    output: str = "models/default"
    max_length: int = 64
    batch_size: int = 16
    group_by_length: bool = False  # batches of similar length: ~2x faster on CPU, but lower F1 for MiniLM here
    eval_batch_size: int = 64
    learning_rate: float = 5e-5
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    epochs: float = 4.0
    max_steps: int = -1
    early_stopping_patience: int = 2
    class_weights: str = "auto"  # auto | on | off: auto weights the loss when one class is 1.5x another
    seed: int = 42
    baselines: list[str] = field(default_factory=lambda: list(BASELINES))
    bootstrap: int = 1000
    logging_steps: int = 10
    keep_checkpoints: bool = False

    def __post_init__(self) -> None:
        if self.label_set not in LABEL_SETS:
            raise ValueError(f"label_set must be one of {sorted(LABEL_SETS)}, not {self.label_set!r}")
        if self.class_weights not in {"auto", "on", "off"}:
            raise ValueError(f"class_weights must be auto, on or off, not {self.class_weights!r}")
        for name in ("data", "baselines"):
            value = getattr(self, name)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{name} must be a list of strings, e.g. {name}=[\"{value}\"], not {value!r}")
        unknown = sorted(set(self.baselines) - set(BASELINES))
        if unknown:
            raise ValueError(f"unknown baseline {', '.join(unknown)} (known: {', '.join(BASELINES)})")
        if not isinstance(self.extra_data, list):
            raise ValueError(f"extra_data must be a list of tables, not {self.extra_data!r}")
        self.extra_data = [e if isinstance(e, ExtraData) else _build(ExtraData, e, "extra_data") for e in self.extra_data]

    @classmethod
    def load(cls, path: str | Path | None = None, overrides: list[str] | dict[str, Any] | None = None) -> "TrainConfig":
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
        if isinstance(overrides, dict):
            values.update(overrides)
        else:
            for item in overrides or []:
                key, sep, raw = item.partition("=")
                if not sep:
                    raise ValueError(f"override {item!r} is not key=value")
                values[key.strip()] = parse_value(raw.strip())
        return _build(cls, values, str(path or "overrides"))

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def parse_value(raw: str) -> Any:
    """A CLI override value read as TOML (numbers, booleans, lists, quoted strings), else a bare string."""
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def _build(cls: type, values: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"{where}: unknown config key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} "
                         f"(known: {', '.join(known)})")
    for name, value in values.items():
        expected = known[name].type
        if expected in ("int", "float") and isinstance(value, bool) or expected == "int" and not isinstance(value, int):
            raise ValueError(f"{where}: {name} must be an integer, not {value!r}")
        if expected == "float" and not isinstance(value, (int, float)):
            raise ValueError(f"{where}: {name} must be a number, not {value!r}")
        if expected == "bool" and not isinstance(value, bool):
            raise ValueError(f"{where}: {name} must be true or false, not {value!r}")
    return cls(**values)
