"""Distillation: a big teacher's soft labels, stored in the repository, teach the small default model.

The teacher (the `mpnet` recipe) is trained once, on a machine that can afford it; `make_soft_labels`
writes its calibrated probabilities for the corpus's train rows and for a pool of unlabelled statements
this project owns into one small JSON file with fingerprints of teacher, corpus and pool. Training a
student then needs only that file, so `make demo` never trains the teacher, and the default stays the
same model on every machine. Validation and test rows never get soft labels: the student sees them
exactly as before.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..corpus import load_corpus
from ..io import write_text

FORMAT = "quotestance-soft-labels/1"


def text_key(text: str) -> str:
    """A short hash of a text: soft labels follow the words, so an edited row never keeps a stale label."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def pool_files(path: str | Path) -> list[Path]:
    """The pool's files: one JSONL file, or every `*.jsonl` in a folder in name order (parts stay under 2 MB)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise FileNotFoundError(f"{path}: no *.jsonl pool files in this folder")
        return files
    if not path.exists():
        raise FileNotFoundError(f"{path}: pool not found")
    return [path]


def pool_fingerprint(path: str | Path) -> str:
    """A hash of the pool's bytes in reading order: a soft-label file names the exact pool it labelled."""
    h = hashlib.sha256()
    for f in pool_files(path):
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def read_pool(path: str | Path) -> list[dict[str, Any]]:
    """The unlabelled pool (a JSONL file or a folder of them): rows with at least `id` and `text`; a bad
    line is an error naming its file and line, and an id may appear once in the whole pool."""
    rows, seen = [], set()
    for file in pool_files(path):
        with open(file, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    raise ValueError(f"{file}:{n}: not JSON ({e.msg})") from None
                if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip() or "id" not in row:
                    raise ValueError(f"{file}:{n}: a pool row needs an id and a non-empty text")
                if row["id"] in seen:
                    raise ValueError(f"{file}:{n}: duplicate id {row['id']!r}")
                seen.add(row["id"])
                rows.append(row)
    return rows


@dataclass
class SoftLabels:
    """Teacher probabilities by text hash, with the label order and the fingerprints they were made from."""

    labels: list[str]
    probs: dict[str, list[float]]
    pool: str | None
    meta: dict[str, Any]

    @classmethod
    def read(cls, path: str | Path) -> SoftLabels:
        try:
            doc = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(f"{path}: soft-label file not found (make it with `quotestance data soft-labels`)") from None
        if doc.get("format") != FORMAT:
            raise ValueError(f"{path}: not a soft-label file ({FORMAT})")
        probs = {k: v for k, v in doc["rows"]}
        return cls(doc["labels"], probs, doc.get("pool"), {k: v for k, v in doc.items() if k not in ("rows",)})

    def pool_rows(self, limit: int = -1) -> list[dict[str, Any]]:
        """The first `limit` rows of the pool (all when -1) as unlabelled training rows."""
        if not self.pool or limit == 0:
            return []
        rows = read_pool(self.pool)
        return [{"text": r["text"], "label": None} for r in (rows if limit < 0 else rows[:limit])]

    def for_texts(self, texts: list[str], labels: tuple[str, ...]) -> np.ndarray:
        """A (n, len(labels)) array in `labels` order, NaN rows where a text has no soft label."""
        order = [self.labels.index(lab) for lab in labels]
        out = np.full((len(texts), len(labels)), np.nan, dtype=np.float32)
        for i, t in enumerate(texts):
            p = self.probs.get(text_key(t))
            if p is not None:
                out[i] = np.asarray(p, dtype=np.float32)[order]
        return out


def make_soft_labels(
    teacher: str | Path, data: list[str], pool: str | Path | None, output: str | Path, batch_size: int = 64
) -> dict[str, Any]:
    """Label the corpus's train rows and the pool with the teacher (GPU when present); write `output` atomically."""
    from ..corpus import corpus_fingerprint
    from ..stance import StanceClassifier

    clf = StanceClassifier.from_pretrained(teacher, batch_size=batch_size)
    train_texts = [r["text"] for r in load_corpus(data) if r["split"] == "train"]
    pool_rows = read_pool(pool) if pool else []
    texts = list(dict.fromkeys(train_texts + [r["text"] for r in pool_rows]))
    from tqdm.auto import tqdm

    probs = (
        np.concatenate([clf.predict_proba(texts[lo : lo + 512]) for lo in tqdm(range(0, len(texts), 512), desc="teacher", unit="batch")])
        if texts
        else np.zeros((0, len(clf.labels)))
    )
    teacher_weights = next(Path(teacher).glob("*.safetensors"), None)
    doc = {
        "format": FORMAT,
        "teacher": clf.name,
        "teacher_fingerprint": hashlib.sha256(teacher_weights.read_bytes()).hexdigest()[:16] if teacher_weights else "?",
        "corpus": data,
        "corpus_fingerprint": corpus_fingerprint(data),
        "pool": str(pool) if pool else None,
        "pool_fingerprint": pool_fingerprint(pool) if pool else None,
        "labels": clf.labels,
        "n_train_rows": len(set(train_texts)),
        "n_pool_rows": len(pool_rows),
        "rows": [[text_key(t), [round(float(v), 4) for v in p]] for t, p in zip(texts, probs)],
    }
    body = json.dumps({k: v for k, v in doc.items() if k != "rows"}, indent=1)[:-2]
    rows = ",\n".join(json.dumps(r) for r in doc["rows"])
    write_text(output, body + ',\n "rows": [\n' + rows + "\n ]\n}\n")
    return {k: v for k, v in doc.items() if k != "rows"}


def distil_loss(alpha: float, temperature: float, weights: list[float] | None, smoothing: float = 0.0) -> Any:
    """A per-row loss for soft targets, averaged over the batch: alpha·T²·KL(teacher‖student at T) +
    (1−alpha)·CE for a row with both; KL alone for a pool row (label −100); CE alone for a row
    without a soft label (NaN). `smoothing` is the CE's label smoothing."""
    import torch
    import torch.nn.functional as F

    weight_t = torch.tensor(weights, dtype=torch.float32) if weights else None

    def loss_fn(logits: torch.Tensor, labels: torch.Tensor, soft: torch.Tensor | None, rows: torch.Tensor | None = None) -> torch.Tensor:
        logits = logits.float()
        has_gold = labels >= 0
        w = None if weight_t is None else weight_t.to(logits.device)
        ce = F.cross_entropy(logits, labels.clamp_min(0), weight=w, reduction="none", label_smoothing=smoothing) * has_gold
        row_w = torch.ones_like(ce) if rows is None else rows.float()  # hard rows may weigh more (`hard_weight`)
        if soft is None:
            return (ce * row_w).sum() / has_gold.sum().clamp_min(1)
        has_soft = ~torch.isnan(soft).any(-1)
        target = torch.where(has_soft[:, None], soft, torch.full_like(soft, 1.0 / soft.shape[-1]))
        target = (target.clamp_min(1e-4).log() / temperature).softmax(-1)
        student = (logits / temperature).log_softmax(-1)
        kl = (target * (target.log() - student)).sum(-1) * temperature**2 * has_soft
        a = torch.where(has_gold, torch.full_like(kl, alpha), torch.ones_like(kl)) * has_soft
        per_row = (a * kl + (1 - a) * ce) * row_w
        return per_row.sum() / (has_gold | has_soft).sum().clamp_min(1)

    return loss_fn
