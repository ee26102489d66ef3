"""Per-article, per-speaker, per-affiliation and per-dyad summaries of a predict output, and the plots.

Statements of one article are contiguous in the output, so article rows are written as the stream
goes; speaker and affiliation tables hold one entry per speaker or affiliation, never the statements
(the dyad tables, `quotestance.dyads`, hold each dyad's scores for its bootstrap interval). Direct
and reported statements are counted separately; a partial quote inside a reported statement
(`part_of`) is the same utterance, counted once, with the reported statement.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..dyads import MIN_DYAD, iso_date, write_dyads
from ..io import iter_records, read_output, write_json, write_records
from ..labels import CONCILIATORY, HOSTILE, NEUTRAL
from ..plots import score_over_time
from ..records import Tally
from .files import RunPaths


class _Agg:
    def __init__(self) -> None:
        self.n = 0
        self.kinds: dict[str, int] = defaultdict(int)
        self.score = 0.0
        self.labels: dict[str, int] = defaultdict(int)
        self.most_hostile: tuple[float, str] = (-2.0, "")
        self.most_conciliatory: tuple[float, str] = (2.0, "")
        self.by_date: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])

    def add(self, r: dict[str, Any]) -> None:
        s = float(r["score"])
        self.n += 1
        self.kinds[r.get("kind") or "direct"] += 1
        self.score += s
        self.labels[r["label"]] += 1
        if s > self.most_hostile[0]:
            self.most_hostile = (s, r["text"])
        if s < self.most_conciliatory[0]:
            self.most_conciliatory = (s, r["text"])
        if iso_date(r.get("published")):  # dates that could not be read stay in the rows, not in the time series
            d = self.by_date[str(r["published"])[:10]]
            d[0] += s
            d[1] += 1

    def row(self, **key: Any) -> dict[str, Any]:
        tally = Tally(
            quotes=self.n,
            direct=self.kinds.get("direct", 0),
            reported=self.kinds.get("reported", 0),
            conciliatory=self.labels.get(CONCILIATORY, 0),
            hostile=self.labels.get(HOSTILE, 0),
            neutral=self.labels.get(NEUTRAL, 0),
            mean_score=round(self.score / self.n, 4) if self.n else None,
            most_hostile=self.most_hostile[1] if self.n else None,
            most_conciliatory=self.most_conciliatory[1] if self.n else None,
        )
        return {**key, **asdict(tally)}


def _add_to_groups(r: dict[str, Any], speakers: dict[str, _Agg], affiliations: dict[str, _Agg]) -> None:
    """Count a statement for its speaker and, when it has one, its speaker affiliation."""
    speakers[r.get("speaker") or "(unknown)"].add(r)
    if r.get("speaker_affiliation"):
        affiliations[r["speaker_affiliation"]].add(r)


def write_summaries(paths: RunPaths, top_series: int = 8, min_dyad: int = MIN_DYAD) -> dict[str, str]:
    """Write <stem>.articles.csv, .speakers.csv, .affiliations.csv, .summary.json, .stance_over_time.png and the
    dyad files (.dyads.csv, .dyads.png, .dyads_over_time.png)."""
    speakers: dict[str, _Agg] = defaultdict(_Agg)
    affiliations: dict[str, _Agg] = defaultdict(_Agg)
    total = _Agg()
    files = {"articles": str(paths.sibling("articles.csv")), "speakers": str(paths.sibling("speakers.csv"))}

    def article_rows():
        """One row per article of the manifest (zero-quote articles too); its quotes follow in the same order."""
        quotes = iter_records(paths.output)
        for entry in iter_records(paths.manifest):
            agg = _Agg()
            for _ in range(int(entry["quotes"])):
                r = next(quotes)
                if r.get("part_of") is not None:
                    continue  # counted with the reported statement that holds it
                total.add(r)
                agg.add(r)
                _add_to_groups(r, speakers, affiliations)
            yield agg.row(article_id=entry["article_id"], published=entry.get("published"), source=entry.get("source"))

    write_records(files["articles"], article_rows())
    ranked = sorted(speakers.items(), key=lambda kv: -kv[1].n)
    write_records(files["speakers"], (a.row(speaker=name) for name, a in ranked))
    if affiliations:
        files["affiliations"] = str(paths.sibling("affiliations.csv"))
        ranked_aff = sorted(affiliations.items(), key=lambda kv: -kv[1].n)
        write_records(files["affiliations"], (a.row(speaker_affiliation=name) for name, a in ranked_aff))
    else:
        paths.sibling("affiliations.csv").unlink(missing_ok=True)  # not a stale one from an earlier run beside this output
    errors = sum(1 for _ in iter_records(paths.errors)) if paths.errors.exists() else 0
    summary = {
        "quotes": total.n,
        "direct": total.kinds.get("direct", 0),
        "reported": total.kinds.get("reported", 0),
        "errors": errors,
        "speakers": len(set(speakers) - {"(unknown)"}),
        "labels": dict(total.labels),
        "label_shares": {k: round(v / total.n, 4) for k, v in total.labels.items()} if total.n else {},
        "mean_score": round(total.score / total.n, 4) if total.n else None,
    }
    files["summary"] = str(paths.sibling("summary.json"))
    write_json(files["summary"], summary)
    source = affiliations if affiliations else speakers
    named = [(name, agg) for name, agg in sorted(source.items(), key=lambda kv: -kv[1].n) if name != "(unknown)"]
    series = {name: [(d, s / n, n) for d, (s, n) in agg.by_date.items()] for name, agg in named[:top_series]}
    plot = score_over_time(
        series,
        paths.sibling("stance_over_time.png"),
        f"Stance over time by {'speaker affiliation' if affiliations else 'speaker'} (top {top_series} by statements)",
    )
    if plot:
        files["plot"] = str(plot)
    else:
        paths.sibling("stance_over_time.png").unlink(missing_ok=True)
    files.update(write_dyads(paths.output, min_dyad=min_dyad))
    return files


def summarise_output(output: str | Path, stem: str | Path, min_dyad: int = MIN_DYAD) -> dict[str, str]:
    """Speaker, affiliation and dyad tables of an output without a manifest (a Ray output folder):
    <stem>.speakers.csv, .affiliations.csv and the dyad files, by the same code as `write_summaries`."""
    groups: dict[str, dict[str, _Agg]] = {"speaker": defaultdict(_Agg), "speaker_affiliation": defaultdict(_Agg)}
    for r in read_output(output):
        if r.get("part_of") is None and r.get("score") is not None:
            _add_to_groups(r, groups["speaker"], groups["speaker_affiliation"])
    base = Path(stem)
    files = {}
    for key, name in (("speaker", "speakers"), ("speaker_affiliation", "affiliations")):
        files[name] = str(base.with_name(f"{base.name}.{name}.csv"))
        ranked = sorted(groups[key].items(), key=lambda kv: -kv[1].n)
        write_records(files[name], (a.row(**{key: k}) for k, a in ranked))
    files.update(write_dyads(output, min_dyad=min_dyad, stem=base))
    return files
