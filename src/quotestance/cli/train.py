"""`train`: every TrainConfig key is a flag, documented from the dataclass (as HfArgumentParser does)."""

from __future__ import annotations

import argparse
import dataclasses
import typing
from typing import Any

from ..labels import LABEL_SETS
from ..stance import ModelInfo
from ..training import TrainConfig, train
from ..training.config import parse_overrides, parse_value

CHOICES = {"label_set": sorted(LABEL_SETS), "class_weights": ["auto", "on", "off"]}


def add_config_flags(p: argparse.ArgumentParser, cls: type = TrainConfig) -> None:
    """One flag per config key, with the key's documentation and default; a list key's flag is repeatable and
    replaces the recipe's list (`--data a --data b`); a bool key has --key / --no-key."""
    g = p.add_argument_group("config keys (override the --config file)")
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        flag = "--" + f.name.replace("_", "-")
        default = f.default_factory() if f.default is dataclasses.MISSING else f.default
        doc = f.metadata.get("doc", "").replace("%", "%%") + f" (default: {default!r})"
        kind = typing.get_origin(hints[f.name]) or hints[f.name]
        if kind is list:
            item = typing.get_args(hints[f.name])[0]
            g.add_argument(
                flag,
                dest=f.name,
                action="append",
                default=None,
                metavar="VALUE",
                type=str if item is str else parse_value,
                help=doc + "; repeatable",
            )
        elif kind is bool:
            g.add_argument(flag, dest=f.name, action=argparse.BooleanOptionalAction, default=None, help=doc)
        else:
            g.add_argument(flag, dest=f.name, type=kind, choices=CHOICES.get(f.name), default=None, help=doc)


def config_from_args(args: argparse.Namespace) -> TrainConfig:
    """The --config file, then --set KEY=VALUE items, then the key flags: later ones win."""
    flags: dict[str, Any] = {f.name: getattr(args, f.name) for f in dataclasses.fields(TrainConfig) if getattr(args, f.name) is not None}
    return TrainConfig.load(args.config, {**parse_overrides(args.set or []), **flags})


def cmd_train(args: argparse.Namespace) -> int:
    folder = train(config_from_args(args), overwrite=args.overwrite, resume=args.resume)
    info = ModelInfo.read(folder)
    if info.metrics:
        m = info.metrics["test"]
        print(
            f"\nmodel folder: {folder}\ntest split: accuracy {m['accuracy']:.3f}, macro-F1 {m['macro_f1']:.3f}, "
            f"ECE {info.metrics['ece_before']:.3f} -> {info.metrics['ece_after']:.3f} after temperature scaling"
        )
        for name, b in info.baselines.items():
            print(f"  baseline {name:<17} accuracy {b['accuracy']:.3f}, macro-F1 {b['macro_f1']:.3f}")
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "train",
        help="fine-tune a stance model",
        description="Fine-tune a transformer on the corpus (TrainConfig from TOML, overrides from flags).",
    )
    p.add_argument("--config", default="training/configs/default.toml", help="TOML config (default: training/configs/default.toml)")
    p.add_argument("--set", action="append", metavar="KEY=VALUE", help="any config key as TOML, e.g. --set learning_rate=3e-5 (repeatable)")
    p.add_argument("--resume", action="store_true", help="continue from the last checkpoint (the schedule continues)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing model folder")
    add_config_flags(p)
    p.set_defaults(func=cmd_train)
