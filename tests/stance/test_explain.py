"""Evidence by occlusion: a word's weight is the fall in the predicted label's probability without it."""

import json

import numpy as np
import pytest

from quotestance.stance import StanceClassifier
from quotestance.stance.explain import without, words_of


@pytest.fixture(scope="module")
def clf(tiny_model):
    return StanceClassifier.from_pretrained(tiny_model)


def test_words_and_removal():
    text = "They won’t pay, the minister said."
    assert [text[a:b] for a, b in words_of(text)] == ["They", "won’t", "pay", "the", "minister", "said"]
    assert without(text, words_of(text)[0]) == "won’t pay, the minister said."
    assert without(text, words_of(text)[2]) == "They won’t, the minister said."


def test_weights_are_the_probability_drop(clf):
    text = "They will pay a heavy price for this provocation."
    [evidence] = clf.explain([text], top_k=3)
    p = clf.predict_proba(text)
    k = int(np.argmax(p))
    for item in evidence:
        span = next(s for s in words_of(text) if text[s[0] : s[1]] == item["word"])
        assert item["weight"] == pytest.approx(p[k] - clf.predict_proba(without(text, span))[k], abs=1e-3)
    assert len(evidence) == 3 and [abs(e["weight"]) for e in evidence] == sorted((abs(e["weight"]) for e in evidence), reverse=True)
    assert clf.explain("We are ready.", top_k=10) == clf.explain(["We are ready."], top_k=10)[0]


def test_explain_adds_evidence_to_output_rows(tmp_path, clf):
    from quotestance.runs import classify_rows

    src = tmp_path / "rows.jsonl"
    src.write_text(json.dumps({"id": "1", "text": "We condemn this reckless act."}) + "\n")
    classify_rows(src, tmp_path / "plain.jsonl", clf, progress=False)
    classify_rows(src, tmp_path / "why.jsonl", clf, progress=False, explain=True)
    plain = json.loads((tmp_path / "plain.jsonl").read_text())
    why = json.loads((tmp_path / "why.jsonl").read_text())
    assert "evidence" not in plain and {e["word"] for e in why["evidence"]} <= {"We", "condemn", "this", "reckless", "act"}
