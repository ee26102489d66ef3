"""Training benchmark: how long the default recipe takes on this machine, and what it scores.

    python benchmarks/training.py [--gold-only] [--mpnet] [--output-dir /tmp/quotestance-bench]

Trains (a) the default recipe (`training/configs/default.toml`: MiniLM distilled from the mpnet
teacher's committed soft labels) and, on request, (b) the previous default trained on gold labels alone
(`gold_only.toml`) and (c) the mpnet teacher itself (~35 minutes on 2 cores). Prints each run's
training seconds against the target (the default ≤ 8 minutes on 2 CPU cores), then the table of
`benchmarks/models.py` for the trained folders: every test set, macro-F1 with 95% CIs, neutral recall,
ECE and TF-IDF beside them. Time it alone: anything else running on the cores slows it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
TARGET_SECONDS = 8 * 60


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--output-dir", default="/tmp/quotestance-bench")
    ap.add_argument("--gold-only", action="store_true", help="also (b), the gold-only recipe (~13 min on 2 cores)")
    ap.add_argument("--mpnet", action="store_true", help="also (c), the mpnet teacher (~35 min on 2 cores; needs its PyPI parts)")
    args = ap.parse_args()

    import torch

    from quotestance.training import TrainConfig, train

    os.chdir(REPO)  # the recipes name repository paths (data/quotes, data/distil/…)
    recipes = {"default": "default.toml"}
    if args.gold_only:
        recipes["gold_only"] = "gold_only.toml"
    if args.mpnet:
        recipes["mpnet"] = "mpnet.toml"
    print(f"{torch.get_num_threads()} threads, {'GPU' if torch.cuda.is_available() else 'CPU only'}")
    folders = []
    for name, config in recipes.items():
        overrides = {"output": str(Path(args.output_dir) / name)}
        if name == "mpnet":
            overrides["group_by_length"] = True
        folder = train(TrainConfig.load(REPO / "training" / "configs" / config, overrides), overwrite=True)
        seconds = json.loads((folder / "quotestance.json").read_text())["train_seconds"]
        verdict = f" (target ≤ {TARGET_SECONDS}: {'met' if seconds <= TARGET_SECONDS else 'NOT met'})" if name == "default" else ""
        print(f"{name}: trained in {seconds:.0f} s{verdict}")
        folders.append(str(folder))
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "models.py"), *folders], check=True)


if __name__ == "__main__":
    main()
