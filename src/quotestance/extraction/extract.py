"""Statements of an article: spans found (`spans`), then attributed (`attribution`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Article, Statement
from .attribution import attribute
from .spans import find_spans

if TYPE_CHECKING:
    from spacy.language import Language


def extract_statements(article: Article, nlp: Language | None = None) -> list[Statement]:
    """Every statement of an article, attributed, in reading order (non-speech quoted strings left out).

    Today these are the direct quotations; reported speech joins them with `kind` (docs/ARCHITECTURE.md).
    `nlp`, an optional spaCy pipeline, restricts the people of the article to its PERSON entities."""
    return attribute(article, find_spans(article.text), nlp)


def extract_quotes(article: Article, nlp: Language | None = None) -> list[Statement]:
    """The direct quotations of an article (the same rows as `extract_statements` until reported speech lands)."""
    return extract_statements(article, nlp)
