"""Speaker affiliation and target resolution, measured: gold articles (development and held-out) and corpus rows.

    python benchmarks/parties.py

1. The gold articles (data/articles: development, the rules were tuned on it; data/articles_heldout: kept
   for the final number), matched statements of both kinds, extraction only: affiliation accuracy, target
   accuracy where the gold target is not null, null-target precision (before the neutral rule, which needs
   a classifier: `quotestance evaluate --end-to-end` applies it).
2. The corpus rows (data/quotes, mapped by data/corpus_parties.csv): where a row's text names a party other
   than the speaker's, is the first such party the row's `target`? The row's own speaker country stands in
   for the resolved affiliation, so this isolates target resolution from the statement's words.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

from quotestance.evaluation import evaluate_extraction
from quotestance.extraction.places import places

REPO = Path(__file__).resolve().parents[1]


def corpus_targets() -> dict[str, float]:
    mapping = {r["corpus_value"]: r["code"] or None for r in csv.DictReader(open(REPO / "data" / "corpus_parties.csv", encoding="utf-8"))}
    p = places()
    named = right = rows = 0
    for path in sorted((REPO / "data" / "quotes").glob("*.jsonl")):
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            rows += 1
            own, gold = mapping.get(r.get("country")), mapping.get(r.get("target"))
            found = [m.code for m in p.mentions(r["text"]) if m.code != own]
            if found and gold:
                named += 1
                right += found[0] == gold
    return {"rows": rows, "named": named, "accuracy": right / max(1, named)}


def main() -> None:
    print("gold articles, matched statements (direct + reported), extraction only")
    print(f"{'set':<22}{'affiliation':>12}{'target':>9}{'null-target P':>15}{'statements':>12}")
    for name, folder in (("development (tuned)", "articles"), ("held-out", "articles_heldout")):
        started = time.perf_counter()
        p = evaluate_extraction(REPO / "data" / folder)["parties"]
        print(
            f"{name:<22}{p['affiliation_accuracy']:>12.3f}{p['target_accuracy']:>9.3f}{p['null_target_precision']:>15.3f}"
            f"{p['affiliation_gold']:>12}   ({time.perf_counter() - started:.1f} s)"
        )
    c = corpus_targets()
    print(f"\ncorpus rows whose text names a party: {c['named']} of {c['rows']}; first named party = row target: {c['accuracy']:.3f}")


if __name__ == "__main__":
    main()
