"""Writing records safely: atomic files and the three table formats (.jsonl, .csv, .parquet)."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .records import known_columns

FORMATS = (".jsonl", ".csv", ".parquet")


def table_format(path: str | Path) -> str:
    """The output format named by a path's extension; a clear error for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: unsupported output format {suffix or '(none)'!r}; use one of {', '.join(FORMATS)}")
    return suffix


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path` in one step.

    Readers never see a half-written file, and a crash leaves the old file (or none) in place.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a final file gets the usual permissions
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())  # on disk before it takes the final name
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_text(path: str | Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_json(path: str | Path, obj: Any) -> None:
    write_text(path, json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n")


def dumps_record(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, default=str)


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """Nested values (lists, dicts) become JSON strings so that CSV cells stay one value each."""
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v) for k, v in record.items()}


def convert_jsonl(src: str | Path, dest: str | Path, chunk_rows: int = 10_000, schema=None) -> None:
    """Copy a JSONL file into `dest`'s format, streaming in chunks, atomically."""
    fmt = table_format(dest)
    with atomic_path(dest) as tmp:
        if fmt == ".jsonl":
            with open(src, "rb") as fi, open(tmp, "wb") as fo:
                while block := fi.read(1 << 20):
                    fo.write(block)
        elif fmt == ".csv":
            columns: dict[str, None] = {}
            for r in read_jsonl(src):  # first pass: every column any row has, in order of appearance
                columns.update(dict.fromkeys(r))
            write_csv(tmp, read_jsonl(src), list(columns))
        else:
            _write_parquet(tmp, read_jsonl(src), chunk_rows, schema or infer_schema(read_jsonl(src)))


def infer_schema(records: Iterable[dict[str, Any]]):
    """A Parquet schema covering every column of every record: one type per column where all values
    agree (ints and floats make a float), text otherwise (nested values are written as JSON text)."""
    import pyarrow as pa

    kinds: dict[str, set[type]] = {}
    for r in records:
        for k, v in r.items():
            kinds.setdefault(k, set())
            if v is not None:
                kinds[k].add(str if isinstance(v, (dict, list)) else type(v))

    def arrow(types: set[type]):
        if types == {bool}:
            return pa.bool_()
        if types == {int}:
            return pa.int64()
        if types and types <= {int, float}:
            return pa.float64()
        return pa.string()

    return pa.schema([(k, arrow(t)) for k, t in kinds.items()])


def coerce(record: dict[str, Any], schema) -> dict[str, Any]:
    """Fit a record to `schema`: missing columns become null, values of a text column become text."""
    import pyarrow as pa

    out = {}
    for field in schema:
        v = record.get(field.name)
        if v is not None and pa.types.is_string(field.type) and not isinstance(v, str):
            v = json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else str(v)
        out[field.name] = v
    return out


def write_records(path: str | Path, records: Iterable[dict[str, Any]]) -> None:
    """Write records in the format `path` names, atomically."""
    fmt = table_format(path)
    with atomic_path(path) as tmp:
        if fmt == ".jsonl":
            with open(tmp, "w", encoding="utf-8") as f:
                for r in records:
                    f.write(dumps_record(r) + "\n")
        elif fmt == ".csv":
            write_csv(tmp, records)
        else:
            _write_parquet(tmp, records)


def write_csv(path: str | Path, records: Iterable[dict[str, Any]], columns: list[str] | None = None) -> None:
    """CSV with `columns` (default: the first record's keys; a later record with other keys is an error)."""
    import csv

    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = None
        for r in records:
            r = flatten(r)
            if writer is None:
                writer = csv.DictWriter(f, fieldnames=columns or list(r))
                writer.writeheader()
            try:
                writer.writerow(r)
            except ValueError as e:
                raise ValueError(f"{path}: a row has columns the first row lacks ({e})") from None


def _write_parquet(path: str | Path, records: Iterable[dict[str, Any]], chunk_rows: int = 10_000, schema=None) -> None:
    """Streamed in chunks, each record fitted to the schema (`coerce`). Without a schema, the first
    chunk's is inferred (`infer_schema`): a stream can be read only once."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, chunk = None, []

    def flush() -> None:
        nonlocal writer, schema
        if schema is None:
            schema = infer_schema(chunk)
        try:
            table = pa.Table.from_pylist([coerce(r, schema) for r in chunk], schema=schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
            raise ValueError(f"{path}: a column changes type between rows ({e}); write .jsonl or .csv instead") from None
        if writer is None:
            writer = pq.ParquetWriter(path, schema)
        writer.write_table(table)
        chunk.clear()

    for r in records:
        chunk.append(r)
        if len(chunk) >= chunk_rows:
            flush()
    if chunk:
        flush()
    if writer is None:  # no rows: an empty file that still has the columns when they are known
        pq.write_table(schema.empty_table() if schema is not None else pa.table({}), path)
        return
    writer.close()


def iter_records(path: str | Path, types: dict[str, type] | None = None) -> Iterator[dict[str, Any]]:
    """Stream the rows of a .jsonl, .csv or .parquet file written by `write_records`.

    Nested values written as JSON text are decoded; CSV cells of the output records' numeric and
    boolean columns are typed (`types`, default: every record of `records`); every other value stays
    exactly as written (ids stay "001")."""
    types = known_columns() if types is None else types
    fmt = table_format(path)
    if fmt == ".jsonl":
        yield from read_jsonl(path)
        return
    if fmt == ".csv":
        import csv

        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                yield {k: _csv_cell(v, types.get(k)) for k, v in row.items()}
        return
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=4096):
        for row in batch.to_pylist():
            yield {k: (_json_cell(v) if types.get(k) in (dict, list) else v) for k, v in row.items()}


def _json_cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def _csv_cell(value: str, kind: type | None) -> Any:
    if value == "":
        return None
    if kind in (dict, list):
        return _json_cell(value)
    if kind is bool:
        return {"True": True, "False": False}.get(value, value)
    if kind in (int, float):
        try:
            return int(value) if value.lstrip("-").isdigit() else float(value)
        except ValueError:
            return value
    return value


def check_overwrite(path: str | Path, overwrite: bool, *, exists: bool | None = None, what: str = "output") -> None:
    """Refuse to replace an existing output unless asked: the one "pass --overwrite" check of every command.

    `exists` overrides the plain existence test (a folder that exists but is empty, a remote URI)."""
    if (Path(path).exists() if exists is None else exists) and not overwrite:
        raise FileExistsError(f"{path}: {what} exists; pass --overwrite to replace it")


def read_output(output: str | Path) -> Iterator[dict[str, Any]]:
    """Rows of a predict or classify output file, or of a Ray output folder (OUTPUT/quotes/*.parquet)."""
    path = Path(output)
    if path.is_dir():
        shards = sorted((path / "quotes").glob("*.parquet")) or sorted(path.glob("*.parquet"))
        if not shards:
            raise FileNotFoundError(f"{path}: no Parquet shards (a Ray output folder holds quotes/*.parquet)")
        for shard in shards:
            yield from iter_records(shard)
        return
    table_format(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such output")
    yield from iter_records(path)
