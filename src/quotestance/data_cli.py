"""`quotestance data …`: validate, stats, import, split."""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def run_data(args: argparse.Namespace) -> int:
    from . import corpus

    if args.data_command == "validate":
        problems = corpus.validate(args.path)
        for p in problems:
            print(p)
        if problems:
            print(f"{len(problems)} problem(s)")
            return 1
        print(f"{args.path}: OK ({len(corpus.load_corpus(args.path))} rows)")
        return 0
    if args.data_command == "stats":
        markdown = corpus.stats_markdown(corpus.load_corpus(args.path), cues=args.cues or bool(args.write))
        if args.write:
            corpus.write_stats_section(args.write, markdown)
            print(f"updated the generated tables in {args.write}")
        else:
            print(markdown)
        return 0
    if args.data_command == "split":
        return write_splits(args.path)
    if args.data_command == "agreement":
        from .io import read_jsonl

        result = corpus.agreement(corpus.load_corpus(args.path), list(read_jsonl(args.second)))
        print(f"rows {result['n']}, observed agreement {result['observed_agreement']:.3f}, Cohen's kappa {result['kappa']:.3f}; "
              f"conciliatory vs hostile ({result['n_conciliatory_vs_hostile']} rows) kappa {result['kappa_conciliatory_vs_hostile']:.3f}")
        print("per label (one vs rest): " + ", ".join(f"{k} {v:.3f}" for k, v in result["kappa_per_label"].items()))
        for d in result["disagreements"]:
            print(f"  {d['id']}: corpus {d['first']}, second {d['second']}: {d['text']}" + (f"  [{d['note']}]" if d["note"] else ""))
        return 0
    from .importers import IMPORTERS
    from .io import write_records

    importer = IMPORTERS[args.format]
    kwargs = {}
    if args.format in ("keep_it_local", "cameo"):
        kwargs["neutral"] = args.neutral
    if args.format == "table":
        kwargs.update(text_field=args.text_field, label_field=args.label_field)
    if args.label_map:
        kwargs["label_map" if args.format == "table" else "choice_map"] = json.loads(args.label_map)
    rows = list(importer(args.input, **kwargs))
    bad = [r for r in rows if r["label"] not in {"conciliatory", "hostile", "neutral"}]
    if bad:
        raise ValueError(f"{args.input}: {len(bad)} rows have labels outside the label set, e.g. {bad[0]['label']!r}; pass --label-map")
    write_records(args.output, rows)
    print(f"{len(rows)} rows -> {args.output}")
    return 0


def write_splits(path: str | Path) -> int:
    """Fill in `split` where missing (by group hash), keeping every stored split as it is."""
    from .corpus import corpus_files, split_for_group
    from .io import write_text

    changed = 0
    for f in corpus_files(path):
        lines = []
        for n, line in enumerate(f.read_text(encoding="utf-8").split("\n"), 1):  # not splitlines(): U+2028 is text
            if line.strip():
                row = json.loads(line)
                if "split" not in row:
                    if not row.get("group"):
                        raise ValueError(f"{f}:{n}: row has no group, so it cannot be given a split")
                    row["split"] = split_for_group(str(row["group"]))
                    changed += 1
                lines.append(json.dumps(row, ensure_ascii=False))
        write_text(f, "\n".join(lines) + "\n")
    print(f"{changed} rows given a split")
    return 0
