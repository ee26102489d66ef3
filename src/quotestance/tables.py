"""Readable terminal tables for people watching a run."""

from __future__ import annotations

import json
import shutil
import textwrap
from itertools import groupby
from pathlib import Path
from typing import Any

from .io import iter_records


def table(rows: list[list[str]], headers: list[str], widths: list[int]) -> str:
    """A plain-text table; long cells wrap inside their column."""

    def fmt(cells: list[str]) -> list[str]:
        wrapped = [textwrap.wrap(str(c), w) or [""] for c, w in zip(cells, widths)]
        return [
            "  ".join(col[i].ljust(w) if i < len(col) else " " * w for col, w in zip(wrapped, widths)).rstrip()
            for i in range(max(len(c) for c in wrapped))
        ]

    lines = fmt(headers) + ["  ".join("─" * w for w in widths)]
    for r in rows:
        lines += fmt(r)
    return "\n".join(lines)


def print_article_tables(output: str | Path) -> None:
    term = shutil.get_terminal_size((120, 20)).columns
    quote_w = max(30, min(70, term - 70))
    for article_id, records in groupby(iter_records(output), key=lambda r: r["article_id"]):
        records = list(records)
        direct = sum(r.get("kind", "direct") == "direct" for r in records)
        print(f"\n■ {article_id}  ({direct} direct, {len(records) - direct} reported)")
        rows = [
            [r["text"], r.get("kind", "direct"), r.get("speaker") or "?", _dyad(r), r["label"], f"{r['confidence']:.2f}"] for r in records
        ]
        print(table(rows, ["statement", "kind", "speaker", "who → whom", "label", "conf."], [quote_w, 8, 20, 22, 12, 5]))


def _dyad(r: dict[str, Any]) -> str:
    source, target = r.get("speaker_affiliation_code"), r.get("target_code")
    return f"{source or '?'} → {target or '–'}" if source or target else ""


def print_run_summary(stats: Any) -> None:
    if getattr(stats, "note", ""):
        print(stats.note)
    print(
        f"\n{stats.records} records read ({stats.skipped} skipped as already done), {stats.outputs} statements written, "
        f"{stats.errors} errors, {stats.seconds:.1f} s"
    )
    summary = stats.files.get("summary")
    if summary and Path(summary).exists():
        counts = json.loads(Path(summary).read_text(encoding="utf-8"))
        total = sum(counts["labels"].values())
        if total:
            shares = ", ".join(f"{k} {v} ({v / total:.0%})" for k, v in sorted(counts["labels"].items()))
            print(f"labels: {shares}; direct {counts['direct']}, reported {counts['reported']}")
    for name, path in stats.files.items():
        print(f"  {name:<16} {path}")
