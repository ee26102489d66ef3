import pytest

from quotestance.labels import BINARY, THREE_CLASS, id2label, label2id, label_set, stance_score


def test_binary_ids_are_a_prefix_of_three_class():
    assert THREE_CLASS[: len(BINARY)] == BINARY
    assert label2id(THREE_CLASS)["neutral"] == 2
    assert id2label(BINARY) == {0: "conciliatory", 1: "hostile"}


def test_stance_score_range_and_sign():
    assert stance_score({"conciliatory": 1.0, "hostile": 0.0}) == -1.0
    assert stance_score({"conciliatory": 0.0, "hostile": 1.0}) == 1.0
    assert stance_score({"conciliatory": 0.2, "hostile": 0.3, "neutral": 0.5}) == pytest.approx(0.1)


def test_unknown_label_set():
    with pytest.raises(ValueError, match="unknown label set"):
        label_set("five_class")
