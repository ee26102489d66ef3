"""The `quotestance` command: a thin layer over the library (docs/ARCHITECTURE.md).

Each subcommand lives in its own module (`run`, `train`, `evaluate`, `data`), which adds its parser and
turns the parsed arguments into typed library calls; `main` adds the uniform error handling.
"""

from __future__ import annotations

import argparse
import sys

from .._version import __version__
from . import _offline, data, evaluate, run, train  # _offline first: it sets the offline environment

EXPECTED_ERRORS = (FileNotFoundError, FileExistsError, ValueError, PermissionError, NotImplementedError)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotestance", description="Statements in diplomatic news: who said what, and in what spirit.")
    parser.add_argument("--version", action="version", version=f"quotestance {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run.add_parsers(sub)
    train.add_parser(sub)
    evaluate.add_parser(sub)
    data.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    _offline.apply()
    args = build_parser().parse_args(argv)
    if args.command != "train":  # keep our own progress bars; drop transformers' per-load "Loading weights" bars
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    try:
        return args.func(args)
    except EXPECTED_ERRORS as e:
        print(f"quotestance {args.command}: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"quotestance {args.command}: interrupted (rerun with --resume to continue)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
