import json
from pathlib import Path

import pytest
from conftest import make_corpus, tiny_config

from quotestance.training import load_splits, train


def test_model_folder_contract(tiny_model):
    files = {p.name for p in tiny_model.iterdir()}
    assert {"config.json", "model.safetensors", "quotestance.json", "README.md", "training_log.jsonl", "eval"} <= files
    assert not any(p.suffix in {".bin", ".pt", ".pkl", ".pth"} for p in tiny_model.rglob("*")), "no pickles in a model folder"
    info = json.loads((tiny_model / "quotestance.json").read_text())
    assert info["labels"] == ["conciliatory", "hostile", "neutral"] and info["temperature"] > 0  # the default is three-class
    assert set(info["baselines"]) == {"majority", "tfidf_logreg"} and len(info["corpus_fingerprint"]) == 16
    assert 0 <= info["metrics"]["test"]["macro_f1"] <= 1 and info["metrics"]["ece_after"] >= 0
    config = json.loads((tiny_model / "config.json").read_text())
    assert config["id2label"] == {"0": "conciliatory", "1": "hostile", "2": "neutral"}
    assert {p.name for p in (tiny_model / "eval").iterdir()} >= {"metrics.json", "confusion_matrix.png", "reliability.png"}
    card = (tiny_model / "README.md").read_text()
    assert f"{info['metrics']['test']['macro_f1']:.3f}" in card and "tfidf_logreg" in card
    assert not tiny_model.with_name(tiny_model.name + ".checkpoints").exists()


def test_reported_test_metrics_match_the_saved_model(tmp_path, tiny_base, tiny_corpus):
    """The card's numbers are the saved model's on the test split, row for row (catches misaligned logits)."""
    import numpy as np

    from quotestance.metrics import point_metrics
    from quotestance.stance import StanceClassifier

    cfg = tiny_config(
        tiny_base, tiny_corpus, tmp_path / "m", epochs=12.0, learning_rate=3e-3, early_stopping_patience=20, group_by_length=True
    )
    folder = train(cfg)
    info = json.loads((folder / "quotestance.json").read_text())
    clf = StanceClassifier.from_pretrained(folder)
    rows = load_splits(cfg)["test"]
    y = np.array([clf.labels.index(r["label"]) for r in rows])
    probs = clf.predict_proba([r["text"] for r in rows])
    assert len(set(probs.argmax(1))) == len(clf.labels), "the tiny model should predict every label for this check to bite"
    assert point_metrics(y, probs, clf.labels)["accuracy"] == pytest.approx(info["metrics"]["test"]["accuracy"])


def test_transformers_pipeline_loads_the_folder(tiny_model):
    from transformers import pipeline

    clf = pipeline("text-classification", model=str(tiny_model))
    out = clf("We are ready to talk.")
    assert out[0]["label"] in {"conciliatory", "hostile"}


def test_two_runs_give_identical_metrics(tmp_path, tiny_base, tiny_corpus):
    a = train(tiny_config(tiny_base, tiny_corpus, tmp_path / "a", epochs=1.0))
    b = train(tiny_config(tiny_base, tiny_corpus, tmp_path / "b", epochs=1.0))
    ma = json.loads((a / "quotestance.json").read_text())["metrics"]["test"]
    mb = json.loads((b / "quotestance.json").read_text())["metrics"]["test"]
    assert ma == mb


def test_resume_continues_the_schedule(tmp_path, tiny_base, tiny_corpus):
    out = tmp_path / "r"
    cfg = tiny_config(tiny_base, tiny_corpus, out, epochs=2.0, keep_checkpoints=True)
    train(cfg)
    log = [json.loads(line) for line in (out / "training_log.jsonl").read_text().splitlines()]
    first_steps = max(e["step"] for e in log if "step" in e)
    ckpts = sorted((tmp_path / "r.checkpoints").glob("checkpoint-*"), key=lambda p: int(p.name.split("-")[1]))
    assert ckpts, "checkpoints kept"
    for extra in ckpts[1:]:  # keep only the first epoch's checkpoint: resume must run the second epoch
        import shutil

        shutil.rmtree(extra)
    train(cfg, resume=True)
    log2 = [json.loads(line) for line in (out / "training_log.jsonl").read_text().splitlines()]
    lrs = [e["learning_rate"] for e in log2 if "learning_rate" in e]
    assert max(e["step"] for e in log2 if "step" in e) == first_steps
    assert lrs[-1] < lrs[0]  # the schedule kept decaying, it did not restart


@pytest.mark.parametrize(
    "kw, message",
    [
        ({"base_model": "/no/such/model"}, "not found|no config.json"),
        ({"base_model": "no-such-org/no-such-model"}, "not in the Hugging Face cache"),
    ],
)
def test_missing_base_model_fails_before_training(tmp_path, tiny_corpus, kw, message):
    with pytest.raises(FileNotFoundError, match=message):
        train(tiny_config("unused", tiny_corpus, tmp_path / "m", **kw))


def test_existing_output_needs_overwrite(tmp_path, tiny_base, tiny_corpus):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "keep.txt").write_text("x")
    with pytest.raises(FileExistsError, match="--overwrite"):
        train(tiny_config(tiny_base, tiny_corpus, tmp_path / "m"))


def test_label_outside_the_set_and_empty_split(tmp_path, tiny_base):
    bad = make_corpus(tmp_path / "bad.jsonl", n_groups=3)
    with open(bad, "a") as f:
        f.write(json.dumps({"id": "z", "text": "so so", "label": "angry", "group": "g", "source": "s"}) + "\n")
    with pytest.raises(ValueError, match="label 'angry'"):
        load_splits(tiny_config(tiny_base, bad, tmp_path / "m"))
    one = make_corpus(tmp_path / "one.jsonl", n_groups=1)
    with pytest.raises(ValueError, match="split is empty"):
        load_splits(tiny_config(tiny_base, one, tmp_path / "m"))


def test_three_class_and_extra_data_weights(tmp_path, tiny_base, tiny_corpus):
    extra = make_corpus(tmp_path / "extra.jsonl", n_groups=4, seed=3)
    cfg = tiny_config(
        tiny_base,
        tiny_corpus,
        tmp_path / "m",
        label_set="three_class",
        extra_data=[{"path": str(extra), "format": "corpus", "weight": 0.5}],
    )
    base = tiny_config(tiny_base, tiny_corpus, tmp_path / "m", label_set="three_class")
    assert len(load_splits(cfg)["train"]) == len(load_splits(base)["train"]) + 6  # half of 12 rows
    assert {r["label"] for r in load_splits(base)["train"]} == {"conciliatory", "hostile", "neutral"}


def test_extra_data_weight_two_repeats_every_row(tmp_path, tiny_base, tiny_corpus):
    extra = make_corpus(tmp_path / "extra.jsonl", n_groups=4, seed=3)
    base = load_splits(tiny_config(tiny_base, tiny_corpus, tmp_path / "m"))["train"]
    doubled = load_splits(
        tiny_config(tiny_base, tiny_corpus, tmp_path / "m", extra_data=[{"path": str(extra), "format": "corpus", "weight": 2.0}])
    )["train"]
    assert len(doubled) == len(base) + 2 * 12  # the extra file's 12 rows (all three labels), each twice


def test_extra_data_hash_half_keeps_one_part(tmp_path, tiny_base, tiny_corpus):
    from quotestance.corpus.importers import hash_split

    extra = make_corpus(tmp_path / "extra.jsonl", n_groups=40, seed=5)
    base = load_splits(tiny_config(tiny_base, tiny_corpus, tmp_path / "m"))["train"]
    mixed = load_splits(
        tiny_config(tiny_base, tiny_corpus, tmp_path / "m", extra_data=[{"path": str(extra), "format": "corpus", "hash_half": "train"}])
    )["train"]
    added = mixed[len(base) :]
    assert added and all(hash_split(r["text"]) == "train" for r in added)
    assert len(added) < sum(1 for _ in open(extra))  # the test part stayed out
    with pytest.raises(ValueError, match="hash_half"):
        tiny_config(tiny_base, tiny_corpus, tmp_path / "m", extra_data=[{"path": str(extra), "format": "corpus", "hash_half": "dev"}])


def test_freeze_embeddings_keeps_the_word_embeddings(tmp_path, tiny_base, tiny_corpus):
    """Frozen word embeddings come out as the base model has them; every other weight still learns."""
    from safetensors.numpy import load_file

    folder = train(tiny_config(tiny_base, tiny_corpus, tmp_path / "m", epochs=1.0, learning_rate=3e-3, freeze_embeddings=True))
    (base_file,) = Path(tiny_base).glob("*.safetensors")
    base, tuned = load_file(str(base_file)), load_file(str(folder / "model.safetensors"))

    def weight(weights: dict, suffix: str):
        return next(v for k, v in weights.items() if k.endswith(suffix))

    assert (weight(tuned, "word_embeddings.weight") == weight(base, "word_embeddings.weight")).all()
    assert not (weight(tuned, "layer.0.attention.self.query.weight") == weight(base, "layer.0.attention.self.query.weight")).all()


@pytest.mark.parametrize("keep_best", [True, False])
def test_keep_best_epoch_false_trains_every_epoch_and_keeps_the_last(tmp_path, tiny_base, tiny_corpus, keep_best):
    """A learning rate of zero never improves validation: early stopping ends the run after `patience` epochs when
    the best epoch is kept, while keep_best_epoch=false runs every epoch."""
    out = tmp_path / "m"
    train(tiny_config(tiny_base, tiny_corpus, out, epochs=4.0, learning_rate=0.0, early_stopping_patience=1, keep_best_epoch=keep_best))
    log = [json.loads(line) for line in (out / "training_log.jsonl").read_text().splitlines()]
    evaluated = sorted({round(e["epoch"]) for e in log if "eval_macro_f1" in e})
    assert evaluated == ([1, 2] if keep_best else [1, 2, 3, 4])
