"""Statements of an article: direct quotes (`spans`, `attribution`) and reported speech (`reported`), in reading order."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Article, Statement
from .attribution import Layout, attribute
from .organisations import without_legal_suffix
from .parties import assign_parties
from .people import build_registry
from .reported import find_reported, holder_of
from .spans import find_spans

if TYPE_CHECKING:
    from spacy.language import Language


def extract_statements(article: Article, nlp: Language | None = None, reported: bool = True) -> list[Statement]:
    """Every statement of an article, attributed, in reading order: direct quotes (`kind` "direct") and,
    unless `reported=False`, reported speech (`kind` "reported"). Non-speech quoted strings are left out.

    A partial quote inside a reported statement is kept, with `part_of` naming that statement.
    `nlp`, an optional spaCy pipeline, restricts the people of the article to its PERSON entities.
    Each statement gets its speaker's affiliation and its target (`parties`)."""
    text = article.text
    spans = find_spans(text)
    reg = build_registry(text, spans, nlp, article.title)
    layout = Layout.of(text)
    if not reported:
        return assign_parties(article, _named(attribute(article, spans, reg, layout)), people=reg)
    found = find_reported(article.id, text, spans, reg, layout.paras, layout.ends)
    direct = attribute(article, spans, reg, layout, holders=found)
    merged = sorted(direct + found, key=lambda s: (s.start, s.kind != "reported"))
    out = [replace(s, index=i) for i, s in enumerate(merged)]
    holders = [s for s in out if s.kind == "reported"]
    starts = [h.start for h in holders]
    for i, s in enumerate(out):
        if s.kind == "direct" and s.partial and (holder := holder_of(holders, starts, s.start, s.end)):
            out[i] = replace(s, part_of=holder.index)
    return assign_parties(article, _named(out), people=reg)


def _named(statements: list[Statement]) -> list[Statement]:
    """Organisations speak under their names without legal suffixes: "Brightwater Ltd" -> "Brightwater"."""
    return [replace(s, speaker=bare) if s.speaker and (bare := without_legal_suffix(s.speaker)) != s.speaker else s for s in statements]


def extract_quotes(article: Article, nlp: Language | None = None) -> list[Statement]:
    """The direct quotations of an article alone (indices count quotes only)."""
    return extract_statements(article, nlp, reported=False)
