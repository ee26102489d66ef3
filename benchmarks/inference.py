"""Inference speed and memory, measured side by side in one process (ratios, not absolute times).

    python benchmarks/inference.py --model models/default [--quotes 2000]

Prints quotes/s for transformers.pipeline (defaults), the pipeline with batch_size=32, our torch
backend and our ONNX int8 backend, on the same quotes; the ratio of end-to-end `predict` (articles →
written outputs) to bare `classify` on the same quotes; and peak memory of `predict` on 1,000 vs
20,000 articles (separate processes). Targets (issue 7): torch ≥ 1.4× default pipeline and ≥ 1.3×
batched pipeline; ONNX int8 ≥ 2× torch; predict ≥ 0.85× classify; peak memory within 20%.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def corpus_quotes(n: int) -> list[str]:
    from quotestance.corpus import load_corpus

    texts = [r["text"] for r in load_corpus(REPO / "data" / "quotes")]
    return (texts * (n // len(texts) + 1))[:n]


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def articles_from_quotes(texts: list[str], per_article: int = 5) -> list[dict]:
    """Synthetic articles that carry exactly the given quotes, so predict and classify see the same texts."""
    arts = []
    for i in range(0, len(texts), per_article):
        paras = [f"“{t}” Anika Voss said." if k % 2 == 0 else f"Ivan Petrov said: “{t}”" for k, t in enumerate(texts[i : i + per_article])]
        arts.append({"id": f"b{i}", "text": "\n\n".join(paras), "published": "2026-01-01"})
    return arts


def peak_memory(model: str, n_articles: int, workdir: Path) -> float:
    """Peak RSS (MiB) of a `quotestance predict` process over n synthetic articles."""
    src = workdir / f"a{n_articles}.jsonl"
    texts = corpus_quotes(n_articles * 5)
    with open(src, "w", encoding="utf-8") as f:
        for a in articles_from_quotes(texts):
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    code = (
        "import resource, sys; from quotestance.cli import main; rc = main(sys.argv[1:]); "
        "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(rc)"
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "predict",
            str(src),
            "-o",
            str(workdir / f"o{n_articles}.jsonl"),
            "--model",
            model,
            "--no-progress",
            "--overwrite",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.split("PEAK")[1].split()[0]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="models/default")
    ap.add_argument("--quotes", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds per backend (median reported)")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()

    import numpy as np
    import torch
    from transformers import pipeline

    from quotestance.corpus import load_corpus
    from quotestance.metrics import point_metrics
    from quotestance.runs import classify_rows, predict_articles
    from quotestance.stance import StanceClassifier

    torch.set_num_threads(os.cpu_count() or 1)
    texts = corpus_quotes(args.quotes)
    print(f"{len(texts)} quotes, {torch.get_num_threads()} threads, model {args.model}")
    pipe = pipeline("text-classification", model=args.model, device=-1)
    ours = StanceClassifier.from_pretrained(args.model, batch_size=32)
    onnx_path = Path(args.model) / "onnx" / "model.int8.onnx"
    if not onnx_path.exists():
        from quotestance.stance import export_onnx

        export_onnx(args.model)
    fast = StanceClassifier.from_pretrained(args.model, backend="onnx", batch_size=32)
    ours.predict(texts[:64]), fast.predict(texts[:64]), pipe(texts[:8])  # warm-up

    runs = {
        "pipeline (defaults)": lambda: list(pipe(texts)),
        "pipeline (batch_size=32)": lambda: list(pipe(texts, batch_size=32)),
        "quotestance torch": lambda: ours.predict(texts),
        "quotestance onnx int8": lambda: fast.predict(texts),
    }
    # interleaved rounds, median per backend: a burst of noise on this shared machine hits one round, not one backend
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, fn in runs.items():
            times[name].append(timed(fn))
    results = {name: statistics.median(ts) for name, ts in times.items()}
    print(f"\n{'backend':<28}{'quotes/s':>10}")
    for name, sec in results.items():
        print(f"{name:<28}{len(texts) / sec:>10.1f}")
    r = results
    print(f"\ntorch vs default pipeline : {r['pipeline (defaults)'] / r['quotestance torch']:.2f}x  (target ≥ 1.4)")
    print(f"torch vs batched pipeline : {r['pipeline (batch_size=32)'] / r['quotestance torch']:.2f}x  (target ≥ 1.3)")
    print(f"onnx int8 vs torch        : {r['quotestance torch'] / r['quotestance onnx int8']:.2f}x  (target ≥ 2.0)")
    print(
        f"  per round (torch/onnx)  : {', '.join(f'{a / b:.2f}' for a, b in zip(times['quotestance torch'], times['quotestance onnx int8']))}"
    )
    test = [row for row in load_corpus(REPO / "data" / "quotes") if row["split"] == "test" and row["label"] in ours.labels]
    y = np.array([ours.labels.index(row["label"]) for row in test])
    f1 = {
        name: point_metrics(y, clf.predict_proba([row["text"] for row in test]), ours.labels)["macro_f1"]
        for name, clf in (("torch", ours), ("onnx", fast))
    }
    print(
        f"test-split macro-F1       : torch {f1['torch']:.3f}, onnx int8 {f1['onnx']:.3f}, gap {abs(f1['torch'] - f1['onnx']):.3f}  (target ≤ 0.01)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        arts = articles_from_quotes(texts)
        with open(tmp / "arts.jsonl", "w", encoding="utf-8") as f:
            for a in arts:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        with open(tmp / "quotes.jsonl", "w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n")
        t_classify = timed(lambda: classify_rows(tmp / "quotes.jsonl", tmp / "c.jsonl", ours, progress=False))
        t_predict = timed(lambda: predict_articles(tmp / "arts.jsonl", tmp / "p.jsonl", ours, progress=False))
        n_pred = sum(1 for _ in open(tmp / "p.jsonl"))
        print(
            f"\nend-to-end predict ({len(arts)} articles → {n_pred} quotes, summaries) vs bare classify ({len(texts)} rows): "
            f"{t_classify / t_predict:.2f}x the speed  (target ≥ 0.85)"
        )
        if not args.skip_memory:
            small, large = peak_memory(args.model, 1000, tmp), peak_memory(args.model, 20000, tmp)
            print(
                f"peak memory: 1,000 articles {small:.0f} MiB, 20,000 articles {large:.0f} MiB: ratio {large / small:.2f}  (target ≤ 1.20)"
            )


if __name__ == "__main__":
    main()
