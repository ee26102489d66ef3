"""`evaluate`: a model on labelled rows (with baselines or a second model), or the extractor on gold articles."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from ..evaluation import DATA_FORMATS, evaluate_extraction, evaluate_split, format_extraction, load_labelled, write_report
from ..extraction import load_ner
from ..io import write_json, write_text
from ..metrics import mcnemar, point_metrics, softmax
from ..stance import StanceClassifier
from ..tables import table
from ..training import model_baselines
from .common import DEFAULT_MODEL


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.extraction or args.end_to_end:
        return evaluate_extractor(args)
    return evaluate_model(args)


def evaluate_extractor(args: argparse.Namespace) -> int:
    classify, labels = None, None
    if args.end_to_end:
        clf = StanceClassifier.from_pretrained(args.model)
        labels = clf.labels

        def classify(texts: list[str]) -> list[str]:
            return [r["label"] for r in clf.predict(texts)]

    nlp = load_ner() if args.ner else None
    result = evaluate_extraction(args.extraction or args.end_to_end, classify=classify, label_set=labels, nlp=nlp)
    print(format_extraction(result))
    if args.report:
        write_json(Path(args.report) / "extraction.json", result)
        write_text(Path(args.report) / "README.md", "# Extraction evaluation\n\n```\n" + format_extraction(result) + "\n```\n")
    return 0


def _compare_models(args: argparse.Namespace, clf: StanceClassifier, texts: list[str], y: np.ndarray, probs: np.ndarray) -> dict:
    other = StanceClassifier.from_pretrained(args.compare)
    if other.labels != clf.labels:
        raise ValueError(f"{args.compare}: labels {other.labels} differ from {args.model}'s {clf.labels}")
    p2 = other.predict_proba(texts)
    return {
        "models": {
            Path(args.model).name: point_metrics(y, probs, clf.labels),
            Path(args.compare).name + " (second)": point_metrics(y, p2, clf.labels),
        },
        "mcnemar": mcnemar(y, probs.argmax(1), p2.argmax(1)),
    }


def evaluate_model(args: argparse.Namespace) -> int:
    clf = StanceClassifier.from_pretrained(args.model)
    rows = load_labelled(
        args.data, clf.labels, text_field=args.text_field, label_field=args.label_field, neutral=args.neutral, data_format=args.data_format
    )
    texts = [r["text"] for r in rows]
    y = np.array([clf.labels.index(r["label"]) for r in rows])
    logits = clf.logits(texts)
    probs = softmax(logits, clf.temperature)
    title = f"{Path(args.model).name} on {', '.join(args.data) if args.data else 'the corpus test split'}"
    report = evaluate_split(
        y, probs, clf.labels, texts, rows, args.report, n_boot=args.bootstrap, uncalibrated=softmax(logits), title=title
    )
    compare, baselines = None, None
    if args.compare == "baselines":
        baselines = report["baselines"] = model_baselines(args.model, clf.labels, texts, y)
    elif args.compare:
        compare = report["compare"] = _compare_models(args, clf, texts, y, probs)
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


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate",
        help="score a model, or the extractor on gold articles",
        description="Metrics with 95% CIs, calibration, breakdowns, mistakes and plots.",
    )
    p.add_argument("--model", default=DEFAULT_MODEL, help=f"model folder (default: {DEFAULT_MODEL})")
    p.add_argument(
        "--data", action="append", help="labelled file(s) (JSONL/CSV/Parquet, or a corpus folder); default: the corpus test split"
    )
    p.add_argument("--text-field", default="text", help="text field of --data (default: text)")
    p.add_argument("--label-field", default="label", help="label field of --data (default: label)")
    p.add_argument(
        "--data-format",
        choices=DATA_FORMATS,
        default="table",
        help="how to read --data: a table with text/label fields (default), or a public set through its importer",
    )
    p.add_argument("--neutral", choices=["drop", "error"], default="drop", help="neutral rows against a binary model: drop them or fail")
    p.add_argument("--report", default=None, help="folder for README.md, metrics.json and plots")
    p.add_argument("--compare", default=None, help="'baselines', or a second model folder to compare with (McNemar test)")
    p.add_argument("--extraction", default=None, metavar="GOLD_DIR", help="score statement extraction against gold articles instead")
    p.add_argument(
        "--end-to-end", dest="end_to_end", default=None, metavar="GOLD_DIR", help="score extraction + stance together on gold articles"
    )
    p.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples (default: 1000)")
    p.add_argument(
        "--ner",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="(--extraction, --end-to-end) also use spaCy NER (off by default, as in runs)",
    )
    p.set_defaults(func=cmd_evaluate)
