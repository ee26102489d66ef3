import subprocess
import sys

import pytest

from quotestance.cli import build_parser, main

COMMANDS = [
    [],
    ["extract"],
    ["classify"],
    ["predict"],
    ["train"],
    ["evaluate"],
    ["data"],
    ["data", "validate"],
    ["data", "stats"],
    ["data", "import"],
    ["data", "split"],
    ["export-onnx"],
]


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: " ".join(c) or "quotestance")
def test_help_everywhere(cmd, capsys):
    with pytest.raises(SystemExit) as e:
        main([*cmd, "--help"])
    assert e.value.code == 0
    assert "usage: quotestance" in capsys.readouterr().out


def test_console_script_help():
    out = subprocess.run([sys.executable, "-m", "quotestance.cli", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "predict" in out.stdout


def test_bad_input_is_one_line_and_nonzero(tmp_path, capsys):
    assert main(["predict", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl"), "--model", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("quotestance predict: error:")
    assert main(["predict", str(tmp_path), "-o", str(tmp_path / "o.txt")]) == 2
    assert "unsupported output format" in capsys.readouterr().err
    assert main(["train", "--set", "epochz=1"]) == 2
    assert "unknown config key epochz" in capsys.readouterr().err


def test_extract_command(tmp_path, capsys):
    from conftest import REPO

    out = tmp_path / "q.csv"
    assert main(["extract", str(REPO / "data" / "articles" / "art01.txt"), "-o", str(out)]) == 0
    assert "1 articles" in capsys.readouterr().out and out.read_text().count("\n") > 3


def test_data_commands(tmp_path, tiny_corpus, capsys):
    assert main(["data", "validate", str(tiny_corpus)]) == 0
    assert main(["data", "stats", str(tiny_corpus)]) == 0
    assert "| Label | rows |" in capsys.readouterr().out
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "x y", "label": "meh", "group": "g", "source": "s"}\n')
    assert main(["data", "validate", str(bad)]) == 1
    assert f"{bad}:1: label 'meh'" in capsys.readouterr().out


def test_parser_covers_the_design_contract():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert {"extract", "classify", "predict", "train", "evaluate", "data", "export-onnx"} <= set(sub.choices)


def test_train_flags_come_from_the_config_dataclass(capsys):
    import dataclasses

    from quotestance.training import TrainConfig

    with pytest.raises(SystemExit):
        main(["train", "--help"])
    out = capsys.readouterr().out
    for f in dataclasses.fields(TrainConfig):
        assert "--" + f.name.replace("_", "-") in out
    assert "peak learning rate" in out and "--no-group-by-length" in out


def test_train_data_is_repeatable_and_replaces_the_recipe(tmp_path):
    from quotestance.cli import build_parser
    from quotestance.cli.train import config_from_args

    recipe = tmp_path / "r.toml"
    recipe.write_text('data = ["data/quotes"]\nepochs = 3.0\nlearning_rate = 1e-4\n')
    args = build_parser().parse_args(
        [
            "train",
            "--config",
            str(recipe),
            "--data",
            "data/quotes",
            "--data",
            "mine.jsonl",
            "--set",
            "epochs=5",
            "--epochs",
            "2",
            "--extra-data",
            '{path = "x.tsv", format = "cameo"}',
        ]
    )
    cfg = config_from_args(args)
    assert cfg.data == ["data/quotes", "mine.jsonl"] and cfg.epochs == 2.0 and cfg.learning_rate == 1e-4
    assert cfg.extra_data[0].path == "x.tsv" and cfg.extra_data[0].format == "cameo"
    cfg = config_from_args(build_parser().parse_args(["train", "--config", str(recipe)]))
    assert cfg.data == ["data/quotes"] and cfg.epochs == 3.0
