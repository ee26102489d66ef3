"""Stage 3, runs: streaming, resumable batch runs over many articles, their summaries, and Ray Data beyond one machine."""

from __future__ import annotations

from .files import RunPaths, inputs_outside, run_paths
from .report import build_report, write_report
from .runner import CHUNK_ARTICLES, RunStats, classify_rows, extract_articles, output_schemas, predict_articles, statement_rows
from .summaries import summarise_output, write_summaries

__all__ = [
    "CHUNK_ARTICLES",
    "RunPaths",
    "RunStats",
    "classify_rows",
    "extract_articles",
    "inputs_outside",
    "output_schemas",
    "predict_articles",
    "run_paths",
    "statement_rows",
    "summarise_output",
    "write_summaries",
    "write_report",
    "build_report",
]
