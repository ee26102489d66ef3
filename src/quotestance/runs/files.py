"""The files of a run: output, errors, manifest, their work files and the summaries beside them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..extraction import expand_inputs
from ..io import table_format

SUMMARY_FILES = (
    "articles.csv",
    "speakers.csv",
    "affiliations.csv",
    "summary.json",
    "stance_over_time.png",
    "report.html",
    "dyads.csv",
    "dyads.png",
    "dyads_over_time.png",
)
# files quotestance runs write beside their outputs: never articles, wherever they lie among the inputs
RUN_FILE_SUFFIXES = (
    ".manifest.jsonl",
    ".errors.jsonl",
    ".report.html",
    ".partial.jsonl",
    ".progress.jsonl",
    ".refused.csv",
    *(f".{name}" for name in SUMMARY_FILES),
)


def is_run_file(path: Path) -> bool:
    """A file an earlier run wrote: its summaries and work files, or its output (which has a manifest beside it)."""
    if path.name.endswith(RUN_FILE_SUFFIXES):
        return True
    return path.suffix.lower() in (".jsonl", ".csv", ".parquet") and path.with_name(path.stem + ".manifest.jsonl").exists()


@dataclass
class RunPaths:
    """The files of one run: the output, the errors file, the article manifest, and their work files."""

    output: Path
    errors: Path

    def sibling(self, suffix: str) -> Path:
        """outputs/quotes.jsonl -> outputs/quotes.<suffix>"""
        return self.output.with_name(self.output.name[: -len(self.output.suffix)] + "." + suffix)

    @property
    def manifest(self) -> Path:
        return self.sibling("manifest.jsonl")

    @property
    def progress(self) -> Path:
        return self.output.with_name(self.output.name + ".progress.jsonl")

    @staticmethod
    def partial(final: Path) -> Path:
        return final.with_name(final.name + ".partial.jsonl")

    def work_files(self) -> list[Path]:
        return [self.progress] + [self.partial(p) for p in (self.output, self.errors, self.manifest)]

    def own_files(self) -> list[Path]:
        """Every file this run writes: never to be read back as its input."""
        return [self.output, self.errors, self.manifest, *self.work_files(), *(self.sibling(s) for s in SUMMARY_FILES)]


def run_paths(output: str | Path, errors: str | Path | None = None) -> RunPaths:
    """The run's files for an output path (whose extension names the format); errors default beside it."""
    output = Path(output)
    table_format(output)
    stem = output.name[: -len(output.suffix)]
    errors = Path(errors) if errors else output.with_name(f"{stem}.errors.jsonl")
    if errors.suffix.lower() != ".jsonl":
        raise ValueError(f"{errors}: the errors file is JSONL; name it *.jsonl")
    return RunPaths(output, errors)


def inputs_outside(inputs: str | Path | Iterable[str | Path], out_folder: str | Path, own: Iterable[Path] = ()) -> list[Path]:
    """Expand the inputs, leaving out this run's own files and, when the output folder is a subfolder
    of an input folder, everything under it (earlier outputs are not articles)."""
    inputs = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    own_files = {Path(p).resolve() for p in own}
    out = Path(out_folder).resolve()
    folders = [Path(i).resolve() for i in inputs if Path(i).is_dir()]
    nested = any(out != f and f in out.parents for f in folders)
    return [
        p
        for p in expand_inputs(inputs)
        if p.resolve() not in own_files and not (nested and out in p.resolve().parents) and not is_run_file(p)
    ]
