"""Turning public sets and other tools' exports into corpus rows (`records.CorpusRow`).

Label mappings (the CAMEO QuadClass / PentaClass codes name the *event* a sentence reports; the
closest stance is taken, and the weaker cooperation/conflict codes are left out unless asked for):
- Keep it Local UN (QuadClass, key checked against the upstream per-class files):
  4 verbal cooperation -> conciliatory, 3 verbal conflict -> hostile, 0 irrelevant -> neutral
  (with `neutral=True`); 1 material conflict and 2 material cooperation are dropped
  (`material=True` maps them to hostile / conciliatory).
- CAMEO news sentences (PentaClass): 1 verbal cooperation -> conciliatory, 3 verbal conflict ->
  hostile, 0 make a statement -> neutral (with `neutral=True`); 2 and 4 (material) as above.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .label_studio import read_export

KEEP_IT_LOCAL = {4: "conciliatory", 3: "hostile"}
KEEP_IT_LOCAL_MATERIAL = {2: "conciliatory", 1: "hostile"}
CAMEO = {1: "conciliatory", 3: "hostile"}
CAMEO_MATERIAL = {2: "conciliatory", 4: "hostile"}


def _row(prefix: str, n: int, text: str, label: str, source: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"{prefix}-{n:05d}",
        "text": " ".join(text.split()),
        "label": label,
        "speaker": extra.get("speaker"),
        "country": extra.get("country"),
        "target": extra.get("target"),
        "topic": extra.get("topic"),
        "phenomena": [],
        "group": f"{prefix}-{n:05d}",
        "source": source,
    }


def hash_split(text: str, test_share: int = 5) -> str:
    """A fixed train/test split of an outside set by a hash of its text: "test" for 1 row in `test_share`.

    The same on every machine and for every run, so that a recipe can train on one part and a
    benchmark score the other (the CAMEO hash split)."""
    import hashlib

    digest = hashlib.sha1(" ".join(text.split()).encode("utf-8")).digest()
    return "test" if int.from_bytes(digest[:4], "big") % test_share == 0 else "train"


def _mapping(base: dict[int, str], material: dict[int, str], neutral_code: int, neutral: bool, with_material: bool) -> dict[int, str]:
    m = dict(base)
    if with_material:
        m.update(material)
    if neutral:
        m[neutral_code] = "neutral"
    return m


def import_keep_it_local(path: str | Path, neutral: bool = False, material: bool = False) -> Iterator[dict[str, Any]]:
    """Rows from the Keep it Local UN TSV (header `en<TAB>QuadClass`)."""
    mapping = _mapping(KEEP_IT_LOCAL, KEEP_IT_LOCAL_MATERIAL, 0, neutral, material)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or [h.strip() for h in header[:2]] != ["en", "QuadClass"]:
            raise ValueError(f"{path}:1: expected the header 'en<TAB>QuadClass', got {header!r}")
        for n, rec in enumerate(reader, 2):
            if len(rec) < 2 or not rec[1].strip().isdigit():
                raise ValueError(f"{path}:{n}: expected '<sentence><TAB><label 0-4>'")
            if (label := mapping.get(int(rec[1]))) and rec[0].strip():
                yield _row("kil", n, rec[0], label, "keep_it_local_un")


def import_cameo(path: str | Path, neutral: bool = False, material: bool = False) -> Iterator[dict[str, Any]]:
    """Rows from the CAMEO news-sentence TSV (`<sentence><TAB><label>`, no header)."""
    mapping = _mapping(CAMEO, CAMEO_MATERIAL, 0, neutral, material)
    with open(path, encoding="utf-8", newline="") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            text, sep, code = line.rpartition("\t")
            if not sep or not code.strip().isdigit():
                raise ValueError(f"{path}:{n}: expected '<sentence><TAB><label 0-4>'")
            if (label := mapping.get(int(code))) and text.strip():
                yield _row("cameo", n, text, label, "cameo_news_sentences")


def import_table(
    path: str | Path,
    text_field: str = "text",
    label_field: str = "label",
    label_map: dict[str, str] | None = None,
    source: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Rows from any CSV or JSONL with a text and a label column (labels mapped through `label_map`)."""
    path = Path(path)
    source = source or path.stem
    if path.suffix.lower() == ".csv":
        f = open(path, encoding="utf-8-sig", newline="")
        records: Iterator[tuple[int, dict]] = ((r_n + 2, r) for r_n, r in enumerate(csv.DictReader(f)))
    else:
        f = open(path, encoding="utf-8")
        records = ((n, json.loads(line)) for n, line in enumerate(f, 1) if line.strip())
    with f:
        for n, rec in records:
            if text_field not in rec or label_field not in rec:
                raise ValueError(f"{path}:{n}: record lacks {text_field!r} or {label_field!r}")
            raw = str(rec[label_field]).strip()
            label = (label_map or {}).get(raw, raw)
            if label_map and raw not in label_map:
                continue
            extra = {k: rec.get(k) for k in ("speaker", "country", "target", "topic")}
            yield _row(source, n, str(rec[text_field]), label, source, **extra)


def import_label_studio(path: str | Path, choice_map: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
    """Rows from a Label Studio JSON export (`label_studio.read_export`); refuses to drop a task silently."""
    export = read_export(path, choice_map)
    if export.refused:
        ids = ", ".join(str(r["task_id"]) for r in export.refused[:10])
        raise ValueError(
            f"{path}: {len(export.refused)} tasks have no usable label (tasks {ids}); "
            "`quotestance data import label_studio` writes them to an errors file"
        )
    yield from export.rows


@dataclass(frozen=True)
class Importer:
    """One input kind: its reader, and which of the shared options it takes."""

    read: Callable[..., Iterator[dict[str, Any]]]
    neutral_code: bool = False  # the set has a no-stance code that `neutral=True` maps to neutral
    label_map_arg: str | None = None  # the reader's keyword for a raw-label -> label mapping


IMPORTERS: dict[str, Importer] = {
    "keep_it_local": Importer(import_keep_it_local, neutral_code=True),
    "cameo": Importer(import_cameo, neutral_code=True),
    "table": Importer(import_table, label_map_arg="label_map"),
    "label_studio": Importer(import_label_studio, label_map_arg="choice_map"),
}


def import_rows(
    kind: str, path: str | Path, *, neutral: bool = False, label_map: dict[str, str] | None = None, **options: Any
) -> Iterator[dict[str, Any]]:
    """Corpus rows from a file of any registered kind; `neutral` and `label_map` go to the kinds that take them.

    The one place that knows which importer takes which option (the CLI, evaluation and training call it)."""
    if kind not in IMPORTERS:
        raise ValueError(f"unknown input kind {kind!r} (known: {', '.join(IMPORTERS)})")
    importer = IMPORTERS[kind]
    if importer.neutral_code:
        options["neutral"] = neutral
    if label_map and importer.label_map_arg:
        options[importer.label_map_arg] = label_map
    return importer.read(path, **options)
