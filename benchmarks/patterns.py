"""Attribution patterns: how news writes who said what, one short snippet per pattern, scored.

    python benchmarks/patterns.py [--failures] [data/patterns/direct.jsonl ...]

`data/patterns/*.jsonl` (README there) holds snippets in the styles of wire, newspaper and broadcast
news with made-up people, each with the statements it holds: their text, speaker and, where a snippet
says, speaker affiliation and target codes. Prints, per file, how many expected statements are found
and how many of those get the right speaker, affiliation and target; `--failures` lists each miss by
pattern. The patterns were written to find failures and the rules were then tuned on them: these are
development numbers, not held-out ones (README, "Speakers on real pages").
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from quotestance import Article, extract_statements
from quotestance.evaluation.extraction import same_speaker

REPO = Path(__file__).resolve().parents[1]


def _any(value: object) -> list:
    return value if isinstance(value, list) else [value]


def score(path: Path, failures: bool = False) -> Counter:
    """Counts for one pattern file; prints each miss when `failures`."""
    counts: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        text = case["text"]
        found = extract_statements(Article(id=case["id"], text=text))
        used: set[int] = set()
        for want in case["expected"]:
            counts["expected"] += 1
            lo = text.index(want["text"])
            hi = lo + len(want["text"])
            overlaps = [(min(hi, s.end) - max(lo, s.start), i) for i, s in enumerate(found) if s.kind == want["kind"] and i not in used]
            best = max((o for o in overlaps if o[0] > 0), default=None)
            if best is None:
                counts["missed"] += 1
                if failures:
                    print(f"  {case['id']} [{case['pattern']}] MISSED {want['text'][:60]!r}")
                continue
            used.add(best[1])
            got = found[best[1]]
            counts["found"] += 1
            checks = {"speaker": any(same_speaker(s, got.speaker) for s in _any(want["speaker"]))}
            for key in ("speaker_affiliation_code", "target_code"):
                if key in want:
                    checks[key] = getattr(got, key) in _any(want[key])
            for key, ok in checks.items():
                counts[f"{key}_scored"] += 1
                counts[f"{key}_right"] += ok
                if failures and not ok:
                    print(
                        f"  {case['id']} [{case['pattern']}] {key}: want {want.get(key)!r}, got {getattr(got, key)!r} :: {want['text'][:50]!r}"
                    )
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="pattern files (default: every data/patterns/*.jsonl)")
    parser.add_argument("--failures", action="store_true", help="list each miss")
    args = parser.parse_args()
    files = args.files or sorted((REPO / "data" / "patterns").glob("*.jsonl"))
    print(f"{'file':<16} {'statements':>10} {'found':>7} {'speaker':>9} {'affiliation':>12} {'target':>9}")
    for path in files:
        c = score(path, args.failures)
        found = c["found"] / c["expected"] if c["expected"] else 0.0
        print(
            f"{path.stem:<16} {c['expected']:>10} {found:>7.3f} {_share(c, 'speaker'):>9} "
            f"{_share(c, 'speaker_affiliation_code'):>12} {_share(c, 'target_code'):>9}"
        )


def _share(counts: Counter, key: str) -> str:
    n = counts[f"{key}_scored"]
    return f"{counts[f'{key}_right'] / n:.3f}" if n else "—"


if __name__ == "__main__":
    main()
