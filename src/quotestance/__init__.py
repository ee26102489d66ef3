"""quotestance: who said what about whom in diplomatic news, and in what spirit.

articles → statements → stances → reports (docs/ARCHITECTURE.md). The public API:
"""

from __future__ import annotations

from typing import Any

from ._version import __version__
from .extraction import extract_quotes, extract_statements, load_articles, read_articles
from .labels import BINARY, THREE_CLASS, stance_score
from .records import Article, Fields, Quote, ReadError, Statement

_LAZY = {"StanceClassifier": "stance", "TrainConfig": "training", "train": "training", "predict_articles": "runs"}


def __getattr__(name: str) -> Any:
    """The torch-backed parts load on first use, so that reading and extraction stay light."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(name)


__all__ = [
    "BINARY",
    "THREE_CLASS",
    "Article",
    "Fields",
    "Quote",
    "ReadError",
    "StanceClassifier",
    "Statement",
    "TrainConfig",
    "__version__",
    "extract_quotes",
    "extract_statements",
    "load_articles",
    "predict_articles",
    "read_articles",
    "stance_score",
    "train",
]
