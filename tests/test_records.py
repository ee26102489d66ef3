"""One definition per record: every output format is derived from the dataclass, so a new field is a one-place change."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow.parquet as pq
import pytest

from quotestance.io import convert_jsonl, iter_records, write_records
from quotestance.records import (
    ARTICLE,
    EXTRACTED,
    STANCE,
    Quote,
    ReadError,
    Statement,
    arrow_schema,
    column_types,
    field_names,
    stance_fields,
)


def statement(**kw):
    values = dict(
        article_id="a1",
        index=0,
        kind="direct",
        text="We are ready.",
        start=10,
        end=23,
        speaker="Anika Voss",
        cue="said",
        partial=False,
        context="“We are ready,” Voss said.",
    )
    return Statement(**{**values, **kw})


def test_quote_is_the_statement_record():
    assert Quote is Statement


def test_groups_cover_every_field_in_order():
    assert field_names(Statement) == field_names(Statement, EXTRACTED) + field_names(Statement, ARTICLE) + field_names(Statement, STANCE)
    assert list(statement().to_dict((EXTRACTED,))) == field_names(Statement, EXTRACTED)


def test_stance_fields_are_rounded_and_complete():
    s = statement().with_stance(
        {"label": "hostile", "confidence": 0.123456, "probs": {"hostile": 0.123456, "conciliatory": 0.876544}, "score": -0.753088}, "m@1"
    )
    assert (s.label, s.confidence, s.score, s.model) == ("hostile", 0.1235, -0.7531, "m@1")
    assert list(stance_fields({"label": "x", "confidence": 1, "probs": {}, "score": 0}, "m")) == field_names(Statement, STANCE)


def test_schema_types_come_from_the_annotations():
    schema = arrow_schema(Statement)
    assert schema.names == field_names(Statement)
    assert str(schema.field("index").type) == "int64" and str(schema.field("partial").type) == "bool"
    assert str(schema.field("probs").type) == "string" and str(schema.field("confidence").type) == "double"
    assert arrow_schema(ReadError).names == ["origin", "reason", "record_id", "stage"]


@dataclass
class WithEvidence(Statement):
    """A statement with a field added in one place (as the explanation issue will do)."""

    weight: float | None = None
    words: list[str] | None = None


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_a_new_field_reaches_every_format(tmp_path, suffix):
    rows = [
        WithEvidence(**statement().__dict__, weight=0.5, words=["ready"]).to_dict(),
        WithEvidence(**statement(index=1).__dict__, weight=2.0, words=[]).to_dict(),
    ]
    src = tmp_path / "rows.jsonl"
    write_records(src, rows)
    dest = tmp_path / f"out{suffix}"
    convert_jsonl(src, dest, schema=arrow_schema(WithEvidence))
    back = list(iter_records(dest, types=column_types(WithEvidence)))
    assert [r["weight"] for r in back] == [0.5, 2.0] and [r["words"] for r in back] == [["ready"], []]
    assert [r["index"] for r in back] == [0, 1] and back[0]["partial"] is False
    if suffix == ".parquet":
        assert str(pq.read_schema(dest).field("weight").type) == "double"
