"""Streaming batch runs (articles → quotes → stances, or rows → stances) that lose nothing.

Every input record is accounted for: an article is listed in the manifest (with its number of
quotes, zero included) and its quotes are in the output, or the record is in the errors file. Work is
committed chunk by chunk: rows are appended to `<file>.partial.jsonl` work files, then one line in
`<output>.progress.jsonl` names the input records done and each file's byte offset. After a kill,
`resume=True` truncates the work files to the last commit and skips the records already done, so the
final output holds every record exactly once. The final files are written atomically at the end.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .articles import Article, Fields, ReadError, read_articles
from .io import convert_jsonl, dumps_record, table_format

CHUNK_ARTICLES = 64
SUMMARY_FILES = ("articles.csv", "speakers.csv", "countries.csv", "summary.json", "stance_over_time.png")  # see summaries.py


def output_schemas():  # noqa: ANN201
    """The Parquet schemas of stanced-quote rows and error rows (shared by the local and Ray engines)."""
    import pyarrow as pa

    s, i, f = pa.string(), pa.int64(), pa.float64()
    quotes = pa.schema([("article_id", s), ("index", i), ("text", s), ("start", i), ("end", i), ("speaker", s), ("cue", s),
                        ("partial", pa.bool_()), ("context", s), ("published", s), ("source", s), ("country", s), ("label", s),
                        ("confidence", f), ("probs", s), ("score", f), ("model", s)])
    errors = pa.schema([("origin", s), ("record_id", s), ("stage", s), ("reason", s)])
    return quotes, errors


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
    output = Path(output)
    table_format(output)
    stem = output.name[: -len(output.suffix)]
    errors = Path(errors) if errors else output.with_name(f"{stem}.errors.jsonl")
    if errors.suffix.lower() != ".jsonl":
        raise ValueError(f"{errors}: the errors file is JSONL; name it *.jsonl")
    return RunPaths(output, errors)


@dataclass
class RunStats:
    records: int = 0
    errors: int = 0
    outputs: int = 0
    skipped: int = 0
    seconds: float = 0.0
    files: dict[str, str] = field(default_factory=dict)


class Committer:
    """Appends lines to one partial file per stream and commits them with a progress line.

    Each progress line names the input records done and every stream's byte offset after them, so a
    resumed run truncates each partial file to the last commit and skips what is already done.
    """

    def __init__(self, streams: dict[str, tuple[Path, Any]], progress: Path, resume: bool, overwrite: bool) -> None:
        self.streams, self.progress = streams, progress
        self.done: set[str] = set()
        self.finished = False
        partials = {name: RunPaths.partial(final) for name, (final, _) in streams.items()}
        main_final = next(iter(streams.values()))[0]
        unfinished = progress.exists()  # the progress file is the run's state: finish() removes it first
        if not unfinished and main_final.exists() and any(p.exists() for p in partials.values()):
            for p in partials.values():  # a kill inside finish(), after the final files were written
                p.unlink(missing_ok=True)
        if resume and not unfinished and main_final.exists():
            self.finished = True  # the run completed earlier: nothing to resume
            return
        if resume and unfinished:
            offsets = {name: 0 for name in streams}
            with open(progress, "rb+") as f:
                data = f.read()
                f.truncate(data.rfind(b"\n") + 1 if data else 0)  # drop a torn last line: never committed
            for line in data[: data.rfind(b"\n") + 1].splitlines():
                entry = json.loads(line)
                self.done.update(entry["keys"])
                offsets = entry["offsets"]
            for name, path in partials.items():
                size = path.stat().st_size if path.exists() else 0
                if size < offsets[name]:
                    raise ValueError(f"{path}: shorter ({size} bytes) than its last commit ({offsets[name]}); "
                                     "the work files are damaged: pass --overwrite to start again")
                with open(path, "ab") as f:
                    f.truncate(offsets[name])
        else:
            if unfinished and not overwrite:
                raise FileExistsError(f"{main_final}: an unfinished run is here; pass --resume to continue it or --overwrite to start again")
            if main_final.exists() and not overwrite:
                raise FileExistsError(f"{main_final}: output exists; pass --overwrite to replace it")
            for path in [progress, *partials.values()]:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.unlink(missing_ok=True)
        self.files = {name: open(path, "a", encoding="utf-8") for name, path in partials.items()}
        self.prog = open(progress, "a", encoding="utf-8")

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
        for name, (final, schema) in self.streams.items():
            convert_jsonl(RunPaths.partial(final), final, schema=schema)
        self.progress.unlink(missing_ok=True)
        for final, _ in self.streams.values():
            RunPaths.partial(final).unlink(missing_ok=True)

    def close(self) -> None:
        for f in [*self.files.values(), self.prog]:
            f.close()


def _key(origin: str) -> str:
    """A resume key that does not depend on how the input path was typed (relative or absolute)."""
    cut = max(origin.rfind(":"), origin.rfind("#"))
    return os.path.abspath(origin[:cut]) + origin[cut:] if cut > 0 else origin


def _chunks(items: Iterable[Article | ReadError], size: int) -> Iterator[list[Article | ReadError]]:
    chunk: list[Article | ReadError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


Process = Callable[[list[Article]], dict[str, list[dict[str, Any]]]]


def _inputs(inputs: str | Path | Iterable[str | Path], paths: RunPaths) -> list[Path]:
    """The input files, listed before any run file exists, never including this run's own files."""
    return inputs_outside(inputs, paths.output.parent, paths.own_files())


def inputs_outside(inputs: str | Path | Iterable[str | Path], out_folder: str | Path, own: Iterable[Path] = ()) -> list[Path]:
    """Expand the inputs, leaving out this run's own files and, when the output folder is a subfolder
    of an input folder, everything under it (earlier outputs are not articles)."""
    from .articles import expand_inputs

    inputs = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    own_files = {Path(p).resolve() for p in own}
    out = Path(out_folder).resolve()
    folders = [Path(i).resolve() for i in inputs if Path(i).is_dir()]
    nested = any(out != f and f in out.parents for f in folders)
    return [p for p in expand_inputs(inputs)
            if p.resolve() not in own_files and not (nested and out in p.resolve().parents)]


def _run(items: Iterable[Article | ReadError], paths: RunPaths, process: Process, streams: dict[str, tuple[Path, Any]],
         resume: bool, overwrite: bool, progress: bool, unit: str, chunk_size: int) -> RunStats:
    from tqdm.auto import tqdm

    committer = Committer(streams, paths.progress, resume, overwrite)
    stats, started = RunStats(), time.perf_counter()
    stats.files = {name: str(final) for name, (final, _) in streams.items()}
    if committer.finished:
        return stats
    bar = tqdm(desc="predict" if unit == "article" else "classify", unit=unit, disable=not progress, dynamic_ncols=True, smoothing=0.1)
    try:
        for chunk in _chunks(items, chunk_size):
            todo = [it for it in chunk if _key(it.origin) not in committer.done]
            stats.skipped += len(chunk) - len(todo)
            if not todo:
                continue
            good = [it for it in todo if isinstance(it, Article)]
            rows = process(good) if good else {}
            rows["errors"] = [it.to_dict() for it in todo if isinstance(it, ReadError)] + rows.get("errors", [])
            committer.commit([_key(it.origin) for it in todo], rows)
            stats.records += len(todo)
            stats.errors += len(rows["errors"])
            stats.outputs += len(rows.get("output", []))
            bar.update(len(todo))
            elapsed = max(1e-9, time.perf_counter() - started)
            bar.set_postfix(outputs=stats.outputs, errors=stats.errors, per_s=f"{stats.outputs / elapsed:.1f}")
        bar.close()
        committer.finish()
    except BaseException:
        committer.close()
        raise
    stats.seconds = time.perf_counter() - started
    return stats


def _stance_record(base: dict[str, Any], result: dict[str, Any], model: str) -> dict[str, Any]:
    """`base` plus the stance fields; a stance field whose name the input already uses (a gold `label`,
    say) is written as `pred_<name>` so that no input value is overwritten."""
    stance = {"label": result["label"], "confidence": round(result["confidence"], 4),
              "probs": {k: round(v, 4) for k, v in result["probs"].items()}, "score": round(result["score"], 4), "model": model}
    return {**base, **{(f"pred_{k}" if k in base else k): v for k, v in stance.items()}}


def stanced_quotes(articles: list[Article], classifier) -> dict[str, list[dict[str, Any]]]:  # noqa: ANN001
    """For a batch of articles: "output" rows (quotes with stance, in article order), "errors" rows, and
    "manifest" rows (one per article, with its number of quotes, zero included).

    The one place that defines these rows: the local and the Ray engines both call it.
    """
    from .quotes import extract_quotes

    rows, errs, manifest = [], [], []
    for a in articles:
        try:
            quotes = extract_quotes(a)
        except Exception as e:  # one bad article must not stop the run; it is accounted for
            errs.append({"origin": a.origin, "record_id": a.id, "stage": "extract", "reason": f"{type(e).__name__}: {e}"})
            continue
        country = a.meta.get("country")
        country = None if country in (None, "") else str(country)
        for q in quotes:
            rows.append({**q.to_dict(), "published": a.published, "source": a.source, "country": country})
        manifest.append({"article_id": a.id, "origin": a.origin, "published": a.published, "source": a.source,
                         "country": country, "quotes": len(quotes)})
    results = classifier.predict([r["text"] for r in rows]) if rows else []
    return {"output": [_stance_record(r, res, classifier.name) for r, res in zip(rows, results)], "errors": errs,
            "manifest": manifest}


def predict_articles(inputs: str | Path | Iterable[str | Path], output: str | Path, classifier, *, fields: Fields | None = None,  # noqa: ANN001
                     errors: str | Path | None = None, resume: bool = False, overwrite: bool = False, progress: bool = True,
                     summaries: bool = True, chunk_size: int = CHUNK_ARTICLES, max_chars: int | None = None) -> RunStats:
    """Articles → attributed quotes → stances, streamed to `output`, with a manifest and summaries beside it."""
    from .articles import DEFAULT_MAX_CHARS

    paths = run_paths(output, errors)
    quote_schema, _ = output_schemas()  # the errors file is JSONL here; Ray writes error rows to Parquet
    streams = {"output": (paths.output, quote_schema), "errors": (paths.errors, None), "manifest": (paths.manifest, None)}
    items = read_articles(_inputs(inputs, paths), fields, max_chars or DEFAULT_MAX_CHARS)
    stats = _run(items, paths, lambda articles: stanced_quotes(articles, classifier), streams, resume, overwrite, progress,
                 "article", chunk_size)
    if summaries:
        from .summaries import write_summaries

        stats.files.update(write_summaries(paths))
    return stats


def classify_rows(inputs: str | Path | Iterable[str | Path], output: str | Path, classifier, *, text_field: str = "text",  # noqa: ANN001
                  id_field: str = "id", errors: str | Path | None = None, resume: bool = False, overwrite: bool = False,
                  progress: bool = True, chunk_size: int = 512) -> RunStats:
    """Any rows with a text field → the same rows plus stance fields (text kept exactly as given)."""
    paths = run_paths(output, errors)
    fields = Fields(id=id_field, text=text_field, title="\0", published="\0", source="\0", url="\0")

    def process(rows: list[Article]) -> dict[str, list[dict[str, Any]]]:
        results = classifier.predict([r.text for r in rows])
        return {"output": [_stance_record({id_field: r.id, text_field: r.text, **r.meta}, res, classifier.name)
                           for r, res in zip(rows, results)]}

    streams = {"output": (paths.output, None), "errors": (paths.errors, None)}
    items = read_articles(_inputs(inputs, paths), fields, clean=False)
    return _run(items, paths, process, streams, resume, overwrite, progress, "row", chunk_size)
