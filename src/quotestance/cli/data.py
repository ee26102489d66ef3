"""`data …`: validate, stats, import, split and agreement over the corpus."""

from __future__ import annotations

import argparse
import json

from ..corpus import IMPORTERS, agreement, import_rows, load_corpus, stats_markdown, validate, write_splits, write_stats_section
from ..io import read_jsonl, write_records
from ..labels import ALL_LABELS
from . import labelling


def cmd_validate(args: argparse.Namespace) -> int:
    problems = validate(args.path)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    print(f"{args.path}: OK ({len(load_corpus(args.path))} rows)")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    markdown = stats_markdown(load_corpus(args.path), cues=args.cues or bool(args.write))
    if args.write:
        write_stats_section(args.write, markdown)
        print(f"updated the generated tables in {args.write}")
    else:
        print(markdown)
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    print(f"{write_splits(args.path)} rows given a split")
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    result = agreement(load_corpus(args.path), list(read_jsonl(args.second)))
    print(
        f"rows {result['n']}, observed agreement {result['observed_agreement']:.3f}, Cohen's kappa {result['kappa']:.3f}; "
        f"conciliatory vs hostile ({result['n_conciliatory_vs_hostile']} rows) kappa {result['kappa_conciliatory_vs_hostile']:.3f}"
    )
    print("per label (one vs rest): " + ", ".join(f"{k} {v:.3f}" for k, v in result["kappa_per_label"].items()))
    for d in result["disagreements"]:
        print(f"  {d['id']}: corpus {d['first']}, second {d['second']}: {d['text']}" + (f"  [{d['note']}]" if d["note"] else ""))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    if args.format == "label_studio":
        return labelling.import_label_studio(args)
    options = {"text_field": args.text_field, "label_field": args.label_field} if args.format == "table" else {}
    label_map = json.loads(args.label_map) if args.label_map else None
    rows = list(import_rows(args.format, args.input, neutral=args.neutral, label_map=label_map, **options))
    bad = [r for r in rows if r["label"] not in ALL_LABELS]
    if bad:
        raise ValueError(f"{args.input}: {len(bad)} rows have labels outside the label set, e.g. {bad[0]['label']!r}; pass --label-map")
    write_records(args.output, rows)
    print(f"{len(rows)} rows -> {args.output}")
    return 0


def cmd_soft_labels(args: argparse.Namespace) -> int:
    from ..training.distil import make_soft_labels

    meta = make_soft_labels(args.teacher, args.data or ["data/quotes"], args.pool or None, args.output, batch_size=args.batch_size)
    print(
        f"{meta['n_train_rows']} train rows + {meta['n_pool_rows']} pool rows labelled by {meta['teacher']} "
        f"(teacher {meta['teacher_fingerprint']}, corpus {meta['corpus_fingerprint'][:16]}) -> {args.output}"
    )
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "data", help="corpus tools: validate, stats, import, split, agreement, soft-labels, suggest, audit", description="Corpus tools."
    )
    dsub = p.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    d = dsub.add_parser("validate", help="check schema, labels, duplicates, split leaks and gold articles")
    d.add_argument("path", nargs="?", default="data", help="corpus folder or file (default: data)")
    d.set_defaults(func=cmd_validate)
    d = dsub.add_parser("stats", help="datasheet tables (Markdown)")
    d.add_argument("path", nargs="?", default="data", help="corpus folder or file (default: data)")
    d.add_argument("--cues", action="store_true", help="also measure how much the top-20 words give the label away")
    d.add_argument("--write", metavar="DATASHEET", help="replace the generated section of this datasheet (implies --cues)")
    d.set_defaults(func=cmd_stats)
    d = dsub.add_parser("import", help="convert a public or exported set into corpus rows")
    d.add_argument("format", choices=list(IMPORTERS), help="input kind")
    d.add_argument("input", help="input file")
    d.add_argument("-o", "--output", required=True, help="output JSONL")
    d.add_argument("--neutral", action="store_true", help="map the no-stance code to neutral (keep_it_local, cameo)")
    d.add_argument("--text-field", default="text", help="(table) text column")
    d.add_argument("--label-field", default="label", help="(table) label column")
    d.add_argument("--label-map", default=None, help="(table, label_studio) JSON object mapping raw labels to ours")
    d.add_argument("--errors", default=None, help="(label_studio) refused tasks (default: <output stem>.refused.csv)")
    d.add_argument("--overwrite", action="store_true", help="(label_studio) replace existing outputs")
    d.set_defaults(func=cmd_import)
    d = dsub.add_parser("split", help="write the stored split of every row (by group hash; existing splits kept)")
    d.add_argument("path", nargs="?", default="data/quotes", help="corpus folder or file (default: data/quotes)")
    d.set_defaults(func=cmd_split)
    d = dsub.add_parser("agreement", help="Cohen's kappa against a second annotator's labels ({id, label} JSONL)")
    d.add_argument("second", help="the second annotator's JSONL")
    d.add_argument("path", nargs="?", default="data/quotes", help="corpus folder or file (default: data/quotes)")
    d.set_defaults(func=cmd_agreement)
    d = dsub.add_parser(
        "soft-labels",
        help="a teacher model's soft labels for the train rows and a pool (for distillation; GPU when present)",
        description="Label the corpus's train rows and an unlabelled pool with a teacher model folder, and write the "
        "soft-label file a student recipe reads (soft_labels = ...). Validation and test rows are never labelled.",
    )
    d.add_argument("--teacher", required=True, help="the teacher's model folder (e.g. models/mpnet)")
    d.add_argument(
        "--pool", default="data/distil/pool", help="unlabelled statements: a JSONL file {id, text} or a folder of them ('' for none)"
    )
    d.add_argument("--data", action="append", help="corpus folders or files (repeatable; default: data/quotes)")
    d.add_argument("-o", "--output", default="data/distil/soft_labels.json", help="soft-label file to write")
    d.add_argument("--batch-size", type=int, default=64, help="statements per teacher batch")
    d.set_defaults(func=cmd_soft_labels)
    labelling.add_parsers(dsub)
