"""`quotestance evaluate`: a model on labelled data (with baselines or a second model), or the extractor on gold."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import numpy as np

from .io import write_json, write_text


def load_labelled(paths: list[str] | None, text_field: str, label_field: str, labels: list[str], neutral: str,
                  data_format: str = "table") -> list[dict[str, Any]]:
    """Rows with text and label; the default is the corpus test split. Neutral rows vs a binary model: drop or error.

    `data_format` other than "table" reads each file through that importer (keep_it_local, cameo, label_studio).
    """
    from .corpus import load_corpus
    from .io import iter_records

    if data_format != "table":
        from .importers import IMPORTERS

        kwargs = {"neutral": "neutral" in labels} if data_format in ("keep_it_local", "cameo") else {}
        rows = [r for p in paths or [] for r in IMPORTERS[data_format](p, **kwargs)]
    elif not paths:
        rows = [r for r in load_corpus("data/quotes") if r["split"] == "test"]
    else:
        rows = []
        for p in paths:
            if Path(p).is_dir():  # a corpus folder: its test split
                rows += [r for r in load_corpus(p) if r["split"] == "test"]
                continue
            for n, r in enumerate(iter_records(p), 1):
                if text_field not in r or label_field not in r:
                    raise ValueError(f"{p}: record {n} lacks {text_field!r} or {label_field!r}")
                rows.append({**r, "text": r[text_field], "label": r[label_field], "_where": f"{p}:{n}"})
    out = []
    for r in rows:
        if r["label"] in labels:
            out.append(r)
        elif r["label"] == "neutral" and neutral == "drop":
            continue
        else:
            raise ValueError(f"{r.get('_where', '?')}: label {r['label']!r} is not one of the model's labels {labels}"
                             + (" (pass --neutral drop to leave neutral rows out)" if r["label"] == "neutral" else ""))
    if not out:
        raise ValueError("no rows to evaluate")
    return out


def run_evaluate(args: argparse.Namespace) -> int:
    from .extraction_eval import evaluate_extraction, format_extraction

    if args.extraction or args.end_to_end:
        classify = None
        if args.end_to_end:
            from .inference import StanceClassifier

            clf = StanceClassifier.from_pretrained(args.model)
            classify = lambda texts: [r["label"] for r in clf.predict(texts)]  # noqa: E731
        result = evaluate_extraction(args.extraction or args.end_to_end, classify=classify,
                                     label_set=clf.labels if args.end_to_end else None)
        print(format_extraction(result))
        if args.report:
            write_json(Path(args.report) / "extraction.json", result)
            write_text(Path(args.report) / "README.md", "# Extraction evaluation\n\n```\n" + format_extraction(result) + "\n```\n")
        return 0
    return evaluate_model(args)


def evaluate_model(args: argparse.Namespace) -> int:
    from .evaluation import evaluate_split, write_report
    from .inference import StanceClassifier
    from .metrics import mcnemar, point_metrics, softmax
    from .tables import table

    clf = StanceClassifier.from_pretrained(args.model)
    rows = load_labelled(args.data, args.text_field, args.label_field, clf.labels, args.neutral, args.data_format)
    texts = [r["text"] for r in rows]
    y = np.array([clf.labels.index(r["label"]) for r in rows])
    logits = clf.logits(texts)
    probs = softmax(logits, clf.temperature)
    title = f"{Path(args.model).name} on {', '.join(args.data) if args.data else 'the corpus test split'}"
    report = evaluate_split(y, probs, clf.labels, texts, rows, args.report, n_boot=args.bootstrap, uncalibrated=softmax(logits), title=title)
    compare, baselines = None, None
    if args.compare == "baselines":
        baselines = corpus_baselines(args.model, clf.labels, texts, y)
    elif args.compare:
        other = StanceClassifier.from_pretrained(args.compare)
        if other.labels != clf.labels:
            raise ValueError(f"{args.compare}: labels {other.labels} differ from {args.model}'s {clf.labels}")
        p2 = other.predict_proba(texts)
        compare = {"models": {Path(args.model).name: point_metrics(y, probs, clf.labels),
                              Path(args.compare).name + " (second)": point_metrics(y, p2, clf.labels)},
                   "mcnemar": mcnemar(y, probs.argmax(1), p2.argmax(1))}
        report["compare"] = compare
    if baselines:
        report["baselines"] = baselines
    m, ci = report["metrics"], report["ci95"]
    rows_out = [[k, f"{m[k]:.3f}", f"[{ci[k][0]:.3f}, {ci[k][1]:.3f}]" if k in ci else ""] for k in m]
    print(table(rows_out, ["metric", "value", "95% CI"], [24, 8, 18]))
    print(f"ECE {report['ece_uncalibrated']:.3f} before, {report['ece']:.3f} after temperature scaling (n = {report['n']})")
    for name, b in (baselines or {}).items():
        print(f"baseline {name:<17} accuracy {b['accuracy']:.3f}  macro-F1 {b['macro_f1']:.3f}")
    if compare:
        for name, b in compare["models"].items():
            print(f"{name:<30} accuracy {b['accuracy']:.3f}  macro-F1 {b['macro_f1']:.3f}")
        print(f"McNemar p = {compare['mcnemar']['p_value']:.4f}")
    if args.report:
        write_json(Path(args.report) / "metrics.json", report)
        path = write_report(args.report, report, f"Evaluation: {title}", baselines=baselines, compare=compare)
        print(f"report: {path}")
    return 0


def corpus_baselines(model_dir: str, labels: list[str], texts: list[str], y: np.ndarray) -> dict[str, dict[str, float]]:
    """The model's own training baselines (its stored config: data, seed, max_length) scored on these rows."""
    import json

    from .base_models import resolve_base_model
    from .config import BASELINES, TrainConfig
    from .training import load_splits, run_baselines

    path = Path(model_dir) / "quotestance.json"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no training record, so no baselines to compare with")
    cfg = TrainConfig.load(None, {**json.loads(path.read_text())["train_config"], "baselines": list(BASELINES)})
    return run_baselines(cfg, resolve_base_model(cfg.base_model), labels, load_splits(cfg)["train"], texts, y)
