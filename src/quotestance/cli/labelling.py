"""`data suggest`, `data import label_studio` and `data audit`: the labelling loop."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..corpus import load_corpus
from ..corpus.label_studio import read_export, task
from ..io import check_overwrite, iter_records, write_records, write_text
from ..labelling import find_label_issues, out_of_fold_probs, suggest
from ..labelling.suggest import model_name
from ..labels import THREE_CLASS
from ..records import model_view
from ..stance import check_model_folder
from ..tables import table
from .common import DEFAULT_MODEL


def cmd_suggest(args: argparse.Namespace) -> int:
    check_overwrite(args.output, args.overwrite)
    rows = suggest(iter_records(args.predictions), args.n, args.model, text_field=args.text_field, corpus=args.corpus or ["data/quotes"])
    if args.format == "json":
        name = model_name(args.model)
        tasks = [
            task(
                {
                    "text": r[args.text_field],
                    **{k: r.get(k) for k in ("speaker", "context", "article_id", "kind")},
                    "uncertainty": r["uncertainty"],
                },
                model_view(r).get("label"),
                model_view(r).get("confidence"),
                name,
            )
            for r in rows
        ]
        write_text(args.output, json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
    else:
        keep = (args.text_field, "speaker", "context", "article_id", "kind", "label", "confidence", "uncertainty")
        write_records(args.output, [{k: r.get(k) for k in keep} for r in rows])
    print(
        f"{len(rows)} statements to label -> {args.output}"
        + (" (Label Studio tasks; config: data/label_studio/config.xml)" if args.format == "json" else "")
    )
    return 0


def import_label_studio(args: argparse.Namespace) -> int:
    """The Label Studio branch of `data import`: rows and an errors file, both written whole or not at all."""
    export = read_export(args.input, json.loads(args.label_map) if args.label_map else None)
    out = Path(args.output)
    # .refused.csv, not .jsonl: the rows file may sit in a corpus folder, where every *.jsonl is read as corpus rows
    errors = Path(args.errors) if args.errors else out.with_name(out.name[: -len(out.suffix)] + ".refused.csv")
    for path in (out, errors):
        check_overwrite(path, args.overwrite)
    write_records(out, export.rows)
    write_records(errors, export.refused)
    print(f"{len(export.rows)} rows -> {out}; {len(export.refused)} tasks refused (no choice, or no majority) -> {errors}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    check_overwrite(args.output, args.overwrite)
    labels = list(check_model_folder(args.model).labels) if args.model else list(THREE_CLASS)
    rows = [r for r in load_corpus(args.path) if r["label"] in labels]
    probs = out_of_fold_probs(rows, labels, folds=args.folds, model=args.model)
    issues = find_label_issues(rows, probs, labels)
    write_records(args.output, issues)
    print(f"{len(issues)} likely label errors among {len(rows)} rows -> {args.output}; the first {min(args.show, len(issues))}:")
    shown = [[i["id"], i["text"], i["given_label"], i["suggested_label"], f"{i['self_confidence']:.2f}"] for i in issues[: args.show]]
    print(table(shown, ["id", "text", "given", "suggested", "conf."], [12, 60, 12, 12, 5]))
    return 0


def add_parsers(dsub: argparse._SubParsersAction) -> None:
    d = dsub.add_parser(
        "suggest",
        help="pick statements worth labelling (uncertain and diverse) as Label Studio tasks",
        description="Rank a predict/classify output by the model's uncertainty, spread the picks over its "
        "sentence embeddings, leave out texts already in the corpus.",
    )
    d.add_argument("predictions", help="a predict or classify output (.jsonl, .csv, .parquet)")
    d.add_argument("-o", "--output", required=True, help="tasks.json (Label Studio import), or .jsonl / .csv with --format")
    d.add_argument("--n", type=int, default=100, help="how many statements (default: 100)")
    d.add_argument("--model", default=DEFAULT_MODEL, help=f"model folder for labels and embeddings (default: {DEFAULT_MODEL})")
    d.add_argument(
        "--format", choices=["json", "jsonl", "csv"], default="json", help="json: Label Studio tasks (default); jsonl/csv: plain rows"
    )
    d.add_argument("--text-field", default="text", help="field holding the statement (default: text)")
    d.add_argument("--corpus", action="append", default=None, help="corpus to leave out (default: data/quotes; repeatable)")
    d.add_argument("--overwrite", action="store_true", help="replace an existing output")
    d.set_defaults(func=cmd_suggest)
    d = dsub.add_parser(
        "audit",
        help="list likely label errors (out-of-fold probabilities ranked by cleanlab)",
        description="Out-of-fold probabilities (grouped folds: a row is never scored by a model trained on it), "
        "ranked by cleanlab's find_label_issues.",
    )
    d.add_argument("path", nargs="?", default="data/quotes", help="corpus folder or file (default: data/quotes)")
    d.add_argument("-o", "--output", required=True, help="audit.csv (or .jsonl, .parquet)")
    d.add_argument(
        "--model", default=None, help="fine-tune K copies with this model's config (default: frozen embeddings + logistic regression)"
    )
    d.add_argument("--folds", type=int, default=5, help="K (default: 5)")
    d.add_argument("--show", type=int, default=20, help="rows printed (default: 20)")
    d.add_argument("--overwrite", action="store_true", help="replace an existing output")
    d.set_defaults(func=cmd_audit)
