"""`extract`, `classify`, `predict` and `export-onnx`: batch runs over articles or rows."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..dyads import MIN_DYAD
from ..extraction import DEFAULT_MAX_CHARS
from ..runs import classify_rows, extract_articles, predict_articles, summarise_output, write_report
from ..runs.report import MAX_ARTICLES
from ..stance import export_onnx
from ..tables import print_article_tables, print_run_summary
from .common import DEFAULT_MODEL, add_field_args, add_run_args, classifier, fields

INPUTS_HELP = "files (.txt .html .jsonl .csv .parquet), folders or globs"
NER_HELP = "also use spaCy NER to keep organisations and places out of the speakers (off by default: rules alone measure better on the real-news pages and ~5x faster; README)"


def cmd_extract(args: argparse.Namespace) -> int:
    stats = extract_articles(
        args.inputs,
        args.output,
        fields=fields(args),
        errors=args.errors,
        resume=args.resume,
        overwrite=args.overwrite,
        progress=not args.no_progress,
        chunk_size=args.chunk_size or 64,
        max_chars=args.max_chars or DEFAULT_MAX_CHARS,
        ner=args.ner,
    )
    if stats.note:
        print(stats.note)
    articles = stats.records - stats.errors
    print(f"{articles} articles, {stats.outputs} statements -> {stats.files['output']}; {stats.errors} errors -> {stats.files['errors']}")
    return 0


def cmd_classify(args: argparse.Namespace) -> int:
    stats = classify_rows(
        args.inputs,
        args.output,
        classifier(args),
        text_field=args.text_field,
        id_field=args.id_field,
        errors=args.errors,
        resume=args.resume,
        overwrite=args.overwrite,
        progress=not args.no_progress,
        chunk_size=args.chunk_size or 512,
        explain=args.explain,
    )
    print(
        f"{stats.outputs} rows classified, {stats.errors} errors, {stats.skipped} skipped (already done) "
        f"in {stats.seconds:.1f} s -> {stats.files['output']}"
    )
    return 0


def cmd_predict(args: argparse.Namespace) -> int:
    if args.engine == "ray":
        return _predict_ray(args)
    stats = predict_articles(
        args.inputs,
        args.output,
        classifier(args),
        fields=fields(args),
        errors=args.errors,
        resume=args.resume,
        overwrite=args.overwrite,
        progress=not args.no_progress,
        max_chars=args.max_chars,
        chunk_size=args.chunk_size or 64,
        explain=args.explain,
        ner=args.ner,
        min_dyad=args.min_dyad,
    )
    if args.report is not None:
        stats.files["report"] = str(write_report(args.output, args.report or None, args.report_max_articles))
    if args.show:
        print_article_tables(args.output)
    print_run_summary(stats)
    return 0


def _predict_ray(args: argparse.Namespace) -> int:
    from ..runs.ray_engine import predict_articles_ray  # optional and heavy: the ray extra

    unsupported = [
        flag
        for flag, on in (
            ("--resume", args.resume),
            ("--errors", args.errors),
            ("--show", args.show),
            ("--backend onnx", args.backend == "onnx"),
            ("--chunk-size", args.chunk_size),
            ("--device", args.device),
            ("--no-progress", args.no_progress),
            ("--report with a remote output", args.report is not None and "://" in str(args.output)),
        )
        if on
    ]
    if unsupported:
        raise ValueError(
            f"{', '.join(unsupported)} not supported with --engine ray (Ray retries failed tasks itself; errors go to OUTPUT/errors/)"
        )
    counts = predict_articles_ray(
        args.inputs,
        args.output,
        args.model,
        fields=fields(args),
        num_actors=args.num_actors,
        explain=args.explain,
        ner=args.ner,
        batch_size=args.batch_size,
        max_chars=args.max_chars or DEFAULT_MAX_CHARS,
        overwrite=args.overwrite,
    )
    print(f"{counts['quote']} statements -> {args.output}/quotes/, {counts['error']} errors -> {args.output}/errors/ (Parquet shards)")
    if "://" not in str(args.output):
        for name, path in summarise_output(args.output, Path(args.output) / "quotes", args.min_dyad).items():
            print(f"  {name}: {path}")
    if args.report is not None:
        print(f"report: {write_report(args.output, args.report or None, args.report_max_articles)}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    print(f"report: {write_report(args.output, args.to, args.report_max_articles)}")
    return 0


def add_report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--report",
        nargs="?",
        const="",
        default=None,
        metavar="PATH",
        help="also write the HTML report (default path: <output stem>.report.html)",
    )
    p.add_argument(
        "--report-max-articles",
        type=int,
        default=MAX_ARTICLES,
        help=f"articles shown in full in the report (default: {MAX_ARTICLES}; the overview covers all)",
    )


def cmd_export_onnx(args: argparse.Namespace) -> int:
    print(f"wrote {export_onnx(args.model, quantize=not args.no_quantize)}")
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="articles → statements with speakers",
        description="Find every statement (direct quotes and reported speech) and its speaker; no model needed.",
    )
    p.add_argument("inputs", nargs="+", help=INPUTS_HELP)
    add_run_args(p, model=False)
    add_field_args(p)
    p.add_argument("--max-chars", type=int, default=None, help="longest article text accepted (default: 1,000,000)")
    p.add_argument("--ner", action=argparse.BooleanOptionalAction, default=False, help=NER_HELP)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "classify", help="rows with a text field → stance", description="Classify the stance of any rows that have a text field."
    )
    p.add_argument("inputs", nargs="+", help="JSONL, CSV or Parquet files, folders or globs")
    p.add_argument("--text-field", default="text", help="field holding the statement text (default: text)")
    p.add_argument("--id-field", default="id", help="field holding the row id (default: id)")
    add_run_args(p)
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser(
        "predict",
        help="articles → stanced statements + summaries",
        description="Extract, attribute and classify statements in articles; write summaries (articles, speakers, speaker "
        "affiliations, who → whom dyads) and plots beside the output.",
    )
    p.add_argument("inputs", nargs="+", help=INPUTS_HELP)
    add_run_args(p)
    add_field_args(p)
    p.add_argument("--max-chars", type=int, default=None, help="longest article text accepted (default: 1,000,000)")
    p.add_argument("--show", action="store_true", help="print a table of statements per article at the end")
    p.add_argument("--ner", action=argparse.BooleanOptionalAction, default=False, help=NER_HELP)
    p.add_argument(
        "--min-dyad", type=int, default=MIN_DYAD, help=f"statements a dyad needs to appear in the dyad plots (default: {MIN_DYAD})"
    )
    add_report_args(p)
    p.add_argument(
        "--engine",
        choices=["local", "ray"],
        default="local",
        help="local (streaming, resumable) or ray (Ray Data; -o is then a folder of Parquet shards; RAY_ADDRESS joins a cluster)",
    )
    p.add_argument("--num-actors", type=int, default=1, help="(ray) classifier actors, one model load each (default: 1)")
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser(
        "report",
        help="an HTML report of a predict output",
        description="Build the self-contained HTML report (overview, plots, speakers, every article with its statements "
        "highlighted) from any predict output, the Ray engine's Parquet folder included.",
    )
    p.add_argument("output", help="a predict output (.jsonl, .csv, .parquet) or a Ray output folder")
    p.add_argument("--to", default=None, help="report path (default: <output stem>.report.html beside the output)")
    p.add_argument("--report-max-articles", type=int, default=MAX_ARTICLES, help=f"articles shown in full (default: {MAX_ARTICLES})")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "export-onnx",
        help="export a model folder to ONNX (int8)",
        description="Export to ONNX, fuse for CPU with ONNX Runtime's BERT optimizer, then int8 dynamic quantisation.",
    )
    p.add_argument("--model", default=DEFAULT_MODEL, help=f"model folder (default: {DEFAULT_MODEL})")
    p.add_argument("--no-quantize", action="store_true", help="keep float32 weights")
    p.set_defaults(func=cmd_export_onnx)
