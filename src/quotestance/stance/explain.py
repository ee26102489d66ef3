"""Evidence for a label: which words drove it, by occlusion (leave one word out) on the model's own backend.

Occlusion needs only forward passes, so it works on every backend (torch and ONNX int8 alike), and it is
faithful by construction: a word's weight is how much the predicted label's calibrated probability falls
when that word is removed. Subword pieces are never split, since whole words are removed. All variants of
a batch of statements are scored together in length-sorted batches, so the cost is about
(words + 1) forward passes per statement at full batch efficiency. Measured against gradient methods in
benchmarks/explain.py (docs/ARCHITECTURE.md, "Evidence").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from ..labels import BINARY
from ..metrics import softmax


class Scorer(Protocol):
    """What occlusion needs of a classifier (`StanceClassifier` is one)."""

    labels: list[str]
    temperature: float

    def logits(self, texts: Sequence[str]) -> np.ndarray: ...


WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")


def words_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word: the units evidence is given for."""
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def without(text: str, span: tuple[int, int]) -> str:
    """The text with one word removed (and the space after it)."""
    a, b = span
    return text[:a] + text[b:].lstrip(" ") if a == 0 else text[:a].rstrip(" ") + text[b:]


def occlusion(clf: Scorer, texts: Sequence[str], top_k: int = 5, full: np.ndarray | None = None) -> list[list[dict[str, Any]]]:
    """For each text, the top_k words by |weight|: weight = P(predicted label) - P(predicted label | word removed).

    Positive weights speak for the predicted label, negative ones against it. `full`, the texts' own calibrated
    probabilities, is passed by a caller that has them already (`StanceClassifier.predict(..., explain=True)`)."""
    limit = getattr(getattr(clf, "backend", None), "max_length", None)  # each word is a token or more: later ones are cut off
    spans = [words_of(t)[:limit] for t in texts]
    variants = [without(t, w) for t, ws in zip(texts, spans) for w in ws]
    if full is None:
        full = softmax(clf.logits(texts), clf.temperature) if texts else np.zeros((0, len(clf.labels)))
    probs = softmax(clf.logits(variants), clf.temperature) if variants else np.zeros((0, len(clf.labels)))
    out, k = [], 0
    shown = [clf.labels.index(x) for x in BINARY] if getattr(clf, "binary_view", False) else list(range(len(clf.labels)))
    for i, (t, ws) in enumerate(zip(texts, spans)):
        label = max(shown, key=lambda j: full[i, j])  # the label shown (a binary view of a three-class model: of two)
        drop = full[i, label] - probs[k : k + len(ws), label]
        k += len(ws)
        order = np.argsort(-np.abs(drop), kind="stable")[:top_k]
        out.append([{"word": t[ws[j][0] : ws[j][1]], "weight": round(float(drop[j]), 4)} for j in order])
    return out
