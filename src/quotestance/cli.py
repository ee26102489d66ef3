"""The `quotestance` command: a thin layer over the library (see DESIGN.md for the contract)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

DEFAULT_MODEL = "models/default"


def _fields(args: argparse.Namespace):  # noqa: ANN202
    from .articles import Fields

    return Fields(id=args.id_field, text=args.text_field, title=args.title_field, published=args.date_field)


def _add_field_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("collection fields (JSONL, CSV, Parquet)")
    g.add_argument("--id-field", default="id", help="field holding the article id (default: id)")
    g.add_argument("--text-field", default="text", help="field holding the article text (default: text)")
    g.add_argument("--title-field", default="title", help="field holding the title (default: title)")
    g.add_argument("--date-field", default="published", help="field holding the ISO date (default: published)")


def _add_run_args(p: argparse.ArgumentParser, *, model: bool = True) -> None:
    p.add_argument("-o", "--output", required=True, help="output file: .jsonl, .csv or .parquet")
    if model:
        p.add_argument("--model", default=DEFAULT_MODEL, help=f"model folder (default: {DEFAULT_MODEL})")
        p.add_argument("--backend", choices=["torch", "onnx"], default="torch", help="inference backend (onnx needs the onnx extra and export-onnx)")
        p.add_argument("--batch-size", type=int, default=32, help="quotes per forward pass (default: 32)")
        p.add_argument("--device", default=None, help="cpu, cuda, cuda:1 … (default: cuda when present)")
    p.add_argument("--errors", default=None, help="errors file (default: <output stem>.errors.jsonl beside the output)")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run, skipping records already written")
    p.add_argument("--overwrite", action="store_true", help="replace existing outputs")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--chunk-size", type=int, default=None, help="records committed together (default: 64 articles / 512 rows)")


def cmd_extract(args: argparse.Namespace) -> int:
    from .articles import ReadError, read_articles
    from .batch import inputs_outside, run_paths
    from .io import write_records
    from .quotes import extract_quotes

    out = Path(args.output)
    if out.exists() and not args.overwrite:
        raise FileExistsError(f"{out}: output exists; pass --overwrite to replace it")
    errors: list[dict] = []
    counts = {"articles": 0, "quotes": 0}

    def rows():
        for item in read_articles(inputs_outside(args.inputs, out.parent, [out, run_paths(out).errors]), _fields(args)):
            if isinstance(item, ReadError):
                errors.append(item.to_dict())
                continue
            counts["articles"] += 1
            for q in extract_quotes(item):
                counts["quotes"] += 1
                yield q.to_dict()

    write_records(out, rows())
    err_path = run_paths(out).errors
    write_records(err_path, errors)
    print(f"{counts['articles']} articles, {counts['quotes']} quotes -> {out}; {len(errors)} errors -> {err_path}")
    return 0


def _classifier(args: argparse.Namespace):  # noqa: ANN202
    """Check the cheap things (output format, inputs) before loading a model, then load it."""
    from .articles import expand_inputs
    from .batch import run_paths
    from .inference import StanceClassifier

    run_paths(args.output, args.errors)
    expand_inputs(args.inputs)

    return StanceClassifier.from_pretrained(args.model, device=args.device, batch_size=args.batch_size, backend=args.backend)


def cmd_classify(args: argparse.Namespace) -> int:
    from .batch import classify_rows

    stats = classify_rows(args.inputs, args.output, _classifier(args), text_field=args.text_field, id_field=args.id_field,
                          errors=args.errors, resume=args.resume, overwrite=args.overwrite, progress=not args.no_progress,
                          chunk_size=args.chunk_size or 512)
    print(f"{stats.outputs} rows classified, {stats.errors} errors, {stats.skipped} skipped (already done) "
          f"in {stats.seconds:.1f} s -> {stats.files['output']}")
    return 0


def cmd_predict(args: argparse.Namespace) -> int:
    if args.engine == "ray":
        from .articles import DEFAULT_MAX_CHARS
        from .ray_engine import predict_articles_ray

        unsupported = [flag for flag, on in (("--resume", args.resume), ("--errors", args.errors), ("--show", args.show),
                                             ("--backend onnx", args.backend == "onnx"), ("--chunk-size", args.chunk_size),
                                             ("--device", args.device)) if on]
        if unsupported:
            raise ValueError(f"{', '.join(unsupported)} not supported with --engine ray (Ray retries failed tasks itself; "
                             "errors go to OUTPUT/errors/)")

        counts = predict_articles_ray(args.inputs, args.output, args.model, fields=_fields(args), num_actors=args.num_actors,
                                      batch_size=args.batch_size, max_chars=args.max_chars or DEFAULT_MAX_CHARS, overwrite=args.overwrite)
        print(f"{counts['quote']} quotes -> {args.output}/quotes/, {counts['error']} errors -> {args.output}/errors/ (Parquet shards)")
        return 0
    from .batch import predict_articles
    from .tables import print_article_tables, print_run_summary

    stats = predict_articles(args.inputs, args.output, _classifier(args), fields=_fields(args), errors=args.errors,
                             resume=args.resume, overwrite=args.overwrite, progress=not args.no_progress, max_chars=args.max_chars,
                             chunk_size=args.chunk_size or 64)
    if args.show:
        print_article_tables(args.output)
    print_run_summary(stats)
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from .config import TrainConfig
    from .training import train

    overrides = list(args.set or [])
    for key in ("output", "base_model", "label_set", "epochs", "max_steps", "seed"):
        value = getattr(args, key)
        if value is not None:
            overrides.append(f"{key}={json.dumps(value) if isinstance(value, str) else value}")
    cfg = TrainConfig.load(args.config, overrides)
    folder = train(cfg, overwrite=args.overwrite, resume=args.resume)
    info = json.loads((folder / "quotestance.json").read_text()) if (folder / "quotestance.json").exists() else {}
    if info:
        m = info["metrics"]["test"]
        print(f"\nmodel folder: {folder}\ntest split: accuracy {m['accuracy']:.3f}, macro-F1 {m['macro_f1']:.3f}, "
              f"ECE {info['metrics']['ece_before']:.3f} -> {info['metrics']['ece_after']:.3f} after temperature scaling")
        for name, b in info["baselines"].items():
            print(f"  baseline {name:<17} accuracy {b['accuracy']:.3f}, macro-F1 {b['macro_f1']:.3f}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate_cli import run_evaluate

    return run_evaluate(args)


def cmd_data(args: argparse.Namespace) -> int:
    from .data_cli import run_data

    return run_data(args)


def cmd_export_onnx(args: argparse.Namespace) -> int:
    from .onnx_backend import export_onnx

    path = export_onnx(args.model, quantize=not args.no_quantize)
    print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotestance", description="Quotes from diplomatic news: who said what, and in what spirit.")
    parser.add_argument("--version", action="version", version=f"quotestance {__import__('quotestance').__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="articles → quotes with speakers", description="Find every direct quotation and its speaker.")
    p.add_argument("inputs", nargs="+", help="files (.txt .html .jsonl .csv .parquet), folders or globs")
    p.add_argument("-o", "--output", required=True, help="output file: .jsonl, .csv or .parquet")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output")
    _add_field_args(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("classify", help="rows with a text field → stance", description="Classify the stance of any rows that have a text field.")
    p.add_argument("inputs", nargs="+", help="JSONL, CSV or Parquet files, folders or globs")
    p.add_argument("--text-field", default="text", help="field holding the quote text (default: text)")
    p.add_argument("--id-field", default="id", help="field holding the row id (default: id)")
    _add_run_args(p)
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser("predict", help="articles → stanced quotes + summaries", description="Extract, attribute and classify quotes in articles; write summaries and a plot beside the output.")
    p.add_argument("inputs", nargs="+", help="files (.txt .html .jsonl .csv .parquet), folders or globs")
    _add_run_args(p)
    _add_field_args(p)
    p.add_argument("--max-chars", type=int, default=None, help="longest article text accepted (default: 1,000,000)")
    p.add_argument("--show", action="store_true", help="print a table of quotes per article at the end")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local (streaming, resumable) or ray (Ray Data; -o is then a folder of Parquet shards; RAY_ADDRESS joins a cluster)")
    p.add_argument("--num-actors", type=int, default=1, help="(ray) classifier actors, one model load each (default: 1)")
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser("train", help="fine-tune a stance model", description="Fine-tune a transformer on the corpus (TrainConfig from TOML, overrides from flags).")
    p.add_argument("--config", default="training/configs/default.toml", help="TOML config (default: training/configs/default.toml)")
    p.add_argument("--output", default=None, help="model folder to write (overrides the config)")
    p.add_argument("--base-model", dest="base_model", default=None, help="'default' (MiniLM), 'mpnet', a local folder or a cached Hugging Face id")
    p.add_argument("--label-set", dest="label_set", choices=["binary", "three_class"], default=None, help="labels to train")
    p.add_argument("--epochs", type=float, default=None, help="training epochs")
    p.add_argument("--max-steps", dest="max_steps", type=int, default=None, help="stop after this many steps (overrides epochs)")
    p.add_argument("--seed", type=int, default=None, help="random seed")
    p.add_argument("--set", action="append", metavar="KEY=VALUE", help="any other config key, e.g. --set learning_rate=3e-5 (repeatable)")
    p.add_argument("--resume", action="store_true", help="continue from the last checkpoint (the schedule continues)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing model folder")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="score a model, or the extractor on gold articles", description="Metrics with 95% CIs, calibration, breakdowns, mistakes and plots.")
    p.add_argument("--model", default=DEFAULT_MODEL, help=f"model folder (default: {DEFAULT_MODEL})")
    p.add_argument("--data", action="append", help="labelled file(s) (JSONL/CSV/Parquet, or a corpus folder); default: the corpus test split")
    p.add_argument("--text-field", default="text", help="text field of --data (default: text)")
    p.add_argument("--label-field", default="label", help="label field of --data (default: label)")
    p.add_argument("--data-format", choices=["table", "keep_it_local", "cameo", "label_studio"], default="table",
                   help="how to read --data: a table with text/label fields (default), or a public set through its importer")
    p.add_argument("--neutral", choices=["drop", "error"], default="drop", help="neutral rows against a binary model: drop them or fail")
    p.add_argument("--report", default=None, help="folder for README.md, metrics.json and plots")
    p.add_argument("--compare", default=None, help="a second model folder to compare with (McNemar test)")
    p.add_argument("--extraction", default=None, metavar="GOLD_DIR", help="score quote extraction against gold articles instead")
    p.add_argument("--end-to-end", dest="end_to_end", default=None, metavar="GOLD_DIR", help="score extraction + stance together on gold articles")
    p.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples (default: 1000)")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("data", help="corpus tools: validate, stats, import, split", description="Corpus tools.")
    dsub = p.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    d = dsub.add_parser("validate", help="check schema, labels, duplicates, split leaks and gold articles")
    d.add_argument("path", nargs="?", default="data", help="corpus folder or file (default: data)")
    d = dsub.add_parser("stats", help="datasheet tables (Markdown)")
    d.add_argument("path", nargs="?", default="data", help="corpus folder or file (default: data)")
    d.add_argument("--cues", action="store_true", help="also measure how much the top-20 words give the label away")
    d.add_argument("--write", metavar="DATASHEET", help="replace the generated section of this datasheet (implies --cues)")
    d = dsub.add_parser("import", help="convert a public or exported set into corpus rows")
    d.add_argument("format", choices=["keep_it_local", "cameo", "table", "label_studio"], help="input kind")
    d.add_argument("input", help="input file")
    d.add_argument("-o", "--output", required=True, help="output JSONL")
    d.add_argument("--neutral", action="store_true", help="map the no-stance code to neutral (keep_it_local, cameo)")
    d.add_argument("--text-field", default="text", help="(table) text column")
    d.add_argument("--label-field", default="label", help="(table) label column")
    d.add_argument("--label-map", default=None, help="(table, label_studio) JSON object mapping raw labels to ours")
    d = dsub.add_parser("split", help="write the stored split of every row (by group hash; existing splits kept)")
    d.add_argument("path", nargs="?", default="data/quotes", help="corpus folder or file (default: data/quotes)")
    d = dsub.add_parser("agreement", help="Cohen's kappa against a second annotator's labels ({id, label} JSONL)")
    d.add_argument("second", help="the second annotator's JSONL")
    d.add_argument("path", nargs="?", default="data/quotes", help="corpus folder or file (default: data/quotes)")
    p.set_defaults(func=cmd_data)

    p = sub.add_parser("export-onnx", help="export a model folder to ONNX (int8)",
                       description="Export to ONNX, fuse for CPU with ONNX Runtime's BERT optimizer, then int8 dynamic quantisation.")
    p.add_argument("--model", default=DEFAULT_MODEL, help=f"model folder (default: {DEFAULT_MODEL})")
    p.add_argument("--no-quantize", action="store_true", help="keep float32 weights")
    p.set_defaults(func=cmd_export_onnx)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the network at run time
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    args = build_parser().parse_args(argv)
    if args.command != "train":  # keep our own progress bars; drop transformers' per-load "Loading weights" bars
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    try:
        return args.func(args)
    except (FileNotFoundError, FileExistsError, ValueError, PermissionError, NotImplementedError) as e:
        print(f"quotestance {args.command}: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"quotestance {args.command}: interrupted (rerun with --resume to continue)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
