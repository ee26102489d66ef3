"""The extractor against the gold sample articles: the targets of the extraction issue, measured."""

import pytest
from conftest import REPO

from quotestance.evaluation import evaluate_extraction, match, norm_text, overlap


def test_overlap_and_matching():
    assert overlap("We are ready to talk,", "we are ready to talk") == 1.0
    assert overlap("We are ready", "We are ready to talk now") == 0.5
    assert norm_text("“Hello, world..”") == "hello world"
    gold = [{"text": "a b c d"}, {"text": "x y z"}]
    pred = [{"text": "x y z"}, {"text": "a b c"}]
    assert match(gold, pred) == [(0, 1), (1, 0)]


def test_extraction_targets_on_gold_articles():
    r = evaluate_extraction(REPO / "data" / "articles")
    assert r["articles"] >= 40
    assert r["span"]["f1"] >= 0.95, r["mistakes"]
    assert r["exact"]["f1"] >= 0.90, r["mistakes"]
    assert r["speaker_accuracy"] >= 0.93, r["mistakes"]
    assert r["non_speech_taken"] <= 2
    parties = r["parties"]  # development articles: the resolver was tuned on them (held-out numbers: README)
    assert parties["affiliation_gold"] >= 500 and parties["affiliation_accuracy"] >= 0.85
    assert parties["target_accuracy"] >= 0.80


def test_parties_are_scored_against_gold_codes():
    """A resolver that gives every statement the same party scores what it should, no more."""
    from quotestance.extraction import extract_statements

    def fixed(article):
        return [{**s.to_dict(), "speaker_affiliation_code": "RUS", "target_code": None} for s in extract_statements(article)]

    r = evaluate_extraction(REPO / "data" / "articles", extractor=fixed)["parties"]
    assert r["affiliation_accuracy"] < 0.2 and r["target_accuracy"] == 0.0 and r["null_target_precision"] < 0.5


def test_extraction_on_held_out_articles_is_reported():
    """Articles written after the rules were tuned: reported, with a floor well below the tuned set."""
    folder = REPO / "data" / "articles_heldout"
    r = evaluate_extraction(folder)
    assert r["articles"] >= 10
    assert r["span"]["f1"] >= 0.85 and r["speaker_accuracy"] >= 0.80, r["mistakes"]


def test_a_broken_extractor_scores_badly():
    r = evaluate_extraction(REPO / "data" / "articles", extractor=lambda a: [{"text": a.text[:50], "speaker": None}])
    assert r["span"]["f1"] < 0.2


def test_end_to_end_counts_only_labels_the_model_has(tmp_path):
    import json
    import shutil

    for p in sorted((REPO / "data" / "articles").glob("art*.*")):
        if int(p.stem[3:]) <= 42:  # the first 42 articles, whose quotes and speakers are all found
            shutil.copy(p, tmp_path)
    golds = [json.loads(p.read_text()) for p in sorted(tmp_path.glob("*.json"))]
    labels = [q["label"] for g in golds for q in g["quotes"]]
    r = evaluate_extraction(tmp_path, classify=lambda texts: ["hostile"] * len(texts), label_set=("conciliatory", "hostile"))
    binary = [lab for lab in labels if lab != "neutral"]
    assert r["end_to_end_gold"] == len(binary)
    # extraction and speakers are perfect on this set, so a model that always says "hostile" gets exactly the hostile share
    assert r["end_to_end_accuracy"] == binary.count("hostile") / len(binary)


def test_a_folder_without_gold_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no gold articles"):
        evaluate_extraction(tmp_path / "missing")


def test_intervals_hold_the_point_and_widen_on_fewer_articles(tmp_path):
    import shutil

    full = evaluate_extraction(REPO / "data" / "real_news" / "dev")
    lo, hi = full["span_f1_ci"]
    assert lo <= full["span"]["f1"] <= hi and lo < hi
    slo, shi = full["speaker_accuracy_ci"]
    assert slo <= full["speaker_accuracy"] <= shi
    few = tmp_path / "few"
    few.mkdir()
    for f in sorted((REPO / "data" / "real_news" / "dev").glob("goose3-*"))[:6]:
        shutil.copy(f, few / f.name)
    small = evaluate_extraction(few)
    assert small["speaker_accuracy_ci"][1] - small["speaker_accuracy_ci"][0] > shi - slo
