"""What to label next: uncertain first, no near-duplicates, nothing already in the corpus."""

import json

import numpy as np
import pytest

from quotestance.cli import main
from quotestance.labelling import margin_uncertainty, select, suggest


def test_margin_uncertainty():
    u = margin_uncertainty(np.array([[0.5, 0.5, 0.0], [0.9, 0.05, 0.05], [0.4, 0.35, 0.25]]))
    assert u.round(2).tolist() == [1.0, 0.15, 0.95]


def test_select_spreads_over_near_duplicates():
    uncertainty = np.array([0.99, 0.98, 0.97, 0.5, 0.4])
    emb = np.array([[1, 0], [1, 0.001], [1, 0.002], [0, 1], [-1, 0]], dtype=float)  # the three most uncertain are one text
    assert select(uncertainty, None, 3) == [0, 1, 2]  # uncertainty alone takes the near-duplicates
    picked = select(uncertainty, emb, 3)
    assert picked[0] == 0 and set(picked) == {0, 3, 4}


def rows(n=40):
    out = []
    for i in range(n):
        p = 0.5 + 0.5 * i / n
        out.append(
            {
                "text": f"Statement number {i} about the border talks.",
                "label": "conciliatory",
                "confidence": p,
                "probs": {"conciliatory": p, "hostile": 1 - p},
                "speaker": "Ana Test",
            }
        )
    return out


def test_suggest_leaves_out_the_corpus_and_repeats(tmp_path, tiny_binary_model, tiny_corpus):
    corpus_text = json.loads(tiny_corpus.read_text().splitlines()[0])["text"]
    data = rows() + [{**rows()[0]}, {"text": corpus_text, "probs": {"conciliatory": 0.5, "hostile": 0.5}}, {"text": "no probs"}]
    picked = suggest(data, 5, tiny_binary_model, corpus=[tiny_corpus])
    texts = [r["text"] for r in picked]
    assert len(picked) == 5 and len(set(texts)) == 5 and corpus_text not in texts
    assert picked[0]["text"] == "Statement number 0 about the border talks." and picked[0]["uncertainty"] == 1.0


@pytest.mark.parametrize("fmt, suffix", [("json", ".json"), ("csv", ".csv")])
def test_cli_writes_label_studio_tasks_or_rows(tmp_path, tiny_binary_model, tiny_corpus, capsys, fmt, suffix):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows()))
    out = tmp_path / f"tasks{suffix}"
    args = ["data", "suggest", str(pred), "-o", str(out), "--n", "4", "--model", str(tiny_binary_model), "--corpus", str(tiny_corpus)]
    assert main([*args, "--format", fmt]) == 0
    if fmt == "json":
        tasks = json.loads(out.read_text())
        assert len(tasks) == 4 and tasks[0]["data"]["speaker"] == "Ana Test"
        assert tasks[0]["predictions"][0]["result"][0]["value"]["choices"] == ["Conciliatory"]
    else:
        assert out.read_text().count("\n") == 5
    assert main([*args, "--format", fmt]) == 2  # exists: --overwrite needed
