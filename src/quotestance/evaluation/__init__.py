"""Scoring: a stance model on labelled rows (metrics with 95% CIs, calibration, report), and extraction on gold articles."""

from __future__ import annotations

from .extraction import evaluate_extraction, format_extraction, load_gold, match, norm_text, overlap
from .labelled import DATA_FORMATS, load_labelled
from .report import breakdowns, confident_mistakes, evaluate_split, markdown_report, write_report

__all__ = [
    "DATA_FORMATS",
    "breakdowns",
    "confident_mistakes",
    "evaluate_extraction",
    "evaluate_split",
    "format_extraction",
    "load_gold",
    "load_labelled",
    "markdown_report",
    "match",
    "norm_text",
    "overlap",
    "write_report",
]
