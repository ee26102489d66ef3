"""`StanceClassifier`: load a model folder safely and predict calibrated stance probabilities fast.

Fast on CPU because batches are sorted by length (little padding) and tokenised once per batch; the
forward pass is the backend's (`backends`: torch, or ONNX Runtime with int8 weights).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..labels import CONCILIATORY, HOSTILE, NEUTRAL, stance_score
from ..metrics import softmax
from .backends import BACKENDS, Backend
from .explain import occlusion
from .model_folder import check_model_folder


class StanceClassifier:
    """Predict the stance of statements with a fine-tuned model folder.

    >>> clf = StanceClassifier.from_pretrained("models/default")
    >>> clf.predict("We are ready to talk.")  # {'label': 'conciliatory', 'confidence': 0.97, ...}
    """

    def __init__(
        self,
        backend: Backend,
        labels: Sequence[str],
        temperature: float = 1.0,
        name: str = "",
        batch_size: int = 32,
        view: str | None = None,
    ) -> None:
        self.backend = backend
        self.labels = list(labels)
        self.temperature = float(temperature)
        self.batch_size = batch_size
        if view not in (None, "binary", "three_class"):
            raise ValueError(f"unknown label view {view!r}: binary or three_class")
        if view == "three_class" and NEUTRAL not in self.labels:
            raise ValueError(f"{name or 'this model'} is binary: it has no neutral class to show (use --labels binary)")
        # a binary view of a three-class model: the label is the likelier of conciliatory and hostile; probs keep all three
        self.binary_view = view == "binary" and NEUTRAL in self.labels
        self.name = f"{name}[binary view]" if self.binary_view else name

    @property
    def device(self) -> str:
        return self.backend.device

    @classmethod
    def from_pretrained(
        cls, folder: str | Path, device: str | None = None, batch_size: int = 32, backend: str = "torch", view: str | None = None
    ) -> StanceClassifier:
        """Load a model folder (safetensors only) with the named backend: "torch" (default) or "onnx". `view`
        "binary" labels a three-class model's statements conciliatory or hostile only (argmax of the two)."""
        if backend not in BACKENDS:
            raise ValueError(f"unknown backend {backend!r} ({' or '.join(BACKENDS)})")
        folder = Path(folder)
        info = check_model_folder(folder)
        engine = BACKENDS[backend](folder, info.max_length, device)
        return cls(engine, info.labels, info.temperature, info.model_name(folder, engine.name), batch_size, view)

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """Raw logits, in input order; batches are formed over length-sorted texts (little padding)."""
        texts = list(texts)
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for lo in range(0, len(order), self.batch_size):
            idx = order[lo : lo + self.batch_size]
            out[idx] = self.backend.logits([texts[i] for i in idx])
        return out

    def predict_proba(self, texts: str | Sequence[str]) -> np.ndarray:
        """Calibrated probabilities (softmax of logits / stored temperature); one row per text."""
        single = isinstance(texts, str)
        probs = (
            softmax(self.logits([texts] if single else texts), self.temperature)
            if (single or len(texts))
            else np.zeros((0, len(self.labels)))
        )
        return probs[0] if single else probs

    def predict(self, texts: str | Sequence[str], explain: bool = False) -> dict[str, Any] | list[dict[str, Any]]:
        """label, confidence, probs and score for each text (a dict for a single string); with `explain`, also
        `evidence`, the words that drove the label (`explain`), without classifying the texts a second time."""
        single = isinstance(texts, str)
        batch = [texts] if single else list(texts)
        probs = self.predict_proba(batch)
        results = [self._result(p) for p in np.atleast_2d(probs)] if len(probs) else []
        if explain and results:
            for result, evidence in zip(results, occlusion(self, batch, full=probs)):
                result["evidence"] = evidence
        return results[0] if single else results

    def explain(self, texts: str | Sequence[str], top_k: int = 5) -> list[dict[str, Any]] | list[list[dict[str, Any]]]:
        """The words that drove each label: [{"word", "weight"}] by occlusion, weight > 0 for the predicted label.

        >>> clf.explain("They will pay a heavy price.")  # [{'word': 'price', 'weight': 0.41}, ...]"""
        single = isinstance(texts, str)
        evidence = occlusion(self, [texts] if single else list(texts), top_k)
        return evidence[0] if single else evidence

    def _result(self, p: np.ndarray) -> dict[str, Any]:
        probs = {lab: float(v) for lab, v in zip(self.labels, p)}
        if self.binary_view:
            label = HOSTILE if probs[HOSTILE] > probs[CONCILIATORY] else CONCILIATORY
            confidence = probs[label] / max(probs[HOSTILE] + probs[CONCILIATORY], 1e-12)
            return {"label": label, "confidence": confidence, "probs": probs, "score": stance_score(probs)}
        k = int(np.argmax(p))
        return {"label": self.labels[k], "confidence": float(p[k]), "probs": probs, "score": stance_score(probs)}
