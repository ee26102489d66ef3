"""The labelled quote corpus: loading, validation, stored grouped splits and statistics.

Rows follow `records.CorpusRow`. Splits are stored in each row's `split` field and assigned by a
stable hash of `group`, so a scenario never straddles two splits and adding rows never moves old ones.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..extraction.readers import read_path
from ..extraction.spans import MARKS
from ..extraction.text import normalise
from ..io import write_text
from ..labels import ALL_LABELS
from ..records import CorpusRow, field_names, required_fields

REQUIRED = tuple(required_fields(CorpusRow))
SCHEMA = tuple(field_names(CorpusRow))
SPLITS = ("train", "validation", "test")
MAX_WORDS = 120


@dataclass
class Problem:
    where: str  # file:line
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def split_for_group(group: str) -> str:
    """train / validation / test (80/10/10) from a stable hash of the scenario id."""
    bucket = int(hashlib.sha1(group.encode("utf-8")).hexdigest(), 16) % 10
    return "test" if bucket == 9 else "validation" if bucket == 8 else "train"


def corpus_files(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted((p / "quotes").glob("*.jsonl")) if (p / "quotes").is_dir() else sorted(p.glob("*.jsonl")))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"{p}: no such corpus file or folder")
    return out


def load_corpus(paths: str | Path | Iterable[str | Path] = "data/quotes", strict: bool = True) -> list[dict[str, Any]]:
    """All rows of the corpus files, each with `split` filled in and `_where` (file:line) for messages.

    With `strict`, the first problem raises ValueError naming the file and line.
    """
    rows = []
    for where, row, bad in _read_rows(paths):
        if bad is not None:
            if strict:
                raise ValueError(str(bad))
            continue
        if strict and (problems := row_problems(row, where)):
            raise ValueError(str(problems[0]))
        if isinstance(row, dict):
            row.setdefault("split", split_for_group(str(row.get("group", row.get("id", "")))))
            row["_where"] = where
            rows.append(row)
    return rows


def _read_rows(paths: str | Path | Iterable[str | Path]) -> Iterator[tuple[str, Any, Problem | None]]:
    """(file:line, parsed row or None, problem or None) for every non-blank line of the corpus files."""
    for path in corpus_files(paths):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    where = f"{path}:{n}"
                    try:
                        yield where, json.loads(line), None
                    except json.JSONDecodeError as e:
                        yield where, None, Problem(where, f"not valid JSON: {e}")


def row_problems(row: Any, where: str, labels: Iterable[str] = ALL_LABELS) -> list[Problem]:
    if not isinstance(row, dict):
        return [Problem(where, "row is not a JSON object")]
    out = [Problem(where, f"missing field {k!r}") for k in REQUIRED if k not in row]
    text = row.get("text")
    if "text" in row and (not isinstance(text, str) or not text.strip()):
        out.append(Problem(where, "empty text"))
    elif isinstance(text, str) and len(text.split()) > MAX_WORDS:
        out.append(Problem(where, f"text has {len(text.split())} words (over {MAX_WORDS})"))
    if "label" in row and row["label"] not in set(labels):
        out.append(Problem(where, f"label {row['label']!r} is not one of {sorted(labels)}"))
    if "phenomena" in row and not isinstance(row["phenomena"], list):
        out.append(Problem(where, "phenomena must be a list"))
    if row.get("kind") not in (None, "direct", "reported"):
        out.append(Problem(where, f"kind {row['kind']!r} is not direct or reported"))
    elif row.get("kind") == "reported" and not row.get("cue"):
        out.append(Problem(where, "a reported row needs its cue"))
    if row.get("split") not in (None, *SPLITS):
        out.append(Problem(where, f"split {row['split']!r} is not one of {SPLITS}"))
    unknown = set(row) - set(SCHEMA)
    if unknown:
        out.append(Problem(where, f"unknown fields {sorted(unknown)}"))
    return out


def _trigrams(text: str) -> set[tuple[str, ...]]:
    toks = re.findall(r"\w+", text.lower())
    return {tuple(toks[i : i + 3]) for i in range(len(toks) - 2)} or {tuple(toks)}


def near_duplicates(rows: list[dict[str, Any]], threshold: float = 0.8) -> list[tuple[int, int, float]]:
    """Pairs of rows whose token-trigram Jaccard similarity is at least `threshold`."""
    grams = [_trigrams(r["text"]) for r in rows]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, g in enumerate(grams):
        for t in g:
            index[t].append(i)
    pairs = set()
    for i, g in enumerate(grams):
        candidates = {j for t in g for j in index[t] if j > i}
        for j in candidates:
            sim = len(g & grams[j]) / len(g | grams[j])
            if sim >= threshold:
                pairs.add((i, j, round(sim, 3)))
    return sorted(pairs)


def validate(path: str | Path = "data") -> list[Problem]:
    """Every problem in a corpus folder (quotes and gold articles) or file, one per line."""
    path = Path(path)
    problems: list[Problem] = []
    rows = []
    for where, row, bad in _read_rows(path):
        if bad is not None:
            problems.append(bad)
            continue
        problems += row_problems(row, where)
        if isinstance(row, dict) and isinstance(row.get("text"), str):
            row["_where"] = where
            rows.append(row)
    ids = Counter(r.get("id") for r in rows)
    for r in rows:
        if ids[r.get("id")] > 1:
            problems.append(Problem(r["_where"], f"duplicate id {r.get('id')!r}"))
    seen: dict[str, str] = {}
    for r in rows:
        key = re.sub(r"\W+", " ", r["text"].lower()).strip()
        if key in seen:
            problems.append(Problem(r["_where"], f"exact duplicate of {seen[key]}"))
        else:
            seen[key] = r["_where"]
    for i, j, sim in near_duplicates(rows):
        problems.append(Problem(rows[j]["_where"], f"near duplicate of {rows[i]['_where']} (trigram Jaccard {sim})"))
    group_splits: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        group_splits[str(r.get("group"))].add(r.get("split") or split_for_group(str(r.get("group"))))
    for r in rows:
        if len(group_splits[str(r.get("group"))]) > 1:
            problems.append(
                Problem(r["_where"], f"group {r.get('group')!r} leaks across splits {sorted(group_splits[str(r.get('group'))])}")
            )
    if path.is_dir() and (path / "articles").is_dir():
        problems += validate_articles(path / "articles")
    return problems


def validate_articles(folder: str | Path) -> list[Problem]:
    """Gold annotations must be well formed, and each gold quote and reported statement must occur in its article."""
    problems = []
    strip = re.compile("[" + re.escape("".join(MARKS)) + "]")
    for gold_path in sorted(Path(folder).glob("*.json")):
        txt = next((gold_path.with_suffix(x) for x in (".txt", ".html") if gold_path.with_suffix(x).exists()), None)
        if txt is None:
            problems.append(Problem(f"{gold_path}:1", f"no article {gold_path.stem}.txt or .html beside the gold file"))
            continue
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            problems.append(Problem(f"{gold_path}:1", f"not valid JSON: {e}"))
            continue
        article = next(read_path(txt))
        flat = normalise(strip.sub("", getattr(article, "text", "")))
        for k, item in enumerate(gold.get("furniture", [])):
            if normalise(strip.sub("", item)) not in flat:
                problems.append(Problem(f"{gold_path}:furniture {k}", f"furniture text not found in {txt.name}: {item[:60]!r}"))
        for kind, name in (("quotes", "quote"), ("reported", "reported statement")):
            for k, item in enumerate(gold.get(kind, [])):
                where = f"{gold_path}:{name} {k}"
                if item.get("label") not in ALL_LABELS:
                    problems.append(Problem(where, f"label {item.get('label')!r} is not valid"))
                if normalise(strip.sub("", item.get("text", ""))) not in flat:
                    problems.append(Problem(where, f"gold {name} not found in {txt.name}: {item.get('text', '')[:60]!r}"))
                if kind == "reported" and not (item.get("speaker") and item.get("cue")):
                    problems.append(Problem(where, "a reported statement needs a speaker and a cue"))
    return problems


def corpus_fingerprint(paths: str | Path | Iterable[str | Path]) -> str:
    """sha256 over the corpus files' bytes, in order: which data a model was trained on."""
    h = hashlib.sha256()
    for f in corpus_files(paths):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def write_splits(path: str | Path) -> int:
    """Fill in `split` where missing (by group hash), keeping every stored split as it is; returns rows changed."""
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
    return changed
