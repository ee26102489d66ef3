"""Streaming batch runs (articles → statements → stances, or rows → stances) that lose nothing.

Every input record is accounted for: an article is listed in the manifest (with its number of
statements, zero included) and its statements are in the output, or the record is in the errors file.
Work is committed chunk by chunk (`committer.Committer`); after a kill, `resume=True` skips the records
already done, so the final output holds every record exactly once. Final files are written atomically.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..extraction import DEFAULT_MAX_CHARS, extract_statements, load_ner, read_articles
from ..records import EXTRACTED, Article, Fields, ManifestEntry, ReadError, Statement, arrow_schema, stance_fields
from .committer import Committer, Streams
from .files import RunPaths, inputs_outside, run_paths
from .summaries import MIN_DYAD, write_summaries

if TYPE_CHECKING:
    from spacy.language import Language

    from ..stance import StanceClassifier

CHUNK_ARTICLES = 64


def output_schemas(groups: tuple[str, ...] = ()):
    """The Parquet schemas of statement rows (of `groups`, default all) and error rows; the local and Ray engines share them."""
    return arrow_schema(Statement, *groups), arrow_schema(ReadError)


@dataclass
class RunStats:
    records: int = 0
    errors: int = 0
    outputs: int = 0
    skipped: int = 0
    seconds: float = 0.0
    files: dict[str, str] = field(default_factory=dict)
    note: str = ""  # what a person should know about the run (a resume that found nothing to do)


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


def _run(
    items: Iterable[Article | ReadError],
    paths: RunPaths,
    process: Process,
    streams: Streams,
    resume: bool,
    overwrite: bool,
    progress: bool,
    desc: str,
    chunk_size: int,
) -> RunStats:
    from tqdm.auto import tqdm

    committer = Committer(streams, paths.progress, resume, overwrite)
    stats, started = RunStats(), time.perf_counter()
    stats.files = {name: str(final) for name, (final, _) in streams.items()}
    if committer.finished:
        stats.note = (
            f"nothing to resume: the run at {paths.output} finished earlier, and records added to the inputs since "
            "are not read; pass --overwrite to run again"
        )
        return stats
    bar = tqdm(desc=desc, unit="row" if desc == "classify" else "article", disable=not progress, dynamic_ncols=True, smoothing=0.1)
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


def statement_rows(
    articles: list[Article], classifier: StanceClassifier | None = None, explain: bool = False, nlp: Language | None = None
) -> dict[str, list[dict[str, Any]]]:
    """For a batch of articles: "output" rows (statements, with stance when a classifier is given, in article
    order), "errors" rows, and "manifest" rows (one per article, with its number of statements, zero included).

    The one place that makes these rows: the local and the Ray engines both call it.
    """
    found: list[Statement] = []
    errors, manifest = [], []
    for a in articles:
        try:
            statements = extract_statements(a, nlp)
        except Exception as e:  # one bad article must not stop the run; it is accounted for
            errors.append(ReadError(a.origin, f"{type(e).__name__}: {e}", a.id, stage="extract").to_dict())
            continue
        country = a.meta.get("country")
        country = None if country in (None, "") else str(country)
        found += [replace(s, published=a.published, source=a.source, country=country) for s in statements]
        manifest.append(ManifestEntry(a.id, a.origin, a.published, a.source, country, len(statements), a.title, a.text).to_dict())
    if classifier is None:
        output = [s.to_dict((EXTRACTED,)) for s in found]
    else:
        results = classifier.predict([s.text for s in found], explain=explain)
        output = [s.with_stance(res, classifier.name).to_dict() for s, res in zip(found, results)]
    return {"output": output, "errors": errors, "manifest": manifest}


def extract_articles(
    inputs: str | Path | Iterable[str | Path],
    output: str | Path,
    *,
    fields: Fields | None = None,
    errors: str | Path | None = None,
    resume: bool = False,
    overwrite: bool = False,
    progress: bool = True,
    chunk_size: int = CHUNK_ARTICLES,
    max_chars: int = DEFAULT_MAX_CHARS,
    ner: bool = False,
) -> RunStats:
    """Articles → attributed statements (no model), streamed like `predict_articles`: resumable, every record accounted for."""
    paths = run_paths(output, errors)
    schema, _ = output_schemas((EXTRACTED,))
    streams = {"output": (paths.output, schema), "errors": (paths.errors, None), "manifest": (paths.manifest, None)}
    items = read_articles(_inputs(inputs, paths), fields, max_chars)
    nlp = load_ner() if ner else None
    return _run(
        items, paths, lambda articles: statement_rows(articles, nlp=nlp), streams, resume, overwrite, progress, "extract", chunk_size
    )


def predict_articles(
    inputs: str | Path | Iterable[str | Path],
    output: str | Path,
    classifier: StanceClassifier,
    *,
    fields: Fields | None = None,
    errors: str | Path | None = None,
    resume: bool = False,
    overwrite: bool = False,
    progress: bool = True,
    summaries: bool = True,
    chunk_size: int = CHUNK_ARTICLES,
    max_chars: int | None = None,
    explain: bool = False,
    ner: bool = False,
    min_dyad: int = MIN_DYAD,
) -> RunStats:
    """Articles → attributed statements → stances, streamed to `output`, with a manifest and summaries beside it
    (dyads of fewer than `min_dyad` statements are left out of the dyad plots)."""
    paths = run_paths(output, errors)
    schema, _ = output_schemas()  # the errors file is JSONL here; Ray writes error rows to Parquet
    streams = {"output": (paths.output, schema), "errors": (paths.errors, None), "manifest": (paths.manifest, None)}
    items = read_articles(_inputs(inputs, paths), fields, max_chars or DEFAULT_MAX_CHARS)
    nlp = load_ner() if ner else None
    stats = _run(
        items,
        paths,
        lambda articles: statement_rows(articles, classifier, explain, nlp),
        streams,
        resume,
        overwrite,
        progress,
        "predict",
        chunk_size,
    )
    if summaries:
        stats.files.update(write_summaries(paths, min_dyad=min_dyad))
    return stats


def _stance_record(base: dict[str, Any], result: dict[str, Any], model: str) -> dict[str, Any]:
    """`base` plus the stance fields; a stance field whose name the input already uses (a gold `label`,
    say) is written as `pred_<name>` so that no input value is overwritten; `evidence` only when asked for."""
    fields = {k: v for k, v in stance_fields(result, model).items() if k != "evidence" or v is not None}
    return {**base, **{(f"pred_{k}" if k in base else k): v for k, v in fields.items()}}


def classify_rows(
    inputs: str | Path | Iterable[str | Path],
    output: str | Path,
    classifier: StanceClassifier,
    *,
    text_field: str = "text",
    id_field: str = "id",
    errors: str | Path | None = None,
    resume: bool = False,
    overwrite: bool = False,
    progress: bool = True,
    chunk_size: int = 512,
    explain: bool = False,
) -> RunStats:
    """Any rows with a text field → the same rows plus stance fields (text kept exactly as given)."""
    paths = run_paths(output, errors)
    fields = Fields(id=id_field, text=text_field, title="\0", published="\0", source="\0", url="\0")

    def process(rows: list[Article]) -> dict[str, list[dict[str, Any]]]:
        results = classifier.predict([r.text for r in rows], explain=explain)
        return {
            "output": [
                _stance_record({id_field: r.id, text_field: r.text, **r.meta}, res, classifier.name) for r, res in zip(rows, results)
            ]
        }

    streams = {"output": (paths.output, None), "errors": (paths.errors, None)}
    items = read_articles(_inputs(inputs, paths), fields, clean=False)
    return _run(items, paths, process, streams, resume, overwrite, progress, "classify", chunk_size)
