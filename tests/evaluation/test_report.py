"""`quotestance evaluate`: reports, comparisons, neutral handling, extraction and end-to-end scoring."""

import json

import numpy as np
import pytest
from conftest import REPO, SHARED_DATA

from quotestance.cli import main
from quotestance.evaluation import breakdowns, confident_mistakes


def test_report_folder(tmp_path, tiny_binary_model, tiny_corpus, capsys):
    report = tmp_path / "report"
    assert (
        main(["evaluate", "--model", str(tiny_binary_model), "--data", str(tiny_corpus), "--report", str(report), "--bootstrap", "50"]) == 0
    )
    assert {p.name for p in report.iterdir()} >= {"README.md", "metrics.json", "confusion_matrix.png", "reliability.png"}
    metrics = json.loads((report / "metrics.json").read_text())
    assert metrics["n"] == 60  # neutral rows dropped against a binary model
    lo, hi = metrics["ci95"]["accuracy"]
    assert lo <= metrics["metrics"]["accuracy"] <= hi
    md = (report / "README.md").read_text()
    assert "![confusion matrix](confusion_matrix.png)" in md and "Most confident mistakes" in md
    assert "ECE" in capsys.readouterr().out


def test_neutral_rows_can_be_an_error(tiny_binary_model, tiny_corpus, capsys):
    assert main(["evaluate", "--model", str(tiny_binary_model), "--data", str(tiny_corpus), "--neutral", "error", "--bootstrap", "10"]) == 2
    assert "pass --neutral drop" in capsys.readouterr().err


def test_compare_two_models_and_baselines(tmp_path, tiny_model, tiny_corpus):
    def evaluate(compare, report):
        return main(
            [
                "evaluate",
                "--model",
                str(tiny_model),
                "--data",
                str(tiny_corpus),
                "--compare",
                compare,
                "--report",
                str(report),
                "--bootstrap",
                "10",
            ]
        )

    report = tmp_path / "cmp"
    assert evaluate(str(tiny_model), report) == 0
    cmp = json.loads((report / "metrics.json").read_text())["compare"]
    assert cmp["mcnemar"]["p_value"] == 1.0 and cmp["mcnemar"]["a_right_b_wrong"] == 0  # a model against itself
    report2 = tmp_path / "base"
    assert evaluate("baselines", report2) == 0
    assert set(json.loads((report2 / "metrics.json").read_text())["baselines"]) == {"majority", "tfidf_logreg", "embedding_logreg"}


def test_csv_with_custom_fields(tmp_path, tiny_model):
    data = tmp_path / "mine.csv"
    data.write_text("quote,gold\nWe are ready to talk.,conciliatory\nThey will pay for this.,hostile\nWe welcome the deal.,conciliatory\n")
    assert (
        main(
            [
                "evaluate",
                "--model",
                str(tiny_model),
                "--data",
                str(data),
                "--text-field",
                "quote",
                "--label-field",
                "gold",
                "--bootstrap",
                "10",
            ]
        )
        == 0
    )


@pytest.mark.skipif(not (SHARED_DATA / "cameo_news_sentences" / "train.tsv").exists(), reason="shared CAMEO data not present")
def test_public_set_through_its_importer(tiny_binary_model, capsys):
    path = SHARED_DATA / "cameo_news_sentences" / "train.tsv"
    assert main(["evaluate", "--model", str(tiny_binary_model), "--data", str(path), "--data-format", "cameo", "--bootstrap", "10"]) == 0
    assert "n = 585" in capsys.readouterr().out


def test_extraction_and_end_to_end(tiny_model, capsys):
    assert main(["evaluate", "--extraction", str(REPO / "data" / "articles")]) == 0
    assert "speaker accuracy" in capsys.readouterr().out
    assert main(["evaluate", "--end-to-end", str(REPO / "data" / "articles"), "--model", str(tiny_model)]) == 0
    assert "end to end (found, attributed and labelled right)" in capsys.readouterr().out


def test_breakdowns_and_mistakes_by_hand():
    y = np.array([0, 1, 1, 0, 1, 0])
    probs = np.array([[0.9, 0.1], [0.2, 0.8], [0.7, 0.3], [0.6, 0.4], [0.1, 0.9], [0.3, 0.7]])
    rows = [{"text": "a b", "phenomena": ["sarcasm"], "country": "X"}] * 3 + [
        {"text": "a b c d e f g", "phenomena": [], "country": "Y"}
    ] * 3
    b = breakdowns(y, probs, ("conciliatory", "hostile"), rows, min_n=3)
    assert b["phenomena"]["sarcasm"]["accuracy"] == pytest.approx(2 / 3) and b["country"]["Y"]["accuracy"] == pytest.approx(2 / 3)
    m = confident_mistakes(y, probs, ("conciliatory", "hostile"), [str(i) for i in range(6)])
    assert [x["text"] for x in m] == ["2", "5"]  # wrong at 0.7 both; stable order


def test_three_class_model_report(tmp_path, tiny_base, tiny_corpus):
    from conftest import tiny_config

    from quotestance.training import train

    model = train(tiny_config(tiny_base, tiny_corpus, tmp_path / "m3", label_set="three_class", epochs=1.0))
    report = tmp_path / "r3"
    assert main(["evaluate", "--model", str(model), "--data", str(tiny_corpus), "--report", str(report), "--bootstrap", "20"]) == 0
    metrics = json.loads((report / "metrics.json").read_text())
    assert metrics["n"] == 90 and metrics["labels"] == ["conciliatory", "hostile", "neutral"]
    assert len(metrics["confusion_matrix"]) == 3 and "f1_neutral" in metrics["metrics"]
