import json
import shutil

import numpy as np
import pytest

from quotestance.stance import StanceClassifier


def test_predict_single_and_batch(tiny_model):
    clf = StanceClassifier.from_pretrained(tiny_model, batch_size=2)
    one = clf.predict("We are ready to talk.")
    assert one["label"] in clf.labels and one["confidence"] == max(one["probs"].values())
    assert one["score"] == pytest.approx(one["probs"]["hostile"] - one["probs"]["conciliatory"])
    texts = ["a", "We condemn this reckless act of aggression in the strongest terms.", "We welcome it."]
    many = clf.predict(texts)
    probs = clf.predict_proba(texts)
    assert len(many) == 3 and np.allclose(probs.sum(1), 1)
    assert [m["label"] for m in many] == [clf.labels[i] for i in probs.argmax(1)]
    assert clf.predict([]) == [] and clf.predict_proba([]).shape == (0, len(clf.labels))


def test_length_sorted_batching_keeps_input_order(tiny_model):
    clf = StanceClassifier.from_pretrained(tiny_model, batch_size=2)
    texts = ["short", "a much longer text " * 10, "mid length text here"]
    one_by_one = np.stack([clf.predict_proba(t) for t in texts])
    assert np.allclose(clf.predict_proba(texts), one_by_one, atol=1e-5)


def test_temperature_is_applied(tiny_model):
    clf = StanceClassifier.from_pretrained(tiny_model)
    logits = clf.logits(["We are ready."])
    clf.temperature = 2.0
    p = clf.predict_proba(["We are ready."])
    e = np.exp(logits[0] / 2.0)
    assert np.allclose(p[0], e / e.sum(), atol=1e-6)


def _copy(src, dst):
    shutil.copytree(src, dst)
    return dst


def test_bad_model_folders_fail_before_work(tmp_path, tiny_model):
    with pytest.raises(FileNotFoundError, match="model folder not found"):
        StanceClassifier.from_pretrained(tmp_path / "nothing")
    m = _copy(tiny_model, tmp_path / "pickled")
    (m / "model.safetensors").rename(m / "pytorch_model.bin")
    with pytest.raises(ValueError, match="pickle"):
        StanceClassifier.from_pretrained(m)
    m = _copy(tiny_model, tmp_path / "notok")
    (m / "tokenizer.json").unlink()
    (m / "tokenizer_config.json").unlink()
    with pytest.raises(FileNotFoundError, match="tokenizer"):
        StanceClassifier.from_pretrained(m)
    m = _copy(tiny_model, tmp_path / "labels")
    info = json.loads((m / "quotestance.json").read_text())
    info["labels"] = ["hostile", "conciliatory"]
    (m / "quotestance.json").write_text(json.dumps(info))
    with pytest.raises(ValueError, match="do not match"):
        StanceClassifier.from_pretrained(m)


def test_a_binary_view_of_a_three_class_model(tiny_model):
    three = StanceClassifier.from_pretrained(tiny_model)
    assert "neutral" in three.labels  # the default recipe is three-class
    view = StanceClassifier.from_pretrained(tiny_model, view="binary")
    texts = ["We welcome the talks.", "This is an outrage.", "The meeting is on Monday.", "a"]
    for full, shown in zip(three.predict(texts), view.predict(texts)):
        assert shown["probs"] == full["probs"] and shown["score"] == full["score"]  # all three probabilities stay
        p = full["probs"]
        assert shown["label"] == ("hostile" if p["hostile"] > p["conciliatory"] else "conciliatory")
        assert shown["confidence"] == pytest.approx(p[shown["label"]] / (p["hostile"] + p["conciliatory"]))
    assert view.name.endswith("[binary view]")
    with pytest.raises(ValueError, match="label view"):
        StanceClassifier.from_pretrained(tiny_model, view="four")
