"""Streaming batch runs (articles → quotes → stances, or rows → stances) that lose nothing.

Every input record ends in the output or in the errors file. Work is committed chunk by chunk: the
records are appended to `<output>.partial.jsonl`, then one line in `<output>.progress.jsonl` names the
input records done and the byte offsets reached. After a kill, `resume=True` truncates the partial
files to the last committed offsets and skips the records already done, so the final output holds
every record exactly once. The final files are written atomically at the end.
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
    output: Path
    errors: Path

    @property
    def partial(self) -> Path:
        return self.output.with_name(self.output.name + ".partial.jsonl")

    @property
    def errors_partial(self) -> Path:
        return self.errors.with_name(self.errors.name + ".partial")

    @property
    def progress(self) -> Path:
        return self.output.with_name(self.output.name + ".progress.jsonl")

    def sibling(self, suffix: str) -> Path:
        """outputs/quotes.jsonl -> outputs/quotes.<suffix>"""
        return self.output.with_name(self.output.name[: -len(self.output.suffix)] + "." + suffix)


def run_paths(output: str | Path, errors: str | Path | None = None) -> RunPaths:
    output = Path(output)
    table_format(output)
    stem = output.name[: -len(output.suffix)]
    return RunPaths(output, Path(errors) if errors else output.with_name(f"{stem}.errors.jsonl"))


@dataclass
class RunStats:
    records: int = 0
    errors: int = 0
    outputs: int = 0
    skipped: int = 0
    seconds: float = 0.0
    files: dict[str, str] = field(default_factory=dict)


class Committer:
    """Appends output and error lines and commits them with a progress line (see module docstring)."""

    def __init__(self, paths: RunPaths, resume: bool, overwrite: bool, schema=None) -> None:  # noqa: ANN001
        self.paths, self.schema = paths, schema
        self.done: set[str] = set()
        has_partial = paths.progress.exists() or paths.partial.exists()
        if resume and has_partial:
            out_at = err_at = 0
            with open(paths.progress, encoding="utf-8") as f:
                for line in f:
                    try:
                        entry = json.loads(line)
                    except json.JSONDecodeError:
                        break  # a torn last line: that chunk was never committed
                    self.done.update(entry["keys"])
                    out_at, err_at = entry["out"], entry["err"]
            for path, at in ((paths.partial, out_at), (paths.errors_partial, err_at)):
                with open(path, "ab") as f:
                    f.truncate(at)
            with open(paths.progress, "rb+") as f:  # drop a torn last line too
                data = f.read()
                f.truncate(data.rfind(b"\n") + 1 if data else 0)
        else:
            if has_partial and not overwrite:
                raise FileExistsError(f"{paths.partial}: an unfinished run is here; pass --resume to continue it or --overwrite to start again")
            if paths.output.exists() and not overwrite:
                raise FileExistsError(f"{paths.output}: output exists; pass --overwrite to replace it")
            paths.output.parent.mkdir(parents=True, exist_ok=True)
            paths.errors.parent.mkdir(parents=True, exist_ok=True)
            for p in (paths.partial, paths.errors_partial, paths.progress):
                p.unlink(missing_ok=True)
        self.out = open(paths.partial, "a", encoding="utf-8")
        self.err = open(paths.errors_partial, "a", encoding="utf-8")
        self.prog = open(paths.progress, "a", encoding="utf-8")

    def commit(self, keys: list[str], outputs: list[dict[str, Any]], errors: list[dict[str, Any]]) -> None:
        for r in outputs:
            self.out.write(dumps_record(r) + "\n")
        for e in errors:
            self.err.write(dumps_record(e) + "\n")
        for f in (self.out, self.err):
            f.flush()
            os.fsync(f.fileno())
        self.prog.write(json.dumps({"keys": keys, "out": self.out.tell(), "err": self.err.tell()}) + "\n")
        self.prog.flush()
        os.fsync(self.prog.fileno())
        self.done.update(keys)

    def finish(self) -> None:
        for f in (self.out, self.err, self.prog):
            f.close()
        convert_jsonl(self.paths.partial, self.paths.output, schema=self.schema)
        convert_jsonl(self.paths.errors_partial, self.paths.errors)
        for p in (self.paths.partial, self.paths.errors_partial, self.paths.progress):
            p.unlink(missing_ok=True)

    def close(self) -> None:
        for f in (self.out, self.err, self.prog):
            f.close()


def _chunks(items: Iterable[Article | ReadError], size: int) -> Iterator[list[Article | ReadError]]:
    chunk: list[Article | ReadError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run(items: Iterable[Article | ReadError], paths: RunPaths, process: Callable[[list[Article]], tuple[list[dict], list[dict]]],
         resume: bool, overwrite: bool, progress: bool, unit: str, chunk_size: int, schema=None) -> RunStats:  # noqa: ANN001
    from tqdm.auto import tqdm

    committer = Committer(paths, resume, overwrite, schema)
    stats, started = RunStats(), time.perf_counter()
    bar = tqdm(desc="predict", unit=unit, disable=not progress, dynamic_ncols=True, smoothing=0.1)
    try:
        for chunk in _chunks(items, chunk_size):
            todo = [it for it in chunk if it.origin not in committer.done]
            stats.skipped += len(chunk) - len(todo)
            if not todo:
                continue
            errors = [it.to_dict() for it in todo if isinstance(it, ReadError)]
            good = [it for it in todo if isinstance(it, Article)]
            outputs, more_errors = process(good) if good else ([], [])
            errors += more_errors
            committer.commit([it.origin for it in todo], outputs, errors)
            stats.records += len(todo)
            stats.errors += len(errors)
            stats.outputs += len(outputs)
            bar.update(len(todo))
            elapsed = max(1e-9, time.perf_counter() - started)
            bar.set_postfix(quotes=stats.outputs, errors=stats.errors, quotes_per_s=f"{stats.outputs / elapsed:.1f}")
        bar.close()
        committer.finish()
    except BaseException:
        committer.close()
        raise
    stats.seconds = time.perf_counter() - started
    stats.files = {"output": str(paths.output), "errors": str(paths.errors)}
    return stats


def _stance_record(base: dict[str, Any], result: dict[str, Any], model: str) -> dict[str, Any]:
    return {**base, "label": result["label"], "confidence": round(result["confidence"], 4),
            "probs": {k: round(v, 4) for k, v in result["probs"].items()}, "score": round(result["score"], 4), "model": model}


def stanced_quotes(articles: list[Article], classifier) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:  # noqa: ANN001
    """Output rows (quotes with stance, in article order) and error rows for a batch of articles.

    The one place that defines an output row: the local and the Ray engines both call it.
    """
    from .quotes import extract_quotes

    rows, errs = [], []
    for a in articles:
        try:
            for q in extract_quotes(a):
                country = a.meta.get("country")
                rows.append({**q.to_dict(), "published": a.published, "source": a.source,
                             "country": None if country in (None, "") else str(country)})
        except Exception as e:  # one bad article must not stop the run; it is accounted for
            errs.append({"origin": a.origin, "record_id": a.id, "stage": "extract", "reason": f"{type(e).__name__}: {e}"})
    results = classifier.predict([r["text"] for r in rows]) if rows else []
    return [_stance_record(r, res, classifier.name) for r, res in zip(rows, results)], errs


def predict_articles(inputs: str | Path | Iterable[str | Path], output: str | Path, classifier, *, fields: Fields | None = None,  # noqa: ANN001
                     errors: str | Path | None = None, resume: bool = False, overwrite: bool = False, progress: bool = True,
                     summaries: bool = True, chunk_size: int = CHUNK_ARTICLES, max_chars: int | None = None) -> RunStats:
    """Articles → attributed quotes → stances, streamed to `output`, with summaries beside it."""
    from .articles import DEFAULT_MAX_CHARS

    paths = run_paths(output, errors)
    items = read_articles(inputs, fields, max_chars or DEFAULT_MAX_CHARS)
    stats = _run(items, paths, lambda articles: stanced_quotes(articles, classifier), resume, overwrite, progress, "article",
                 chunk_size, output_schemas()[0])
    if summaries:
        from .summaries import write_summaries

        stats.files.update(write_summaries(paths))
    return stats


def classify_rows(inputs: str | Path | Iterable[str | Path], output: str | Path, classifier, *, text_field: str = "text",  # noqa: ANN001
                  id_field: str = "id", errors: str | Path | None = None, resume: bool = False, overwrite: bool = False,
                  progress: bool = True, chunk_size: int = 512) -> RunStats:
    """Any rows with a text field → the same rows plus stance fields."""
    paths = run_paths(output, errors)
    fields = Fields(id=id_field, text=text_field, title="\0", published="\0", source="\0", url="\0")

    def process(rows: list[Article]) -> tuple[list[dict], list[dict]]:
        results = classifier.predict([r.text for r in rows])
        return [_stance_record({id_field: r.id, text_field: r.text, **r.meta}, res, classifier.name) for r, res in zip(rows, results)], []

    items = read_articles(inputs, fields)
    return _run(items, paths, process, resume, overwrite, progress, "row", chunk_size)
