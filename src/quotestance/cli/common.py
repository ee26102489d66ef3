"""Arguments shared by several commands, and the one way a command turns them into library calls."""

from __future__ import annotations

import argparse

from ..extraction import expand_inputs
from ..records import Fields
from ..runs import run_paths
from ..stance import BACKENDS, StanceClassifier

DEFAULT_MODEL = "models/default"


def add_field_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("collection fields (JSONL, CSV, Parquet)")
    g.add_argument("--id-field", default="id", help="field holding the article id (default: id)")
    g.add_argument("--text-field", default="text", help="field holding the article text (default: text)")
    g.add_argument("--title-field", default="title", help="field holding the title (default: title)")
    g.add_argument("--date-field", default="published", help="field holding the ISO date (default: published)")


def fields(args: argparse.Namespace) -> Fields:
    return Fields(id=args.id_field, text=args.text_field, title=args.title_field, published=args.date_field)


def add_run_args(p: argparse.ArgumentParser, *, model: bool = True) -> None:
    p.add_argument("-o", "--output", required=True, help="output file: .jsonl, .csv or .parquet")
    if model:
        p.add_argument("--model", default=DEFAULT_MODEL, help=f"model folder (default: {DEFAULT_MODEL})")
        p.add_argument(
            "--backend", choices=list(BACKENDS), default="torch", help="inference backend (onnx needs the onnx extra and export-onnx)"
        )
        p.add_argument("--batch-size", type=int, default=32, help="statements per forward pass (default: 32)")
        p.add_argument("--device", default=None, help="cpu, cuda, cuda:1 … (default: cuda when present)")
        p.add_argument("--explain", action="store_true", help="add `evidence`: the 5 words that drove each label (occlusion)")
        p.add_argument(
            "--labels",
            choices=["binary", "three_class"],
            default=None,
            help="label view: binary shows a three-class model's label as the likelier of conciliatory and hostile "
            "(probs keep all three); default: the model's own labels",
        )
    p.add_argument("--errors", default=None, help="errors file (default: <output stem>.errors.jsonl beside the output)")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run, skipping records already written")
    p.add_argument("--overwrite", action="store_true", help="replace existing outputs")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--chunk-size", type=int, default=None, help="records committed together (default: 64 articles / 512 rows)")


def classifier(args: argparse.Namespace) -> StanceClassifier:
    """Check the cheap things (output format, inputs) before loading a model, then load it."""
    run_paths(args.output, args.errors)
    expand_inputs(args.inputs)
    return StanceClassifier.from_pretrained(
        args.model, device=args.device, batch_size=args.batch_size, backend=args.backend, view=args.labels
    )
