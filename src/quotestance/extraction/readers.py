"""Reading articles: plain text, HTML and collections (JSONL, CSV, Parquet), streamed record by record.

Every input record becomes either an `Article` or a `ReadError` that names the file and line (or
record number), so a batch run can account for everything it was given.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..records import Article, Fields, ReadError
from .cleaning import clean_text, without_headline

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
COLLECTION_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".parquet"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | COLLECTION_SUFFIXES
DEFAULT_MAX_CHARS = 1_000_000  # ~150k words: far beyond any news article; larger inputs are dumps, not articles

HEADER = re.compile(r"^(title|published|date|source|url|author):[ \t]*(.*)$", re.IGNORECASE)


def iso_date(value: Any) -> str | None:
    """A date as YYYY-MM-DD when it can be read ("3 March 2024", "2024/03/01", "2024-03-01T10:00Z", a
    timestamp); any other non-empty value is kept as given, so nothing is lost."""
    if value in (None, ""):
        return None
    import datetime as dt

    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    import pandas as pd

    try:
        parsed = pd.to_datetime(text, utc=True, format="mixed", dayfirst=False)
    except (ValueError, TypeError, OverflowError):
        return text
    return text if pd.isna(parsed) else parsed.strftime("%Y-%m-%d")


def decode(data: bytes, origin: str) -> str:
    """UTF-8 (with or without BOM); Windows-1252 as the usual repair for legacy bytes.

    Raises ValueError for binary data, which no repair makes into an article.
    """
    if b"\x00" in data[:8192]:
        raise ValueError(f"{origin}: binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        print(f"warning: {origin}: invalid UTF-8 at byte {e.start}; decoded as Windows-1252", file=sys.stderr)
        return data.decode("cp1252", errors="replace")


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files, folders (searched recursively for supported files) and globs, in a stable order."""
    paths: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            paths.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED))
        elif p.exists():
            paths.append(p)
        else:
            matches = sorted(Path(m) for m in glob.glob(str(item), recursive=True))
            if not matches:
                raise FileNotFoundError(f"{item}: no such file, folder or glob match")
            paths.extend(m for m in matches if m.is_file())
    return paths


def _check(text: str, origin: str, max_chars: int) -> str | None:
    """The reason a text is not a usable article, or None."""
    if not text.strip():
        return "empty article text"
    if len(text) > max_chars:
        return f"article text is {len(text):,} characters, over the limit of {max_chars:,} (--max-chars)"
    return None


def _decoded(f: BinaryIO, path: Path) -> str | ReadError:
    """The file's text, or the error that names it (binary data)."""
    try:
        return decode(f.read(), str(path))
    except ValueError as e:
        return ReadError(f"{path}:1", str(e), path.stem)


def _whole_file_article(text: str, path: Path, max_chars: int, **about: Any) -> Article | ReadError:
    """A one-article file (txt, html) as an Article, or the reason it is not usable."""
    origin = f"{path}:1"
    if reason := _check(text, origin, max_chars):
        return ReadError(origin, reason, path.stem)
    return Article(id=path.stem, text=text, origin=origin, **about)


def _from_txt(f: BinaryIO, path: Path, max_chars: int) -> Iterator[Article | ReadError]:
    raw = _decoded(f, path)
    if isinstance(raw, ReadError):
        yield raw
        return
    meta: dict[str, str] = {}
    lines = raw.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines) and (m := HEADER.match(lines[i])):
        meta[m.group(1).lower()] = m.group(2).strip()
        i += 1
    if meta and (i == len(lines) or not lines[i].strip()):
        raw = "\n".join(lines[i:])
    else:
        meta = {}
    yield _whole_file_article(
        clean_text(raw),
        path,
        max_chars,
        title=meta.get("title"),
        published=iso_date(meta.get("published") or meta.get("date")),
        source=meta.get("source"),
        url=meta.get("url"),
        meta={k: v for k, v in meta.items() if k == "author"},
    )


def _with_block_quotes(body: Any) -> str:
    """The main text with each block quotation (trafilatura's `quote`: `<blockquote>`, `<q>`, a `<pre>` of prose) in
    quote marks, unless it has its own: pages set long quotes as blocks without marks ("<blockquote>I've been
    building relationships …</blockquote>"), and plain text would lose that they are speech. A block that repeats
    a body quote stays a pull quote (`attribution`)."""
    from trafilatura.xml import xmltotxt

    for quote in list(body.iter("quote")):
        words = " ".join("".join(quote.itertext()).split())
        prose = re.search(r"[^\W\d_]{2}[.!?…]", words)  # sentences, not a listing set in <pre> ("Revenue 2023: 4.1bn")
        if words and prose and not any(mark in words for mark in '“”"«»„') and quote.getparent() is not None:
            for child in list(quote):
                quote.remove(child)
            quote.text = f"“{words}”"
    return xmltotxt(body, False) or ""


def _from_html(f: BinaryIO, path: Path, max_chars: int) -> Iterator[Article | ReadError]:
    import trafilatura

    html = _decoded(f, path)
    if isinstance(html, ReadError):
        yield html
        return
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None:
        text = ""
    else:
        text = without_headline(clean_text(_with_block_quotes(doc.body) if doc.body is not None else doc.text or ""), doc.title)
    if not text:
        yield ReadError(f"{path}:1", "no main text found in the HTML (scripts, navigation or an empty page only)", path.stem)
        return
    yield _whole_file_article(
        text,
        path,
        max_chars,
        title=doc.title,
        published=iso_date(doc.date),
        source=doc.sitename,
        url=doc.url,
        meta={"author": doc.author} if doc.author else {},
    )


def _from_record(rec: Any, origin: str, fields: Fields, default_id: str, max_chars: int, clean: bool = True) -> Article | ReadError:
    if not isinstance(rec, dict):
        return ReadError(origin, f"record is a {type(rec).__name__}, not an object")
    rid = rec.get(fields.id)
    rid = str(rid) if rid not in (None, "") else default_id
    text = rec.get(fields.text)
    if text is None:
        return ReadError(origin, f"record has no {fields.text!r} field", rid)
    if not isinstance(text, str):
        return ReadError(origin, f"field {fields.text!r} is a {type(text).__name__}, not text", rid)
    text = clean_text(text) if clean else text.strip()
    if reason := _check(text, origin, max_chars):
        return ReadError(origin, reason, rid)
    named = {fields.id, fields.text, fields.title, fields.published, fields.source, fields.url}

    def opt(name: str) -> str | None:
        value = rec.get(name)
        return None if value in (None, "") else str(value)

    return Article(
        id=rid,
        text=text,
        title=opt(fields.title),
        published=iso_date(rec.get(fields.published)),
        source=opt(fields.source),
        url=opt(fields.url),
        meta={k: v for k, v in rec.items() if k not in named},
        origin=origin,
    )


def _from_jsonl(f: BinaryIO, path: Path, fields: Fields, max_chars: int, clean: bool) -> Iterator[Article | ReadError]:
    for n, raw in enumerate(f, 1):
        origin = f"{path}:{n}"
        if not raw.strip():
            continue
        try:
            rec = json.loads(decode(raw, origin))
        except (ValueError, json.JSONDecodeError) as e:
            yield ReadError(origin, f"not valid JSON: {e}")
            continue
        yield _from_record(rec, origin, fields, f"{path.stem}-{n}", max_chars, clean)


def _from_csv(raw: BinaryIO, path: Path, fields: Fields, max_chars: int, clean: bool) -> Iterator[Article | ReadError]:
    csv.field_size_limit(sys.maxsize)
    with io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames is None:
            return
        if fields.text not in reader.fieldnames:
            yield ReadError(f"{path}:1", f"CSV header has no {fields.text!r} column (columns: {', '.join(reader.fieldnames)})")
            return
        n = 1
        for rec in reader:
            n += 1
            yield _from_record(rec, f"{path}:{reader.line_num}", fields, f"{path.stem}-{n}", max_chars, clean)


def _from_parquet(f: BinaryIO, path: Path, fields: Fields, max_chars: int, clean: bool) -> Iterator[Article | ReadError]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(f)
    except Exception as e:  # pyarrow raises several types for a damaged file
        yield ReadError(f"{path}#0", f"not a readable Parquet file: {e}")
        return
    n = 0
    for batch in pf.iter_batches(batch_size=1024):
        for rec in batch.to_pylist():
            n += 1
            yield _from_record(rec, f"{path}#{n}", fields, f"{path.stem}-{n}", max_chars, clean)


def read_path(
    path: str | Path, fields: Fields | None = None, max_chars: int = DEFAULT_MAX_CHARS, clean: bool = True
) -> Iterator[Article | ReadError]:
    """Stream the articles (and read errors) of one file."""
    path = Path(path)
    try:
        f = open(path, "rb")
    except OSError as e:
        yield ReadError(f"{path}:1", f"cannot open: {e.strerror or e}", path.stem)
        return
    with f:
        yield from read_stream(f, path, fields, max_chars, clean)


def read_blob(
    data: bytes, name: str | Path, fields: Fields | None = None, max_chars: int = DEFAULT_MAX_CHARS, clean: bool = True
) -> Iterator[Article | ReadError]:
    """The same as `read_path` for a file's bytes (e.g. one fetched from a remote filesystem by Ray)."""
    yield from read_stream(io.BytesIO(data), Path(name), fields, max_chars, clean)


def read_stream(
    f: BinaryIO, path: Path, fields: Fields | None = None, max_chars: int = DEFAULT_MAX_CHARS, clean: bool = True
) -> Iterator[Article | ReadError]:
    """Dispatch on the file name's suffix; `path` names the records (ids, origins), `f` supplies the bytes.

    `clean=False` keeps a collection's text as given (only trimmed): for quotes, not articles."""
    fields = fields or Fields()
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        yield from _from_html(f, path, max_chars)
    elif suffix in {".jsonl", ".ndjson"}:
        yield from _from_jsonl(f, path, fields, max_chars, clean)
    elif suffix == ".csv":
        yield from _from_csv(f, path, fields, max_chars, clean)
    elif suffix == ".parquet":
        yield from _from_parquet(f, path, fields, max_chars, clean)
    else:
        yield from _from_txt(f, path, max_chars)


def read_articles(
    inputs: str | Path | Iterable[str | Path],
    fields: Fields | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    clean: bool = True,
) -> Iterator[Article | ReadError]:
    """Stream articles from files, folders and globs; never loads a collection whole."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for path in expand_inputs(inputs):
        yield from read_path(path, fields, max_chars, clean)


def load_articles(inputs: str | Path | Iterable[str | Path], **kwargs: Any) -> list[Article]:
    """All readable articles, raising on the first unreadable record (for interactive use)."""
    out = []
    for item in read_articles(inputs, **kwargs):
        if isinstance(item, ReadError):
            raise ValueError(f"{item.origin}: {item.reason}")
        out.append(item)
    return out
