"""The model folder contract: ModelInfo round-trips, and folders written by quotestance 0.1.0 still load."""

import json
import shutil

import pytest
from conftest import REPO

from quotestance.stance import ModelInfo, StanceClassifier, check_model_folder

OLD = REPO / "tests" / "fixtures" / "model_v0_1_0"  # quotestance.json, config.json, card: as the 0.1.0 code wrote them


@pytest.fixture()
def old_folder(tmp_path):
    """The 0.1.0 folder's JSON files with weights and tokenizer made here (the weights are not committed)."""
    import torch
    from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

    from quotestance.stance import default_model_path

    folder = tmp_path / "model"
    shutil.copytree(OLD, folder)
    torch.manual_seed(0)
    AutoModelForSequenceClassification.from_config(AutoConfig.from_pretrained(folder)).save_pretrained(folder)
    AutoTokenizer.from_pretrained(default_model_path(), local_files_only=True).save_pretrained(folder)
    shutil.copy(OLD / "quotestance.json", folder / "quotestance.json")  # the old file, not one re-saved by this version
    return folder


def test_a_folder_from_version_0_1_0_loads_and_predicts(old_folder):
    old = json.loads((OLD / "quotestance.json").read_text())
    clf = StanceClassifier.from_pretrained(old_folder)
    assert clf.labels == old["labels"] and clf.temperature == old["temperature"]
    assert clf.name == f"model@0.1.0:{old['corpus_fingerprint'][:8]}"
    assert clf.predict("We are ready to talk.")["label"] in old["labels"]


def test_model_info_round_trips_every_key(tmp_path):
    old = json.loads((OLD / "quotestance.json").read_text())
    info = ModelInfo.read(OLD)
    assert info.to_dict() == old and list(info.to_dict()) == list(old)
    future = {**old, "added_by_a_later_version": {"x": 1}}
    (tmp_path / "quotestance.json").write_text(json.dumps(future))
    info = ModelInfo.read(tmp_path)
    assert info.extra == {"added_by_a_later_version": {"x": 1}} and info.to_dict() == future


def test_a_plain_transformers_folder_takes_its_labels_from_config(old_folder):
    (old_folder / "quotestance.json").unlink()
    info = check_model_folder(old_folder)
    assert info.labels == ["conciliatory", "hostile"] and info.temperature == 1.0 and info.max_length == 128
