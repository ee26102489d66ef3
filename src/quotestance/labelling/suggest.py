"""What to label next: statements the model is unsure of, spread over what it has seen (not near-duplicates).

Uncertainty is the margin between the two most probable labels of the calibrated probabilities;
diversity is farthest-first (k-center) selection on the model's sentence embeddings, weighted by
uncertainty, over a pool of the most uncertain candidates. Texts already in the corpus are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..baselines import mean_pooled_embeddings
from ..corpus import load_corpus
from ..records import model_view
from ..stance import ModelInfo, check_model_folder

POOL_FACTOR = 5  # diversity is chosen among the POOL_FACTOR * n most uncertain candidates


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def margin_uncertainty(probs: np.ndarray) -> np.ndarray:
    """1 - (p_first - p_second): 1 when the two best labels tie, 0 when the model is certain."""
    top = np.sort(np.asarray(probs, dtype=float), axis=1)
    return 1.0 - (top[:, -1] - (top[:, -2] if top.shape[1] > 1 else 0.0))


def uncertain_pool(uncertainty: np.ndarray, n: int, pool_factor: int = POOL_FACTOR) -> np.ndarray:
    """Indices of the pool_factor * n most uncertain items, most uncertain first: where diversity chooses from."""
    return np.argsort(-uncertainty, kind="stable")[: max(n, pool_factor * n)]


def select(uncertainty: np.ndarray, embeddings: np.ndarray | None, n: int, pool_factor: int = POOL_FACTOR) -> list[int]:
    """Indices of n items: the most uncertain first, then farthest-first by (distance to the chosen) x uncertainty.

    Without embeddings this is plain uncertainty sampling. Only the rows of `uncertain_pool` are read from `embeddings`."""
    if embeddings is None or n >= len(uncertainty):
        return uncertain_pool(uncertainty, n, 1).tolist()
    pool = uncertain_pool(uncertainty, n, pool_factor)
    e = np.asarray(embeddings, dtype=float)[pool]
    e = e / np.clip(np.linalg.norm(e, axis=1, keepdims=True), 1e-12, None)
    u = uncertainty[pool]
    chosen = [0]
    dist = 1.0 - e @ e[0]
    for _ in range(n - 1):
        score = np.clip(dist, 0.0, None) * u
        score[chosen] = -1.0
        k = int(np.argmax(score))
        chosen.append(k)
        dist = np.minimum(dist, 1.0 - e @ e[k])
    return pool[chosen].tolist()


def _probs(row: dict[str, Any], labels: Sequence[str]) -> list[float] | None:
    probs = model_view(row).get("probs")
    if not isinstance(probs, dict) or not all(lab in probs for lab in labels):
        return None
    return [float(probs[lab]) for lab in labels]


def suggest(
    rows: Iterable[dict[str, Any]],
    n: int,
    model: str | Path,
    *,
    text_field: str = "text",
    corpus: Sequence[str | Path] = ("data/quotes",),
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> list[dict[str, Any]]:
    """The n statements most worth labelling from a predict/classify output, each with its uncertainty.

    `model` (a model folder) gives the label order and the sentence embeddings; rows without probabilities
    for its labels, and texts already in `corpus`, are left out."""
    info = check_model_folder(model)
    labels = info.labels
    seen = {_key(r["text"]) for r in load_corpus(list(corpus))} if corpus else set()
    candidates, probs, keys = [], [], set()
    for r in rows:
        text = r.get(text_field)
        p = _probs(r, labels)
        if not isinstance(text, str) or p is None or _key(text) in seen or _key(text) in keys:
            continue  # unlabelled by this model, already in the corpus, or a repeat of a candidate
        keys.add(_key(text))
        candidates.append(r)
        probs.append(p)
    if not candidates:
        return []
    uncertainty = margin_uncertainty(np.array(probs))
    embed = embed or (lambda texts: mean_pooled_embeddings(str(model), texts, max_length=info.max_length))
    pool = uncertain_pool(uncertainty, n)  # only these are embedded: select reads no other row
    embeddings = np.zeros((len(candidates), 1))
    if n < len(candidates):
        vectors = embed([candidates[i][text_field] for i in pool])
        embeddings = np.zeros((len(candidates), vectors.shape[1]))
        embeddings[pool] = vectors
    picked = select(uncertainty, embeddings if n < len(candidates) else None, n)
    return [{**candidates[i], "uncertainty": round(float(uncertainty[i]), 4)} for i in picked]


def model_name(model: str | Path) -> str:
    return ModelInfo.read(model).model_name(model)
