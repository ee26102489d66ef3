"""The model folder contract: what `train` writes and `StanceClassifier` reads (docs/ARCHITECTURE.md).

A model folder holds `model.safetensors`, `config.json`, tokenizer files, `quotestance.json` (a
`ModelInfo`), `README.md` (the model card), `training_log.jsonl` and `eval/`; optionally `onnx/`.
Folders written by earlier versions load: every `ModelInfo` field has a default, and keys this version
does not know are kept in `extra` and written back unchanged.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..io import write_text

INFO_FILE = "quotestance.json"
PICKLE_WEIGHTS = ("pytorch_model.bin", "tf_model.h5", "model.ckpt.index", "flax_model.msgpack")


@dataclass
class ModelInfo:
    """quotestance.json: how a model was made, how to read its outputs, and how well it did."""

    quotestance_version: str = "?"
    name: str = ""
    base_model: str | None = None  # as configured ("default", a folder, an id)
    base_model_path: str | None = None  # where it was found
    labels: list[str] = field(default_factory=list)  # label of each output id; empty: config.json's id2label
    label_set: str | None = None
    temperature: float = 1.0  # calibration: softmax(logits / temperature)
    max_length: int = 128  # tokens per statement at inference
    train_config: dict[str, Any] = field(default_factory=dict)  # the TrainConfig, as a dict
    corpus_fingerprint: str = "?"
    split_sizes: dict[str, int] = field(default_factory=dict)
    train_seconds: float | None = None
    metrics: dict[str, Any] = field(default_factory=dict)  # test, test_ci95, ece_before, ece_after
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)
    created: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # keys of other versions, kept as they are

    @classmethod
    def read(cls, folder: str | Path) -> ModelInfo:
        """The folder's quotestance.json, or defaults when it has none (a plain transformers folder)."""
        path = Path(folder) / INFO_FILE
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}: not valid JSON: {e}") from None
        known = {f.name for f in dataclasses.fields(cls)} - {"extra"}
        return cls(**{k: v for k, v in data.items() if k in known}, extra={k: v for k, v in data.items() if k not in known})

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "extra"}
        return {**data, **self.extra}

    def write(self, folder: str | Path) -> Path:
        path = Path(folder) / INFO_FILE
        write_text(path, json.dumps(self.to_dict(), indent=2, default=str) + "\n")
        return path

    def model_name(self, folder: str | Path, backend: str = "") -> str:
        """What output rows record as `model`: folder name, project version, corpus fingerprint (and backend)."""
        name = f"{Path(folder).name}@{self.quotestance_version}:{self.corpus_fingerprint[:8]}"
        return f"{name}:{backend}" if backend else name


def check_model_folder(folder: str | Path) -> ModelInfo:
    """Refuse a folder that is incomplete, pickled, or whose labels disagree; returns its ModelInfo."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: model folder not found (train one with `quotestance train`, or pass --model)")
    if not (folder / "model.safetensors").exists():
        pickled = [p for p in PICKLE_WEIGHTS if (folder / p).exists()]
        if pickled:
            raise ValueError(
                f"{folder}: weights are a pickle ({pickled[0]}); only safetensors are loaded. "
                "Convert them with safetensors where you trust the file."
            )
        raise FileNotFoundError(f"{folder}: model.safetensors is missing")
    if not (folder / "config.json").exists():
        raise FileNotFoundError(f"{folder}: config.json is missing")
    if not any((folder / f).exists() for f in ("tokenizer.json", "vocab.txt", "tokenizer_config.json")):
        raise FileNotFoundError(f"{folder}: tokenizer files are missing")
    info = ModelInfo.read(folder)
    id2label = _id2label(folder)
    if info.labels and [id2label.get(i) for i in range(len(info.labels))] != info.labels:
        raise ValueError(f"{folder}: labels in {INFO_FILE} {info.labels} do not match config.json id2label {id2label}")
    if not info.labels:
        info.labels = [id2label[i] for i in range(len(id2label))]
    return info


def _id2label(folder: Path) -> dict[int, str]:
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    return {int(k): v for k, v in (config.get("id2label") or {}).items()}
