import pytest
from conftest import REPO

from quotestance.training import TrainConfig


def test_every_shipped_recipe_loads():
    for path in (REPO / "training" / "configs").glob("*.toml"):
        cfg = TrainConfig.load(path)
        assert cfg.output.startswith("models/")


def test_overrides_are_typed():
    cfg = TrainConfig.load(
        REPO / "training/configs/default.toml", ["epochs=2", "learning_rate=3e-5", 'data=["a.jsonl"]', "label_set=three_class"]
    )
    assert (cfg.epochs, cfg.learning_rate, cfg.data, cfg.label_set) == (2, 3e-5, ["a.jsonl"], "three_class")


@pytest.mark.parametrize(
    "override, message",
    [
        (["epochz=3"], "unknown config key epochz"),
        (["batch_size=big"], "batch_size must be an integer"),
        (["label_set=five"], "label_set must be one of"),
        (["epochs"], "not key=value"),
        (["lr_scheduler='step'"], "lr_scheduler must be linear or cosine"),
        (["label_smoothing=1.5"], "label_smoothing must be in"),
    ],
)
def test_bad_config_is_a_clear_error(override, message):
    with pytest.raises(ValueError, match=message):
        TrainConfig.load(None, override)


def test_unknown_key_in_toml_names_the_file(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text("[train]\nlearning_rat = 1e-4\n")
    with pytest.raises(ValueError, match=r"c\.toml: unknown config key learning_rat"):
        TrainConfig.load(p)


def test_list_fields_and_baseline_names_are_checked_before_training():
    with pytest.raises(ValueError, match="baselines must be a list"):
        TrainConfig.load(None, ["baselines=majority"])
    with pytest.raises(ValueError, match="unknown baseline bert_svm"):
        TrainConfig.load(None, ['baselines=["bert_svm"]'])
