"""Batch prediction on Ray Data: the same rows as the local engine, on a cluster you already run.

Files (local paths or any filesystem pyarrow supports: s3://, gs://, hdfs://) are read as bytes and
parsed by the same readers as the local engine, so every record has the same origin and id; quotes
are extracted and classified by a pool of actors (one model load per actor). Quote rows are written
as Parquet shards under OUTPUT/quotes/ with the local engine's schema, and unreadable records as rows
under OUTPUT/errors/: an error never fails the job. `ray.init()` joins the cluster named by
RAY_ADDRESS when it is set, else starts a local one. Optional extra: `pip install 'quotestance[ray]'`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..extraction import DEFAULT_MAX_CHARS, load_ner, read_blob
from ..io import check_overwrite, flatten
from ..records import Article, Fields, ReadError
from ..stance import StanceClassifier, check_model_folder
from .files import inputs_outside
from .runner import output_schemas, statement_rows


def _parse(row: dict[str, Any], fields: Fields, max_chars: int) -> list[dict[str, Any]]:
    out = []
    for item in read_blob(row["bytes"], row["path"], fields, max_chars):
        kind = "error" if isinstance(item, ReadError) else "article"
        out.append({"kind": kind, "payload": json.dumps(item.to_dict(), ensure_ascii=False, default=str)})
    return out


class _StanceActor:
    """Loads the classifier once; turns a batch of parsed records into quote rows and error rows."""

    def __init__(self, model: str, batch_size: int = 32, explain: bool = False, ner: bool = False) -> None:
        self.explain = explain
        self.nlp = load_ner() if ner else None
        self.clf = StanceClassifier.from_pretrained(model, batch_size=batch_size)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        articles, errors = [], []
        for kind, payload in zip(batch["kind"], batch["payload"]):
            rec = json.loads(payload)
            if kind == "article":
                articles.append(Article(**rec))
            else:
                errors.append({k: rec.get(k) for k in ("origin", "record_id", "stage", "reason")})
        found = statement_rows(articles, self.clf, self.explain, self.nlp)
        rows = found["output"]
        errors += found["errors"]
        return {
            "kind": ["quote"] * len(rows) + ["error"] * len(errors),
            "row": [json.dumps(flatten(r), ensure_ascii=False) for r in rows] + [json.dumps(e, ensure_ascii=False) for e in errors],
        }


def _to_table(batch: dict[str, Any], schema) -> Any:
    import pyarrow as pa

    return pa.Table.from_pylist([json.loads(r) for r in list(batch["row"])], schema=schema)


def _check_output(uri: str, overwrite: bool) -> None:
    """Refuse to mix a new run into an existing output folder (local or remote) unless asked to replace it."""
    import pyarrow.fs as pafs

    fs, path = pafs.FileSystem.from_uri(uri if "://" in uri else str(Path(uri).resolve()))
    info = fs.get_file_info(path)
    if info.type != pafs.FileType.NotFound and not overwrite:
        exists = info.type == pafs.FileType.File or bool(fs.get_file_info(pafs.FileSelector(path, allow_not_found=True)))
        check_overwrite(uri, overwrite, exists=exists)


def predict_articles_ray(
    inputs: list[str],
    output_dir: str | Path,
    model: str,
    *,
    fields: Fields | None = None,
    num_actors: int = 1,
    batch_size: int = 32,
    articles_per_batch: int = 64,
    max_chars: int = DEFAULT_MAX_CHARS,
    overwrite: bool = False,
    explain: bool = False,
    ner: bool = False,
) -> dict[str, int]:
    """Articles → stanced quotes on Ray Data; returns the counts of quote and error rows written."""
    try:
        import ray
        from ray.data import ActorPoolStrategy
        from ray.data.expressions import col
    except ImportError:
        raise ImportError("the Ray engine needs the ray extra: pip install 'quotestance[ray]'") from None
    check_model_folder(model)
    out = str(output_dir).rstrip("/")  # a URI (s3://…) or a local folder: never through Path, which eats "//"
    _check_output(out, overwrite)
    local = [i for i in inputs if "://" not in str(i)]
    out_local = Path(str(output_dir)) if "://" not in str(output_dir) else Path("/nonexistent-remote-output")
    paths = [str(p) for p in inputs_outside(local, out_local)] + [str(i) for i in inputs if "://" in str(i)]
    if not ray.is_initialized():
        ray.init(ignore_reinit_error=True, log_to_driver=False)
    fields = fields or Fields()
    quote_schema, error_schema = output_schemas()
    parsed = ray.data.read_binary_files(paths, include_paths=True).flat_map(_parse, fn_kwargs={"fields": fields, "max_chars": max_chars})
    # no repartition in front of the actor pool: on small machines that combination can deadlock
    results = parsed.map_batches(
        _StanceActor,
        fn_constructor_kwargs={"model": str(Path(model).resolve()), "batch_size": batch_size, "explain": explain, "ner": ner},
        compute=ActorPoolStrategy(size=num_actors),
        num_cpus=1,
        batch_size=articles_per_batch,
    ).materialize()
    counts = {}
    for kind, schema, folder in (("quote", quote_schema, f"{out}/quotes"), ("error", error_schema, f"{out}/errors")):
        part = results.filter(expr=col("kind") == kind)
        counts[kind] = part.count()
        part.map_batches(_to_table, fn_kwargs={"schema": schema}).write_parquet(folder, mode="overwrite")
    return counts
