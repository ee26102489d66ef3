"""Streaming predict/classify: every record accounted for, resumable after kill -9, atomic outputs."""

import json
import os
import signal
import subprocess
import sys
import time

import pyarrow.parquet as pq
import pytest

from quotestance.io import iter_records
from quotestance.runs import classify_rows, predict_articles
from quotestance.stance import StanceClassifier

ROWS = 5  # statements per ARTICLE: 3 direct quotes, and 2 reported statements that hold the 2 partial quotes
ARTICLE = (
    "Anika Voss, the German foreign minister, spoke in Berlin. “We are ready to talk without conditions,” Voss said. "
    "Russian envoy Ivan Petrov called the offer “a cynical trick” and said Moscow would “respond in kind”."
)


def write_collection(path, n, bad_every=0):
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            if bad_every and i % bad_every == 3:
                f.write("{this is not json\n")
            else:
                f.write(
                    json.dumps({"id": f"a{i}", "text": ARTICLE, "published": f"2026-0{1 + i % 9}-01", "country": ["X", "Y"][i % 2]}) + "\n"
                )


@pytest.fixture(scope="module")
def clf(tiny_model):
    return StanceClassifier.from_pretrained(tiny_model)


def test_every_record_ends_in_output_or_errors(tmp_path, clf):
    src = tmp_path / "in.jsonl"
    write_collection(src, 30, bad_every=10)
    (tmp_path / "empty.txt").write_text("")
    stats = predict_articles([src, tmp_path / "empty.txt"], tmp_path / "out" / "q.jsonl", clf, progress=False, chunk_size=4)
    rows = list(iter_records(tmp_path / "out" / "q.jsonl"))
    errors = list(iter_records(tmp_path / "out" / "q.errors.jsonl"))
    assert stats.records == 31 and len(errors) == 4 and len(rows) == 27 * ROWS
    assert {e["origin"] for e in errors} == {f"{src}:4", f"{src}:14", f"{src}:24", f"{tmp_path / 'empty.txt'}:1"}
    assert {r["speaker"] for r in rows} == {"Anika Voss", "Ivan Petrov"}
    assert all(set(r) >= {"article_id", "index", "text", "speaker", "label", "confidence", "probs", "score", "model"} for r in rows)
    assert not list((tmp_path / "out").glob("*.partial*")) and not list((tmp_path / "out").glob("*.progress*"))
    articles = list(iter_records(tmp_path / "out" / "q.articles.csv"))
    assert len(articles) == 27 and articles[0]["quotes"] == 3
    speakers = {r["speaker"]: r for r in iter_records(tmp_path / "out" / "q.speakers.csv")}
    assert speakers["Ivan Petrov"]["quotes"] == 54
    assert (tmp_path / "out" / "q.stance_over_time.png").stat().st_size > 1000
    affiliations = {r["speaker_affiliation"]: r for r in iter_records(tmp_path / "out" / "q.affiliations.csv")}
    assert int(affiliations["Russia"]["quotes"]) == 54 and int(affiliations["Germany"]["quotes"]) == 27
    assert {(r["speaker_affiliation"], r["target"]) for r in rows} <= {("Germany", "Russia"), ("Russia", "Germany"), ("Germany", None)}
    dyads = {(r["speaker_affiliation"], r["target"]): r for r in iter_records(tmp_path / "out" / "q.dyads.csv")}
    assert int(dyads[("Russia", "Germany")]["statements"]) == 54  # the partial quotes count once, with their reported statements
    assert (tmp_path / "out" / "q.dyads.png").exists() and not (tmp_path / "out" / "q.countries.csv").exists()
    summary = json.loads((tmp_path / "out" / "q.summary.json").read_text())
    assert summary["quotes"] == 81 and summary["errors"] == 4


def test_outputs_refuse_to_overwrite(tmp_path, clf):
    src = tmp_path / "in.jsonl"
    write_collection(src, 2)
    predict_articles(src, tmp_path / "q.jsonl", clf, progress=False)
    with pytest.raises(FileExistsError, match="--overwrite"):
        predict_articles(src, tmp_path / "q.jsonl", clf, progress=False)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_table_formats(tmp_path, clf, suffix):
    src = tmp_path / "in.jsonl"
    write_collection(src, 3)
    predict_articles(src, tmp_path / f"q{suffix}", clf, progress=False)
    rows = list(iter_records(tmp_path / f"q{suffix}"))
    assert len(rows) == 3 * ROWS and isinstance(rows[0]["probs"], dict)
    if suffix == ".parquet":
        assert pq.ParquetFile(tmp_path / "q.parquet").metadata.num_rows == 3 * ROWS


def test_empty_collection_gives_empty_outputs(tmp_path, clf):
    src = tmp_path / "none.jsonl"
    src.write_text("")
    stats = predict_articles(src, tmp_path / "q.jsonl", clf, progress=False)
    assert stats.outputs == 0 and (tmp_path / "q.jsonl").read_text() == ""
    assert json.loads((tmp_path / "q.summary.json").read_text())["quotes"] == 0


def test_classify_rows_keeps_fields(tmp_path, clf):
    src = tmp_path / "rows.csv"
    src.write_text("qid,quote,who\n1,We will talk.,A\n2,,B\n3,They will pay.,C\n")
    stats = classify_rows(src, tmp_path / "c.jsonl", clf, text_field="quote", id_field="qid", progress=False)
    rows = list(iter_records(tmp_path / "c.jsonl"))
    assert stats.outputs == 2 and [r["qid"] for r in rows] == ["1", "3"] and rows[0]["who"] == "A"
    assert [e["origin"] for e in iter_records(tmp_path / "c.errors.jsonl")] == [f"{src}:3"]


def _run_cli(args, **kw):
    return subprocess.Popen(
        [sys.executable, "-m", "quotestance.cli", *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw
    )


def test_kill_9_then_resume_gives_every_quote_once(tmp_path, tiny_model):
    src = tmp_path / "big.jsonl"
    write_collection(src, 1500, bad_every=100)
    out = tmp_path / "run" / "q.jsonl"
    args = ["predict", src, "-o", out, "--model", tiny_model, "--chunk-size", "10", "--no-progress"]
    proc = _run_cli(args)
    progress = out.with_name("q.jsonl.progress.jsonl")
    deadline = time.time() + 120
    while time.time() < deadline and (not progress.exists() or progress.read_text().count("\n") < 5):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "the final output appears only when the run completes"
    done_before = progress.read_text().count("\n")
    assert 5 <= done_before < 150, "killed mid-run"
    proc = _run_cli([*args, "--resume"])
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    rows = list(iter_records(out))
    keys = [(r["article_id"], r["index"]) for r in rows]
    assert len(keys) == len(set(keys)) == (1500 - 15) * ROWS
    errors = list(iter_records(out.with_name("q.errors.jsonl")))
    assert len(errors) == 15 and len({e["origin"] for e in errors}) == 15


def test_unfinished_run_needs_resume_or_overwrite(tmp_path, clf):
    src = tmp_path / "in.jsonl"
    write_collection(src, 2)
    out = tmp_path / "q.jsonl"
    out.with_name("q.jsonl.progress.jsonl").write_text("")  # the progress file marks an unfinished run
    with pytest.raises(FileExistsError, match="--resume"):
        predict_articles(src, out, clf, progress=False)


def test_zero_quote_articles_are_in_the_manifest_and_article_table(tmp_path, clf):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "quiet", "text": "No one was quoted in this dispatch."})
        + "\n"
        + json.dumps({"id": "loud", "text": ARTICLE})
        + "\n"
    )
    predict_articles(src, tmp_path / "q.jsonl", clf, progress=False)
    manifest = list(iter_records(tmp_path / "q.manifest.jsonl"))
    assert [(m["article_id"], m["quotes"]) for m in manifest] == [("quiet", 0), ("loud", ROWS)]
    articles = list(iter_records(tmp_path / "q.articles.csv"))
    assert [(a["article_id"], a["quotes"]) for a in articles] == [("quiet", 0), ("loud", 3)]  # partial quotes counted once


def test_output_inside_the_input_folder_is_not_read_back(tmp_path, clf):
    write_collection(tmp_path / "in.jsonl", 3)
    predict_articles(tmp_path, tmp_path / "q.jsonl", clf, progress=False)
    stats = predict_articles(tmp_path, tmp_path / "q.jsonl", clf, progress=False, overwrite=True)
    assert stats.records == 3 and stats.errors == 0


def test_dates_that_cannot_be_read_do_not_break_summaries(tmp_path, clf):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps({"id": f"d{i}", "text": ARTICLE, "published": p}) + "\n"
            for i, p in enumerate(["3 March 2024", "sometime last week", "2024/03/05"])
        )
    )
    predict_articles(src, tmp_path / "q.jsonl", clf, progress=False)
    assert [m["published"] for m in iter_records(tmp_path / "q.manifest.jsonl")] == ["2024-03-03", "sometime last week", "2024-03-05"]


def test_resume_of_a_finished_run_does_nothing(tmp_path, clf):
    src = tmp_path / "in.jsonl"
    write_collection(src, 4)
    out = tmp_path / "q.jsonl"
    predict_articles(src, out, clf, progress=False)
    before = out.read_bytes()
    stats = predict_articles(src, out, clf, progress=False, resume=True)
    assert stats.records == 0 and out.read_bytes() == before


def test_damaged_work_files_are_refused_not_padded(tmp_path, clf):
    src = tmp_path / "in.jsonl"
    write_collection(src, 4)
    out = tmp_path / "q.jsonl"
    progress = out.with_name("q.jsonl.progress.jsonl")
    progress.write_text(json.dumps({"keys": [], "offsets": {"output": 500, "errors": 0, "manifest": 0}}) + "\n")
    out.with_name("q.jsonl.partial.jsonl").write_text("short\n")
    with pytest.raises(ValueError, match="damaged"):
        predict_articles(src, out, clf, progress=False, resume=True)


def test_classify_keeps_text_exactly(tmp_path, clf):
    src = tmp_path / "rows.jsonl"
    src.write_text(json.dumps({"id": "001", "text": "Read more: we will never accept this"}) + "\n")
    classify_rows(src, tmp_path / "c.parquet", clf, progress=False)
    [row] = list(iter_records(tmp_path / "c.parquet"))
    assert row["id"] == "001" and row["text"] == "Read more: we will never accept this"


def test_classify_never_overwrites_input_columns(tmp_path, clf):
    src = tmp_path / "gold.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "We will talk.", "label": "conciliatory"}) + "\n")
    classify_rows(src, tmp_path / "c.jsonl", clf, progress=False)
    [row] = list(iter_records(tmp_path / "c.jsonl"))
    assert row["label"] == "conciliatory" and row["pred_label"] in clf.labels and "confidence" in row and "pred_confidence" not in row


def test_parquet_keeps_every_column_and_mixed_types(tmp_path, clf):
    src = tmp_path / "rows.jsonl"
    rows = [{"id": str(i), "text": f"We will talk {i}.", "year": None if i < 3 else (2024 if i == 3 else "unknown")} for i in range(6)]
    rows[4]["note"] = "only here"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    classify_rows(src, tmp_path / "c.parquet", clf, progress=False, chunk_size=2)
    out = list(iter_records(tmp_path / "c.parquet"))
    assert [r["year"] for r in out] == [None, None, None, "2024", "unknown", "unknown"]
    assert [r["note"] for r in out] == [None, None, None, None, "only here", None]


def test_impossible_dates_do_not_break_summaries(tmp_path, clf):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "text": ARTICLE, "published": "2024-02-30"}) + "\n")
    predict_articles(src, tmp_path / "q.jsonl", clf, progress=False)
    assert json.loads((tmp_path / "q.summary.json").read_text())["quotes"] == 3


def test_kill_inside_finish_then_resume_does_not_recompute(tmp_path, clf):
    src = tmp_path / "in.jsonl"
    write_collection(src, 4)
    out = tmp_path / "q.jsonl"
    predict_articles(src, out, clf, progress=False)
    out.with_name("q.jsonl.partial.jsonl").write_text("left over by a kill after the final files were written\n")
    stats = predict_articles(src, out, clf, progress=False, resume=True)
    assert stats.records == 0 and not out.with_name("q.jsonl.partial.jsonl").exists()
    assert len(list(iter_records(out))) == 4 * ROWS


def test_earlier_outputs_in_a_subfolder_are_not_read(tmp_path, clf):
    write_collection(tmp_path / "in.jsonl", 2)
    predict_articles(tmp_path, tmp_path / "out" / "q1.jsonl", clf, progress=False)
    stats = predict_articles(tmp_path, tmp_path / "out" / "q2.jsonl", clf, progress=False)
    assert stats.records == 2 and stats.errors == 0


def test_extract_runs_through_the_resumable_runner(tmp_path, monkeypatch):
    """One article whose extraction fails lands in the errors file; the run goes on and accounts for it."""
    from quotestance.runs import extract_articles, runner

    src = tmp_path / "in.jsonl"
    write_collection(src, 5)
    real = runner.extract_statements

    def flaky(article, nlp=None):
        if article.id == "a2":
            raise RuntimeError("a parser bug")
        return real(article, nlp)

    monkeypatch.setattr(runner, "extract_statements", flaky)
    stats = extract_articles(src, tmp_path / "out" / "s.parquet", progress=False, chunk_size=2)
    rows = list(iter_records(tmp_path / "out" / "s.parquet"))
    [error] = list(iter_records(tmp_path / "out" / "s.errors.jsonl"))
    assert stats.records == 5 and len(rows) == 4 * ROWS and {r["article_id"] for r in rows} == {"a0", "a1", "a3", "a4"}
    assert error == {"origin": f"{src}:3", "record_id": "a2", "stage": "extract", "reason": "RuntimeError: a parser bug"}
    assert "label" not in rows[0] and rows[0]["speaker"] == "Anika Voss"
    manifest = list(iter_records(tmp_path / "out" / "s.manifest.jsonl"))
    assert [m["article_id"] for m in manifest] == ["a0", "a1", "a3", "a4"] and manifest[0]["quotes"] == ROWS


def test_run_files_are_never_read_back_and_shared_stems_are_refused(tmp_path, clf):
    """A second run over a folder holding an earlier run's outputs reads only articles; q.parquet beside q.jsonl would
    overwrite q.jsonl's errors and manifest, so it is refused without --overwrite."""
    (tmp_path / "a.txt").write_text(ARTICLE)
    predict_articles(tmp_path, tmp_path / "run1.jsonl", clf, progress=False, ner=False)
    (tmp_path / "run1.report.html").write_text("<p>“We are ready,” Voss said.</p>")
    stats = predict_articles(tmp_path, tmp_path / "run2.jsonl", clf, progress=False, ner=False)
    assert stats.records == 1 and stats.outputs == ROWS
    with pytest.raises(FileExistsError, match=r"run2\.(errors|manifest)\.jsonl: output exists"):
        predict_articles(tmp_path / "a.txt", tmp_path / "run2.parquet", clf, progress=False, ner=False)
