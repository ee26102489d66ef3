"""The rows a training run learns from: the corpus's stored splits, plus extra sets in train only."""

from __future__ import annotations

import random
from typing import Any

from ..corpus import import_rows, load_corpus
from ..corpus.importers import hash_split
from ..labels import label_set
from .config import TrainConfig


def load_splits(cfg: TrainConfig) -> dict[str, list[dict[str, Any]]]:
    """train / validation / test rows for the config's label set; extra data joins train only."""
    labels = set(label_set(cfg.label_set))
    rows = [r for r in load_corpus(cfg.data) if r["label"] in labels]
    splits = {s: [r for r in rows if r["split"] == s] for s in ("train", "validation", "test")}
    rng = random.Random(cfg.seed)
    for extra in cfg.extra_data:
        try:
            found = (
                load_corpus(extra.path) if extra.format == "corpus" else list(import_rows(extra.format, extra.path, neutral=extra.neutral))
            )
        except ValueError as e:
            raise ValueError(f"extra_data {extra.path}: {e}") from None
        found = [r for r in found if r["label"] in labels and (extra.hash_half is None or hash_split(r["text"]) == extra.hash_half)]
        whole, part = divmod(extra.weight, 1.0)  # weight 2.5: every row twice, plus half of them once more
        splits["train"] += found * int(whole) + rng.sample(found, int(round(part * len(found))))
    for name, part in splits.items():
        if not part:
            raise ValueError(f"the {name} split is empty for label set {cfg.label_set!r} in {', '.join(cfg.data)}")
        missing = labels - {r["label"] for r in part}
        if name == "train" and missing:
            raise ValueError(f"the train split has no rows labelled {', '.join(sorted(missing))}")
    return splits
