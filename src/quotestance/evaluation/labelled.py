"""Labelled rows to score a model on: the corpus test split, any table, or a public set through its importer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..corpus import IMPORTERS, import_rows, load_corpus
from ..io import iter_records

DATA_FORMATS = tuple(IMPORTERS)  # "table" reads .jsonl/.csv/.parquet with named fields; the others go through their importer


def load_labelled(
    paths: Sequence[str | Path] | None,
    labels: Sequence[str],
    *,
    text_field: str = "text",
    label_field: str = "label",
    neutral: str = "drop",
    data_format: str = "table",
) -> list[dict[str, Any]]:
    """Rows with text and label; the default is the corpus test split. Neutral rows vs a binary model: "drop" or "error".

    `data_format` other than "table" reads each file through that importer (keep_it_local, cameo, label_studio)."""
    if data_format != "table":
        rows = [r for p in paths or [] for r in import_rows(data_format, p, neutral="neutral" in labels)]
    elif not paths:
        rows = [r for r in load_corpus("data/quotes") if r["split"] == "test"]
    else:
        rows = []
        for p in paths:
            if Path(p).is_dir():  # a corpus folder: its test split
                rows += [r for r in load_corpus(p) if r["split"] == "test"]
                continue
            for n, r in enumerate(iter_records(p), 1):
                if text_field not in r or label_field not in r:
                    raise ValueError(f"{p}: record {n} lacks {text_field!r} or {label_field!r}")
                rows.append({**r, "text": r[text_field], "label": r[label_field], "_where": f"{p}:{n}"})
    out = []
    for r in rows:
        if r["label"] in labels:
            out.append(r)
        elif r["label"] == "neutral" and neutral == "drop":
            continue
        else:
            raise ValueError(
                f"{r.get('_where', '?')}: label {r['label']!r} is not one of the model's labels {list(labels)}"
                + (" (pass --neutral drop to leave neutral rows out)" if r["label"] == "neutral" else "")
            )
    if not out:
        raise ValueError("no rows to evaluate")
    return out
