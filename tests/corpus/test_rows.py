import json

import pytest
from conftest import REPO, make_corpus

from quotestance.corpus import load_corpus, near_duplicates, split_for_group, stats, stats_markdown, validate


def test_repository_corpus_validates_clean():
    problems = validate(REPO / "data")
    assert problems == [], "\n".join(map(str, problems[:20]))


def test_repository_corpus_size_and_balance():
    rows = load_corpus(REPO / "data")
    s = stats(rows)
    assert s["label"]["conciliatory"] >= 1000 and s["label"]["hostile"] >= 1000 and s["label"]["neutral"] >= 400
    assert len(s["country"]) >= 40 and len(s["topic"]) >= 15
    assert sum(bool(r["phenomena"]) for r in rows) / len(rows) >= 0.35
    assert all(r.get("split") in {"train", "validation", "test"} for r in rows)


def test_split_is_stable_and_grouped():
    assert split_for_group("g-1") == split_for_group("g-1")
    buckets = [split_for_group(f"g{i}") for i in range(2000)]
    assert 0.75 < buckets.count("train") / 2000 < 0.85 and 0.07 < buckets.count("test") / 2000 < 0.13


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_validate_finds_each_problem(tmp_path):
    base = {"speaker": "A B", "country": "X", "target": "Y", "topic": "trade", "phenomena": [], "source": "t"}
    rows = [
        {**base, "id": "1", "text": "We are ready to talk about the border today.", "label": "conciliatory", "group": "g1"},
        {**base, "id": "1", "text": "They will regret this move very much indeed.", "label": "hostile", "group": "g2"},
        {**base, "id": "3", "text": "We are ready to talk about the border today!", "label": "conciliatory", "group": "g3"},
        {**base, "id": "4", "text": "Fine words.", "label": "angry", "group": "g4"},
        {**base, "id": "5", "text": "x", "label": "hostile", "group": "g5", "split": "train"},
        {
            **base,
            "id": "6",
            "text": "Another distinct sentence about sanctions and trade.",
            "label": "hostile",
            "group": "g5",
            "split": "test",
        },
        {**base, "id": "7", "text": "Missing its group field entirely here.", "label": "neutral"},
    ]
    p = tmp_path / "bad.jsonl"
    _write(p, rows)
    with open(p, "a") as f:
        f.write("{broken\n")
    messages = "\n".join(str(x) for x in validate(p))
    for needle in [
        "duplicate id '1'",
        "exact duplicate",
        "label 'angry'",
        "leaks across splits",
        "missing field 'group'",
        "not valid JSON",
        f"{p}:8",
    ]:
        assert needle in messages, needle


def test_near_duplicates_threshold():
    rows = [
        {"text": "the quick brown fox jumps over the lazy dog today"},
        {"text": "the quick brown fox jumps over the lazy dog now"},
        {"text": "something entirely different and unrelated to that"},
    ]
    pairs = near_duplicates(rows, 0.7)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


def test_load_corpus_strict_names_file_and_line(tmp_path):
    p = make_corpus(tmp_path / "c.jsonl", n_groups=2)
    with open(p, "a") as f:
        f.write(json.dumps({"id": "z", "text": "t t t", "label": "furious", "group": "g", "source": "s"}) + "\n")
    with pytest.raises(ValueError, match=r"c\.jsonl:7: label 'furious'"):
        load_corpus(p)


def test_stats_markdown_tables(tiny_corpus):
    md = stats_markdown(load_corpus(tiny_corpus))
    assert "| Label | rows |" in md and "| conciliatory | 30 |" in md


def test_gold_quotes_must_occur_in_their_article(tmp_path):
    art = tmp_path / "articles"
    art.mkdir()
    (art / "a.txt").write_text("“We are ready,” Anika Voss said.")
    (art / "a.json").write_text(json.dumps({"quotes": [{"text": "We are not ready", "speaker": "Anika Voss", "label": "hostile"}]}))
    (tmp_path / "quotes").mkdir()
    make_corpus(tmp_path / "quotes" / "q.jsonl", n_groups=1)
    assert any("gold quote not found" in str(p) for p in validate(tmp_path))


def test_datasheet_tables_match_the_data():
    from quotestance.corpus import STATS_BEGIN, STATS_END

    text = (REPO / "data" / "DATASHEET.md").read_text(encoding="utf-8")
    section = text.split(STATS_BEGIN, 1)[1].split(STATS_END, 1)[0].strip()
    assert section == stats_markdown(load_corpus(REPO / "data"), cues=True).strip(), (
        "run `quotestance data stats data --write data/DATASHEET.md`"
    )


def test_agreement_study_reproduces():
    from quotestance.corpus import agreement
    from quotestance.io import read_jsonl

    r = agreement(load_corpus(REPO / "data"), list(read_jsonl(REPO / "data" / "agreement" / "second_annotator_round2.jsonl")))
    assert r["n"] == 400 and r["kappa_conciliatory_vs_hostile"] >= 0.75
    assert len(r["disagreements"]) == round((1 - r["observed_agreement"]) * 400)


def test_corpus_v2_agreement_reproduces():
    from quotestance.corpus import agreement
    from quotestance.io import read_jsonl

    second = list(read_jsonl(REPO / "data" / "agreement" / "second_annotator_v2.jsonl"))
    r = agreement(load_corpus(REPO / "data"), second)
    assert r["n"] == 450 and all(s["id"][:2] in {"qf", "qg", "qh", "qi", "qj", "qk"} for s in second)
    assert r["kappa"] >= 0.95 and len(r["disagreements"]) == 3  # 4 before adjudication; one label changed
