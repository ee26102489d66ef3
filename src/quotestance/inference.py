"""`StanceClassifier`: load a model folder safely and predict calibrated stance probabilities fast.

Fast on CPU because batches are sorted by length (little padding), run under `torch.inference_mode`,
and tokenised once per batch. A GPU is used when present, with bf16 where the card supports it.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .labels import stance_score

PICKLE_WEIGHTS = ("pytorch_model.bin", "tf_model.h5", "model.ckpt.index", "flax_model.msgpack")


def check_model_folder(folder: str | Path) -> dict[str, Any]:
    """Refuse a folder that is incomplete, pickled, or whose labels disagree; returns quotestance.json (or {})."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: model folder not found (train one with `quotestance train`, or pass --model)")
    if not (folder / "model.safetensors").exists():
        pickled = [p for p in PICKLE_WEIGHTS if (folder / p).exists()]
        if pickled:
            raise ValueError(f"{folder}: weights are a pickle ({pickled[0]}); only safetensors are loaded. "
                             "Convert them with safetensors where you trust the file.")
        raise FileNotFoundError(f"{folder}: model.safetensors is missing")
    if not (folder / "config.json").exists():
        raise FileNotFoundError(f"{folder}: config.json is missing")
    if not any((folder / f).exists() for f in ("tokenizer.json", "vocab.txt", "tokenizer_config.json")):
        raise FileNotFoundError(f"{folder}: tokenizer files are missing")
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    info = json.loads((folder / "quotestance.json").read_text(encoding="utf-8")) if (folder / "quotestance.json").exists() else {}
    id2label = {int(k): v for k, v in (config.get("id2label") or {}).items()}
    if info.get("labels") and [id2label.get(i) for i in range(len(info["labels"]))] != info["labels"]:
        raise ValueError(f"{folder}: labels in quotestance.json {info['labels']} do not match config.json id2label {id2label}")
    return info


def model_labels(folder: Path, info: dict[str, Any]) -> list[str]:
    """The label of each output id: from quotestance.json, else from config.json's id2label."""
    if info.get("labels"):
        return list(info["labels"])
    id2label = json.loads((folder / "config.json").read_text(encoding="utf-8"))["id2label"]
    return [id2label[str(i)] for i in range(len(id2label))]


def model_name(folder: Path, info: dict[str, Any], backend: str = "") -> str:
    """What output rows record as `model`: folder name, project version, corpus fingerprint (and backend)."""
    name = f"{folder.name}@{info.get('quotestance_version', '?')}:{info.get('corpus_fingerprint', '?')[:8]}"
    return f"{name}:{backend}" if backend else name


class StanceClassifier:
    """Predict the stance of quotes with a fine-tuned model folder.

    >>> clf = StanceClassifier.from_pretrained("models/default")
    >>> clf.predict("We are ready to talk.")  # {'label': 'conciliatory', 'confidence': 0.97, ...}
    """

    def __init__(self, model, tokenizer, labels: Sequence[str], temperature: float = 1.0, name: str = "",  # noqa: ANN001
                 batch_size: int = 32, max_length: int = 128, device: str | None = None) -> None:
        self.model, self.tokenizer = model, tokenizer
        self.labels = list(labels)
        self.temperature = float(temperature)
        self.name, self.batch_size, self.max_length = name, batch_size, max_length
        self.device = device or "cpu"

    @classmethod
    def from_pretrained(cls, folder: str | Path, device: str | None = None, batch_size: int = 32,
                        backend: str = "torch") -> "StanceClassifier":
        folder = Path(folder)
        info = check_model_folder(folder)
        if backend == "onnx":
            from .onnx_backend import OnnxStanceClassifier

            return OnnxStanceClassifier.from_pretrained(folder, batch_size=batch_size)
        if backend != "torch":
            raise ValueError(f"unknown backend {backend!r} (torch or onnx)")
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        dtype = torch.bfloat16 if device.startswith("cuda") and torch.cuda.is_bf16_supported() else torch.float32
        model = AutoModelForSequenceClassification.from_pretrained(folder, use_safetensors=True, dtype=dtype, local_files_only=True)
        model = model.to(device).eval()
        tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        return cls(model, tokenizer, model_labels(folder, info), info.get("temperature", 1.0), model_name(folder, info),
                   batch_size, info.get("max_length", 128), device)

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """Raw logits, in input order; batches are formed over length-sorted texts (little padding)."""
        texts = list(texts)
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for lo in range(0, len(order), self.batch_size):
            idx = order[lo : lo + self.batch_size]
            out[idx] = self._forward([texts[i] for i in idx])
        return out

    def _forward(self, batch: list[str]) -> np.ndarray:
        """Logits of one batch; the ONNX backend overrides this alone."""
        import torch

        enc = self.tokenizer(batch, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt").to(self.device)
        with torch.inference_mode():
            return self.model(**enc).logits.float().cpu().numpy()

    def predict_proba(self, texts: str | Sequence[str]) -> np.ndarray:
        """Calibrated probabilities (softmax of logits / stored temperature); one row per text."""
        from .metrics import softmax

        single = isinstance(texts, str)
        probs = softmax(self.logits([texts] if single else texts), self.temperature) if (single or len(texts)) else np.zeros((0, len(self.labels)))
        return probs[0] if single else probs

    def predict(self, texts: str | Sequence[str]) -> dict[str, Any] | list[dict[str, Any]]:
        """label, confidence, probs and score for each text (a dict for a single string)."""
        single = isinstance(texts, str)
        probs = self.predict_proba([texts] if single else texts)
        results = [self._result(p) for p in np.atleast_2d(probs)] if len(probs) else []
        return results[0] if single else results

    def _result(self, p: np.ndarray) -> dict[str, Any]:
        probs = {lab: float(v) for lab, v in zip(self.labels, p)}
        k = int(np.argmax(p))
        return {"label": self.labels[k], "confidence": float(p[k]), "probs": probs, "score": stance_score(probs)}
