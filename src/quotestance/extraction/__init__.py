"""Stage 1, articles → statements: read articles, find quoted spans, attribute them to speakers."""

from __future__ import annotations

from .extract import extract_quotes, extract_statements
from .ner import load_ner
from .readers import DEFAULT_MAX_CHARS, expand_inputs, load_articles, read_articles, read_blob, read_path

__all__ = [
    "DEFAULT_MAX_CHARS",
    "expand_inputs",
    "extract_quotes",
    "extract_statements",
    "load_ner",
    "load_articles",
    "read_articles",
    "read_blob",
    "read_path",
]
