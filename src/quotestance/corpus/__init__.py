"""The labelled corpus: rows, stored splits, validation, statistics, and importers of other sets."""

from __future__ import annotations

from .importers import IMPORTERS, import_cameo, import_keep_it_local, import_label_studio, import_rows, import_table
from .rows import (
    Problem,
    corpus_files,
    corpus_fingerprint,
    load_corpus,
    near_duplicates,
    row_problems,
    split_for_group,
    validate,
    validate_articles,
    write_splits,
)
from .stats import STATS_BEGIN, STATS_END, agreement, length_bucket, stats, stats_markdown, surface_cues, write_stats_section

__all__ = [
    "IMPORTERS",
    "STATS_BEGIN",
    "STATS_END",
    "Problem",
    "agreement",
    "corpus_files",
    "corpus_fingerprint",
    "import_cameo",
    "import_keep_it_local",
    "import_label_studio",
    "import_rows",
    "import_table",
    "length_bucket",
    "load_corpus",
    "near_duplicates",
    "row_problems",
    "split_for_group",
    "stats",
    "stats_markdown",
    "surface_cues",
    "validate",
    "validate_articles",
    "write_splits",
    "write_stats_section",
]
