"""Multi-process training: torchrun with 2 CPU processes (gloo) and a tiny model writes one good folder."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import REPO


@pytest.mark.skipif(
    shutil.which("torchrun") is None and not os.path.exists(os.path.join(os.path.dirname(sys.executable), "torchrun")),
    reason="torchrun not installed",
)
def test_torchrun_two_cpu_processes(tmp_path, tiny_base, tiny_corpus):
    torchrun = shutil.which("torchrun") or os.path.join(os.path.dirname(sys.executable), "torchrun")
    out = tmp_path / "ddp"
    cmd = [
        torchrun,
        "--nproc_per_node",
        "2",
        "--master_port",
        "29517",
        "-m",
        "quotestance.cli",
        "train",
        "--config",
        str(REPO / "training" / "configs" / "default.toml"),
        "--output",
        str(out),
        "--base-model",
        str(tiny_base),
        "--epochs",
        "1",
        "--set",
        f'data=["{tiny_corpus}"]',
        "--set",
        'baselines=["majority"]',
        "--set",
        "bootstrap=20",
        "--set",
        'soft_labels=""',  # the step count below is the train split's alone, without the distillation pool
    ]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    info = json.loads((out / "quotestance.json").read_text())
    assert info["labels"] == ["conciliatory", "hostile", "neutral"] and (out / "model.safetensors").exists()
    log = [json.loads(line) for line in (out / "training_log.jsonl").read_text().splitlines()]
    steps = max(e["step"] for e in log if "step" in e)
    n_train = info["split_sizes"]["train"]
    half = -(-n_train // 2)  # rows per process, rounded up
    assert steps == -(-half // 16), "each of the 2 processes saw half the train split per epoch"
    assert steps < -(-n_train // 16) or n_train <= 16
