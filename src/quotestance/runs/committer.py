"""Crash-safe appends: rows go to partial work files, and a progress line commits them.

Each progress line names the input records done and every stream's byte offset after them, so a
resumed run truncates each partial file to the last commit and skips what is already done.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..io import check_overwrite, convert_jsonl, dumps_record
from .files import RunPaths

Streams = dict[str, tuple[Path, Any]]  # name -> (final file, Parquet schema or None)


class Committer:
    """Appends lines to one partial file per stream and commits them with a progress line."""

    def __init__(self, streams: Streams, progress: Path, resume: bool, overwrite: bool) -> None:
        self.streams, self.progress = streams, progress
        self.done: set[str] = set()
        self.finished = False
        partials = {name: RunPaths.partial(final) for name, (final, _) in streams.items()}
        main_final = next(iter(streams.values()))[0]
        unfinished = progress.exists()  # the progress file is the run's state: finish() removes it first
        if not unfinished and main_final.exists():
            for p in partials.values():  # a kill inside finish(), after the final files were written
                p.unlink(missing_ok=True)
            if resume:
                self.finished = True  # the run completed earlier: nothing to resume
                return
        if resume and unfinished:
            self._restore(partials)
        else:
            self._start(partials, main_final, unfinished, overwrite)
        self.files = {name: open(path, "a", encoding="utf-8") for name, path in partials.items()}
        self.prog = open(progress, "a", encoding="utf-8")

    def _restore(self, partials: dict[str, Path]) -> None:
        """Read the commits so far and cut each partial file back to the last one (a torn tail was never committed)."""
        offsets = {name: 0 for name in partials}
        with open(self.progress, "rb+") as f:
            data = f.read()
            f.truncate(data.rfind(b"\n") + 1 if data else 0)  # drop a torn last line: never committed
        for line in data[: data.rfind(b"\n") + 1].splitlines():
            entry = json.loads(line)
            self.done.update(entry["keys"])
            offsets = entry["offsets"]
        for name, path in partials.items():
            size = path.stat().st_size if path.exists() else 0
            if size < offsets[name]:
                raise ValueError(
                    f"{path}: shorter ({size} bytes) than its last commit ({offsets[name]}); "
                    "the work files are damaged: pass --overwrite to start again"
                )
            with open(path, "ab") as f:
                f.truncate(offsets[name])

    def _start(self, partials: dict[str, Path], main_final: Path, unfinished: bool, overwrite: bool) -> None:
        """A new run: refuse to replace an earlier one unless asked, then clear its work files."""
        if unfinished and not overwrite:
            raise FileExistsError(f"{main_final}: an unfinished run is here; pass --resume to continue it or --overwrite to start again")
        for final, _ in self.streams.values():  # errors and manifest too: q.jsonl and q.parquet share them
            check_overwrite(final, overwrite)
        for path in [self.progress, *partials.values()]:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.unlink(missing_ok=True)

    def commit(self, keys: list[str], rows: dict[str, list[dict[str, Any]]]) -> None:
        for name, f in self.files.items():
            for r in rows.get(name, ()):
                f.write(dumps_record(r) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self.prog.write(json.dumps({"keys": keys, "offsets": {n: f.tell() for n, f in self.files.items()}}) + "\n")
        self.prog.flush()
        os.fsync(self.prog.fileno())
        self.done.update(keys)

    def finish(self) -> None:
        """Convert every partial file into its final file (atomically), then remove the work files.

        The progress file goes first: a kill after that leaves finished outputs and stray partials,
        which a resume recognises as a completed run; a kill before it leaves a resumable run."""
        self.close()
        for final, schema in self.streams.values():
            convert_jsonl(RunPaths.partial(final), final, schema=schema)
        self.progress.unlink(missing_ok=True)
        for final, _ in self.streams.values():
            RunPaths.partial(final).unlink(missing_ok=True)

    def close(self) -> None:
        for f in [*self.files.values(), self.prog]:
            f.close()
