"""Label Studio exports back into corpus rows: annotators and agreement kept, nothing dropped silently, clear errors."""

import copy
import json

import pytest
from conftest import REPO

from quotestance.cli import main
from quotestance.corpus import import_label_studio
from quotestance.corpus.label_studio import read_export, task
from quotestance.io import iter_records

EXPORT = REPO / "tests" / "fixtures" / "label_studio_export.json"


def test_majority_labels_with_annotators_and_agreement():
    export = read_export(EXPORT)
    [hostile, conciliatory] = export.rows
    assert hostile["label"] == "hostile" and hostile["annotators"] == ["ana@example.org", "ben@example.org", "cem@example.org"]
    assert hostile["agreement"] == pytest.approx(2 / 3, abs=1e-4) and hostile["speaker"] == "Ivan Petrov"
    assert conciliatory["label"] == "conciliatory" and conciliatory["annotators"] == ["7"] and conciliatory["agreement"] == 1.0
    assert [(r["task_id"], r["reason"].split(":")[0]) for r in export.refused] == [(103, "conflicting choices"), (104, "no choice")]


def test_rows_are_valid_corpus_rows_with_their_own_groups(tmp_path):
    from quotestance.corpus import load_corpus

    out = tmp_path / "rows.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in read_export(EXPORT).rows))
    rows = load_corpus(out)
    # a task that names its article is grouped by it (its statements share a split); one that does not is its own group
    assert [r["group"] for r in rows] == ["ls-label_studio_export-article-a1", "ls-label_studio_export-102"]
    assert all(r["split"] in ("train", "validation", "test") for r in rows)


def _broken(tmp_path, edit):
    tasks = json.loads(EXPORT.read_text())
    edit(tasks)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks))
    return path


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda t: t[1].update(id=101), "task 101: duplicate task id"),
        (lambda t: t[1]["data"].pop("text"), "task 102: no data.text"),
        (lambda t: t[1]["annotations"][0]["result"][0]["value"].update(choices=["Angry"]), "task 102: unknown choice 'Angry'"),
        (lambda t: t[0]["annotations"][0]["result"][0].update(type="labels", from_name="ner"), "task 101: a 'labels' result named 'ner'"),
    ],
)
def test_bad_exports_name_the_task_and_write_nothing(tmp_path, capsys, edit, message):
    path = _broken(tmp_path, edit)
    with pytest.raises(ValueError, match=message):
        read_export(path)
    out = tmp_path / "rows.jsonl"
    assert main(["data", "import", "label_studio", str(path), "-o", str(out)]) == 2
    assert message in capsys.readouterr().err and not out.exists() and not (tmp_path / "rows.refused.csv").exists()


def test_cli_writes_rows_and_refused_tasks(tmp_path, capsys):
    out = tmp_path / "rows.jsonl"
    assert main(["data", "import", "label_studio", str(EXPORT), "-o", str(out)]) == 0
    assert [r["id"] for r in iter_records(out)] == ["ls-label_studio_export-101", "ls-label_studio_export-102"]
    assert [str(r["task_id"]) for r in iter_records(tmp_path / "rows.refused.csv")] == [
        "103",
        "104",
    ]  # not *.jsonl: a corpus folder reads those
    assert "2 tasks refused" in capsys.readouterr().out
    assert main(["data", "import", "label_studio", str(EXPORT), "-o", str(out)]) == 2  # no silent replacement
    assert main(["data", "import", "label_studio", str(EXPORT), "-o", str(out), "--overwrite"]) == 0


def test_the_importer_refuses_to_drop_tasks_silently():
    with pytest.raises(ValueError, match="2 tasks have no usable label"):
        list(import_label_studio(EXPORT))


def test_a_choice_map_maps_other_names(tmp_path):
    path = _broken(tmp_path, lambda t: t[1]["annotations"][0]["result"][0]["value"].update(choices=["positive"]))
    rows = read_export(path, {"positive": "conciliatory"}).rows
    assert rows[1]["label"] == "conciliatory"


def test_tasks_carry_the_prediction_in_label_studio_form():
    t = task({"text": "We are ready."}, "hostile", 0.61, "m@1")
    assert t["predictions"][0]["result"][0] == {
        "from_name": "stance",
        "to_name": "text",
        "type": "choices",
        "value": {"choices": ["Hostile"]},
    }
    assert copy.deepcopy(t)["predictions"][0]["score"] == 0.61
