"""Likely label errors: out-of-fold probabilities (grouped folds), ranked by cleanlab."""

import numpy as np

from quotestance.labelling import find_label_issues, out_of_fold_probs

WARM = [
    "We are ready to talk tomorrow without conditions.",
    "We welcome the release of the crew and thank our partners.",
    "Our door remains open to dialogue and cooperation.",
    "This agreement is a constructive first step for both nations.",
]
COLD = [
    "They will pay a heavy price for this provocation.",
    "We condemn this reckless act of aggression.",
    "Any further incursion will be met with force.",
    "This is piracy, and we will retaliate.",
]


def corpus():
    rows = []
    for g in range(12):
        for label, pool in (("conciliatory", WARM), ("hostile", COLD)):
            rows.append({"id": f"{label[0]}{g}", "text": f"{pool[g % 4]} Case {g}.", "label": label, "group": f"g{g}"})
    rows[3]["label"], rows[8]["label"] = "conciliatory", "hostile"  # two flipped labels: h1 and c4
    return rows


def test_flipped_labels_rank_first():
    rows = corpus()
    probs = out_of_fold_probs(rows, ["conciliatory", "hostile"], folds=3)
    assert probs.shape == (24, 2) and np.allclose(probs.sum(1), 1)
    issues = find_label_issues(rows, probs, ["conciliatory", "hostile"])
    assert {i["id"] for i in issues[:2]} == {"h1", "c4"}
    assert issues[0]["suggested_label"] != issues[0]["given_label"] and 0 <= issues[0]["self_confidence"] < 0.5


def test_no_row_is_scored_by_a_model_that_saw_its_group(monkeypatch):
    """Embeddings that identify the group: a model that had seen a row's group would be sure of its label."""
    from quotestance.labelling import audit

    rows = [
        {"id": f"r{g}-{k}", "text": f"g{g}", "label": ("conciliatory", "hostile")[g % 2], "group": f"g{g}"}
        for g in range(12)
        for k in range(2)
    ]
    monkeypatch.setattr(audit, "resolve_base_model", lambda name: name)
    monkeypatch.setattr(audit, "mean_pooled_embeddings", lambda model, texts: np.eye(12)[[int(t[1:]) for t in texts]] * 5)
    probs = out_of_fold_probs(rows, ["conciliatory", "hostile"], folds=4)
    assert probs.max() < 0.75  # held-out groups are unseen: nothing to be sure about


def test_fine_tuned_copies_from_a_model_config(tiny_binary_model):
    """With a model folder, K copies are fine-tuned from its config, each scoring only the rows it did not see."""
    rows = corpus()
    for r in rows:  # stored splits so that each fold's copy has train, validation and test rows
        r.update(source="tests", split=("train", "train", "validation", "test")[int(r["group"][1:]) % 4])
    probs = out_of_fold_probs(rows, ["conciliatory", "hostile"], folds=2, model=tiny_binary_model)
    assert probs.shape == (24, 2) and np.allclose(probs.sum(1), 1) and (probs > 0).all()
