"""The records that flow through quotestance, each defined once: articles in, statements out.

Every file format (JSONL, CSV, Parquet) and the Ray engine's schema are derived from these dataclasses
(`arrow_schema`, `column_types`), so adding an output field is a one-place change: add it to
`Statement` with its group and documentation. See docs/ARCHITECTURE.md, "Records".
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import asdict, dataclass, field
from typing import Any

# The groups of Statement fields: what extraction finds, what the article says, what the classifier adds.
EXTRACTED, ARTICLE, STANCE = "extracted", "article", "stance"


def _field(group: str, doc: str, **kwargs: Any) -> Any:
    return field(metadata={"group": group, "doc": doc}, **kwargs)


@dataclass
class Article:
    """One news article: the text statements are extracted from, plus what is known about it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    origin: str = ""  # "file:line" (or "file#record"): where the record came from, for errors and resume

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ReadError:
    """An input record that could not be read or processed, and why (one row of the errors file)."""

    origin: str
    reason: str
    record_id: str | None = None
    stage: str = "read"  # read | extract

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "record_id": self.record_id, "stage": self.stage, "reason": self.reason}


@dataclass
class Fields:
    """Which fields of a collection hold what (for JSONL, CSV and Parquet inputs)."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    published: str = "published"
    source: str = "source"
    url: str = "url"


@dataclass
class Statement:
    """One statement of an official in an article, with its stance once classified: the output row.

    Fields come in three groups (`EXTRACTED`, `ARTICLE`, `STANCE`); `extract` writes the first,
    `predict` all three. Who speaks for whom, and at whom (`speaker_affiliation`, `target`), come from
    the article (`extraction.parties`); a target taken from the article rather than the statement is
    dropped once the statement is labelled neutral (`with_stance`).
    """

    article_id: str = _field(EXTRACTED, "id of the article the statement is in")
    index: int = _field(EXTRACTED, "position of the statement in its article (reading order), from 0")
    kind: str = _field(EXTRACTED, "direct (in quotation marks) or reported (X said that …, according to X, …)")
    text: str = _field(EXTRACTED, "the words of the statement, whitespace normalised; a reported one without its marks' quotes")
    start: int = _field(EXTRACTED, "character offset of the first word in the article text")
    end: int = _field(EXTRACTED, "character offset just after the last word")
    speaker: str | None = _field(EXTRACTED, "who said it, as the article first names them; null when nobody can be named")
    cue: str | None = _field(EXTRACTED, "the reporting verb or phrase that attributes it (said, warned, according to)")
    partial: bool = _field(EXTRACTED, "a quoted fragment inside a sentence of the journalist's")
    context: str = _field(EXTRACTED, "the sentence(s) around it, at most 500 characters")
    part_of: int | None = _field(
        EXTRACTED,
        "for a partial quote inside a reported statement: that statement's index (summaries count the utterance once)",
        default=None,
    )
    speaker_affiliation: str | None = _field(
        EXTRACTED, "the country or organisation the speaker speaks for (short name); null for analysts, NGOs, or when unsaid", default=None
    )
    speaker_affiliation_code: str | None = _field(
        EXTRACTED, "ISO 3166 alpha-3 code of that country, or the organisation's short name", default=None
    )
    target: str | None = _field(
        EXTRACTED,
        "the country or organisation the statement is aimed at; null when neutral with no counterpart, or aimed at both sides",
        default=None,
    )
    target_code: str | None = _field(EXTRACTED, "its ISO 3166 alpha-3 code or organisation short name", default=None)
    target_from: str | None = _field(
        EXTRACTED, "statement (named in it) or article (the speaker's counterpart in the headline and lede)", default=None
    )
    published: str | None = _field(ARTICLE, "the article's date, YYYY-MM-DD when it could be read", default=None)
    source: str | None = _field(ARTICLE, "the article's source or site name", default=None)
    country: str | None = _field(ARTICLE, "the input record's own `country` field, when it has one", default=None)
    label: str | None = _field(STANCE, "conciliatory, hostile or neutral", default=None)
    confidence: float | None = _field(STANCE, "calibrated probability of the label", default=None)
    probs: dict[str, float] | None = _field(STANCE, "calibrated probability of every label", default=None)
    score: float | None = _field(STANCE, "P(hostile) - P(conciliatory), in [-1, 1]", default=None)
    model: str | None = _field(STANCE, "the model that labelled it: folder@version:corpus fingerprint[:backend]", default=None)
    evidence: list[dict[str, Any]] | None = _field(
        STANCE, "with --explain: the words that drove the label, [{word, weight}], weight > 0 for the label", default=None
    )

    def to_dict(self, groups: tuple[str, ...] | None = None) -> dict[str, Any]:
        """The row, in field order; `groups` keeps only the fields of those groups."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if groups is None or f.metadata["group"] in groups}

    def with_stance(self, result: dict[str, Any], model: str) -> Statement:
        """A copy with the classifier's result (label, confidence, probs, score) filled in, rounded for output.

        A neutral statement that names no party has no target: the article's counterpart is dropped."""
        out = dataclasses.replace(self, **stance_fields(result, model))
        return dataclasses.replace(out, **UNTARGETED) if drops_target(out.label, out.target_from) else out


# A neutral statement keeps only a target it names itself: the article's counterpart is no target of a statement
# that takes no stance. One rule, for Statement.with_stance and for scoring predictions held as dicts.
UNTARGETED: dict[str, None] = {"target": None, "target_code": None, "target_from": None}


def drops_target(label: str | None, target_from: str | None) -> bool:
    """Whether a labelled statement loses its target (neutral, with the target taken from the article)."""
    return label == "neutral" and target_from == "article"


Quote = Statement  # the name of the record before reported speech; kept for existing code and notebooks


def stance_fields(result: dict[str, Any], model: str) -> dict[str, Any]:
    """The STANCE fields of a row from a classifier result, rounded to 4 places (one definition for every run)."""
    values = {
        "evidence": result.get("evidence"),
        "label": result["label"],
        "confidence": round(result["confidence"], 4),
        "probs": {k: round(v, 4) for k, v in result["probs"].items()},
        "score": round(result["score"], 4),
        "model": model,
    }
    return {name: values[name] for name in field_names(Statement, STANCE)}


@dataclass
class ManifestEntry:
    """One article of a run, with its number of statements (zero included): the manifest's row."""

    article_id: str
    origin: str
    published: str | None
    source: str | None
    country: str | None
    quotes: int
    title: str | None = None
    text: str | None = None  # the cleaned text statements' offsets point into: what the HTML report highlights

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Tally:
    """The counts of a summary row (per article, speaker or country). A partial quote inside a reported
    statement is counted once, with that statement."""

    quotes: int  # statements counted, direct and reported
    direct: int
    reported: int
    conciliatory: int
    hostile: int
    neutral: int
    mean_score: float | None
    most_hostile: str | None
    most_conciliatory: str | None


@dataclass
class CorpusRow:
    """One labelled statement of the corpus (data/quotes/*.jsonl); rows stay dicts, checked against this."""

    id: str
    text: str
    label: str
    group: str
    source: str
    speaker: str | None = None
    country: str | None = None
    target: str | None = None
    topic: str | None = None
    phenomena: list[str] = field(default_factory=list)
    register: str | None = None
    split: str | None = None
    kind: str | None = None  # direct (a quotation; also when absent) or reported (as the reported-speech extractor gives it)
    cue: str | None = None  # for a reported row: its reporting verb or phrase ("accused", "said", "according to")
    annotators: list[str] | None = None  # who labelled it (Label Studio imports)
    agreement: float | None = None  # share of annotators who chose `label`


def field_names(cls: type, *groups: str) -> list[str]:
    """Field names of a record class, in order (only those of `groups` when given)."""
    return [f.name for f in dataclasses.fields(cls) if not groups or f.metadata.get("group") in groups]


def required_fields(cls: type) -> list[str]:
    """Fields without a default: what every row must carry."""
    missing = dataclasses.MISSING
    return [f.name for f in dataclasses.fields(cls) if f.default is missing and f.default_factory is missing]


def column_types(cls: type, *groups: str) -> dict[str, type]:
    """{field: Python type} with Optional removed (str, int, float, bool, dict, list)."""
    hints = typing.get_type_hints(cls)
    out = {}
    for name in field_names(cls, *groups):
        hint = hints[name]
        if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
            hint = next(a for a in typing.get_args(hint) if a is not type(None))
        out[name] = typing.get_origin(hint) or hint
    return out


def arrow_schema(cls: type, *groups: str):
    """The Parquet schema of a record class; nested values (dict, list) are stored as JSON text."""
    import pyarrow as pa

    arrow = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), dict: pa.string(), list: pa.string()}
    return pa.schema([(name, arrow[t]) for name, t in column_types(cls, *groups).items()])


OUTPUT_RECORDS: tuple[type, ...] = (Statement, ManifestEntry, Tally, CorpusRow, Article)


def known_columns() -> dict[str, type]:
    """The type of every column any output record has: how CSV cells are read back typed."""
    out: dict[str, type] = {}
    for cls in OUTPUT_RECORDS:
        out.update(column_types(cls))
    out.update({f"pred_{k}": t for k, t in column_types(Statement, STANCE).items()})  # classify's names beside an input's own
    return out


def model_view(row: dict[str, Any]) -> dict[str, Any]:
    """A row with the model's stance under the plain names: `classify` writes `pred_label` … where the input had a `label`."""
    if "pred_label" not in row:
        return row
    return {**row, **{k: row[f"pred_{k}"] for k in field_names(Statement, STANCE) if f"pred_{k}" in row}}
