import json
import math

import pytest
from conftest import tiny_config

from quotestance.training import train
from quotestance.training.distil import SoftLabels, distil_loss, make_soft_labels, pool_files, pool_fingerprint, read_pool, text_key


def test_loss_is_cross_entropy_without_soft_labels():
    import torch
    import torch.nn.functional as F

    logits = torch.tensor([[2.0, 0.1, -1.0], [0.3, 0.2, 0.9]])
    labels = torch.tensor([0, 2])
    assert distil_loss(0.5, 2.0, None)(logits, labels, None).item() == pytest.approx(F.cross_entropy(logits, labels).item())
    w = [1.0, 1.0, 3.0]
    weighted = distil_loss(0.5, 2.0, w)(logits, labels, None).item()
    per_row = F.cross_entropy(logits, labels, reduction="none")
    assert weighted == pytest.approx(((per_row[0] + 3 * per_row[1]) / 2).item())
    smoothed = distil_loss(0.5, 2.0, None, smoothing=0.1)(logits, labels, None).item()
    assert smoothed == pytest.approx(F.cross_entropy(logits, labels, label_smoothing=0.1).item())
    assert smoothed != pytest.approx(F.cross_entropy(logits, labels).item())


def test_loss_mixes_teacher_and_gold_and_pool_rows_learn_from_the_teacher_alone():
    import torch
    import torch.nn.functional as F

    logits = torch.tensor([[2.0, 0.1, -1.0], [0.3, 0.2, 0.9], [0.0, 1.0, 0.0]])
    labels = torch.tensor([0, -100, 1])
    soft = torch.tensor([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [float("nan")] * 3])
    loss = distil_loss(0.25, 1.0, None)(logits, labels, soft).item()
    kl = [F.kl_div(logits[i].log_softmax(-1), soft[i], reduction="sum").item() for i in (0, 1)]
    ce = [F.cross_entropy(logits[i : i + 1], labels[i : i + 1]).item() for i in (0, 2)]
    expected = (0.25 * kl[0] + 0.75 * ce[0] + kl[1] + ce[1]) / 3  # row 1: pool, teacher only; row 2: no soft label, gold only
    assert loss == pytest.approx(expected, rel=1e-4)
    assert distil_loss(0.25, 1.0, None)(logits, labels, soft).requires_grad is False  # plain tensors in, no graph invented


def test_teacher_soft_labels_round_trip_and_cover_train_and_pool_only(tmp_path, tiny_model, tiny_corpus):
    from quotestance.corpus import load_corpus
    from quotestance.stance import StanceClassifier

    pool = tmp_path / "pool.jsonl"
    pool.write_text("".join(json.dumps({"id": f"p{i}", "text": t}) + "\n" for i, t in enumerate(["We will talk.", "They lied."])))
    out = tmp_path / "soft.json"
    meta = make_soft_labels(tiny_model, [str(tiny_corpus)], pool, out)
    rows = load_corpus(tiny_corpus)
    train_rows = [r for r in rows if r["split"] == "train"]
    assert meta["n_pool_rows"] == 2 and meta["n_train_rows"] == len({r["text"] for r in train_rows})
    soft = SoftLabels.read(out)
    assert len(soft.probs) == meta["n_train_rows"] + 2
    held = [r for r in rows if r["split"] != "train"]
    assert not any(text_key(r["text"]) in soft.probs for r in held), "validation and test rows never get soft labels"
    clf = StanceClassifier.from_pretrained(tiny_model)
    got = soft.for_texts(["They lied.", "never seen"], tuple(reversed(clf.labels)))
    want = clf.predict_proba(["They lied."])[0][::-1]
    assert got[0] == pytest.approx(want, abs=1e-4) and all(math.isnan(v) for v in got[1])
    assert meta["pool_fingerprint"] and meta["teacher_fingerprint"] != "?"


def test_a_student_trains_on_soft_labels_and_pool(tmp_path, tiny_model, tiny_base, tiny_corpus):
    pool = tmp_path / "pool.jsonl"
    pool.write_text("".join(json.dumps({"id": f"p{i}", "text": f"Pool statement {i}."}) + "\n" for i in range(40)))
    soft = tmp_path / "soft.json"
    make_soft_labels(tiny_model, [str(tiny_corpus)], pool, soft)
    folder = train(tiny_config(tiny_base, tiny_corpus, tmp_path / "student", soft_labels=str(soft), epochs=1.0))
    info = json.loads((folder / "quotestance.json").read_text())
    assert info["train_config"]["soft_labels"] == str(soft) and 0 <= info["metrics"]["test"]["macro_f1"] <= 1
    log = [json.loads(line) for line in (folder / "training_log.jsonl").read_text().splitlines()]
    steps = max(e.get("step", 0) for e in log)
    plain = train(tiny_config(tiny_base, tiny_corpus, tmp_path / "plain", epochs=1.0))
    plain_steps = max(e.get("step", 0) for e in (json.loads(x) for x in (plain / "training_log.jsonl").read_text().splitlines()))
    assert steps > plain_steps, "the pool adds training rows"


def test_a_bad_pool_line_is_named(tmp_path):
    pool = tmp_path / "pool.jsonl"
    pool.write_text('{"id": "a", "text": "ok"}\n{"id": "b"}\n')
    with pytest.raises(ValueError, match=r"pool.jsonl:2"):
        read_pool(pool)


def test_a_pool_folder_reads_its_parts_in_order_and_fingerprints_like_one_file(tmp_path):
    folder = tmp_path / "pool"
    folder.mkdir()
    (folder / "part-2.jsonl").write_text('{"id": "c", "text": "three"}\n')
    (folder / "part-1.jsonl").write_text('{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}\n')
    (folder / "notes.md").write_text("not a part")
    assert [r["id"] for r in read_pool(folder)] == ["a", "b", "c"]
    whole = tmp_path / "whole.jsonl"
    whole.write_text((folder / "part-1.jsonl").read_text() + (folder / "part-2.jsonl").read_text())
    assert pool_fingerprint(folder) == pool_fingerprint(whole)
    (folder / "part-3.jsonl").write_text('{"id": "a", "text": "again"}\n')
    with pytest.raises(ValueError, match=r"part-3.jsonl:1: duplicate id 'a'"):
        read_pool(folder)
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match=r"no \*\.jsonl"):
        read_pool(tmp_path / "empty")


def test_soft_labels_for_other_labels_are_refused(tmp_path, tiny_binary_model, tiny_base, tiny_corpus):
    soft = tmp_path / "soft.json"
    make_soft_labels(tiny_binary_model, [str(tiny_corpus)], None, soft)
    with pytest.raises(ValueError, match="soft labels for"):
        train(tiny_config(tiny_base, tiny_corpus, tmp_path / "s", soft_labels=str(soft), epochs=1.0))


AFTER_TEACHER: tuple[str, ...] = ()  # id prefixes of corpus files added after data/distil/soft_labels.json was made


def test_the_committed_soft_labels_cover_the_corpus_and_the_pool():
    """The default recipe reads data/distil/soft_labels.json: it must match the corpus's train rows and the pool."""
    from conftest import REPO

    from quotestance.corpus import load_corpus

    soft = SoftLabels.read(REPO / "data" / "distil" / "soft_labels.json")
    pool = REPO / soft.pool
    assert soft.meta["pool_fingerprint"] == pool_fingerprint(pool), "pool edited: regenerate the soft labels"
    assert all(p.stat().st_size < 2_000_000 for p in pool_files(pool)), "no file over 2 MB: start a new part"
    rows = load_corpus(REPO / "data" / "quotes")
    train = {text_key(r["text"]) for r in rows if r["split"] == "train"}
    held = {text_key(r["text"]) for r in rows if r["split"] != "train"}
    missing = train - set(soft.probs)
    # rows written after the teacher (none since it was retrained on 2026-12-03) learn from their gold labels alone
    later = {text_key(r["text"]) for r in rows if r["split"] == "train" and AFTER_TEACHER and r["id"].startswith(AFTER_TEACHER)}
    assert missing <= later, f"{len(missing - later)} train rows have no soft label: regenerate them"
    assert not held & set(soft.probs), "validation or test rows must never carry the teacher's labels"
    assert {text_key(r["text"]) for r in read_pool(pool)} <= set(soft.probs)
    assert all(abs(sum(p) - 1) < 1e-3 for p in soft.probs.values())


def test_row_weights_scale_each_rows_loss():
    import torch
    import torch.nn.functional as F

    logits = torch.tensor([[2.0, 0.1, -1.0], [0.3, 0.2, 0.9]])
    labels = torch.tensor([0, 2])
    soft = torch.tensor([[0.7, 0.2, 0.1], [float("nan")] * 3])
    loss = distil_loss(0.5, 1.0, None)
    plain = loss(logits, labels, soft)
    rows = torch.tensor([1.0, 2.0])
    ce = F.cross_entropy(logits[1:], labels[1:]).item()
    assert loss(logits, labels, soft, rows).item() == pytest.approx(plain.item() + ce / 2, rel=1e-5)  # row 1 counted twice
    assert loss(logits, labels, None, rows).item() > loss(logits, labels, None).item()
