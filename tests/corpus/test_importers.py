import json

import pytest
from conftest import SHARED_DATA

from quotestance.corpus import import_cameo, import_keep_it_local, import_label_studio, import_table

KIL = SHARED_DATA / "keep_it_local_un" / "en_annotations_quad_multiclass.tsv"
CAMEO = SHARED_DATA / "cameo_news_sentences" / "train.tsv"


@pytest.mark.skipif(not KIL.exists(), reason="shared Keep it Local data not present")
def test_keep_it_local_mapping_uses_the_checked_key():
    rows = list(import_keep_it_local(KIL))
    counts = {lab: sum(r["label"] == lab for r in rows) for lab in ("conciliatory", "hostile")}
    assert counts == {"conciliatory": 1232, "hostile": 885}  # codes 4 and 3 per the shared README's key
    assert len(list(import_keep_it_local(KIL, neutral=True))) == 1232 + 885 + 1020


@pytest.mark.skipif(not CAMEO.exists(), reason="shared CAMEO data not present")
def test_cameo_mapping():
    rows = list(import_cameo(CAMEO))
    assert {r["label"] for r in rows} == {"conciliatory", "hostile"}
    assert sum(r["label"] == "conciliatory" for r in rows) == 248 and sum(r["label"] == "hostile" for r in rows) == 337
    assert not any("\r" in r["text"] for r in rows)


def test_bad_tsv_names_the_line(tmp_path):
    p = tmp_path / "k.tsv"
    p.write_text("en\tQuadClass\nfine sentence\t4\nbroken line without label\n")
    with pytest.raises(ValueError, match=r"k\.tsv:3"):
        list(import_keep_it_local(p))


def test_table_and_label_studio(tmp_path):
    p = tmp_path / "mine.csv"
    p.write_text("quote,stance\nWe will talk.,pos\nThey will pay.,neg\nIgnored.,other\n")
    rows = list(import_table(p, "quote", "stance", {"pos": "conciliatory", "neg": "hostile"}))
    assert [(r["text"], r["label"]) for r in rows] == [("We will talk.", "conciliatory"), ("They will pay.", "hostile")]
    ls = tmp_path / "export.json"
    ls.write_text(
        json.dumps(
            [
                {"data": {"text": "We welcome the deal."}, "annotations": [{"result": [{"value": {"choices": ["Conciliatory"]}}]}]},
                {"data": {"text": "Skipped: no annotation."}, "annotations": []},
            ]
        )
    )
    with pytest.raises(ValueError, match="no usable label"):  # a task without a label is never dropped silently
        list(import_label_studio(ls))
    ls.write_text(
        json.dumps([{"data": {"text": "We welcome the deal."}, "annotations": [{"result": [{"value": {"choices": ["Conciliatory"]}}]}]}])
    )
    rows = list(import_label_studio(ls))
    assert [(r["text"], r["label"]) for r in rows] == [("We welcome the deal.", "conciliatory")]
