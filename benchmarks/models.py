"""Which recipe makes the default model: trained model folders scored side by side on every test set.

    python benchmarks/models.py models/default /tmp/binary /tmp/with-cameo ...

Test sets (each row of the table is one; no set here is ever trained on):
- corpus test, v1: the stored test split of the first corpus files (qa–qe), unchanged since v1;
- corpus test, v2: the test split of the rows added in corpus v2 (qf–qk): reported speech, neutral, hard;
- corpus hard: both test splits, rows with a hard-case tag (labels.HARD_TAGS);
- independent: data/independent/test.jsonl (other writers, registers and countries), all, hard, reported;
- CAMEO test: the hash-split test part of ../shared/data's CAMEO news sentences (verbal cooperation →
  conciliatory, verbal conflict → hostile, no-stance → neutral), skipped when the data is absent.

Columns per model: macro-F1 over the three labels (three-class models), and conciliatory-vs-hostile
macro-F1 on the rows whose gold label is one of those two (a three-class model through its binary
view, as `--labels binary`). TF-IDF + logistic regression trained on the corpus train split is the
last column group: the label-leakage check (it should not beat the fine-tuned model on hard rows).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
V1 = ("qa", "qb", "qc", "qd", "qe")


def test_sets() -> dict[str, list[dict]]:
    from quotestance.corpus import import_cameo, load_corpus
    from quotestance.corpus.importers import hash_split
    from quotestance.labels import is_hard

    rows = load_corpus(REPO / "data" / "quotes")
    test = [r for r in rows if r["split"] == "test"]
    independent = [json.loads(line) for line in open(REPO / "data" / "independent" / "test.jsonl", encoding="utf-8")]
    sets = {
        "corpus test, all": test,
        "corpus test, v1": [r for r in test if r["id"].split("-")[0] in V1],
        "corpus test, v2": [r for r in test if r["id"].split("-")[0] not in V1],
        "corpus test, hard": [r for r in test if is_hard(r)],
        "corpus test, reported": [r for r in test if r.get("kind") == "reported"],
        "independent": independent,
        "independent, hard": [r for r in independent if is_hard(r)],
        "independent, reported": [r for r in independent if r["kind"] == "reported"],
    }
    cameo = SHARED / "cameo_news_sentences" / "train.tsv"
    if cameo.exists():
        sets["CAMEO hash-split test"] = [r for r in import_cameo(cameo, neutral=True) if hash_split(r["text"]) == "test"]
    return {k: v for k, v in sets.items() if v}


def f1s(gold: list[str], probs: np.ndarray, labels: list[str]) -> tuple[float | None, float]:
    """(three-class macro-F1 or None, conciliatory-vs-hostile macro-F1 on gold c/h rows)."""
    from sklearn.metrics import f1_score

    g = np.array(gold)
    three = None
    if "neutral" in labels:
        three = f1_score(g, np.array(labels)[probs.argmax(1)], labels=labels, average="macro", zero_division=0)
    ch = np.isin(g, ["conciliatory", "hostile"])
    ci, hi = labels.index("conciliatory"), labels.index("hostile")
    pred = np.where(probs[ch, hi] > probs[ch, ci], "hostile", "conciliatory")
    return three, f1_score(g[ch], pred, labels=["conciliatory", "hostile"], average="macro", zero_division=0)


def target_cells(gold: list[str], probs: np.ndarray, labels: list[str], n_boot: int = 500) -> str:
    """Three-class macro-F1 and ECE with bootstrap 95% intervals, and neutral recall: the issue's targets."""
    from quotestance.metrics import bootstrap_ci, expected_calibration_error, point_metrics

    y = np.array([labels.index(g) for g in gold])

    def metric(y_: np.ndarray, p_: np.ndarray) -> dict[str, float]:
        return {"f1": point_metrics(y_, p_, labels)["macro_f1"], "ece": expected_calibration_error(p_, y_)}

    point, ci = metric(y, probs), bootstrap_ci(y, probs, metric, n=n_boot)
    recall = point_metrics(y, probs, labels)["recall_neutral"]
    return (
        f"{point['f1']:.3f} [{ci['f1'][0]:.3f}, {ci['f1'][1]:.3f}] · {recall:.3f} · "
        f"{point['ece']:.3f} [{ci['ece'][0]:.3f}, {ci['ece'][1]:.3f}]"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="+", help="trained model folders")
    ap.add_argument("--json", default=None, help="also write the numbers here")
    args = ap.parse_args()

    from quotestance.baselines import tfidf_logreg
    from quotestance.corpus import load_corpus
    from quotestance.labels import THREE_CLASS
    from quotestance.stance import StanceClassifier

    sets = test_sets()
    train_rows = [r for r in load_corpus(REPO / "data" / "quotes") if r["split"] == "train"]
    labels = list(THREE_CLASS)
    results: dict[str, dict[str, tuple]] = {}
    targets: dict[str, dict[str, str]] = {}
    for folder in args.models:
        clf = StanceClassifier.from_pretrained(folder)
        probs = {n: clf.predict_proba([r["text"] for r in rows]) for n, rows in sets.items()}
        results[Path(folder).name] = {n: f1s([r["label"] for r in rows], probs[n], clf.labels) for n, rows in sets.items()}
        if "neutral" in clf.labels:
            targets[Path(folder).name] = {
                n: target_cells([r["label"] for r in sets[n]], probs[n], clf.labels)
                for n in ("independent", "corpus test, all", "independent, hard", "corpus test, hard")
                if n in sets
            }
    tx, ty = [r["text"] for r in train_rows], [labels.index(r["label"]) for r in train_rows]
    results["TF-IDF + LR"] = {
        n: f1s([r["label"] for r in rows], tfidf_logreg(tx, ty, [r["text"] for r in rows], 3), labels) for n, rows in sets.items()
    }
    names = list(results)
    head = f"{'test set':<26}{'rows':>6}" + "".join(f"{n[:18]:>22}" for n in names)
    print("macro-F1: three-class / conciliatory-vs-hostile\n" + head)
    for s, rows in sets.items():
        cells = []
        for n in names:
            three, ch = results[n][s]
            cells.append(f"{'—' if three is None else f'{three:.3f}':>6} / {ch:.3f}".rjust(22))
        print(f"{s:<26}{len(rows):>6}" + "".join(cells))
    print("\nagainst the targets (three-class macro-F1 [95% CI] · neutral recall · ECE [95% CI]):")
    for name, cells in targets.items():
        for n, cell in cells.items():
            print(f"  {name[:24]:<26}{n:<22}{cell}")
    if args.json:
        Path(args.json).write_text(json.dumps({"sets": {s: len(r) for s, r in sets.items()}, "results": results}, indent=1))


if __name__ == "__main__":
    main()
