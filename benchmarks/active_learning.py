"""Active learning, simulated on the corpus: how many labels does each way of choosing them need?

    python benchmarks/active_learning.py [--seeds 5] [--rounds 6] [--start 200] [--step 200]

Start from `--start` random training rows; each round, add `--step` rows chosen by each strategy
(random; uncertainty = margin of the probabilities; uncertainty + diversity = `labelling.select`, the
same code `quotestance data suggest` runs), retrain, and score macro-F1 on the fixed corpus test split.
To fit in minutes on 2 CPU cores the model is the frozen-embedding baseline (MiniLM sentence
embeddings, computed once, + logistic regression), not a fine-tune: the question is which rows to
label, and the answer is measured with the same learner for every strategy. Prints the table and
whether uncertainty + diversity reaches random sampling's final F1 with at most 1,000 labels; writes
benchmarks/active_learning.png (mean ± SD over seeds).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    from quotestance.baselines import mean_pooled_embeddings
    from quotestance.corpus import load_corpus
    from quotestance.labelling import margin_uncertainty, select
    from quotestance.labels import THREE_CLASS
    from quotestance.plots import _figure, _save
    from quotestance.stance import resolve_base_model

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--start", type=int, default=200)
    ap.add_argument("--step", type=int, default=200)
    ap.add_argument("--plot", default=str(REPO / "benchmarks" / "active_learning.png"))
    args = ap.parse_args()
    started = time.perf_counter()
    rows = load_corpus(REPO / "data" / "quotes")
    train = [r for r in rows if r["split"] == "train"]
    test = [r for r in rows if r["split"] == "test"]
    labels = list(THREE_CLASS)
    base = resolve_base_model("default")
    X = mean_pooled_embeddings(base, [r["text"] for r in train])
    Xt = mean_pooled_embeddings(base, [r["text"] for r in test])
    y = np.array([labels.index(r["label"]) for r in train])
    yt = np.array([labels.index(r["label"]) for r in test])
    print(f"pool {len(train)} train rows, test {len(test)} rows; embeddings in {time.perf_counter() - started:.0f} s")

    def fit_score(idx: np.ndarray) -> tuple[float, LogisticRegression]:
        clf = LogisticRegression(max_iter=3000, C=1.0, class_weight="balanced").fit(X[idx], y[idx])
        return f1_score(yt, clf.predict(Xt), average="macro"), clf

    strategies = ("random", "uncertainty", "uncertainty + diversity")
    sizes = [args.start + k * args.step for k in range(args.rounds + 1)]
    scores = {s: np.zeros((args.seeds, len(sizes))) for s in strategies}
    for seed in range(args.seeds):
        rng = np.random.default_rng(seed)
        first = rng.choice(len(train), args.start, replace=False)
        for strategy in strategies:
            chosen = list(first)
            for k in range(len(sizes)):
                f1, clf = fit_score(np.array(chosen))
                scores[strategy][seed, k] = f1
                if k == len(sizes) - 1:
                    break
                rest = np.setdiff1d(np.arange(len(train)), chosen)
                if strategy == "random":
                    new = rng.choice(rest, args.step, replace=False)
                else:
                    u = margin_uncertainty(clf.predict_proba(X[rest]))
                    new = rest[select(u, X[rest] if strategy != "uncertainty" else None, args.step)]
                chosen += list(new)
    print(f"\nmacro-F1 on the test split, mean ± SD over {args.seeds} seeds (frozen MiniLM embeddings + logistic regression)")
    print(f"{'labels':>7}  " + "  ".join(f"{s:>24}" for s in strategies))
    for k, n in enumerate(sizes):
        print(f"{n:>7}  " + "  ".join(f"{scores[s][:, k].mean():>15.3f} ± {scores[s][:, k].std():.3f}" for s in strategies))
    target = scores["random"][:, -1].mean()
    combined = scores["uncertainty + diversity"].mean(0)
    reach = next((n for n, f in zip(sizes, combined) if f >= target), None)
    verdict = (f"reaches it with {reach} labels" if reach else "does not reach it") + (
        " (target met: ≤ 1,000)" if reach and reach <= 1000 else " (target of ≤ 1,000 labels not met)"
    )
    print(f"\nrandom sampling at {sizes[-1]} labels: {target:.3f}; uncertainty + diversity {verdict}")
    fig, ax = _figure(7.5, 4.5)
    for s, marker in zip(strategies, "osd"):
        m, sd = scores[s].mean(0), scores[s].std(0)
        ax.plot(sizes, m, marker=marker, label=s)
        ax.fill_between(sizes, m - sd, m + sd, alpha=0.2)
    ax.axhline(target, color="grey", ls="--", lw=0.8, label=f"random at {sizes[-1]} labels")
    ax.set_xlabel("labelled training rows")
    ax.set_ylabel("test macro-F1 (3 labels)")
    ax.set_title(f"Active learning on the corpus (mean ± SD over {args.seeds} seeds)")
    ax.legend(fontsize=8)
    print(f"plot: {_save(fig, args.plot)}; {time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
